//! Published content and its change feed. Every write takes the next value of the global change
//! sequence in the same transaction (a D1 batch) as the write itself.

use serde::Deserialize;
use serde_json::value::RawValue;
use sito_core::{sync::FeedState, Change, ContentKind};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result};

use crate::error::ApiError;

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
        let kind: ContentKind = sito_core::stored::parse("kind", &self.kind)?;
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

/// The statement that reads the feed's state, for a batch; `state_of` reads its answer.
pub(super) fn state_statement(db: &D1Database) -> D1PreparedStatement {
    db.prepare(STATE_SQL)
}

pub(super) fn state_of(result: &D1Result) -> Result<FeedState, ApiError> {
    let row = result
        .results::<StateRow>()?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Storage("counters missing".into()))?;
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
        .bind(&[kind.as_ref().into(), id.into()])?
        .first(None)
        .await?;
    row.map(|row| {
        let change = row.into_change()?;
        Ok(Current {
            deleted: change.deleted,
            body: change.item,
        })
    })
    .transpose()
}

/// The change sequence of an item's last change (0 when it never reached the feed).
pub async fn seq_of(db: &D1Database, kind: ContentKind, id: &str) -> Result<u64, ApiError> {
    #[derive(Deserialize)]
    struct Seq {
        seq: u64,
    }
    let row: Option<Seq> = db
        .prepare("SELECT seq FROM content WHERE kind = ?1 AND id = ?2")
        .bind(&[kind.as_ref().into(), id.into()])?
        .first(None)
        .await?;
    Ok(row.map_or(0, |r| r.seq))
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
    let purged = super::changes(results.last());
    Ok(purged as u64)
}

/// The `body` column of every row a statement answers.
async fn bodies(statement: worker::D1PreparedStatement) -> Result<Vec<String>, ApiError> {
    #[derive(Deserialize)]
    struct Body {
        body: String,
    }
    let rows = statement.all().await?.results::<Body>()?;
    Ok(rows.into_iter().map(|r| r.body).collect())
}

/// The stored JSON of the most recently changed live items of `kind`.
pub async fn latest(
    db: &D1Database,
    kind: ContentKind,
    limit: u32,
) -> Result<Vec<String>, ApiError> {
    bodies(
        db.prepare(
            "SELECT body FROM content WHERE kind = ?1 AND deleted = 0 ORDER BY seq DESC LIMIT ?2",
        )
        .bind(&[kind.as_ref().into(), num(u64::from(limit))])?,
    )
    .await
}
