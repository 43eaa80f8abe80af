//! The editorial workflow behind both the desk pages and the JSON API: save a working copy,
//! publish it into the sync feed, schedule, retire and delete, each in one D1 batch with its
//! audit line. An editor's save carries the version it was based on; a stale one is refused.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sito_core::{
    desk::{search_text, EntryView, SaveAction, SaveEntry},
    markdown,
    opportunity::is_valid_id,
    stored, Answer, Call, Content, ContentKind, Guide, News, Opportunity, Organisation,
    PublishMeta, ValidationErrors,
};
use worker::D1Database;

pub use crate::db::entries::{history, list, load};
use crate::{
    auth::{now, now_text, Session},
    db::entries::{self, EntryWrite, Target},
    error::ApiError,
};

mod prepare;
use prepare::prepare_kind;
pub use prepare::{check_id, preview};

/// Who is acting, as the audit log and the "published by" line record it.
pub struct Actor<'a> {
    /// The account's display name, shown on the phones as the publisher.
    pub name: &'a str,
    /// The account's e-mail (or the scheduler), kept in the audit log.
    pub audit_name: &'a str,
}

/// The signed-in account as the one acting.
pub fn actor(session: &Session) -> Actor<'_> {
    Actor {
        name: &session.account.name,
        audit_name: &session.account.email,
    }
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
    let now = now();
    let at = sito_core::time::format(&now);
    save.validate(now).map_err(ApiError::Validation)?;
    let version = base + 1;
    let publishing = save.action == SaveAction::Publish;
    let (prepared, body) = prepare_kind(
        kind,
        id,
        &save.input,
        publishing.then_some((version, now, actor.name)),
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

    let target = Target { kind, id, base };
    let mut batch = vec![entries::audit(
        db,
        target,
        &at,
        actor.audit_name,
        save_action_name(save.action),
        Some(&after),
    )?];
    if let Some(body) = &body {
        batch.push(entries::bump_seq(db, target)?);
        batch.push(entries::upsert_content(db, target, version, body, &at)?);
    } else if save.action == SaveAction::Retire {
        batch.extend(entries::tombstone(db, kind, id, base, version, &at)?);
    }
    batch.push(entries::write(
        db,
        target,
        &EntryWrite {
            version,
            status,
            publish_at: publish_at.as_deref(),
            input: &prepared.input,
            title: &prepared.title,
            search_text: &prepared.search_text,
            district: prepared.district.as_deref(),
            deadline: prepared.deadline.as_deref(),
            publisher: actor.name,
            at: &at,
            updated_by: actor.audit_name,
        },
    )?);
    if entries::wrote(db.batch(batch).await?)? {
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
    let at = now_text();
    let target = Target { kind, id, base };
    let mut batch = vec![entries::audit(
        db,
        target,
        &at,
        actor.audit_name,
        "delete",
        None,
    )?];
    batch.extend(entries::tombstone(db, kind, id, base, base + 1, &at)?);
    batch.push(entries::delete(db, target)?);
    if entries::wrote(db.batch(batch).await?)? {
        Ok(())
    } else {
        Err(conflict(load(db, kind, id).await?))
    }
}

/// Publishes every scheduled entry whose time has come. Called by the cron trigger and before
/// each sync pull, so phones never wait for the next cron run.
pub async fn publish_due(db: &D1Database) -> Result<u32, ApiError> {
    publish(db, entries::due(db, &now_text()).await?).await
}

/// Publishes what is due, as `publish_due`, and answers the change feed's head after it: one
/// round trip to D1 while nothing is due.
pub async fn publish_due_then_head(db: &D1Database) -> Result<u64, ApiError> {
    let (due, head) = entries::due_and_head(db, &now_text()).await?;
    if due.is_empty() {
        return Ok(head);
    }
    publish(db, due).await?;
    Ok(crate::db::content::feed_state(db).await?.head)
}

async fn publish(db: &D1Database, due: Vec<entries::Due>) -> Result<u32, ApiError> {
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
