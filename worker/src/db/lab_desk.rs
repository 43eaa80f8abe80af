//! D1 access for the desk's side of the labs: the sign-ups as staff see them (each read written
//! to the audit log in the same batch), attendance, messages to the participants, cancelling a
//! lab, and deleting the personal details a set number of days after the last session.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::error::ApiError;

/// A sign-up as the desk shows it. `name` and `contact` are gone once purged.
#[derive(Debug, Clone, Deserialize)]
pub struct StaffSignup {
    pub id: String,
    pub code: String,
    pub status: String,
    pub name: Option<String>,
    pub contact: Option<String>,
    pub age_band: String,
    pub attended: u8,
    pub signed_up_at: String,
}

/// The statement that writes one line of the audit log about the lab `lab_id`.
fn audit(
    db: &D1Database,
    lab_id: &str,
    actor: &str,
    action: &str,
    at: &str,
    after: Option<&str>,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             VALUES (?1, ?2, ?3, 'lab', ?4, NULL, ?5)",
        )
        .bind(&[
            at.into(),
            actor.into(),
            action.into(),
            lab_id.into(),
            after.map_or(JsValue::NULL, JsValue::from_str),
        ])?)
}

/// Every sign-up of the lab in order of arrival, read in the same batch as the audit line that
/// says `actor` read them (`action`: the list, or its CSV export).
pub async fn read_signups(
    db: &D1Database,
    lab_id: &str,
    actor: &str,
    action: &str,
    at: &str,
) -> Result<Vec<StaffSignup>, ApiError> {
    let results = db
        .batch(vec![
            audit(db, lab_id, actor, action, at, None)?,
            db.prepare(
                "SELECT id, code, status, name, contact, age_band, attended, signed_up_at \
                 FROM lab_signups WHERE lab_id = ?1 ORDER BY arrival LIMIT 2000",
            )
            .bind(&[lab_id.into()])?,
        ])
        .await?;
    Ok(results
        .last()
        .map(|r| r.results::<StaffSignup>())
        .transpose()?
        .unwrap_or_default())
}

/// Marks as present exactly the confirmed sign-ups in `present` (their ids).
pub async fn mark_attendance(
    db: &D1Database,
    lab_id: &str,
    present: &[String],
    actor: &str,
    at: &str,
) -> Result<(), ApiError> {
    let ids = serde_json::to_string(present).map_err(|e| ApiError::Storage(e.to_string()))?;
    let count = format!("{{\"presenti\":{}}}", present.len());
    db.batch(vec![
        db.prepare(
            "UPDATE lab_signups SET attended = (id IN (SELECT value FROM json_each(?2))) \
             WHERE lab_id = ?1 AND status = 'confirmed'",
        )
        .bind(&[lab_id.into(), ids.into()])?,
        audit(db, lab_id, actor, "attendance", at, Some(&count))?,
    ])
    .await?;
    Ok(())
}

/// The statement that queues `body` to every participant (with a place or waiting) who left an
/// e-mail address.
fn mail_participants(
    db: &D1Database,
    lab_id: &str,
    subject: &str,
    body: &str,
    at: &str,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO mail_outbox (recipient, subject, body, created_at) \
             SELECT contact, ?2, ?3, ?4 FROM lab_signups \
             WHERE lab_id = ?1 AND status IN ('confirmed', 'waiting') AND contact LIKE '%_@_%'",
        )
        .bind(&[lab_id.into(), subject.into(), body.into(), at.into()])?)
}

/// Sends a message to the participants; answers how many e-mails were queued.
pub async fn message(
    db: &D1Database,
    lab_id: &str,
    subject: &str,
    body: &str,
    actor: &str,
    at: &str,
) -> Result<usize, ApiError> {
    let results = db
        .batch(vec![
            mail_participants(db, lab_id, subject, body, at)?,
            audit(db, lab_id, actor, "message", at, None)?,
        ])
        .await?;
    Ok(super::changes(results.first()))
}

/// Cancels the lab: its published item says so ("Annullato") and every participant with an
/// e-mail address is told, in one batch.
pub async fn cancel_lab(
    db: &D1Database,
    lab_id: &str,
    subject: &str,
    body: &str,
    actor: &str,
    at: &str,
) -> Result<(), ApiError> {
    let mut batch = vec![
        db.prepare(
            "INSERT INTO lab_state (lab_id, cancelled_at) VALUES (?1, ?2) \
             ON CONFLICT (lab_id) DO UPDATE SET cancelled_at = excluded.cancelled_at",
        )
        .bind(&[lab_id.into(), at.into()])?,
        mail_participants(db, lab_id, subject, body, at)?,
        audit(db, lab_id, actor, "cancel_lab", at, None)?,
    ];
    batch.extend(super::labs::refresh(db, lab_id)?);
    db.batch(batch).await?;
    Ok(())
}

/// The labs whose last session ended before `cutoff` and whose sign-ups still hold personal
/// details.
pub async fn due_for_purge(db: &D1Database, cutoff: &str) -> Result<Vec<String>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        lab_id: String,
    }
    let rows: Vec<Row> = db
        .prepare(
            "SELECT DISTINCT s.lab_id FROM lab_signups s \
             JOIN content c ON c.kind = 'lab' AND c.id = s.lab_id AND c.deleted = 0 \
             WHERE (s.name IS NOT NULL OR s.contact IS NOT NULL) \
             AND (SELECT MAX(julianday(json_extract(x.value, '$.ends_at'))) \
                  FROM json_each(c.body, '$.modules') m, json_each(m.value, '$.sessions') x) \
                 < julianday(?1) \
             LIMIT 100",
        )
        .bind(&[cutoff.into()])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|r| r.lab_id).collect())
}

/// Deletes the names and contacts of the lab's sign-ups, keeping their status, age band and
/// attendance (the counts), with a line in the audit log. Answers how many sign-ups it cleared.
pub async fn purge(db: &D1Database, lab_id: &str, at: &str) -> Result<usize, ApiError> {
    let results = db
        .batch(vec![
            db.prepare(
                "UPDATE lab_signups SET name = NULL, contact = NULL \
                 WHERE lab_id = ?1 AND (name IS NOT NULL OR contact IS NOT NULL)",
            )
            .bind(&[lab_id.into()])?,
            db.prepare(
                "INSERT INTO lab_state (lab_id, purged_at) VALUES (?1, ?2) \
                 ON CONFLICT (lab_id) DO UPDATE SET purged_at = excluded.purged_at",
            )
            .bind(&[lab_id.into(), at.into()])?,
            audit(db, lab_id, "sistema", "purge_personal_data", at, None)?,
        ])
        .await?;
    Ok(super::changes(results.first()))
}
