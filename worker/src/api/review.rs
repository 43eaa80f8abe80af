//! The reviewers' and editors' side of proposals (`/api/v1/review/*`): the calls and their
//! proposals, one proposal with every review, scoring, asking for changes, proposing decisions,
//! publishing a call's decisions at once, and the CSV export. Staff only; publishing is for
//! editors and administrators. The operations the desk shares are in `service::review`.

pub mod export;

use sito_core::{
    proposal::{ChangesRequest, Decision, ReviewInput},
    ValidationErrors,
};
use worker::{Env, Headers, Request};

use crate::{
    auth::{self, Need},
    db::{self, proposals as stored, review as store},
    error::ApiError,
    http::{json, query_pairs, read_json, text_response, ApiResult},
    service::review::{
        ask_changes, call_proposals, detail, propose, publish_call, save_score, views::Filter,
        Published,
    },
};

/// `GET /api/v1/review/calls`.
pub async fn calls(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Review).await?;
    json(&store::calls(&db).await?, 200)
}

/// `GET /api/v1/review/calls/{call_id}/proposals?filtro=da-valutare|valutate`.
pub async fn proposals(req: &Request, env: &Env, call_id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(req, &db, Need::Review).await?;
    let mut filter = Filter::All;
    for (key, value) in query_pairs(req)? {
        if key == "filtro" {
            filter = Filter::parse(&value).ok_or_else(|| {
                let mut errors = ValidationErrors::default();
                errors.push(
                    "filtro",
                    "unknown",
                    "Filtro sconosciuto: usa «da-valutare» o «valutate».",
                );
                ApiError::InvalidQuery(errors)
            })?;
        }
    }
    let (_, lines) = call_proposals(&db, &session.account.id, call_id, filter).await?;
    json(&lines, 200)
}

/// `GET /api/v1/review/proposals/{id}`.
pub async fn get(req: &Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(req, &db, Need::Review).await?;
    json(&detail(&db, &session, id).await?, 200)
}

/// `PUT /api/v1/review/proposals/{id}/score`.
pub async fn score(req: Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, Need::Review).await?;
    let input: ReviewInput = read_json(req).await?;
    save_score(&db, &session, id, &input).await?;
    json(&detail(&db, &session, id).await?, 200)
}

/// `POST /api/v1/review/proposals/{id}/changes`.
pub async fn changes(req: Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, Need::Review).await?;
    let request: ChangesRequest = read_json(req).await?;
    ask_changes(&db, &session, id, &request).await?;
    json(&detail(&db, &session, id).await?, 200)
}

/// `PUT /api/v1/review/proposals/{id}/decision`.
pub async fn decision(req: Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, Need::Review).await?;
    let decision: Decision = read_json(req).await?;
    propose(&db, &session, id, &decision).await?;
    json(&detail(&db, &session, id).await?, 200)
}

/// `POST /api/v1/review/calls/{call_id}/publish`.
pub async fn publish(req: &Request, env: &Env, call_id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(req, &db, Need::Editor).await?;
    let published = publish_call(&db, &session, call_id).await?;
    json(
        &Published {
            call_id: call_id.to_owned(),
            published,
        },
        200,
    )
}

/// `GET /api/v1/review/calls/{call_id}/export.csv`.
pub async fn export_csv(req: &Request, env: &Env, call_id: &str) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Review).await?;
    let call = stored::call(&db, call_id).await?;
    let (rows, reviews) = store::call_proposals(&db, call_id).await?;
    if call.is_none() && rows.is_empty() {
        return Err(ApiError::NotFound);
    }
    let criteria = call.map(|c| c.criteria).unwrap_or_default();
    let body = export::csv(&criteria, &rows, &reviews)
        .map_err(|e| ApiError::Storage(format!("csv: {e}")))?;
    let headers = Headers::new();
    headers.set("content-type", "text/csv; charset=utf-8")?;
    let name: String = call_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    headers.set(
        "content-disposition",
        &format!("attachment; filename=\"valutazioni-{name}.csv\""),
    )?;
    headers.set("cache-control", "no-store")?;
    Ok(text_response(body, 200, headers))
}
