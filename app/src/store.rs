//! The app's only source of data: an IndexedDB database filled by the sync client, plus what the
//! young person keeps on the device (saved items, ticked tutorial steps). Pages read from here
//! and never wait on the network for something already stored.

use sito_core::VariantArray;
use std::cell::RefCell;

use indexed_db_futures::{
    database::Database, object_store::ObjectStore, prelude::*, transaction::TransactionMode,
    KeyRange,
};
use serde::{Deserialize, Serialize};
use sito_core::{
    cv::{Cv, Letter},
    Answer, Call, Change, Content, ContentKind, Guide, News, Opportunity, Organisation,
    PullResponse,
};

/// The name of the app's database in the browser.
pub const DB_NAME: &str = "sito-giovani";
/// Version 2 added guides, news, the directory, saved items and tutorial progress; version 3
/// the expert's answers, the outbox, and the CVs and cover letters; version 4 the calls for
/// youth-led projects, the proposal drafts and what the server last said about the group's
/// proposals; version 5 keeps synced items as the feed's JSON text, keyed by id; version 6 keeps
/// the outbox as typed submissions with their states (JSON text, keyed by id); version 7 the
/// labs; version 8 the recruiting days.
const DB_VERSION: u32 = 8;
const META: &str = "meta";
/// The outbox since version 6 (`store::outbox`).
const OUTBOX: &str = "submissions";
/// The outbox of versions 3 to 5: an endpoint and a JSON body per entry.
const OUTBOX_BEFORE_6: &str = "outbox";
/// The CVs and cover letters: made on the phone, never synced.
const CVS: &str = "cv";
const LETTERS: &str = "letters";
/// Proposal drafts, as typed: made on the phone, sent only through the outbox.
const PROPOSALS: &str = "proposals";
/// The group's account and proposals as the server last told them (JSON text by key), so
/// that they show offline.
const PROPOSAL_CACHE: &str = "proposal_cache";
const SAVED: &str = "saved";
const PROGRESS: &str = "progress";
const CURSOR_KEY: &str = "cursor";
const SYNCED_AT_KEY: &str = "synced_at";
/// Changes written per transaction, and items read per request: small enough that each is a
/// short task on a slow phone, so that a tap is answered while a first sync of thousands of
/// items lands.
const WRITE_BATCH: usize = 25;
const READ_BATCH: u32 = 100;

mod cv_bank;
mod for_you;
mod outbox;
mod proposals;
mod upgrade;
mod user_data;
pub use cv_bank::KeptRecord;
pub use for_you::ForYou;
pub use outbox::{
    AppointmentJson, BankJson, OutboxEntry, OutboxState, ProposalJson, Receipt, Submission,
};
pub use proposals::{DraftRecord, ME_KEY};

/// Every object store that holds synced content, named by kind.
fn content_stores() -> impl Iterator<Item = &'static str> {
    ContentKind::VARIANTS.iter().map(|kind| kind.into())
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("archivio del dispositivo non disponibile: {0}")]
    Unavailable(String),
    #[error("dato non leggibile nell'archivio: {0}")]
    Corrupt(String),
}

impl From<indexed_db_futures::error::Error> for StoreError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        StoreError::Unavailable(e.to_string())
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> Self {
        StoreError::Unavailable(e.to_string())
    }
}

/// An item the young person saved, newest first in the saved list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedItem {
    pub key: String,
    pub kind: ContentKind,
    pub id: String,
    pub saved_at: String,
}

/// The tutorial steps ticked in one guide.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Progress {
    guide: String,
    steps: Vec<u32>,
}

/// A handle on the open database.
#[derive(Clone, Debug)]
pub struct Store {
    db: Database,
}

impl Store {
    /// Opens (and creates or upgrades) the database called `name`.
    pub async fn open(name: &str) -> Result<Store, StoreError> {
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed_fut(|event, db| async move {
                upgrade::upgrade(event.old_version() as u32, &db).await
            })
            .await?;
        Ok(Store { db })
    }

    /// Applies one page of the feed and moves the cursor. The page lands in transactions of
    /// `WRITE_BATCH` changes, each its own short task, so that a first sync of thousands of
    /// items never holds the phone's main thread for long; the cursor moves with the last of
    /// them. A page cut short (the tab closed) is pulled again from the old cursor, and applying
    /// a change twice leaves the store as applying it once.
    pub async fn apply(&self, page: &PullResponse, synced_at: &str) -> Result<(), StoreError> {
        let mut names: Vec<_> = content_stores().collect();
        names.push(META);
        let mut batches = page.changes.chunks(WRITE_BATCH).peekable();
        let mut first = true;
        loop {
            let batch = batches.next().unwrap_or_default();
            let last = batches.peek().is_none();
            let tx = self
                .db
                .transaction(names.clone())
                .with_mode(TransactionMode::Readwrite)
                .build()?;
            if page.reset && first {
                for name in content_stores() {
                    tx.object_store(name)?.clear()?;
                }
            }
            for change in batch {
                apply_change(&tx.object_store(change.kind.as_ref())?, change)?;
            }
            if last {
                let meta = tx.object_store(META)?;
                meta.put(page.cursor as f64).with_key(CURSOR_KEY).build()?;
                meta.put(synced_at).with_key(SYNCED_AT_KEY).build()?;
            }
            tx.commit().await?;
            if last {
                return Ok(());
            }
            first = false;
        }
    }

    /// Where the next pull starts (0 on a new device).
    pub async fn cursor(&self) -> Result<u64, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let value: Option<f64> = tx.object_store(META)?.get(CURSOR_KEY).primitive()?.await?;
        Ok(value.map_or(0, |v| v as u64))
    }

    /// When the device last heard from the server (RFC 3339), if ever.
    pub async fn synced_at(&self) -> Result<Option<String>, StoreError> {
        let tx = self.db.transaction(META).build()?;
        Ok(tx
            .object_store(META)?
            .get(SYNCED_AT_KEY)
            .primitive()?
            .await?)
    }

    /// Every stored item of one kind, in id order. Read `READ_BATCH` at a time: each batch is
    /// read into Rust values in its own task, so reading thousands never blocks a tap.
    pub async fn all<T: Content + 'static>(&self) -> Result<Vec<T>, StoreError> {
        let mut items: Vec<T> = Vec::new();
        loop {
            let batch = self.texts_after(T::KIND, items.last().map(T::id)).await?;
            for text in &batch {
                items.push(read(text)?);
            }
            if batch.len() < READ_BATCH as usize {
                return Ok(items);
            }
        }
    }

    /// Up to `READ_BATCH` stored items of one kind as JSON text, in id order after `after`
    /// (from the first without it). Not generic, so that the portal carries it once.
    async fn texts_after(
        &self,
        kind: ContentKind,
        after: Option<&str>,
    ) -> Result<Vec<String>, StoreError> {
        let name = kind.as_ref();
        let tx = self.db.transaction(name).build()?;
        let store = tx.object_store(name)?;
        let after = KeyRange::LowerBound(after.unwrap_or_default(), after.is_some());
        let query = store.get_all::<String>().with_query::<&str, _>(after);
        Ok(query
            .with_limit(READ_BATCH)
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?)
    }

    /// Every stored lab, in id order; one that does not read is left out (the feed's labs are
    /// stored unread, see `apply_change`).
    pub async fn labs(&self) -> Result<Vec<sito_core::lab::Lab>, StoreError> {
        self.unread_items(ContentKind::Lab).await
    }

    /// Every stored recruiting day, in id order; one that does not read is left out (stored
    /// unread as the labs are).
    pub async fn recruiting_days(
        &self,
    ) -> Result<Vec<sito_core::recruiting::RecruitingDay>, StoreError> {
        self.unread_items(ContentKind::RecruitingDay).await
    }

    /// Every stored item of a kind the feed stores unread, in id order, skipping (and logging)
    /// one that does not read as a `T`.
    async fn unread_items<T: serde::de::DeserializeOwned>(
        &self,
        kind: ContentKind,
    ) -> Result<Vec<T>, StoreError> {
        let mut items = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let batch = self.texts_after(kind, after.as_deref()).await?;
            for text in &batch {
                match serde_json::from_str::<T>(text) {
                    Ok(item) => items.push(item),
                    Err(e) => leptos::logging::warn!("{} non leggibile: {e}", kind.as_ref()),
                }
            }
            if batch.len() < READ_BATCH as usize {
                return Ok(items);
            }
            after =
                serde_json::from_str::<serde_json::Value>(batch.last().map_or("", String::as_str))
                    .ok()
                    .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_owned));
            if after.is_none() {
                return Ok(items);
            }
        }
    }

    /// One item by id.
    pub async fn get<T: Content + 'static>(&self, id: &str) -> Result<Option<T>, StoreError> {
        let name = T::KIND.as_ref();
        let tx = self.db.transaction(name).build()?;
        let text: Option<String> = tx.object_store(name)?.get(id).primitive()?.await?;
        text.as_deref().map(read).transpose()
    }

    /// Every stored opportunity (a shorthand used by tests and pages).
    pub async fn opportunities(&self) -> Result<Vec<Opportunity>, StoreError> {
        self.all::<Opportunity>().await
    }

    pub async fn opportunity(&self, id: &str) -> Result<Option<Opportunity>, StoreError> {
        self.get::<Opportunity>(id).await
    }

    /// Saves or unsaves an item on the device.
    pub async fn set_saved(
        &self,
        kind: ContentKind,
        id: &str,
        saved: bool,
        now: &str,
    ) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(SAVED)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(SAVED)?;
        let key = saved_key(kind, id);
        if saved {
            store
                .put(SavedItem {
                    key,
                    kind,
                    id: id.to_owned(),
                    saved_at: now.to_owned(),
                })
                .serde()?;
        } else {
            store.delete(key.as_str()).build()?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Everything saved, most recently saved first.
    pub async fn saved(&self) -> Result<Vec<SavedItem>, StoreError> {
        let tx = self.db.transaction(SAVED).build()?;
        let all = tx
            .object_store(SAVED)?
            .get_all::<SavedItem>()
            .serde()?
            .await?;
        let mut items = all
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        items.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
        Ok(items)
    }

    /// The ticked steps of a guide, in step order.
    pub async fn ticked_steps(&self, guide: &str) -> Result<Vec<u32>, StoreError> {
        let tx = self.db.transaction(PROGRESS).build()?;
        let progress: Option<Progress> = tx.object_store(PROGRESS)?.get(guide).serde()?.await?;
        Ok(progress.map(|p| p.steps).unwrap_or_default())
    }

    /// Ticks or unticks one step of a guide.
    pub async fn set_step(&self, guide: &str, step: u32, done: bool) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(PROGRESS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(PROGRESS)?;
        let mut progress: Progress = store.get(guide).serde()?.await?.unwrap_or(Progress {
            guide: guide.to_owned(),
            steps: Vec::new(),
        });
        progress.steps.retain(|s| *s != step);
        if done {
            progress.steps.push(step);
            progress.steps.sort_unstable();
        }
        store.put(progress).serde()?;
        tx.commit().await?;
        Ok(())
    }
}

/// The saved-list key of an item.
pub fn saved_key(kind: ContentKind, id: &str) -> String {
    format!("{}:{id}", kind.as_ref())
}

/// A stored item, from its JSON text.
fn read<T: Content>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn apply_change(items: &ObjectStore<'_>, change: &Change) -> Result<(), StoreError> {
    /// Stores the item's JSON as the feed sent it, once it reads as a `T`: an item the app
    /// cannot read never reaches the store.
    fn put<T: Content>(
        items: &ObjectStore<'_>,
        change: &Change,
        raw: &str,
    ) -> Result<(), StoreError> {
        read::<T>(raw).map_err(|e| StoreError::Corrupt(format!("{}: {e}", change.id)))?;
        items.put(raw).with_key(change.id.as_str()).build()?;
        Ok(())
    }
    match &change.item {
        Some(raw) if !change.deleted => match change.kind {
            ContentKind::Opportunity => put::<Opportunity>(items, change, raw.get()),
            ContentKind::Guide => put::<Guide>(items, change, raw.get()),
            ContentKind::News => put::<News>(items, change, raw.get()),
            ContentKind::Organisation => put::<Organisation>(items, change, raw.get()),
            ContentKind::Answer => put::<Answer>(items, change, raw.get()),
            ContentKind::Call => put::<Call>(items, change, raw.get()),
            // Labs are read only by the whole portal's pages, so the everyday pages' wasm,
            // which syncs too, carries no code that reads one: it keeps the feed's JSON text
            // as it came (the feed read it as JSON), and the labs pages skip a lab they cannot
            // read (`Store::labs`).
            // Recruiting days likewise (`Store::recruiting_days`).
            ContentKind::Lab | ContentKind::RecruitingDay => {
                items.put(raw.get()).with_key(change.id.as_str()).build()?;
                Ok(())
            }
        },
        _ => {
            items.delete(change.id.as_str()).build()?;
            Ok(())
        }
    }
}

thread_local! {
    static SHARED: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// The app's store, opened on first use and shared afterwards.
pub async fn shared() -> Result<Store, StoreError> {
    if let Some(store) = SHARED.with(|s| s.borrow().clone()) {
        return Ok(store);
    }
    let store = Store::open(DB_NAME).await?;
    SHARED.with(|s| *s.borrow_mut() = Some(store.clone()));
    Ok(store)
}
