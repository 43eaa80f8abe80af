//! `GET /api/v1/health`: the worker answers and the database is reachable.

use serde::Serialize;
use sito_core::PROTOCOL_VERSION;
use worker::Env;

use crate::{
    db,
    http::{json, ApiResult},
};

#[derive(Serialize)]
struct Health {
    status: &'static str,
    protocol: u32,
    head: u64,
}

pub async fn get(env: &Env) -> ApiResult {
    let state = db::content::feed_state(&db::database(env)?).await?;
    json(
        &Health {
            status: "ok",
            protocol: PROTOCOL_VERSION,
            head: state.head,
        },
        200,
    )
}
