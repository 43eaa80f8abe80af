use leptos::prelude::*;
use leptos_router::components::A;

use super::SyncStatusLine;

/// The top bar: the name of the service and what the data on screen is worth.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="top">
            <A href="/" attr:class="brand">
                <span class="brand-name">"SI.T.O. Giovani"</span>
                <span class="brand-sub">"Sistema Territoriale Opportunità Giovani"</span>
            </A>
            <SyncStatusLine/>
        </header>
    }
}
