//! The Informagiovani CV bank (`sito_core::bank`): the young person sends a profile with
//! consent (idempotent by the id the phone made), reads what the server holds, updates,
//! deletes and answers proposals with the profile's code; operators search the bank, propose
//! and read their proposals (`service::bank_desk`, shared with the desk page).

use sito_core::bank::{Answer, BankSubmission, BankUpdate, CodeOnly, Deleted, NewProposal};
use worker::{Env, Request};

use crate::{
    auth::{self, Need},
    db,
    http::{json, query_pairs, read_json, ApiResult},
    service::{bank as service, bank_desk},
};

/// Profiles accepted per address per hour (the `BANK_PROFILES_PER_HOUR` variable overrides it).
const PROFILES_PER_HOUR: u32 = 10;

/// `POST /api/v1/bank/profiles`: 201 with the receipt, 200 for a replay.
pub async fn submit(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let database = db::database(env)?;
    let address = format!("bank-profiles:{}", auth::client_address(&req, env));
    let input: BankSubmission = read_json(req).await?;
    let limit = auth::hourly_limit(env, "BANK_PROFILES_PER_HOUR", PROFILES_PER_HOUR);
    let rate_limit = auth::rate_limit(&database, &address, limit, 3600);
    let (receipt, stored) = service::submit(&database, &input, rate_limit).await?;
    json(&receipt, if stored { 201 } else { 200 })
}

/// `GET /api/v1/bank/profiles/{id}?code=`: everything the server holds.
pub async fn record(req: &Request, env: &Env, id: &str) -> ApiResult {
    let typed = query_pairs(req)?
        .into_iter()
        .find_map(|(key, value)| (key == "code").then_some(value))
        .unwrap_or_default();
    json(
        &service::record(&db::database(env)?, id, &typed).await?,
        200,
    )
}

/// `PUT /api/v1/bank/profiles/{id}`: updates and renews the profile.
pub async fn update(req: Request, env: &Env, id: &str) -> ApiResult {
    auth::check_origin(&req)?;
    let input: BankUpdate = read_json(req).await?;
    json(
        &service::update(&db::database(env)?, id, &input).await?,
        200,
    )
}

/// `POST /api/v1/bank/profiles/{id}/delete` `{code}`.
pub async fn delete(req: Request, env: &Env, id: &str) -> ApiResult {
    auth::check_origin(&req)?;
    let input: CodeOnly = read_json(req).await?;
    service::delete(&db::database(env)?, id, &input.code).await?;
    json(&Deleted { deleted: true }, 200)
}

/// `POST /api/v1/bank/profiles/{id}/proposals/{proposal_id}/answer`.
pub async fn answer(req: Request, env: &Env, id: &str, proposal_id: &str) -> ApiResult {
    auth::check_origin(&req)?;
    let input: Answer = read_json(req).await?;
    json(
        &service::answer(&db::database(env)?, id, proposal_id, &input).await?,
        200,
    )
}

/// `GET /api/v1/bank/search?…` (operators).
pub async fn search(req: &Request, env: &Env) -> ApiResult {
    let database = db::database(env)?;
    let session = auth::require(req, &database, Need::Operator).await?;
    let query = sito_core::bank::SearchQuery::from_pairs(&query_pairs(req)?)
        .map_err(crate::error::ApiError::InvalidQuery)?;
    json(&bank_desk::search(&database, &session, &query).await?, 200)
}

/// `POST /api/v1/bank/proposals` (operators): 201, 200 for a replay.
pub async fn propose(req: Request, env: &Env) -> ApiResult {
    let database = db::database(env)?;
    let session = auth::require(&req, &database, Need::Operator).await?;
    let input: NewProposal = read_json(req).await?;
    let (proposal, stored) = bank_desk::propose(&database, &session, &input).await?;
    json(&proposal, if stored { 201 } else { 200 })
}

/// `GET /api/v1/bank/proposals` (operators): their own, contacts once accepted.
pub async fn proposals(req: &Request, env: &Env) -> ApiResult {
    let database = db::database(env)?;
    let session = auth::require(req, &database, Need::Operator).await?;
    json(&bank_desk::own_proposals(&database, &session).await?, 200)
}

#[derive(serde::Serialize)]
struct Purged {
    profiles: usize,
}

/// `POST /api/v1/admin/bank/purge`: what the daily cron does, on demand (administrators):
/// deletes every expired profile with its views and proposals.
pub async fn purge(req: &Request, env: &Env) -> ApiResult {
    let database = db::database(env)?;
    auth::require(req, &database, Need::Admin).await?;
    let profiles = service::purge_expired(&database).await?;
    json(&Purged { profiles }, 200)
}
