//! The sync client: pulls the change feed into IndexedDB on start, when the phone comes back
//! online, when the app becomes visible again, and on request. The UI observes its signals.

use leptos::{prelude::*, task::spawn_local};
use sito_core::PROTOCOL_VERSION;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::{
    api::{self, ApiError},
    dates::now_iso,
    outbox::Outbox,
    store::{self, Store, StoreError},
    tasks,
};

/// What the sync client is doing, as the header shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStatus {
    /// Nothing attempted yet in this visit.
    Starting,
    Syncing,
    UpToDate,
    /// The network is unreachable: the app shows what it has.
    Offline,
    /// The server answered with an error; the data on the device is still there.
    Failed,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error("protocollo {0} non supportato")]
    Protocol(u32),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Signals of the sync client, shared through context.
#[derive(Clone, Copy)]
pub struct Sync {
    pub status: RwSignal<SyncStatus>,
    /// RFC 3339 time of the last successful pull.
    pub synced_at: RwSignal<Option<String>>,
    /// Bumped whenever stored data changed: pages re-read the store when it moves.
    pub revision: RwSignal<u32>,
    /// Sent after every pull, so the same moments (start, online, foreground) empty it.
    outbox: Outbox,
}

impl Sync {
    /// Starts a pull unless one is running.
    pub fn sync_now(self) {
        self.outbox.flush();
        if self.status.get_untracked() == SyncStatus::Syncing {
            return;
        }
        self.status.set(SyncStatus::Syncing);
        spawn_local(async move {
            let outcome = match store::shared().await {
                Ok(store) => pull_all(&store, "").await,
                Err(e) => Err(e.into()),
            };
            match outcome {
                Ok(changed) => {
                    if changed {
                        self.revision.update(|r| *r += 1);
                    }
                    self.synced_at.set(Some(now_iso()));
                    self.status.set(SyncStatus::UpToDate);
                }
                Err(SyncError::Api(ApiError::Offline)) => self.status.set(SyncStatus::Offline),
                Err(e) => {
                    leptos::logging::warn!("sincronizzazione non riuscita: {e}");
                    self.status.set(SyncStatus::Failed);
                }
            }
        });
    }
}

/// Creates the sync client, provides it as context, and starts it.
pub fn provide_sync(outbox: Outbox) -> Sync {
    let sync = Sync {
        status: RwSignal::new(SyncStatus::Starting),
        synced_at: RwSignal::new(None),
        revision: RwSignal::new(0),
        outbox,
    };
    provide_context(sync);
    if cfg!(feature = "ssr") {
        // Rendering on the worker: the phone's store and network are not there.
        return sync;
    }
    spawn_local(async move {
        if let Ok(store) = store::shared().await {
            if let Ok(Some(at)) = store.synced_at().await {
                sync.synced_at.update(|s| {
                    s.get_or_insert(at);
                });
            }
        }
    });
    listen(sync);
    // After the first render, so that a hydrated page starts from what the server showed.
    Effect::new(move |_| sync.sync_now());
    sync
}

pub fn use_sync() -> Sync {
    expect_context::<Sync>()
}

fn listen(sync: Sync) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_online = Closure::<dyn Fn()>::new(move || sync.sync_now());
    let on_offline = Closure::<dyn Fn()>::new(move || sync.status.set(SyncStatus::Offline));
    let on_visible = Closure::<dyn Fn()>::new(move || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible {
            sync.sync_now();
        }
    });
    let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("offline", on_offline.as_ref().unchecked_ref());
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    // The listeners live as long as the page.
    on_online.forget();
    on_offline.forget();
    on_visible.forget();
}

/// Changes asked per page of the feed: the most a page may carry, so a first sync of 2,000 items
/// is three requests (DESIGN.md "Budgets"). Reading a page of 1,000 into Rust values is one
/// task of about 50 ms on a slow phone (4× CPU slowdown); its writes are many short ones.
pub const PAGE_LIMIT: u32 = sito_core::sync::MAX_LIMIT;

/// Pulls pages until the feed has nothing more, applying each in its own tasks: the browser has
/// a turn between reading a page and writing it, and between its transactions. The cursor moves
/// only with the writes of the page it belongs to (`Store::apply`). Returns whether anything
/// changed on the device. `origin` is empty for the page's own origin.
pub async fn pull_all(store: &Store, origin: &str) -> Result<bool, SyncError> {
    let mut changed = false;
    loop {
        let cursor = store.cursor().await?;
        let page = api::pull(origin, cursor, PAGE_LIMIT).await?;
        if page.protocol != PROTOCOL_VERSION {
            return Err(SyncError::Protocol(page.protocol));
        }
        // The promise never rejects; either way the task has ended.
        let _ = tasks::yield_now().await;
        // A page with nothing new still records when the device last heard from the server.
        store.apply(&page, &now_iso()).await?;
        changed |= page.reset || !page.changes.is_empty();
        if !page.more {
            return Ok(changed);
        }
    }
}
