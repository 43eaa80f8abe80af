//! What a young person can do with an item: save it, share it, put it in the calendar.

use leptos::{prelude::*, task::spawn_local};
use sito_core::{ContentKind, Opportunity};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::{i18n::*, saved::use_saved};

/// Saves or unsaves an item on the device.
#[component]
pub fn SaveButton(
    /// What kind of item.
    kind: ContentKind,
    /// Its id.
    id: String,
) -> impl IntoView {
    let saved = use_saved();
    let i18n = use_i18n();
    let id_for_state = id.clone();
    let is_saved = Memo::new(move |_| saved.contains(kind, &id_for_state));
    view! {
        <button
            type="button"
            class="action"
            aria-pressed=move || is_saved.get().to_string()
            on:click=move |_| saved.toggle(kind, id.clone())
        >
            <span aria-hidden="true">{move || if is_saved.get() { "★ " } else { "☆ " }}</span>
            {move || {
                if is_saved.get() { t_string!(i18n, actions.saved) } else { t_string!(i18n, actions.save) }
            }}
        </button>
    }
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Shares the page with the phone's share sheet, or copies its link where there is none.
#[component]
pub fn ShareButton(
    /// The title to share.
    title: String,
    /// A line of text to go with it.
    text: String,
    /// The path of the page (`/opportunita/…`).
    path: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let share = move |_| {
        let url = format!("{}{path}", origin());
        let (title, text) = (title.clone(), text.clone());
        spawn_local(async move {
            let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
                return;
            };
            let share_fn = js_sys::Reflect::get(&navigator, &"share".into()).ok();
            if let Some(share_fn) = share_fn.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
                let data = js_sys::Object::new();
                for (k, v) in [("title", &title), ("text", &text), ("url", &url)] {
                    let _ = js_sys::Reflect::set(&data, &k.into(), &JsValue::from_str(v));
                }
                if let Ok(promise) = share_fn.call1(&navigator, &data) {
                    // A cancelled share sheet rejects; nothing to report.
                    let _ = JsFuture::from(js_sys::Promise::from(promise)).await;
                }
                return;
            }
            let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok();
            let write = clipboard.as_ref().and_then(|c| {
                js_sys::Reflect::get(c, &"writeText".into())
                    .ok()?
                    .dyn_into::<js_sys::Function>()
                    .ok()
            });
            if let (Some(clipboard), Some(write)) = (clipboard, write) {
                if let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(&url)) {
                    if JsFuture::from(js_sys::Promise::from(promise)).await.is_ok() {
                        copied.set(true);
                    }
                }
            }
        });
    };
    view! {
        <button type="button" class="action" on:click=share>
            <span aria-hidden="true">"↗ "</span>
            {t!(i18n, actions.share)}
        </button>
        <span role="status" class="hint">
            {move || copied.get().then(|| t_string!(i18n, actions.copied))}
        </span>
    }
}

/// Downloads an .ics file with the opportunity's deadline (and its days, for an event), made on
/// the device so it works offline too.
#[component]
pub fn CalendarButton(
    /// The opportunity to put in the calendar.
    item: Opportunity,
) -> impl IntoView {
    let i18n = use_i18n();
    let download = move |_| {
        let ics = sito_core::calendar::calendar([&item], &origin());
        let _ = save_file(&format!("{}.ics", item.id), "text/calendar", &ics);
    };
    view! {
        <button type="button" class="action" on:click=download>
            <span aria-hidden="true">"📅 "</span>
            {t!(i18n, actions.calendar)}
        </button>
    }
}

/// Offers `contents` to the user as a file download.
pub fn save_file(name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
