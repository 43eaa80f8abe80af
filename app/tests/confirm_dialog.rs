//! The confirmation dialog in a real browser: the button asks, "no" closes the question
//! without doing anything, "yes" does it.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sito_app::components::ConfirmDialog;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The buttons under `root`, in order.
fn buttons(root: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let mut found = Vec::new();
    let mut next = root.first_element_child();
    while let Some(element) = next {
        next = element.next_element_sibling();
        if element.tag_name() == "BUTTON" {
            found.extend(element.dyn_into::<web_sys::HtmlElement>().ok());
        } else if let Ok(inner) = element.dyn_into::<web_sys::HtmlElement>() {
            found.extend(buttons(&inner));
        }
    }
    found
}

#[wasm_bindgen_test]
async fn asks_before_doing_and_no_does_nothing() {
    let document = document();
    let root: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div")
        .dyn_into()
        .expect("an HTML element");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let open = RwSignal::new(false);
    let done = RwSignal::new(0);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ConfirmDialog
                open
                id="prova-testo"
                class="notice error"
                ask=|| "Elimina"
                question=|| "Sei sicuro?"
                yes=|| "Sì, elimina"
                no=|| "Annulla"
                on_yes=move |()| done.update(|n| *n += 1)
            />
        }
    });

    let first = buttons(&root);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].text_content().as_deref(), Some("Elimina"));
    assert!(root.query_selector("[role=alertdialog]").unwrap().is_none());

    first[0].click();
    leptos::task::tick().await;
    let dialog = root
        .query_selector("[role=alertdialog]")
        .unwrap()
        .expect("the question shows");
    assert_eq!(
        dialog.get_attribute("aria-labelledby").as_deref(),
        Some("prova-testo")
    );
    assert_eq!(
        dialog.get_attribute("class").as_deref(),
        Some("notice error")
    );
    assert_eq!(
        document
            .get_element_by_id("prova-testo")
            .and_then(|q| q.text_content())
            .as_deref(),
        Some("Sei sicuro?")
    );
    let choices = buttons(&root);
    assert_eq!(
        choices
            .iter()
            .map(|b| b.text_content().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["Sì, elimina", "Annulla"]
    );

    choices[1].click();
    leptos::task::tick().await;
    assert!(!open.get_untracked());
    assert_eq!(done.get_untracked(), 0, "Annulla does nothing");
    assert!(root.query_selector("[role=alertdialog]").unwrap().is_none());

    buttons(&root)[0].click();
    leptos::task::tick().await;
    buttons(&root)[0].click();
    leptos::task::tick().await;
    assert_eq!(done.get_untracked(), 1, "Sì does it once");
}
