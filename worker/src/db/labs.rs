//! D1 access for the sign-ups to labs. A sign-up and its place are decided in one INSERT; every
//! write to the sign-ups is followed, in the same batch, by the statements that write the lab's
//! counts (places taken, waiting list, cancelled) into its published item and move it to the
//! head of the feed, so the phones and the rendered pages always carry the counts of D1.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sito_core::lab::signup::{AgeBand, SignupStatus};
use worker::{D1Database, D1PreparedStatement};

use crate::error::ApiError;

/// The lab's counts as a JSON object, for the lab whose id is the parameter `param`.
pub fn places_sql(param: &str) -> String {
    format!(
        "(SELECT json_object(\
            'taken', COALESCE(SUM(status = 'confirmed'), 0), \
            'waiting', COALESCE(SUM(status = 'waiting'), 0), \
            'cancelled', COALESCE(SUM(status = 'cancelled'), 0)) \
          FROM lab_signups WHERE lab_id = {param})"
    )
}

/// Whether the lab whose id is `param` was cancelled by its organiser, as JSON.
pub fn cancelled_sql(param: &str) -> String {
    format!(
        "(CASE WHEN EXISTS (SELECT 1 FROM lab_state WHERE lab_id = {param} \
          AND cancelled_at IS NOT NULL) THEN json('true') ELSE json('false') END)"
    )
}

/// The published lab's most places, read from its item.
const MAX_PLACES: &str = "(SELECT json_extract(body, '$.max_places') FROM content \
     WHERE kind = 'lab' AND id = ?1 AND deleted = 0)";

/// The statements that take the next change sequence and write the lab's counts into its
/// published item at that sequence; last in every batch that changes its sign-ups.
pub(super) fn refresh(db: &D1Database, lab_id: &str) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let live = "EXISTS (SELECT 1 FROM content WHERE kind = 'lab' AND id = ?1 AND deleted = 0)";
    Ok(vec![
        db.prepare(format!(
            "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' AND {live}"
        ))
        .bind(&[lab_id.into()])?,
        db.prepare(format!(
            "UPDATE content SET body = json_set(body, '$.places', json({}), '$.cancelled', {}), \
             seq = (SELECT value FROM counters WHERE name = 'change_seq') \
             WHERE kind = 'lab' AND id = ?1 AND deleted = 0",
            places_sql("?1"),
            cancelled_sql("?1")
        ))
        .bind(&[lab_id.into()])?,
    ])
}

/// A sign-up to be stored.
pub struct NewSignup<'a> {
    pub id: &'a str,
    pub lab_id: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub contact: &'a str,
    pub age_band: AgeBand,
    pub at: &'a str,
}

/// Stores the sign-up with a place while the confirmed ones are fewer than the lab's maximum
/// and nobody waits, on the waiting list otherwise; nothing when its id is already stored.
pub async fn sign_up(db: &D1Database, new: NewSignup<'_>) -> Result<(), ApiError> {
    let insert = db
        .prepare(format!(
            "INSERT INTO lab_signups \
             (id, lab_id, code, status, arrival, name, contact, age_band, signed_up_at) \
             SELECT ?2, ?1, ?3, \
               CASE WHEN (SELECT COUNT(*) FROM lab_signups WHERE lab_id = ?1 AND status = 'confirmed') \
                         < {MAX_PLACES} \
                     AND NOT EXISTS (SELECT 1 FROM lab_signups WHERE lab_id = ?1 AND status = 'waiting') \
                    THEN 'confirmed' ELSE 'waiting' END, \
               (SELECT COALESCE(MAX(arrival), 0) + 1 FROM lab_signups WHERE lab_id = ?1), \
               ?4, ?5, ?6, ?7 \
             WHERE {MAX_PLACES} IS NOT NULL \
             ON CONFLICT (id) DO NOTHING"
        ))
        .bind(&[
            new.lab_id.into(),
            new.id.into(),
            new.code.into(),
            new.name.into(),
            new.contact.into(),
            new.age_band.as_ref().into(),
            new.at.into(),
        ])?;
    let mut batch = vec![insert];
    batch.extend(refresh(db, new.lab_id)?);
    db.batch(batch).await?;
    Ok(())
}

/// A stored sign-up, as its receipt and the replay check need it.
#[derive(Deserialize)]
pub struct SignupRow {
    pub lab_id: String,
    pub code: String,
    pub status: String,
    pub name: Option<String>,
    pub contact: Option<String>,
    /// The rank among the waiting sign-ups, while waiting.
    pub position: Option<u32>,
    /// 1 when the organiser cancelled the lab.
    pub lab_cancelled: u8,
    #[serde(with = "sito_core::time")]
    pub signed_up_at: DateTime<Utc>,
}

const ROW: &str = "SELECT s.lab_id, s.code, s.status, s.name, s.contact, s.signed_up_at, \
     CASE WHEN s.status = 'waiting' THEN (SELECT COUNT(*) FROM lab_signups w \
       WHERE w.lab_id = s.lab_id AND w.status = 'waiting' AND w.arrival <= s.arrival) END AS position, \
     EXISTS (SELECT 1 FROM lab_state l WHERE l.lab_id = s.lab_id AND l.cancelled_at IS NOT NULL) \
       AS lab_cancelled \
     FROM lab_signups s";

pub async fn signup(db: &D1Database, id: &str) -> Result<Option<SignupRow>, ApiError> {
    Ok(db
        .prepare(format!("{ROW} WHERE s.id = ?1"))
        .bind(&[id.into()])?
        .first(None)
        .await?)
}

/// The message to the person who moves up from the waiting list, if they left an e-mail: the
/// body is `before`, their sign-up code, then `after`.
pub struct PromotionMail<'a> {
    pub subject: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

/// Cancels the sign-up `id` of `lab_id` if `code` is its code and it is not cancelled yet,
/// deleting its name and contact (nothing is left to tell the person), and in the same batch
/// gives a place freed to the first of the waiting list and queues `mail` to them.
/// `false`: nothing matched.
pub async fn cancel(
    db: &D1Database,
    lab_id: &str,
    id: &str,
    code: &str,
    at: &str,
    mail: Option<PromotionMail<'_>>,
) -> Result<bool, ApiError> {
    let mut batch = vec![db
        .prepare(
            "UPDATE lab_signups SET status = 'cancelled', cancelled_at = ?4, name = NULL, contact = NULL \
             WHERE lab_id = ?1 AND id = ?2 AND code = ?3 AND status != 'cancelled'",
        )
        .bind(&[lab_id.into(), id.into(), code.into(), at.into()])?];
    if let Some(mail) = mail {
        // Before the promotion, with its very condition: it names who is about to move up.
        batch.push(
            db.prepare(format!(
                "INSERT INTO mail_outbox (recipient, subject, body, created_at) \
                 SELECT contact, ?2, ?3 || code || ?4, ?5 FROM lab_signups \
                 WHERE contact LIKE '%_@_%' AND {}",
                next_up()
            ))
            .bind(&[
                lab_id.into(),
                mail.subject.into(),
                mail.before.into(),
                mail.after.into(),
                at.into(),
            ])?,
        );
    }
    batch.push(promote(db, lab_id)?);
    batch.extend(refresh(db, lab_id)?);
    let results = db.batch(batch).await?;
    Ok(super::changes(results.first()) == 1)
}

/// Where the sign-up of lab `?1` is the one a free place goes to: the first of the waiting list, while the
/// confirmed ones are fewer than the places and the lab is not cancelled.
fn next_up() -> String {
    format!(
        "id = (SELECT id FROM lab_signups WHERE lab_id = ?1 AND status = 'waiting' \
               ORDER BY arrival LIMIT 1) \
         AND (SELECT COUNT(*) FROM lab_signups WHERE lab_id = ?1 AND status = 'confirmed') \
             < {MAX_PLACES} \
         AND NOT EXISTS (SELECT 1 FROM lab_state WHERE lab_id = ?1 AND cancelled_at IS NOT NULL)"
    )
}

/// The statement that gives a free place to the first of the waiting list (nothing when no place
/// is free, nobody waits, or the lab was cancelled). One cancellation frees one place, so it
/// moves up one person.
fn promote(db: &D1Database, lab_id: &str) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(format!(
            "UPDATE lab_signups SET status = 'confirmed' WHERE {}",
            next_up()
        ))
        .bind(&[lab_id.into()])?)
}

/// The sign-up's status as stored.
pub fn status(row: &SignupRow) -> Result<SignupStatus, ApiError> {
    Ok(sito_core::stored::parse("lab sign-up status", &row.status)?)
}
