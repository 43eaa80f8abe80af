//! Giving the phone's main thread back to the browser during long work (the first sync of a
//! large feed, reading the catalog back), so that a tap or a paint waits at most one short task.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `scheduler.yield()`: a new task that keeps its place ahead of other queued work. Throws
    /// where the browser has no `scheduler` (Safari, Firefox today).
    #[wasm_bindgen(js_namespace = scheduler, js_name = "yield", catch)]
    fn scheduler_yield() -> Result<js_sys::Promise, JsValue>;
}

/// Ends the current task and goes on in a new one, after what the browser has waiting (input,
/// rendering): `scheduler.yield()` where the browser has it, otherwise a zero timeout. A plain
/// future over a promise, so that each `.await` of it costs the portal little.
pub fn yield_now() -> JsFuture {
    let promise = scheduler_yield().unwrap_or_else(|_| {
        js_sys::Promise::new(&mut |resolve, _| {
            let queued = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
            if !matches!(queued, Some(Ok(_))) {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        })
    });
    JsFuture::from(promise)
}
