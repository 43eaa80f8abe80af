//! Entry point: install the panic hook, then hydrate the page the worker rendered or, on the
//! service worker's offline shell, mount the app from the device's store.

fn main() {
    console_error_panic_hook::set_once();
    if sito_app::catalog::read_seed().is_some() {
        leptos::mount::hydrate_body(sito_app::App);
    } else {
        leptos::mount::mount_to_body(sito_app::App);
    }
}
