use leptos::prelude::*;
use leptos_router::components::A;

/// Navigation at the bottom of the screen, where a thumb reaches on a phone.
#[component]
pub fn BottomNav() -> impl IntoView {
    view! {
        <nav class="bottom" aria-label="Sezioni principali">
            <A href="/" exact=true>
                <span aria-hidden="true" class="icon">"⌂"</span>
                "Home"
            </A>
            <A href="/opportunita">
                <span aria-hidden="true" class="icon">"☰"</span>
                "Opportunità"
            </A>
        </nav>
    }
}
