//! How a portal wasm starts: hydrate the page the worker rendered or, on the service worker's
//! offline shell, mount the app from the device's store. Both portal binaries start this way
//! (`sito-app`, the whole portal, and `sito-portale`, its everyday pages).

use leptos::IntoView;
use wasm_bindgen::{closure::Closure, JsCast};

/// Installs the panic hook, then hydrates or mounts `app`.
pub fn run<N: IntoView>(app: impl FnOnce() -> N + Copy + 'static) {
    console_error_panic_hook::set_once();
    if crate::catalog::read_seed().is_some() {
        // The page is already readable: let the browser paint it before hydration takes the
        // main thread, so the app's start never delays the first screen.
        after_first_paint(move || {
            leptos::mount::hydrate_body(app);
            mark_running();
            replay_early_taps();
        });
    } else {
        leptos::mount::mount_to_body(app);
        mark_running();
    }
}

/// `<html data-app="attiva">` once the app handles the page: what a server-rendered page's
/// controls need before a tap does anything (the end-to-end tests wait for it).
fn mark_running() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-app", "attiva");
    }
}

/// Taps on the server's buttons made before the app ran (kept by the page's first script, see
/// `index.html`), done again now that the buttons answer.
fn replay_early_taps() {
    let Ok(taps) = js_sys::Reflect::get(&js_sys::global(), &"sitoEarlyTaps".into()) else {
        return;
    };
    for tap in js_sys::Array::from(&taps).iter() {
        if let Ok(button) = tap.dyn_into::<web_sys::HtmlElement>() {
            if button.is_connected() {
                button.click();
            }
        }
    }
}

/// Runs `f` once the browser has painted the page: at once if it already has (the usual case
/// on a fast link, so a tap right after loading finds the app running), otherwise after the
/// next frame's paint (a timeout queued from an animation frame callback runs after it).
fn after_first_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    let painted = window
        .performance()
        .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    if painted {
        return f();
    }
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
