//! The CV and cover letters: built step by step on the phone, with the guide's tips, saved in
//! IndexedDB as typed, printed from the browser or exported as JSON Resume. Nothing here talks to
//! the server.

mod editor;
mod letter;
mod sheet;

pub use editor::CvEditor;
pub use letter::{LetterEditor, NewLetter};

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_navigate};
use sito_core::cv::{from_json_resume, Cv, JsonResume, Letter};
use wasm_bindgen::JsCast;

use crate::{components::ConfirmDialog, dates::now_iso, i18n::*, save_problem::written, store};

/// A fresh id from the browser.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{}", js_sys::Date::now()))
}

/// Everything CV-related on the device, reloaded when `revision` moves.
fn load_all(revision: RwSignal<u32>) -> LocalResource<(Vec<Cv>, Vec<Letter>)> {
    LocalResource::new(move || {
        revision.track();
        async move {
            match store::shared().await {
                Ok(store) => (
                    store.cvs().await.unwrap_or_default(),
                    store.letters().await.unwrap_or_default(),
                ),
                Err(_) => (Vec::new(), Vec::new()),
            }
        }
    })
}

#[component]
pub fn CvHome() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let revision = RwSignal::new(0u32);
    let data = load_all(revision);
    let confirming = RwSignal::new(false);
    let import_error = RwSignal::new(None::<String>);

    let create = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let cv = Cv {
                id: new_id(),
                name: t_string!(i18n, cv.default_name).to_owned(),
                updated_at: now_iso(),
                mother_tongues: vec!["Italiano".into()],
                ..Cv::default()
            };
            if let Ok(store) = store::shared().await {
                if store.put_cv(&cv).await.is_ok() {
                    navigate(&format!("/cv/{}", cv.id), Default::default());
                }
            }
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            match serde_json::from_str::<JsonResume>(&text) {
                Ok(resume) => {
                    let mut cv = from_json_resume(&resume, &new_id());
                    if cv.name.is_empty() {
                        cv.name = t_string!(i18n, cv.imported_name).to_owned();
                    }
                    cv.updated_at = now_iso();
                    if let Some(store) = written(store::shared().await) {
                        written(store.put_cv(&cv).await);
                    }
                    import_error.set(None);
                    revision.update(|r| *r += 1);
                }
                Err(_) => import_error.set(Some(t_string!(i18n, cv.import_failed).to_owned())),
            }
            input.set_value("");
        });
    };
    let delete_all = move |()| {
        spawn_local(async move {
            if let Some(store) = written(store::shared().await) {
                written(store.delete_all_cv_data().await);
            }
            confirming.set(false);
            revision.update(|r| *r += 1);
        });
    };

    view! {
        <h1>{t!(i18n, cv.title)}</h1>
        <p>{t!(i18n, cv.intro)}</p>
        <aside class="notice privacy" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{t!(i18n, cv.privacy_title)}</h2>
            <p>{t!(i18n, cv.privacy)}</p>
        </aside>
        <section aria-labelledby="i-tuoi-cv">
            <h2 id="i-tuoi-cv">{t!(i18n, cv.yours)}</h2>
            <Suspense fallback=|| ()>
                {move || data.get().map(|(cvs, _)| {
                    if cvs.is_empty() {
                        return view! { <p class="empty">{t!(i18n, cv.none)}</p> }.into_any();
                    }
                    view! {
                        <ul class="cards" data-testid="cv-list">
                            {cvs.into_iter().map(|cv| {
                                let who = cv.full_name();
                                view! {
                                    <li class="card">
                                        <h3 class="card-title"><A href=format!("/cv/{}", cv.id)>{cv.name}</A></h3>
                                        <p class="meta">{who}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Suspense>
            <div class="actions">
                <button type="button" class="action" on:click=create>{t!(i18n, cv.new)}</button>
                <label class="action" for="cv-import">{t!(i18n, cv.import)}</label>
                <input id="cv-import" class="visually-hidden" type="file" accept="application/json,.json" on:change=import/>
            </div>
            {move || import_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
        <section aria-labelledby="lettere">
            <h2 id="lettere">{t!(i18n, cv.letters)}</h2>
            <Suspense fallback=|| ()>
                {move || data.get().map(|(_, letters)| view! {
                    <ul class="cards" data-testid="letter-list">
                        {letters.into_iter().map(|l| view! {
                            <li class="card">
                                <h3 class="card-title"><A href=format!("/cv/lettera/{}", l.id)>{format!("{} · {}", l.organisation, l.role)}</A></h3>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </Suspense>
            <p><A href="/cv/nuova-lettera" attr:class="action">{t!(i18n, cv.new_letter)}</A></p>
        </section>
        <section aria-labelledby="cancella">
            <h2 id="cancella">{t!(i18n, cv.delete_title)}</h2>
            <ConfirmDialog open=confirming id="conferma-testo" class="notice error" on_yes=delete_all
                ask=move || t!(i18n, cv.delete_all) question=move || t!(i18n, cv.delete_confirm)
                yes=move || t!(i18n, cv.delete_yes) no=move || t!(i18n, cv.delete_no)/>
        </section>
    }
}
