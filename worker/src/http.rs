//! HTTP in and out, shared by the JSON API, the desk pages and the portal's pages: text and JSON
//! answers, problem+json for an [`ApiError`], JSON bodies, the query string, `If-Match`, cookies,
//! and the site's public origin. Nothing here knows a route.

use serde::{de::DeserializeOwned, Serialize};
use sito_core::{problem::PROBLEM_CONTENT_TYPE, ValidationErrors};
use worker::{Env, Headers, Request, Response};

use crate::error::ApiError;

/// The largest JSON body any endpoint accepts.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub type ApiResult = Result<Response, ApiError>;

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

/// `If-Match: "3"` → `Some(3)`; absent → `None`; anything else is a 400.
pub fn if_match(req: &Request) -> Result<Option<u32>, ApiError> {
    let Some(value) = req.headers().get("if-match")? else {
        return Ok(None);
    };
    let version = value
        .trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse::<u32>()
        .ok()
        .filter(|v| *v > 0);
    match version {
        Some(v) => Ok(Some(v)),
        None => {
            let mut errors = ValidationErrors::default();
            errors.push(
                "If-Match",
                "invalid_version",
                "L'intestazione If-Match deve contenere la versione, per esempio \"3\".",
            );
            Err(ApiError::InvalidHeader(errors))
        }
    }
}

/// `response` with a `Set-Cookie` header.
pub fn with_cookie(mut response: Response, cookie: &str) -> ApiResult {
    response.headers_mut().set("set-cookie", cookie)?;
    Ok(response)
}

/// `response` with one `Set-Cookie` header per cookie.
pub fn with_cookies(mut response: Response, cookies: &[String]) -> ApiResult {
    for cookie in cookies {
        response.headers_mut().append("set-cookie", cookie)?;
    }
    Ok(response)
}

impl ApiError {
    /// The problem+json answer of this error (the current copy with a version conflict, `Allow`
    /// and `Retry-After` where they apply); a storage error is logged first.
    pub fn into_response(self) -> Response {
        if let ApiError::Storage(cause) = &self {
            worker::console_error!("storage error: {cause}");
        }
        let problem = self.problem();
        let headers = Headers::new();
        let _ = headers.set("content-type", PROBLEM_CONTENT_TYPE);
        let _ = headers.set("cache-control", "no-store");
        let mut body = serde_json::to_value(&problem).unwrap_or_default();
        match self {
            ApiError::Conflict {
                current,
                current_version,
            } => {
                body["current_version"] = current_version.into();
                body["current"] = current
                    .and_then(|raw| serde_json::from_str(raw.get()).ok())
                    .unwrap_or_default();
            }
            ApiError::MethodNotAllowed { allow } => {
                let _ = headers.set("allow", allow);
            }
            ApiError::TooManyRequests { retry_after } => {
                let _ = headers.set("retry-after", &retry_after.to_string());
            }
            _ => {}
        }
        text_response(body.to_string(), problem.status, headers)
    }
}
