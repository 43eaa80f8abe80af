//! D1 access for sessions: D1 keeps the SHA-256 of each session's token, never the token.

use serde::Deserialize;
use worker::D1Database;

use crate::error::ApiError;

/// A valid session with its account's columns.
#[derive(Deserialize)]
pub struct SessionRow {
    pub token_hash: String,
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub group_kind: Option<String>,
    pub district: Option<String>,
    pub contact_person: Option<String>,
}

/// The session whose token hashes to `token_hash`, unexpired at `now`, of an enabled account.
pub async fn find(
    database: &D1Database,
    token_hash: &str,
    now: &str,
) -> Result<Option<SessionRow>, ApiError> {
    Ok(database
        .prepare(
            "SELECT s.token_hash, a.id, a.email, a.name, a.role, a.group_kind, a.district, \
             a.contact_person FROM sessions s \
             JOIN accounts a ON a.id = s.account_id \
             WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND a.disabled = 0",
        )
        .bind(&[token_hash.into(), now.into()])?
        .first(None)
        .await?)
}

/// Stores a new session of `account_id`, from `now` until `expires_at`.
pub async fn insert(
    database: &D1Database,
    token_hash: &str,
    account_id: &str,
    now: &str,
    expires_at: &str,
) -> Result<(), ApiError> {
    database
        .prepare(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) \
             VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(&[
            token_hash.into(),
            account_id.into(),
            now.into(),
            expires_at.into(),
        ])?
        .run()
        .await?;
    Ok(())
}

/// Ends the session whose token hashes to `token_hash`.
pub async fn delete(database: &D1Database, token_hash: &str) -> Result<(), ApiError> {
    database
        .prepare("DELETE FROM sessions WHERE token_hash = ?1")
        .bind(&[token_hash.into()])?
        .run()
        .await?;
    Ok(())
}
