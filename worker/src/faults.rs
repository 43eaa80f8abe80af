//! A development-only switch for fault-injection tests. It acts only when the worker runs with
//! the variable `FAULT_INJECTION = "on"` (the test server passes it with `--var`; wrangler.toml
//! and production never set it) and only on requests that carry the cookie `sito_fault=<n>`:
//! n% of those API requests fail or are delayed, in three equal shares:
//! - refused before anything is done (503);
//! - done, but the answer is lost (503 after the write: the client cannot know it landed);
//! - delayed by 1.5 s, then done normally.
//!
//! Every fault is logged, so a test can count them.

use sito_core::api::ProblemCode;
use std::time::Duration;

use worker::{Delay, Env, Request, Response};

use crate::{api, auth, error::ApiError};

pub const COOKIE: &str = "sito_fault";

/// The share of requests to disturb, if this request asks for it and the switch is on.
pub fn rate(req: &Request, env: &Env) -> Option<u32> {
    let on = env.var("FAULT_INJECTION").ok()?.to_string() == "on";
    if !on {
        return None;
    }
    let cookies = req.headers().get("cookie").ok()??;
    cookies.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == COOKIE)
            .then(|| value.parse::<u32>().ok())
            .flatten()
            .filter(|n| (1..=100).contains(n))
    })
}

fn injected(what: &str) -> Response {
    worker::console_log!("fault injected: {what}");
    let mut response = ApiError::Refused {
        status: 503,
        code: ProblemCode::FaultInjected,
        title: "Guasto simulato",
        detail: format!("Guasto simulato per i test: {what}."),
    }
    .into_response();
    let _ = response.headers_mut().set("x-sito-fault", what);
    response
}

/// Runs the API for `req`, disturbed at `rate` percent.
pub async fn handle(req: Request, env: Env, rate: u32) -> Response {
    let roll = auth::random_bytes::<4>()
        .map(|b| u32::from_le_bytes(b) % 300)
        .unwrap_or(299);
    if roll >= rate * 3 {
        return api::handle(req, env).await;
    }
    match roll % 3 {
        0 => injected("refused"),
        1 => {
            let _ = api::handle(req, env).await;
            injected("answer-lost")
        }
        _ => {
            Delay::from(Duration::from_millis(1500)).await;
            let mut response = api::handle(req, env).await;
            let _ = response.headers_mut().set("x-sito-fault", "delayed");
            response
        }
    }
}
