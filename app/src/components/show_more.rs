use leptos::prelude::*;

use crate::i18n::*;

/// "Mostra altre N": a link to the same list's address asking for more results (`href`), so it
/// works without script and the list comes back as long after "back". A server-rendered list
/// holds only its first results: following the link lets the device's store take over.
#[component]
pub fn ShowMore(href: String, count: usize) -> impl IntoView {
    let i18n = use_i18n();
    let held = crate::catalog::use_catalog();
    view! {
        <p class="more">
            <a class="action" href=href data-noscroll on:click=move |_| held.adopt()>
                {move || t_string!(i18n, list.show_more, n = count).to_string()}
            </a>
        </p>
    }
}
