//! The editorial workflow behind both the desk pages and the JSON API: save a working copy,
//! publish it into the sync feed, schedule, retire and delete, each in one D1 batch with its
//! audit line. An editor's save carries the version it was based on; a stale one is refused.

use serde::Deserialize;
use serde_json::Value;
use sito_core::{
    desk::{search_text, DeskQuery, EntrySummary, EntryView, SaveAction, SaveEntry},
    markdown,
    opportunity::is_valid_id,
    stored, Answer, Call, Content, ContentKind, Guide, News, Opportunity, Organisation,
    PublishMeta, ValidationErrors,
};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::{auth::now, error::ApiError};

mod prepare;
mod read;
use prepare::prepare_kind;
pub use prepare::{check_id, preview};
pub use read::{history, list};

/// Who is acting, as the audit log and the "published by" line record it.
pub struct Actor<'a> {
    /// The account's display name, shown on the phones as the publisher.
    pub name: &'a str,
    /// The account's e-mail (or the scheduler), kept in the audit log.
    pub audit_name: &'a str,
}

#[derive(Deserialize)]
struct EntryRow {
    kind: String,
    id: String,
    version: u32,
    status: String,
    publish_at: Option<String>,
    title: String,
    input: String,
    updated_at: String,
    updated_by: String,
}

impl EntryRow {
    fn into_view(self) -> Result<EntryView, ApiError> {
        let corrupt = |what: &str| ApiError::Storage(format!("entry {}: bad {what}", self.id));
        Ok(EntryView {
            kind: stored::parse("kind", &self.kind)?,
            status: stored::parse("status", &self.status)?,
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

/// The stored working copy as the 409 answer carries it.
fn conflict(current: Option<EntryView>) -> ApiError {
    match current {
        Some(entry) => ApiError::Conflict {
            current_version: entry.version,
            current: serde_json::to_string(&entry)
                .ok()
                .and_then(|s| serde_json::value::RawValue::from_string(s).ok()),
        },
        None => ApiError::Conflict {
            current_version: 0,
            current: None,
        },
    }
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
struct Target<'a> {
    kind: ContentKind,
    id: &'a str,
    base: u32,
}

fn audit(
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

/// Saves the entry and applies its action. Returns the stored entry.
pub async fn save(
    db: &D1Database,
    actor: &Actor<'_>,
    kind: ContentKind,
    id: &str,
    base: u32,
    save: &SaveEntry,
) -> Result<EntryView, ApiError> {
    check_id(id)?;
    let at = now();
    let now_utc = at.parse().map_err(|_| ApiError::Storage("clock".into()))?;
    save.validate(now_utc).map_err(ApiError::Validation)?;
    let version = base + 1;
    let publishing = save.action == SaveAction::Publish;
    let (prepared, body) = prepare_kind(
        kind,
        id,
        &save.input,
        publishing.then_some((version, at.as_str(), actor.name)),
    )?;

    let current = load(db, kind, id).await?;
    if current.as_ref().map_or(0, |c| c.version) != base {
        return Err(if base != 0 && current.is_none() {
            ApiError::NotFound
        } else {
            conflict(current)
        });
    }
    let status = save.action.status_after(current.as_ref().map(|c| c.status));
    let publish_at = match save.action {
        SaveAction::Schedule => save.publish_at.map(|t| t.to_rfc3339()),
        _ => None,
    };
    let after = serde_json::json!({
        "status": status.as_ref(),
        "version": version,
        "input": serde_json::from_str::<Value>(&prepared.input).unwrap_or_default(),
        "publish_at": publish_at,
    })
    .to_string();

    let guard = unchanged(base);
    let keys = || -> Vec<JsValue> { vec![kind.as_ref().into(), id.into(), num(base)] };
    let mut batch = vec![audit(
        db,
        Target { kind, id, base },
        &at,
        actor.audit_name,
        save_action_name(save.action),
        Some(&after),
    )?];
    if let Some(body) = &body {
        batch.push(
            db.prepare(format!("{BUMP_SEQ} AND {guard}"))
                .bind(&keys())?,
        );
        let mut args = keys();
        args.extend([num(version), body.as_str().into(), at.as_str().into()]);
        batch.push(
            db.prepare(format!(
                "INSERT INTO content (kind, id, version, seq, deleted, body, updated_at) \
                 SELECT ?1, ?2, ?4, (SELECT value FROM counters WHERE name = 'change_seq'), 0, ?5, ?6 \
                 WHERE {guard} \
                 ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, \
                 seq = excluded.seq, deleted = 0, body = excluded.body, updated_at = excluded.updated_at"
            ))
            .bind(&args)?,
        );
    } else if save.action == SaveAction::Retire {
        batch.extend(tombstone(db, kind, id, base, version, &at)?);
    }
    let mut args = keys();
    args.extend([
        num(version),
        status.as_ref().into(),
        opt(&publish_at),
        prepared.input.as_str().into(),
        prepared.title.as_str().into(),
        prepared.search_text.as_str().into(),
        opt(&prepared.district),
        opt(&prepared.deadline),
        actor.name.into(),
        at.as_str().into(),
        actor.audit_name.into(),
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
    batch.push(db.prepare(write).bind(&args)?);
    if wrote(db.batch(batch).await?)? {
        load(db, kind, id).await?.ok_or(ApiError::NotFound)
    } else {
        Err(conflict(load(db, kind, id).await?))
    }
}

fn save_action_name(action: SaveAction) -> &'static str {
    match action {
        SaveAction::Draft => "save_draft",
        SaveAction::Publish => "publish",
        SaveAction::Schedule => "schedule",
        SaveAction::Retire => "retire",
    }
}

/// Statements that turn a live feed item into a tombstone, if the entry is still at `base`.
fn tombstone(
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

/// Deletes the working copy and takes the item off the phones.
pub async fn delete(
    db: &D1Database,
    actor: &Actor<'_>,
    kind: ContentKind,
    id: &str,
    base: u32,
) -> Result<(), ApiError> {
    check_id(id)?;
    let current = load(db, kind, id).await?.ok_or(ApiError::NotFound)?;
    if current.version != base {
        return Err(conflict(Some(current)));
    }
    let at = now();
    let mut batch = vec![audit(
        db,
        Target { kind, id, base },
        &at,
        actor.audit_name,
        "delete",
        None,
    )?];
    batch.extend(tombstone(db, kind, id, base, base + 1, &at)?);
    batch.push(
        db.prepare(
            "DELETE FROM entries WHERE kind = ?1 AND id = ?2 AND version = ?3 RETURNING version",
        )
        .bind(&[kind.as_ref().into(), id.into(), num(base)])?,
    );
    if wrote(db.batch(batch).await?)? {
        Ok(())
    } else {
        Err(conflict(load(db, kind, id).await?))
    }
}

/// Whether the batch's last statement (the entry write) touched a row.
fn wrote(results: Vec<worker::D1Result>) -> Result<bool, ApiError> {
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

/// Publishes every scheduled entry whose time has come. Called by the cron trigger and before
/// each sync pull, so phones never wait for the next cron run.
pub async fn publish_due(db: &D1Database) -> Result<u32, ApiError> {
    #[derive(Deserialize)]
    struct Due {
        kind: String,
        id: String,
        version: u32,
        input: String,
        publisher: String,
        updated_by: String,
    }
    let due = db
        .prepare(
            "SELECT kind, id, version, input, publisher, updated_by FROM entries \
             WHERE status = 'scheduled' AND publish_at <= ?1 LIMIT 50",
        )
        .bind(&[now().into()])?
        .all()
        .await?
        .results::<Due>()?;
    let mut published = 0;
    for entry in due {
        let kind: ContentKind = stored::parse("kind", &entry.kind)?;
        let input = serde_json::from_str(&entry.input).unwrap_or_default();
        let audit_name = format!("{} (programmata)", entry.updated_by);
        let actor = Actor {
            name: &entry.publisher,
            audit_name: &audit_name,
        };
        let save_entry = SaveEntry {
            action: SaveAction::Publish,
            publish_at: None,
            input,
        };
        // A concurrent edit wins: the editor's newer save decides what happens next.
        match save(db, &actor, kind, &entry.id, entry.version, &save_entry).await {
            Ok(_) => published += 1,
            Err(ApiError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(published)
}
