//! Routing of `/api/v1/*`. Every answer, success or failure, is built here, so no handler can
//! leak a bare 500.

pub mod account;
pub mod admin;
mod content;
pub mod desk;
mod feeds;
mod health;
pub mod proposals;
pub mod questions;
pub mod review;
mod sync;

use serde::{de::DeserializeOwned, Serialize};
use sito_core::ContentKind;
use worker::{Env, Headers, Method, Request, Response};

use crate::error::ApiError;

/// The largest JSON body any endpoint accepts.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub type ApiResult = Result<Response, ApiError>;

pub async fn handle(req: Request, env: Env) -> Response {
    match route(req, env).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn route(req: Request, env: Env) -> ApiResult {
    let path = req.path();
    let rest = path.strip_prefix("/api/v1/").ok_or(ApiError::NotFound)?;
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    let method = req.method();
    let kind_of = |plural: &str| ContentKind::from_plural(plural).ok_or(ApiError::NotFound);
    let not_allowed = |allow| Err(ApiError::MethodNotAllowed { allow });
    match (segments.as_slice(), method) {
        (["health"], Method::Get) => health::get(&env).await,
        (["sync"], Method::Get) => sync::pull(&req, &env).await,
        (["feeds", name], Method::Get) => feeds::get(&env, name).await,
        (["session"], Method::Post) => account::sign_in(req, &env).await,
        (["session"], Method::Get) => account::whoami(&req, &env).await,
        (["session"], Method::Delete) => account::sign_out(&req, &env).await,
        (["session"], _) => not_allowed("GET, POST, DELETE"),
        (["accounts"], Method::Post) => account::sign_up(req, &env).await,
        (["accounts"], _) => not_allowed("POST"),
        (["sign-ups", token], Method::Post) => account::confirm(&req, &env, token).await,
        (["sign-ups", _], _) => not_allowed("POST"),
        (["invitations", token], Method::Post) => account::accept(req, &env, token).await,
        (["invitations", _], _) => not_allowed("POST"),
        (["proposals"], Method::Post) => proposals::submit(req, &env).await,
        (["proposals"], Method::Get) => proposals::list(&req, &env).await,
        (["proposals"], _) => not_allowed("GET, POST"),
        (["proposals", id], Method::Get) => proposals::get(&req, &env, id).await,
        (["proposals", _], _) => not_allowed("GET"),
        (["proposals", id, "withdraw"], Method::Post) => proposals::withdraw(&req, &env, id).await,
        (["proposals", _, "withdraw"], _) => not_allowed("POST"),
        (["questions"], Method::Post) => questions::ask(req, &env).await,
        (["questions"], _) => not_allowed("POST"),
        (["questions", code], Method::Get) => questions::follow(&env, code).await,
        (["questions", _], _) => not_allowed("GET"),
        (["admin", "accounts"], Method::Get) => account::list(&req, &env).await,
        (["admin", "accounts"], _) => not_allowed("GET"),
        (["admin", "accounts", id], Method::Patch) => account::change(req, &env, id).await,
        (["admin", "accounts", _], _) => not_allowed("PATCH"),
        (["admin", "invitations"], Method::Post) => account::invite(req, &env).await,
        (["admin", "invitations"], _) => not_allowed("POST"),
        (["admin", "tombstones", "purge"], Method::Post) => {
            admin::purge_tombstones(&req, &env).await
        }
        (["admin", "tombstones", "purge"], _) => not_allowed("POST"),
        (["desk", "entries"], Method::Get) => desk::list(&req, &env).await,
        (["desk", "entries"], _) => not_allowed("GET"),
        (["desk", "entries", plural, id], method) => {
            let kind = kind_of(plural)?;
            match method {
                Method::Get => desk::get(&req, &env, kind, id).await,
                Method::Put => desk::put(req, &env, kind, id).await,
                Method::Delete => desk::delete(&req, &env, kind, id).await,
                _ => not_allowed("GET, PUT, DELETE"),
            }
        }
        (["desk", "entries", plural, id, "history"], Method::Get) => {
            desk::history(&req, &env, kind_of(plural)?, id).await
        }
        (["desk", "preview", plural], Method::Post) => {
            desk::preview(req, &env, kind_of(plural)?).await
        }
        (["desk", "audit"], Method::Get) => desk::audit(&req, &env).await,
        (["desk", "questions"], Method::Get) => questions::list(&req, &env).await,
        (["desk", "questions", id, "assign"], Method::Post) => {
            questions::assign(req, &env, id).await
        }
        (["desk", "questions", id, "answer"], Method::Put) => {
            questions::answer(req, &env, id).await
        }
        (["desk", "questions", id, "decline"], Method::Post) => {
            questions::decline(&req, &env, id).await
        }
        (["review", "calls"], Method::Get) => review::calls(&req, &env).await,
        (["review", "calls"], _) => not_allowed("GET"),
        (["review", "calls", id, "proposals"], Method::Get) => {
            review::proposals(&req, &env, id).await
        }
        (["review", "calls", id, "publish"], Method::Post) => review::publish(&req, &env, id).await,
        (["review", "calls", id, "export.csv"], Method::Get) => {
            review::export_csv(&req, &env, id).await
        }
        (["review", "calls", _, "proposals" | "export.csv"], _) => not_allowed("GET"),
        (["review", "calls", _, "publish"], _) => not_allowed("POST"),
        (["review", "proposals", id], Method::Get) => review::get(&req, &env, id).await,
        (["review", "proposals", _], _) => not_allowed("GET"),
        (["review", "proposals", id, "score"], Method::Put) => review::score(req, &env, id).await,
        (["review", "proposals", id, "changes"], Method::Post) => {
            review::changes(req, &env, id).await
        }
        (["review", "proposals", id, "decision"], Method::Put) => {
            review::decision(req, &env, id).await
        }
        (["review", "proposals", _, "score" | "decision"], _) => not_allowed("PUT"),
        (["review", "proposals", _, "changes"], _) => not_allowed("POST"),
        ([collection, id], method) if ContentKind::from_plural(collection).is_some() => {
            let kind = kind_of(collection)?;
            match method {
                Method::Get => content::get(&env, kind, id).await,
                Method::Put => desk::publish_now(req, &env, kind, id).await,
                Method::Delete => desk::delete_now(&req, &env, kind, id).await,
                _ => not_allowed("GET, PUT, DELETE"),
            }
        }
        (["health"] | ["sync"] | ["feeds", _], _) => not_allowed("GET"),
        _ => Err(ApiError::NotFound),
    }
}

/// A response with a text body, a status and headers.
pub fn text_response(body: String, status: u16, headers: Headers) -> Response {
    Response::builder()
        .with_status(status)
        .with_headers(headers)
        .fixed(body.into_bytes())
}

/// A JSON success answer that must not be cached by the browser or the service worker.
pub fn json<T: Serialize>(value: &T, status: u16) -> ApiResult {
    let body = serde_json::to_string(value).map_err(|e| ApiError::Storage(e.to_string()))?;
    Ok(json_text(body, status))
}

/// Like [`json`] for a body that is already serialised.
pub fn json_text(body: String, status: u16) -> Response {
    let headers = Headers::new();
    let _ = headers.set("content-type", "application/json; charset=utf-8");
    let _ = headers.set("cache-control", "no-store");
    text_response(body, status, headers)
}

/// Reads a JSON body of at most [`MAX_BODY_BYTES`]; wrong type, size or shape is a 4xx.
pub async fn read_json<T: DeserializeOwned>(req: Request) -> Result<T, ApiError> {
    read_json_within(req, MAX_BODY_BYTES).await
}

/// Like [`read_json`] with another size limit.
pub async fn read_json_within<T: DeserializeOwned>(
    mut req: Request,
    max: usize,
) -> Result<T, ApiError> {
    let content_type = req.headers().get("content-type")?.unwrap_or_default();
    if !content_type.starts_with("application/json") {
        return Err(ApiError::UnsupportedMediaType);
    }
    if let Some(length) = req.headers().get("content-length")? {
        if length.parse::<usize>().map_or(true, |n| n > max) {
            return Err(ApiError::PayloadTooLarge { max });
        }
    }
    let bytes = req
        .bytes()
        .await
        .map_err(|e| ApiError::MalformedBody(e.to_string()))?;
    if bytes.len() > max {
        return Err(ApiError::PayloadTooLarge { max });
    }
    serde_json::from_slice(&bytes).map_err(|e| ApiError::MalformedBody(e.to_string()))
}

/// The origin of the public site, for every absolute address the worker writes (feed links,
/// canonical and Open Graph addresses, calendar entries, invitation links): the variable
/// `PUBLIC_ORIGIN` (`wrangler.toml`), never the request's `Host`, which the caller chooses.
/// Without a valid one, the development server's.
pub fn public_origin(env: &Env) -> String {
    env.var("PUBLIC_ORIGIN")
        .ok()
        .and_then(|v| worker::Url::parse(&v.to_string()).ok())
        .map(|url| url.origin())
        .filter(|origin| origin.is_tuple())
        .map_or_else(
            || DEVELOPMENT_ORIGIN.to_owned(),
            |origin| origin.ascii_serialization(),
        )
}

/// The origin of `make dev`, when `PUBLIC_ORIGIN` is missing.
const DEVELOPMENT_ORIGIN: &str = "http://127.0.0.1:8787";

/// The query string as percent-decoded pairs.
pub fn query_pairs(req: &Request) -> Result<Vec<(String, String)>, ApiError> {
    let url = req.url()?;
    Ok(url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect())
}
