//! Entry point: install the panic hook, then hydrate the page the worker rendered or, on the
//! service worker's offline shell, mount the app from the device's store.

use wasm_bindgen::{closure::Closure, JsCast};

fn main() {
    console_error_panic_hook::set_once();
    if sito_app::catalog::read_seed().is_some() {
        // The page is already readable: let the browser paint it before hydration takes the
        // main thread, so the app's start never delays the first screen.
        after_next_paint(|| leptos::mount::hydrate_body(sito_app::App));
    } else {
        leptos::mount::mount_to_body(sito_app::App);
    }
}

/// Runs `f` once the browser has painted the next frame: a timeout queued from an animation
/// frame callback runs after that frame's paint.
fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    let queue = Closure::once_into_js(move || {
        gloo_timers::callback::Timeout::new(0, f).forget();
    });
    if window
        .request_animation_frame(queue.unchecked_ref())
        .is_err()
    {
        leptos::logging::warn!("requestAnimationFrame non disponibile");
    }
}
