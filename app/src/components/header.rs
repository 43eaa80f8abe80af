use leptos::prelude::*;
use leptos_router::components::A;

use super::SyncStatusLine;
use leptos_i18n::I18nContext;

use crate::i18n::*;

/// The top bar: the name of the service, the language switch and how fresh the data is.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || match i18n.get_locale() {
        Locale::it => (Locale::en, "English", "en"),
        Locale::en => (Locale::it, "Italiano", "it"),
    };
    let switch = move |_| {
        let (next, _, tag) = other();
        i18n.set_locale(next);
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item("lingua", tag);
        }
    };
    view! {
        <header class="top">
            <div class="top-row">
                <A href="/" attr:class="brand">
                    <span class="brand-name">"SI.T.O. Giovani"</span>
                    <span class="brand-sub">{t!(i18n, brand_sub)}</span>
                </A>
                <button
                    type="button"
                    class="lang"
                    on:click=switch
                    lang=move || other().2
                    data-testid="language"
                >
                    {move || other().1}
                </button>
            </div>
            <SyncStatusLine/>
        </header>
    }
}

/// Applies the language chosen on an earlier visit.
pub fn restore_locale(i18n: I18nContext<Locale>) {
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("lingua").ok().flatten());
    if saved.as_deref() == Some("en") {
        i18n.set_locale(Locale::en);
    }
}
