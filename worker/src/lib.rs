//! The SI.T.O. Giovani API: a Cloudflare Worker that stores content in D1 and serves the sync
//! feed. Static assets (the app) are served by the Workers assets binding before this code runs;
//! only `/api/*` reaches it.

mod api;
mod auth;
mod db;
mod error;

use worker::{event, Context, Env, Request, Response, Result};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    Ok(api::handle(req, env).await)
}
