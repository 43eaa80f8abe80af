//! Entry point of the proposal tool (`proposte.html`): the same panic hook, the proposal routes
//! only.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(sito_app::ProposteApp);
}
