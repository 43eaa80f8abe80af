//! `GET /api/v1/sync?since=&limit=`: one page of the change feed (DESIGN.md "Sync protocol").

use sito_core::{sync::page, PullRequest};
use worker::{Env, Request};

use crate::{
    db,
    error::ApiError,
    http::{json_text, query_pairs, ApiResult},
};

pub async fn pull(req: &Request, env: &Env) -> ApiResult {
    let pairs = query_pairs(req)?;
    let request = PullRequest::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(ApiError::InvalidQuery)?;
    let database = db::database(env)?;
    crate::editorial::publish_due(&database).await?;
    // Reach without tracking: one count per pull on today's Italian date, nothing about the
    // caller. A count that fails to be written never costs the phone its pull.
    let day = crate::auth::now()
        .with_timezone(&chrono_tz::Europe::Rome)
        .date_naive()
        .to_string();
    if let Err(e) = db::monitoring::count_pull(&database, &day, request.since == 0).await {
        worker::console_error!("reach counter: {e}");
    }
    let (state, rows) = db::content::changes_since(&database, request.since, request.limit).await?;
    let response = if state.needs_reset(request.since) {
        let (_, rows) = db::content::changes_since(&database, 0, request.limit).await?;
        page(0, request.limit, true, rows)
    } else {
        page(request.since, request.limit, false, rows)
    };
    let body = serde_json::to_string(&response).map_err(|e| ApiError::Storage(e.to_string()))?;
    Ok(json_text(body, 200))
}
