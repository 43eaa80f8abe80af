//! Giving the phone's main thread back to the browser during long work (the first sync of a
//! large feed, reading the catalog back), so that a tap or a paint waits at most one short task.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Ends the current task and goes on in a new one, after what the browser has waiting (input,
/// rendering). `scheduler.yield()` where the browser has it, so the rest keeps its place ahead
/// of other work; otherwise a zero timeout.
pub async fn yield_now() {
    match scheduler_yield() {
        Some(promise) => {
            // The promise never rejects; either way the task has ended.
            let _ = JsFuture::from(promise).await;
        }
        None => gloo_timers::future::TimeoutFuture::new(0).await,
    }
}

fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    let yield_fn = js_sys::Reflect::get(&scheduler, &"yield".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    yield_fn.call0(&scheduler).ok()?.dyn_into().ok()
}

/// Waits until the browser is idle, or `timeout_ms` at most (`requestIdleCallback`); where
/// the browser has no idle callback, until the next task.
pub async fn idle(timeout_ms: u32) {
    let global = js_sys::global();
    let Some(request) = js_sys::Reflect::get(&global, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return yield_now().await;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &JsValue::from(timeout_ms));
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if request.call2(&global, &resolve, &options).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
