use leptos::prelude::*;
use leptos_router::components::A;

/// Any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Pagina non trovata"</h1>
        <p>"L'indirizzo che hai aperto non esiste."</p>
        <p><A href="/">"Torna alla home"</A></p>
    }
}
