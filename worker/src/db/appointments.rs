//! D1 access for the desk's appointments: slot series and their slots (public), bookings (the
//! only personal data: a name and one contact, emptied by the purge).

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::D1Database;

use crate::{db::changes, error::ApiError};

fn num(n: u32) -> JsValue {
    JsValue::from_f64(f64::from(n))
}

/// A slot as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct SlotRow {
    pub id: String,
    pub topic: String,
    #[serde(with = "sito_core::time")]
    pub starts_at: DateTime<Utc>,
    #[serde(with = "sito_core::time")]
    pub ends_at: DateTime<Utc>,
    pub mode: String,
    pub place: String,
    pub cutoff_hours: u32,
}

const SLOT_COLUMNS: &str = "s.id, s.topic, s.starts_at, s.ends_at, s.mode, s.place, s.cutoff_hours";

/// A new series: its typed input, and its slots as a JSON array of `[start, end]` (UTC text).
pub struct NewSeries<'a> {
    pub id: &'a str,
    pub input_json: &'a str,
    pub topic: &'a str,
    pub mode: &'a str,
    pub place: &'a str,
    pub cutoff_hours: u32,
    pub slots_json: &'a str,
    pub created_by: &'a str,
    pub audit_actor: &'a str,
    pub at: &'a str,
}

/// Stores the series, one slot per occurrence (ids `<series>-<n>`) and the audit line, in one
/// batch.
pub async fn insert_series(db: &D1Database, new: NewSeries<'_>) -> Result<(), ApiError> {
    let series = db
        .prepare(
            "INSERT INTO appointment_series (id, input, created_by, created_at) \
             VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(&[
            new.id.into(),
            new.input_json.into(),
            new.created_by.into(),
            new.at.into(),
        ])?;
    let slots = db
        .prepare(
            "INSERT INTO appointment_slots \
             (id, series_id, topic, starts_at, ends_at, mode, place, cutoff_hours) \
             SELECT ?1 || '-' || (j.key + 1), ?1, ?2, json_extract(j.value, '$[0]'), \
             json_extract(j.value, '$[1]'), ?3, ?4, ?5 FROM json_each(?6) j",
        )
        .bind(&[
            new.id.into(),
            new.topic.into(),
            new.mode.into(),
            new.place.into(),
            num(new.cutoff_hours),
            new.slots_json.into(),
        ])?;
    let audit = db
        .prepare(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             VALUES (?1, ?2, 'create', 'appointment_series', ?3, NULL, ?4)",
        )
        .bind(&[
            new.at.into(),
            new.audit_actor.into(),
            new.id.into(),
            new.input_json.into(),
        ])?;
    db.batch(vec![series, slots, audit]).await?;
    Ok(())
}

/// The free slots starting after `now`, of `topic` if given, soonest first.
pub async fn free_slots(
    db: &D1Database,
    topic: Option<&str>,
    now: &str,
    limit: u32,
) -> Result<Vec<SlotRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {SLOT_COLUMNS} FROM appointment_slots s \
             WHERE s.starts_at > ?1 AND (?2 IS NULL OR s.topic = ?2) \
             AND NOT EXISTS (SELECT 1 FROM appointments a \
                             WHERE a.slot_id = s.id AND a.status = 'booked') \
             ORDER BY s.starts_at, s.id LIMIT ?3"
        ))
        .bind(&[
            now.into(),
            topic.map_or(JsValue::NULL, JsValue::from_str),
            num(limit),
        ])?
        .all()
        .await?
        .results()?)
}

pub async fn slot(db: &D1Database, id: &str) -> Result<Option<SlotRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {SLOT_COLUMNS} FROM appointment_slots s WHERE s.id = ?1"
        ))
        .bind(&[id.into()])?
        .first(None)
        .await?)
}

/// A booking to be stored.
pub struct NewBooking<'a> {
    pub id: &'a str,
    pub code: &'a str,
    pub slot_id: &'a str,
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub at: &'a str,
}

/// Books the slot if it exists, has not started and has no booking: one statement, so two
/// bookings racing for a slot meet at the unique index `appointments_one_per_slot` inside D1 and
/// only one is stored. A replay of a stored id stores nothing. Whether a row was stored.
pub async fn book(db: &D1Database, new: NewBooking<'_>) -> Result<bool, ApiError> {
    let result = db
        .prepare(
            "INSERT OR IGNORE INTO appointments \
             (id, code, slot_id, status, name, email, phone, booked_at) \
             SELECT ?1, ?2, s.id, 'booked', ?4, ?5, ?6, ?7 FROM appointment_slots s \
             WHERE s.id = ?3 AND s.starts_at > ?7",
        )
        .bind(&[
            new.id.into(),
            new.code.into(),
            new.slot_id.into(),
            new.name.into(),
            new.email.map_or(JsValue::NULL, JsValue::from_str),
            new.phone.map_or(JsValue::NULL, JsValue::from_str),
            new.at.into(),
        ])?
        .run()
        .await?;
    Ok(changes(Some(&result)) == 1)
}

/// A booking with its slot.
#[derive(Debug, Clone, Deserialize)]
pub struct BookingRow {
    pub booking_id: String,
    pub code: String,
    pub status: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[serde(with = "sito_core::time")]
    pub booked_at: DateTime<Utc>,
    #[serde(flatten)]
    pub slot: SlotRow,
}

const BOOKING_COLUMNS: &str =
    "a.id AS booking_id, a.code, a.status, a.name, a.email, a.phone, a.booked_at";

pub async fn booking(db: &D1Database, id: &str) -> Result<Option<BookingRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {BOOKING_COLUMNS}, {SLOT_COLUMNS} FROM appointments a \
             JOIN appointment_slots s ON s.id = a.slot_id WHERE a.id = ?1"
        ))
        .bind(&[id.into()])?
        .first(None)
        .await?)
}

/// Cancels the booking if it is still booked. Whether it moved.
pub async fn cancel(db: &D1Database, id: &str, at: &str) -> Result<bool, ApiError> {
    let result = db
        .prepare(
            "UPDATE appointments SET status = 'cancelled', cancelled_at = ?2 \
             WHERE id = ?1 AND status = 'booked'",
        )
        .bind(&[id.into(), at.into()])?
        .run()
        .await?;
    Ok(changes(Some(&result)) == 1)
}

/// The slots starting in `[from, to)` with their bookings (a slot without one has no
/// booking columns), for the desk's day.
pub async fn day(db: &D1Database, from: &str, to: &str) -> Result<Vec<DayRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {SLOT_COLUMNS}, a.id AS booking_id, a.code, a.name, a.email, a.phone, \
             a.attended, a.purged_at AS purged FROM appointment_slots s \
             LEFT JOIN appointments a ON a.slot_id = s.id AND a.status = 'booked' \
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2 ORDER BY s.starts_at, s.id LIMIT 500"
        ))
        .bind(&[from.into(), to.into()])?
        .all()
        .await?
        .results()?)
}

/// A slot of the desk's day and its booking, if any.
#[derive(Debug, Clone, Deserialize)]
pub struct DayRow {
    #[serde(flatten)]
    pub slot: SlotRow,
    pub booking_id: Option<String>,
    pub code: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub attended: Option<u8>,
    pub purged: Option<String>,
}

/// An audit line for a read of personal data by staff (`action` = `read`).
pub async fn audit(
    db: &D1Database,
    at: &str,
    actor: &str,
    action: &str,
    kind: &str,
    item_id: &str,
    after: Option<&str>,
) -> Result<(), ApiError> {
    db.prepare(
        "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
         VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)",
    )
    .bind(&[
        at.into(),
        actor.into(),
        action.into(),
        kind.into(),
        item_id.into(),
        after.map_or(JsValue::NULL, JsValue::from_str),
    ])?
    .run()
    .await?;
    Ok(())
}

/// Marks whether the person came, with the audit line, in one batch. Whether the booking exists.
pub async fn set_attended(
    db: &D1Database,
    id: &str,
    attended: bool,
    at: &str,
    actor: &str,
) -> Result<bool, ApiError> {
    let value = num(u32::from(attended));
    let update = db
        .prepare("UPDATE appointments SET attended = ?2 WHERE id = ?1 AND status = 'booked'")
        .bind(&[id.into(), value.clone()])?;
    let audit = db
        .prepare(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             SELECT ?1, ?2, 'attendance', 'appointment', ?3, NULL, json_object('attended', ?4) \
             WHERE changes() = 1",
        )
        .bind(&[at.into(), actor.into(), id.into(), value])?;
    let results = db.batch(vec![update, audit]).await?;
    Ok(changes(results.first()) == 1)
}

/// Empties the name, e-mail and phone of every booking whose slot ended before `cutoff`, and
/// writes one audit line with how many, in one batch. The bookings stay, so counts stay.
pub async fn purge(db: &D1Database, cutoff: &str, at: &str) -> Result<u64, ApiError> {
    let update = db
        .prepare(
            "UPDATE appointments SET name = NULL, email = NULL, phone = NULL, purged_at = ?2 \
             WHERE purged_at IS NULL AND slot_id IN \
             (SELECT id FROM appointment_slots WHERE ends_at < ?1)",
        )
        .bind(&[cutoff.into(), at.into()])?;
    let audit = db
        .prepare(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             SELECT ?1, 'cron', 'purge', 'appointment', 'dati-personali', NULL, \
             json_object('purged', changes(), 'slots_ended_before', ?2) WHERE changes() > 0",
        )
        .bind(&[at.into(), cutoff.into()])?;
    let results = db.batch(vec![update, audit]).await?;
    Ok(changes(results.first()) as u64)
}
