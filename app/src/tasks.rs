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

    /// `requestIdleCallback(callback, { timeout })`. Throws where the browser has none (Safari).
    #[wasm_bindgen(js_name = requestIdleCallback, catch)]
    fn request_idle_callback(callback: &JsValue, options: &js_sys::Object) -> Result<u32, JsValue>;
}

/// Ends the current task and goes on in a new one, after what the browser has waiting (input,
/// rendering): `scheduler.yield()` where the browser has it, otherwise a zero timeout.
pub async fn yield_now() {
    match scheduler_yield() {
        // The promise never rejects; either way the task has ended.
        Ok(promise) => drop(JsFuture::from(promise).await),
        Err(_) => gloo_timers::future::TimeoutFuture::new(0).await,
    }
}

/// Runs `f` once the browser is idle, or after `timeout_ms` at most; where the browser has no
/// idle callback, in the next task.
pub fn when_idle(timeout_ms: u32, f: impl FnOnce() + 'static) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &timeout_ms.into());
    let callback = Closure::once_into_js(f);
    if request_idle_callback(&callback, &options).is_err() {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(callback.unchecked_ref()));
    }
}
