//! Routing of `/api/v1/*`. Every answer, success or failure, is built here, so no handler can
//! leak a bare 500.

pub mod admin;
mod content;
mod feeds;
mod health;
mod sync;

use serde::{de::DeserializeOwned, Serialize};
use sito_core::{ContentKind, Guide, News, Opportunity, Organisation};
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
    match (segments.as_slice(), method) {
        (["health"], Method::Get) => health::get(&env).await,
        (["sync"], Method::Get) => sync::pull(&req, &env).await,
        (["feeds", name], Method::Get) => feeds::get(&req, &env, name).await,
        ([collection, id], method) if ContentKind::from_plural(collection).is_some() => {
            let kind = ContentKind::from_plural(collection).ok_or(ApiError::NotFound)?;
            match method {
                Method::Get => content::get(&env, kind, id).await,
                Method::Delete => content::delete(&req, &env, kind, id).await,
                Method::Put => match kind {
                    ContentKind::Opportunity => content::put::<Opportunity>(req, &env, id).await,
                    ContentKind::Guide => content::put::<Guide>(req, &env, id).await,
                    ContentKind::News => content::put::<News>(req, &env, id).await,
                    ContentKind::Organisation => content::put::<Organisation>(req, &env, id).await,
                },
                _ => Err(ApiError::MethodNotAllowed {
                    allow: "GET, PUT, DELETE",
                }),
            }
        }
        (["admin", "tombstones", "purge"], Method::Post) => {
            admin::purge_tombstones(&req, &env).await
        }
        (["health"] | ["sync"], _) => Err(ApiError::MethodNotAllowed { allow: "GET" }),
        (["admin", "tombstones", "purge"], _) => Err(ApiError::MethodNotAllowed { allow: "POST" }),
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
pub async fn read_json<T: DeserializeOwned>(mut req: Request) -> Result<T, ApiError> {
    let content_type = req.headers().get("content-type")?.unwrap_or_default();
    if !content_type.starts_with("application/json") {
        return Err(ApiError::UnsupportedMediaType);
    }
    if let Some(length) = req.headers().get("content-length")? {
        if length.parse::<usize>().map_or(true, |n| n > MAX_BODY_BYTES) {
            return Err(ApiError::PayloadTooLarge {
                max: MAX_BODY_BYTES,
            });
        }
    }
    let bytes = req
        .bytes()
        .await
        .map_err(|e| ApiError::MalformedBody(e.to_string()))?;
    if bytes.len() > MAX_BODY_BYTES {
        return Err(ApiError::PayloadTooLarge {
            max: MAX_BODY_BYTES,
        });
    }
    serde_json::from_slice(&bytes).map_err(|e| ApiError::MalformedBody(e.to_string()))
}

/// The query string as percent-decoded pairs.
pub fn query_pairs(req: &Request) -> Result<Vec<(String, String)>, ApiError> {
    let url = req.url()?;
    Ok(url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect())
}
