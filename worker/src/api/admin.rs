//! Maintenance: purging old tombstones so the feed does not grow for ever. Cursors older than
//! the purged tombstones are told to reset.

use serde::Serialize;
use sito_core::ValidationErrors;
use worker::{Env, Request};

use crate::{
    auth, db,
    error::ApiError,
    http::{json, query_pairs, ApiResult},
};

/// Tombstones are kept this long by default: a phone offline for longer re-pulls from zero.
pub const DEFAULT_RETENTION_DAYS: u32 = 30;

#[derive(Serialize)]
struct Purged {
    purged: u64,
    cutoff: String,
}

pub async fn purge_tombstones(req: &Request, env: &Env) -> ApiResult {
    auth::require(req, &db::database(env)?, auth::Need::Admin).await?;
    let mut days = DEFAULT_RETENTION_DAYS;
    let mut errors = ValidationErrors::default();
    for (key, value) in query_pairs(req)? {
        match (key.as_str(), value.parse::<u32>()) {
            ("older_than_days", Ok(n)) if n <= 3650 => days = n,
            ("older_than_days", _) => errors.push(
                "older_than_days",
                "invalid_days",
                "Indica un numero di giorni tra 0 e 3650.",
            ),
            (other, _) => errors.push(
                other,
                "unknown_parameter",
                format!("Parametro sconosciuto: «{other}»."),
            ),
        }
    }
    errors.into_result(()).map_err(ApiError::InvalidQuery)?;
    let (purged, cutoff) = purge_older_than(env, days).await?;
    json(&Purged { purged, cutoff }, 200)
}

/// Purges tombstones last changed more than `days` ago; returns how many and the cutoff time.
pub async fn purge_older_than(env: &Env, days: u32) -> Result<(u64, String), ApiError> {
    let cutoff_ms = js_sys::Date::now() - f64::from(days) * 86_400_000.0;
    let cutoff = String::from(js_sys::Date::new(&cutoff_ms.into()).to_iso_string());
    let purged = db::content::purge_tombstones(&db::database(env)?, &cutoff).await?;
    Ok((purged, cutoff))
}
