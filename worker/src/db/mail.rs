//! D1 access for the outbox of messages (`mail_outbox`), which a mail sender delivers from.

use worker::{D1Database, D1PreparedStatement};

use crate::error::ApiError;

/// The statement that writes a message to the outbox, for the caller's batch.
pub fn queue(
    db: &D1Database,
    to: &str,
    subject: &str,
    body: &str,
    now: &str,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO mail_outbox (recipient, subject, body, created_at) \
             VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(&[to.into(), subject.into(), body.into(), now.into()])?)
}
