use leptos::prelude::*;
use leptos_router::components::Form;

use crate::i18n::*;

/// The id of the search form: the search page's district select belongs to it (`form=`), so
/// that a search sends the district shown, with or without the app.
pub const SEARCH_FORM: &str = "cerca-form";

/// A search form that opens the search page (`/cerca?q=…`); works offline.
#[component]
pub fn SearchBox(
    /// The text already searched, if any.
    #[prop(optional, into)]
    value: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Form method="GET" action="/cerca" attr:id=SEARCH_FORM attr:class="search" attr:role="search">
            <label for="cerca-q" class="visually-hidden">{t!(i18n, search.label)}</label>
            <input
                id="cerca-q"
                type="search"
                name="q"
                value=value
                placeholder=move || t_string!(i18n, search.placeholder)
                autocomplete="off"
                enterkeyhint="search"
            />
            <button type="submit">{t!(i18n, search.submit)}</button>
        </Form>
    }
}
