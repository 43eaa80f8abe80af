//! D1 access for the counters of sign-ins, sign-ups and questions: one row per key, counting the
//! events of a fixed window.

use serde::Deserialize;
use worker::D1Database;

use crate::error::ApiError;

/// A key's count in its current window, and when that window started.
#[derive(Deserialize)]
pub struct Counted {
    pub count: u32,
    pub window_start: String,
}

/// Counts one event under `key` at `now`; a window that started at or before `window_ended`
/// starts again from one.
pub async fn count(
    database: &D1Database,
    key: &str,
    now: &str,
    window_ended: &str,
) -> Result<Option<Counted>, ApiError> {
    Ok(database
        .prepare(
            "INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1) \
             ON CONFLICT (key) DO UPDATE SET \
             count = CASE WHEN window_start <= ?3 THEN 1 ELSE count + 1 END, \
             window_start = CASE WHEN window_start <= ?3 THEN ?2 ELSE window_start END \
             RETURNING count, window_start",
        )
        .bind(&[key.into(), now.into(), window_ended.into()])?
        .first(None)
        .await?)
}

/// Takes one event back from `key`'s count.
pub async fn refund(database: &D1Database, key: &str) -> Result<(), ApiError> {
    database
        .prepare("UPDATE rate_limits SET count = MAX(count - 1, 0) WHERE key = ?1")
        .bind(&[key.into()])?
        .run()
        .await?;
    Ok(())
}
