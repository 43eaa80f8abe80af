//! The app's only source of data: an IndexedDB database filled by the sync client. Pages read
//! from here and never wait on the network for something already stored.

use std::cell::RefCell;

use indexed_db_futures::{database::Database, prelude::*, transaction::TransactionMode, KeyPath};
use sito_core::{Change, ContentKind, Opportunity, PullResponse};

/// The name of the app's database in the browser.
pub const DB_NAME: &str = "sito-giovani";
const DB_VERSION: u32 = 1;
const OPPORTUNITIES: &str = "opportunities";
const META: &str = "meta";
const CURSOR_KEY: &str = "cursor";
const SYNCED_AT_KEY: &str = "synced_at";

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
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(OPPORTUNITIES)
                        .with_key_path(KeyPath::from("id"))
                        .build()?;
                    db.create_object_store(META).build()?;
                }
                Ok(())
            })
            .await?;
        Ok(Store { db })
    }

    /// Applies one page of the feed and moves the cursor, all in one transaction: either the
    /// whole page lands or none of it does.
    pub async fn apply(&self, page: &PullResponse, synced_at: &str) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction([OPPORTUNITIES, META])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let items = tx.object_store(OPPORTUNITIES)?;
        let meta = tx.object_store(META)?;
        if page.reset {
            items.clear()?;
        }
        for change in &page.changes {
            apply_change(&items, change)?;
        }
        meta.put(page.cursor as f64).with_key(CURSOR_KEY).build()?;
        meta.put(synced_at).with_key(SYNCED_AT_KEY).build()?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a successful pull that brought nothing new.
    pub async fn touch(&self, synced_at: &str) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(META)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(META)?
            .put(synced_at)
            .with_key(SYNCED_AT_KEY)
            .build()?;
        tx.commit().await?;
        Ok(())
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

    /// Every stored opportunity, in key order.
    pub async fn opportunities(&self) -> Result<Vec<Opportunity>, StoreError> {
        let tx = self.db.transaction(OPPORTUNITIES).build()?;
        let all = tx
            .object_store(OPPORTUNITIES)?
            .get_all::<Opportunity>()
            .serde()?
            .await?;
        all.collect::<Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    /// One opportunity by id.
    pub async fn opportunity(&self, id: &str) -> Result<Option<Opportunity>, StoreError> {
        let tx = self.db.transaction(OPPORTUNITIES).build()?;
        Ok(tx.object_store(OPPORTUNITIES)?.get(id).serde()?.await?)
    }
}

fn apply_change(
    items: &indexed_db_futures::object_store::ObjectStore<'_>,
    change: &Change,
) -> Result<(), StoreError> {
    match (change.kind, &change.item) {
        (ContentKind::Opportunity, Some(raw)) if !change.deleted => {
            let item: Opportunity = serde_json::from_str(raw.get())
                .map_err(|e| StoreError::Corrupt(format!("{}: {e}", change.id)))?;
            items.put(item).serde()?;
        }
        (ContentKind::Opportunity, _) => {
            items.delete(change.id.as_str()).build()?;
        }
    }
    Ok(())
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
