//! Published content and its change feed. Every write takes the next value of the global change
//! sequence in the same transaction (a D1 batch) as the write itself.

use serde::Deserialize;
use serde_json::value::RawValue;
use sito_core::{sync::FeedState, Change, ContentKind};
use wasm_bindgen::JsValue;
use worker::D1Database;

use crate::error::ApiError;

const BUMP_SEQ: &str = "UPDATE counters SET value = value + 1 WHERE name = 'change_seq'";

#[derive(Deserialize)]
struct StateRow {
    head: u64,
    purged_through: u64,
}

#[derive(Deserialize)]
struct ChangeRow {
    seq: u64,
    kind: String,
    id: String,
    version: u32,
    deleted: u8,
    body: Option<String>,
}

impl ChangeRow {
    fn into_change(self) -> Result<Change, ApiError> {
        let kind = ContentKind::parse(&self.kind)
            .ok_or_else(|| ApiError::Storage(format!("unknown kind {}", self.kind)))?;
        let item = match self.body {
            Some(body) if self.deleted == 0 => {
                Some(RawValue::from_string(body).map_err(|e| ApiError::Storage(e.to_string()))?)
            }
            _ => None,
        };
        Ok(Change {
            seq: self.seq,
            kind,
            id: self.id,
            version: self.version,
            deleted: self.deleted != 0,
            item,
        })
    }
}

/// The current row of one item, tombstones included.
pub struct Current {
    pub version: u32,
    pub deleted: bool,
    pub body: Option<Box<RawValue>>,
}

fn num(n: u64) -> JsValue {
    JsValue::from_f64(n as f64)
}

pub async fn feed_state(db: &D1Database) -> Result<FeedState, ApiError> {
    let row: Option<StateRow> = db.prepare(STATE_SQL).first(None).await?;
    let row = row.ok_or_else(|| ApiError::Storage("counters missing".into()))?;
    Ok(FeedState {
        head: row.head,
        purged_through: row.purged_through,
    })
}

const STATE_SQL: &str = "SELECT \
    (SELECT value FROM counters WHERE name = 'change_seq') AS head, \
    (SELECT value FROM counters WHERE name = 'purged_through') AS purged_through";

/// The feed state and up to `limit + 1` changes after `since`, read in one consistent batch.
pub async fn changes_since(
    db: &D1Database,
    since: u64,
    limit: u32,
) -> Result<(FeedState, Vec<Change>), ApiError> {
    let results = db
        .batch(vec![
            db.prepare(STATE_SQL),
            db.prepare(
                "SELECT seq, kind, id, version, deleted, body FROM content \
                 WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )
            .bind(&[num(since), num(u64::from(limit) + 1)])?,
        ])
        .await?;
    let [state, rows] = results.as_slice() else {
        return Err(ApiError::Storage("batch answered the wrong count".into()));
    };
    let state = state
        .results::<StateRow>()?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Storage("counters missing".into()))?;
    let changes = rows
        .results::<ChangeRow>()?
        .into_iter()
        .map(ChangeRow::into_change)
        .collect::<Result<_, _>>()?;
    Ok((
        FeedState {
            head: state.head,
            purged_through: state.purged_through,
        },
        changes,
    ))
}

pub async fn current(
    db: &D1Database,
    kind: ContentKind,
    id: &str,
) -> Result<Option<Current>, ApiError> {
    let row: Option<ChangeRow> = db
        .prepare(
            "SELECT seq, kind, id, version, deleted, body FROM content WHERE kind = ?1 AND id = ?2",
        )
        .bind(&[kind.as_str().into(), id.into()])?
        .first(None)
        .await?;
    row.map(|row| {
        let change = row.into_change()?;
        Ok(Current {
            version: change.version,
            deleted: change.deleted,
            body: change.item,
        })
    })
    .transpose()
}

/// Writes `body` as version `base_version + 1` if the stored version is still `base_version`
/// (0 = the item must not exist yet). Returns the new change sequence, or `None` when another
/// write got there first.
pub async fn put(
    db: &D1Database,
    kind: ContentKind,
    id: &str,
    base_version: u32,
    body: &str,
    now: &str,
) -> Result<Option<u64>, ApiError> {
    let upsert = db
        .prepare(
            "INSERT INTO content (kind, id, version, seq, deleted, body, updated_at) \
             VALUES (?1, ?2, ?3, (SELECT value FROM counters WHERE name = 'change_seq'), 0, ?4, ?5) \
             ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, seq = excluded.seq, \
             deleted = 0, body = excluded.body, updated_at = excluded.updated_at \
             WHERE content.version = ?6 \
             RETURNING seq",
        )
        .bind(&[
            kind.as_str().into(),
            id.into(),
            num(u64::from(base_version) + 1),
            body.into(),
            now.into(),
            num(u64::from(base_version)),
        ])?;
    returned_seq(db.batch(vec![db.prepare(BUMP_SEQ), upsert]).await?)
}

/// Turns the item into a tombstone if its version is still `base_version`.
pub async fn delete(
    db: &D1Database,
    kind: ContentKind,
    id: &str,
    base_version: u32,
    now: &str,
) -> Result<Option<u64>, ApiError> {
    let tombstone = db
        .prepare(
            "UPDATE content SET deleted = 1, body = NULL, version = version + 1, \
             seq = (SELECT value FROM counters WHERE name = 'change_seq'), updated_at = ?3 \
             WHERE kind = ?1 AND id = ?2 AND version = ?4 AND deleted = 0 \
             RETURNING seq",
        )
        .bind(&[
            kind.as_str().into(),
            id.into(),
            now.into(),
            num(u64::from(base_version)),
        ])?;
    returned_seq(db.batch(vec![db.prepare(BUMP_SEQ), tombstone]).await?)
}

fn returned_seq(results: Vec<worker::D1Result>) -> Result<Option<u64>, ApiError> {
    #[derive(Deserialize)]
    struct Seq {
        seq: u64,
    }
    let write = results
        .last()
        .ok_or_else(|| ApiError::Storage("batch answered nothing".into()))?;
    Ok(write.results::<Seq>()?.first().map(|s| s.seq))
}

/// Drops tombstones last changed at or before `cutoff` (RFC 3339) and moves the purge horizon,
/// so that older cursors are told to reset. Returns how many were dropped.
pub async fn purge_tombstones(db: &D1Database, cutoff: &str) -> Result<u64, ApiError> {
    let horizon =
        "(SELECT COALESCE(MAX(seq), 0) FROM content WHERE deleted = 1 AND updated_at <= ?1)";
    let results = db
        .batch(vec![
            db.prepare(format!(
                "UPDATE counters SET value = MAX(value, {horizon}) WHERE name = 'purged_through'"
            ))
            .bind(&[cutoff.into()])?,
            db.prepare(
                "DELETE FROM content WHERE deleted = 1 \
                 AND seq <= (SELECT value FROM counters WHERE name = 'purged_through')",
            ),
        ])
        .await?;
    let purged = results
        .last()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0);
    Ok(purged as u64)
}

/// The stored JSON of the most recently changed live items of `kind`.
pub async fn latest(
    db: &D1Database,
    kind: ContentKind,
    limit: u32,
) -> Result<Vec<String>, ApiError> {
    #[derive(Deserialize)]
    struct Body {
        body: String,
    }
    let rows = db
        .prepare(
            "SELECT body FROM content WHERE kind = ?1 AND deleted = 0 ORDER BY seq DESC LIMIT ?2",
        )
        .bind(&[kind.as_str().into(), num(u64::from(limit))])?
        .all()
        .await?
        .results::<Body>()?;
    Ok(rows.into_iter().map(|r| r.body).collect())
}
