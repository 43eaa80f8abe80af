use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::*;

/// Navigation at the bottom of the screen, where a thumb reaches on a phone.
#[component]
pub fn BottomNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="bottom" aria-label=move || t_string!(i18n, nav.label)>
            <A href="/" exact=true>
                <span aria-hidden="true" class="icon">"⌂"</span>
                {t!(i18n, nav.home)}
            </A>
            <A href="/opportunita">
                <span aria-hidden="true" class="icon">"☰"</span>
                {t!(i18n, nav.opportunities)}
            </A>
            <A href="/guide">
                <span aria-hidden="true" class="icon">"✎"</span>
                {t!(i18n, nav.guides)}
            </A>
            <A href="/salvati">
                <span aria-hidden="true" class="icon">"★"</span>
                {t!(i18n, nav.saved)}
            </A>
            <A href="/rete">
                <span aria-hidden="true" class="icon">"☎"</span>
                {t!(i18n, nav.network)}
            </A>
        </nav>
    }
}
