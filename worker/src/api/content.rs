//! `/api/v1/{opportunities,guides,news,organisations}/{id}`: read, create or update (PUT), and
//! retire (DELETE) one item. Writes carry the version they were based on in `If-Match`; a stale
//! one gets 409 with the current copy.

use serde::Serialize;
use sito_core::{
    markdown, opportunity::is_valid_id, Content, ContentKind, PublishMeta, ValidationErrors,
};
use worker::{Env, Request};

use crate::{
    api::{json, json_text, read_json, ApiResult},
    auth::require_editor,
    db::{self, content::Current},
    error::ApiError,
};

#[derive(Serialize)]
struct Written {
    id: String,
    version: u32,
    seq: u64,
}

fn check_id(id: &str) -> Result<(), ApiError> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// `If-Match: "3"` → `Some(3)`; absent → `None`; anything else is a 400.
fn if_match(req: &Request) -> Result<Option<u32>, ApiError> {
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

fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

fn conflict(current: Option<Current>) -> ApiError {
    match current {
        Some(c) => ApiError::Conflict {
            current_version: c.version,
            current: c.body,
        },
        None => ApiError::Conflict {
            current_version: 0,
            current: None,
        },
    }
}

pub async fn get(env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    check_id(id)?;
    match db::content::current(&db::database(env)?, kind, id).await? {
        Some(Current {
            deleted: false,
            body: Some(body),
            ..
        }) => Ok(json_text(body.get().to_owned(), 200)),
        _ => Err(ApiError::NotFound),
    }
}

pub async fn put<T: Content>(req: Request, env: &Env, id: &str) -> ApiResult {
    let kind = T::KIND;
    let editor = require_editor(&req, env)?;
    check_id(id)?;
    let base = if_match(&req)?.unwrap_or(0);
    let input: T::Input = read_json(req).await?;
    T::validate(&input).map_err(ApiError::Validation)?;

    let database = db::database(env)?;
    let current = db::content::current(&database, kind, id).await?;
    let stored_version = current.as_ref().map_or(0, |c| c.version);
    if stored_version != base {
        return Err(if base != 0 && current.is_none() {
            ApiError::NotFound
        } else {
            conflict(current)
        });
    }

    let version = base + 1;
    let updated_at = now();
    let item = T::publish(
        id.to_owned(),
        input,
        PublishMeta {
            version,
            updated_at: &updated_at,
            published_by: &editor.name,
            render: markdown::render,
        },
    );
    let body = serde_json::to_string(&item).map_err(|e| ApiError::Storage(e.to_string()))?;
    match db::content::put(&database, kind, id, base, &body, &updated_at).await? {
        Some(seq) => json(
            &Written {
                id: id.to_owned(),
                version,
                seq,
            },
            if base == 0 { 201 } else { 200 },
        ),
        None => Err(conflict(db::content::current(&database, kind, id).await?)),
    }
}

pub async fn delete(req: &Request, env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    require_editor(req, env)?;
    check_id(id)?;
    let base = if_match(req)?.ok_or(ApiError::PreconditionRequired)?;
    let database = db::database(env)?;
    match db::content::current(&database, kind, id).await? {
        None | Some(Current { deleted: true, .. }) => return Err(ApiError::NotFound),
        Some(current) if current.version != base => return Err(conflict(Some(current))),
        Some(_) => {}
    }
    match db::content::delete(&database, kind, id, base, &now()).await? {
        Some(seq) => json(
            &Written {
                id: id.to_owned(),
                version: base + 1,
                seq,
            },
            200,
        ),
        None => Err(conflict(db::content::current(&database, kind, id).await?)),
    }
}
