//! The store's layout, version by version: what each upgrade adds, and what it keeps of a
//! phone's data (everything the young person made; synced copies can be pulled again).

use indexed_db_futures::{database::Database, prelude::*, KeyPath};
use sito_core::ContentKind;

use super::*;

/// Brings the database from version `old` (0 when new) to `DB_VERSION`, in the upgrade's own
/// transaction: a phone has either the old layout or the new one, never half of each.
pub(super) async fn upgrade(old: u32, db: &Database) -> indexed_db_futures::Result<()> {
    if old < 2 {
        // Version 1 held only synced opportunities: drop the replica and its cursor
        // and pull again; there was no user data yet.
        for name in ["opportunities", META] {
            if db.object_store_names().any(|n| n == name) {
                db.delete_object_store(name)?;
            }
        }
        for name in content_stores() {
            db.create_object_store(name)
                .with_key_path(KeyPath::from("id"))
                .build()?;
        }
        db.create_object_store(META).build()?;
        db.create_object_store(SAVED)
            .with_key_path(KeyPath::from("key"))
            .build()?;
        db.create_object_store(PROGRESS)
            .with_key_path(KeyPath::from("guide"))
            .build()?;
    }
    if old < 3 {
        // Saved items and tutorial progress stay. The answers store is new, so
        // version-2 content is kept and the cursor (in META) is dropped: the next pull
        // starts from zero and brings the answers published before this version.
        let answers = ContentKind::Answer.as_ref();
        if !db.object_store_names().any(|n| n == answers) {
            db.create_object_store(answers)
                .with_key_path(KeyPath::from("id"))
                .build()?;
        }
        for name in [OUTBOX_BEFORE_6, CVS, LETTERS] {
            db.create_object_store(name)
                .with_key_path(KeyPath::from("id"))
                .build()?;
        }
        if old >= 2 {
            db.delete_object_store(META)?;
            db.create_object_store(META).build()?;
        }
    }
    if old < 4 {
        // Everything the young person made stays (saved items, progress, the outbox,
        // CVs and letters). The calls store is new, so the cursor is dropped again and
        // the next pull brings the calls published before this version.
        let calls = ContentKind::Call.as_ref();
        if !db.object_store_names().any(|n| n == calls) {
            db.create_object_store(calls)
                .with_key_path(KeyPath::from("id"))
                .build()?;
        }
        db.create_object_store(PROPOSALS)
            .with_key_path(KeyPath::from("id"))
            .build()?;
        db.create_object_store(PROPOSAL_CACHE).build()?;
        if old >= 3 {
            db.delete_object_store(META)?;
            db.create_object_store(META).build()?;
        }
    }
    if old < 5 {
        // Synced items become the feed's own JSON text, keyed by id: storing and
        // reading a string costs a fraction of converting an object field by field
        // (a first sync of 2,000 items held the phone's main thread for seconds).
        // The synced copies and the cursor go; the next pull brings them back.
        // Everything the young person made stays.
        for name in content_stores() {
            if db.object_store_names().any(|n| n == name) {
                db.delete_object_store(name)?;
            }
            db.create_object_store(name).build()?;
        }
        db.delete_object_store(META)?;
        db.create_object_store(META).build()?;
    }
    if old < 6 {
        // The outbox becomes typed: each entry a submission (a question, a proposal) and one of
        // its states. What waits on the phone, or was sent or refused, is read into that form;
        // an entry that cannot be read stays in the old store, untouched.
        let outbox = db.create_object_store(OUTBOX).build()?;
        let before = outbox.transaction().object_store(OUTBOX_BEFORE_6)?;
        let mut kept = 0;
        let stored = before.get_all::<outbox::StoredBefore6>().serde()?.await?;
        let mut moved = Vec::new();
        for read in stored {
            match read.map_err(|e| e.to_string()).and_then(|old| {
                let id = old.id().to_owned();
                let entry = old.into_entry()?;
                let text = outbox::entry_text(&entry).map_err(|e| e.to_string())?;
                Ok((id, text))
            }) {
                Ok((id, text)) => {
                    outbox.put(text).with_key(id.as_str()).build()?;
                    moved.push(id);
                }
                Err(e) => {
                    leptos::logging::warn!("voce della coda non convertita: {e}");
                    kept += 1;
                }
            }
        }
        if kept == 0 {
            db.delete_object_store(OUTBOX_BEFORE_6)?;
        } else {
            for id in moved {
                before.delete(id.as_str()).build()?;
            }
        }
    }
    if old < 7 {
        // The labs store is new: everything on the phone stays, and the cursor is dropped so
        // the next pull brings the labs published before this version.
        let labs = ContentKind::Lab.as_ref();
        if !db.object_store_names().any(|n| n == labs) {
            db.create_object_store(labs).build()?;
        }
        if old >= 2 {
            db.delete_object_store(META)?;
            db.create_object_store(META).build()?;
        }
    }
    if old < 8 {
        // The recruiting days' store is new: everything on the phone stays, and the cursor is
        // dropped so the next pull brings the days published before this version.
        let days = ContentKind::RecruitingDay.as_ref();
        if !db.object_store_names().any(|n| n == days) {
            db.create_object_store(days).build()?;
        }
        if old >= 2 {
            db.delete_object_store(META)?;
            db.create_object_store(META).build()?;
        }
    }
    Ok(())
}
