//! The desk's JSON API (`/api/v1/desk/...`): the same editorial workflow as the desk pages,
//! for scripts and tests. Editors and administrators only.

use serde::{Deserialize, Serialize};
use sito_core::{
    desk::{DeskQuery, EntrySummary, SaveAction, SaveEntry},
    ContentKind,
};
use worker::{Env, Request};

use crate::{
    auth::{self, Need},
    db,
    editorial::{self, actor},
    error::ApiError,
    http::{if_match, json, query_pairs, read_json, ApiResult},
};

#[derive(Serialize)]
struct Listing {
    items: Vec<EntrySummary>,
    more: bool,
}

/// `GET /api/v1/desk/entries?q=&tipo=&stato=&territorio=&scadenza_entro=&pagina=`.
pub async fn list(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Editor).await?;
    let pairs = query_pairs(req)?;
    let query = DeskQuery::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(ApiError::InvalidQuery)?;
    let (items, more) = editorial::list(&db, &query).await?;
    json(&Listing { items, more }, 200)
}

pub async fn get(req: &Request, env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Editor).await?;
    let entry = editorial::load(&db, kind, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    json(&entry, 200)
}

/// `PUT /api/v1/desk/entries/{plural}/{id}` with a [`SaveEntry`] body.
pub async fn put(req: Request, env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, Need::Editor).await?;
    let base = if_match(&req)?.unwrap_or(0);
    let save: SaveEntry = read_json(req).await?;
    let entry = editorial::save(&db, &actor(&session), kind, id, base, &save).await?;
    json(&entry, if base == 0 { 201 } else { 200 })
}

pub async fn delete(req: &Request, env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(req, &db, Need::Editor).await?;
    let base = if_match(req)?.ok_or(ApiError::PreconditionRequired)?;
    editorial::delete(&db, &actor(&session), kind, id, base).await?;
    Ok(worker::Response::empty()?.with_status(204))
}

pub async fn history(req: &Request, env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Editor).await?;
    json(&editorial::history(&db, Some((kind, id)), 200).await?, 200)
}

/// `GET /api/v1/desk/audit`: the latest changes to everything (administrators).
pub async fn audit(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Admin).await?;
    json(&editorial::history(&db, None, 500).await?, 200)
}

#[derive(Deserialize)]
struct PreviewInput {
    input: serde_json::Value,
}

/// `POST /api/v1/desk/preview/{plural}`: the item as phones would get it; nothing is stored.
pub async fn preview(req: Request, env: &Env, kind: ContentKind) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, Need::Editor).await?;
    let body: PreviewInput = read_json(req).await?;
    json(
        &editorial::preview(kind, "anteprima", &body.input, &session.account.name)?,
        200,
    )
}

#[derive(Serialize)]
struct Written {
    id: String,
    version: u32,
    seq: u64,
}

/// `PUT /api/v1/{plural}/{id}`: publish the input at once (the body is the kind's input).
pub async fn publish_now(req: Request, env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, Need::Editor).await?;
    let base = if_match(&req)?.unwrap_or(0);
    let input: serde_json::Value = read_json(req).await?;
    let save = SaveEntry {
        action: SaveAction::Publish,
        publish_at: None,
        input,
    };
    let entry = editorial::save(&db, &actor(&session), kind, id, base, &save).await?;
    let seq = db::content::seq_of(&db, kind, id).await?;
    json(
        &Written {
            id: entry.id,
            version: entry.version,
            seq,
        },
        if base == 0 { 201 } else { 200 },
    )
}

/// `DELETE /api/v1/{plural}/{id}`: delete the item (a tombstone for the phones).
pub async fn delete_now(req: &Request, env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(req, &db, Need::Editor).await?;
    let base = if_match(req)?.ok_or(ApiError::PreconditionRequired)?;
    editorial::delete(&db, &actor(&session), kind, id, base).await?;
    let seq = db::content::seq_of(&db, kind, id).await?;
    json(
        &Written {
            id: id.to_owned(),
            version: base + 1,
            seq,
        },
        200,
    )
}
