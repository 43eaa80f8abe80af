//! D1 access for the editors' working copies (`entries`), the published items they write into
//! the change feed (`content`) and the audit log. A write is a batch of the statements below,
//! each guarded so that the batch does nothing unless the entry is still at the version the
//! editor started from.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sito_core::{
    desk::{DeskQuery, EntryStatus, EntrySummary, EntryView},
    ContentKind,
};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::error::ApiError;

mod read;
pub use read::{history, list};

#[derive(Deserialize)]
struct EntryRow {
    kind: String,
    id: String,
    version: u32,
    status: String,
    #[serde(default, with = "sito_core::time::option")]
    publish_at: Option<DateTime<Utc>>,
    title: String,
    input: String,
    #[serde(with = "sito_core::time")]
    updated_at: DateTime<Utc>,
    updated_by: String,
}

impl EntryRow {
    fn into_view(self) -> Result<EntryView, ApiError> {
        let corrupt = |what: &str| ApiError::Storage(format!("entry {}: bad {what}", self.id));
        Ok(EntryView {
            kind: sito_core::stored::parse("kind", &self.kind)?,
            status: sito_core::stored::parse("status", &self.status)?,
            input: serde_json::from_str(&self.input).map_err(|_| corrupt("input"))?,
            id: self.id,
            version: self.version,
            publish_at: self.publish_at,
            title: self.title,
            updated_at: self.updated_at,
            updated_by: self.updated_by,
        })
    }
}

fn num(n: u32) -> JsValue {
    JsValue::from_f64(f64::from(n))
}

fn opt(value: &Option<String>) -> JsValue {
    value.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

pub async fn load(
    db: &D1Database,
    kind: ContentKind,
    id: &str,
) -> Result<Option<EntryView>, ApiError> {
    let row: Option<EntryRow> = db
        .prepare(
            "SELECT kind, id, version, status, publish_at, title, input, updated_at, updated_by \
             FROM entries WHERE kind = ?1 AND id = ?2",
        )
        .bind(&[kind.as_ref().into(), id.into()])?
        .first(None)
        .await?;
    row.map(EntryRow::into_view).transpose()
}

/// The condition every statement of a write batch repeats, so that the batch does nothing at
/// all unless the entry is still at `base` (0 = must not exist).
fn unchanged(base: u32) -> &'static str {
    if base == 0 {
        "NOT EXISTS (SELECT 1 FROM entries WHERE kind = ?1 AND id = ?2) AND ?3 = 0"
    } else {
        "EXISTS (SELECT 1 FROM entries WHERE kind = ?1 AND id = ?2 AND version = ?3)"
    }
}

/// The entry a write batch is about, and the version it must still be at.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    pub kind: ContentKind,
    pub id: &'a str,
    pub base: u32,
}

/// The audit line of a write, written only if the entry is still at the target's version.
pub fn audit(
    db: &D1Database,
    Target { kind, id, base }: Target<'_>,
    at: &str,
    actor: &str,
    action: &str,
    after: Option<&str>,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(format!(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             SELECT ?4, ?5, ?6, ?1, ?2, \
             (SELECT json_object('status', status, 'version', version, 'input', json(input)) \
              FROM entries WHERE kind = ?1 AND id = ?2), ?7 \
             WHERE {}",
            unchanged(base)
        ))
        .bind(&[
            kind.as_ref().into(),
            id.into(),
            num(base),
            at.into(),
            actor.into(),
            action.into(),
            after.map_or(JsValue::NULL, JsValue::from_str),
        ])?)
}

const BUMP_SEQ: &str = "UPDATE counters SET value = value + 1 WHERE name = 'change_seq'";

/// The statement that takes the next change sequence number, if the entry is at the target's
/// version.
pub fn bump_seq(
    db: &D1Database,
    Target { kind, id, base }: Target<'_>,
) -> Result<D1PreparedStatement, ApiError> {
    let guard = unchanged(base);
    Ok(db.prepare(format!("{BUMP_SEQ} AND {guard}")).bind(&[
        kind.as_ref().into(),
        id.into(),
        num(base),
    ])?)
}

/// The statement that puts the published item `body` into the feed at the sequence number
/// just taken ([`bump_seq`]).
pub fn upsert_content(
    db: &D1Database,
    Target { kind, id, base }: Target<'_>,
    version: u32,
    body: &str,
    at: &str,
) -> Result<D1PreparedStatement, ApiError> {
    let guard = unchanged(base);
    let mut args: Vec<JsValue> = vec![kind.as_ref().into(), id.into(), num(base)];
    args.extend([num(version), body.into(), at.into()]);
    // A lab's published item carries its counts of sign-ups, which live in D1, not in the input.
    let body = format!(
        "CASE WHEN ?1 = 'lab' THEN json_set(?5, '$.places', json({}), '$.cancelled', {}) ELSE ?5 END",
        super::labs::places_sql("?2"),
        super::labs::cancelled_sql("?2")
    );
    Ok(db
        .prepare(format!(
            "INSERT INTO content (kind, id, version, seq, deleted, body, updated_at) \
             SELECT ?1, ?2, ?4, (SELECT value FROM counters WHERE name = 'change_seq'), 0, {body}, ?6 \
             WHERE {guard} \
             ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, \
             seq = excluded.seq, deleted = 0, body = excluded.body, updated_at = excluded.updated_at"
        ))
        .bind(&args)?)
}

/// Statements that turn a live feed item into a tombstone, if the entry is still at `base`.
pub fn tombstone(
    db: &D1Database,
    kind: ContentKind,
    id: &str,
    base: u32,
    version: u32,
    at: &str,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let guard = unchanged(base);
    let live = "EXISTS (SELECT 1 FROM content WHERE kind = ?1 AND id = ?2 AND deleted = 0)";
    Ok(vec![
        db.prepare(format!("{BUMP_SEQ} AND {guard} AND {live}"))
            .bind(&[kind.as_ref().into(), id.into(), num(base)])?,
        db.prepare(format!(
            "UPDATE content SET deleted = 1, body = NULL, version = ?4, updated_at = ?5, \
             seq = (SELECT value FROM counters WHERE name = 'change_seq') \
             WHERE kind = ?1 AND id = ?2 AND deleted = 0 AND {guard}"
        ))
        .bind(&[
            kind.as_ref().into(),
            id.into(),
            num(base),
            num(version),
            at.into(),
        ])?,
    ])
}

/// A working copy as written.
pub struct EntryWrite<'a> {
    pub version: u32,
    pub status: EntryStatus,
    pub publish_at: Option<&'a str>,
    pub input: &'a str,
    pub title: &'a str,
    pub search_text: &'a str,
    pub district: Option<&'a str>,
    pub deadline: Option<&'a str>,
    pub publisher: &'a str,
    pub at: &'a str,
    pub updated_by: &'a str,
}

/// The statement that writes the working copy (a new one when the target's version is 0), last
/// in its batch: it answers the version written, or nothing ([`wrote`]).
pub fn write(
    db: &D1Database,
    Target { kind, id, base }: Target<'_>,
    entry: &EntryWrite<'_>,
) -> Result<D1PreparedStatement, ApiError> {
    let guard = unchanged(base);
    let text = |s: Option<&str>| s.map_or(JsValue::NULL, JsValue::from_str);
    let mut args: Vec<JsValue> = vec![kind.as_ref().into(), id.into(), num(base)];
    args.extend([
        num(entry.version),
        entry.status.as_ref().into(),
        text(entry.publish_at),
        entry.input.into(),
        entry.title.into(),
        entry.search_text.into(),
        text(entry.district),
        text(entry.deadline),
        entry.publisher.into(),
        entry.at.into(),
        entry.updated_by.into(),
    ]);
    let write = if base == 0 {
        format!(
            "INSERT INTO entries (kind, id, version, status, publish_at, input, title, search_text, \
             district, deadline, publisher, updated_at, updated_by) \
             SELECT ?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14 WHERE {guard} \
             RETURNING version"
        )
    } else {
        "UPDATE entries SET version = ?4, status = ?5, publish_at = ?6, input = ?7, title = ?8, \
         search_text = ?9, district = ?10, deadline = ?11, publisher = ?12, updated_at = ?13, \
         updated_by = ?14 WHERE kind = ?1 AND id = ?2 AND version = ?3 RETURNING version"
            .to_owned()
    };
    Ok(db.prepare(write).bind(&args)?)
}

/// The statement that deletes the working copy at the target's version, last in its batch.
pub fn delete(
    db: &D1Database,
    Target { kind, id, base }: Target<'_>,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "DELETE FROM entries WHERE kind = ?1 AND id = ?2 AND version = ?3 RETURNING version",
        )
        .bind(&[kind.as_ref().into(), id.into(), num(base)])?)
}

/// Whether the batch's last statement (the entry write) touched a row.
pub fn wrote(results: Vec<worker::D1Result>) -> Result<bool, ApiError> {
    #[derive(Deserialize)]
    struct Version {
        #[allow(dead_code)]
        version: u32,
    }
    let last = results
        .last()
        .ok_or_else(|| ApiError::Storage("batch answered nothing".into()))?;
    Ok(!last.results::<Version>()?.is_empty())
}

/// A scheduled entry whose time has come.
#[derive(Deserialize)]
pub struct Due {
    pub kind: String,
    pub id: String,
    pub version: u32,
    pub input: String,
    pub publisher: String,
    pub updated_by: String,
}

/// Up to 50 scheduled entries due at `now`.
pub async fn due(db: &D1Database, now: &str) -> Result<Vec<Due>, ApiError> {
    Ok(due_statement(db, now)?.all().await?.results::<Due>()?)
}

/// Up to 50 scheduled entries due at `now`, and the change feed's head, read in one batch.
pub async fn due_and_head(db: &D1Database, now: &str) -> Result<(Vec<Due>, u64), ApiError> {
    let results = db
        .batch(vec![
            due_statement(db, now)?,
            super::content::state_statement(db),
        ])
        .await?;
    let [due, state] = results.as_slice() else {
        return Err(ApiError::Storage("batch answered the wrong count".into()));
    };
    Ok((due.results::<Due>()?, super::content::state_of(state)?.head))
}

fn due_statement(db: &D1Database, now: &str) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "SELECT kind, id, version, input, publisher, updated_by FROM entries \
             WHERE status = 'scheduled' AND publish_at <= ?1 LIMIT 50",
        )
        .bind(&[now.into()])?)
}
