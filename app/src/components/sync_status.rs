use leptos::prelude::*;

use crate::{
    dates::local_date_time,
    i18n::*,
    sync::{use_sync, SyncStatus},
};

/// One line saying how fresh the data is, with a button to refresh. Announced politely to
/// screen readers when it changes.
#[component]
pub fn SyncStatusLine() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let text = move || {
        let when = sync
            .synced_at
            .get()
            .map(|at| local_date_time(&at, i18n.get_locale()));
        match (sync.status.get(), when) {
            (SyncStatus::Syncing | SyncStatus::Starting, _) => {
                t_string!(i18n, sync.syncing).to_string()
            }
            (SyncStatus::Offline, Some(when)) => {
                t_string!(i18n, sync.offline_since, when = when).to_string()
            }
            (SyncStatus::Offline, None) => t_string!(i18n, sync.offline_empty).to_string(),
            (SyncStatus::Failed, Some(when)) => {
                t_string!(i18n, sync.failed_since, when = when).to_string()
            }
            (SyncStatus::Failed, None) => t_string!(i18n, sync.failed).to_string(),
            (SyncStatus::UpToDate, Some(when)) => {
                t_string!(i18n, sync.updated_at, when = when).to_string()
            }
            (SyncStatus::UpToDate, None) => t_string!(i18n, sync.updated).to_string(),
        }
    };
    let state = move || match sync.status.get() {
        SyncStatus::Offline => "offline",
        SyncStatus::Failed => "failed",
        SyncStatus::Syncing | SyncStatus::Starting => "syncing",
        SyncStatus::UpToDate => "ok",
    };
    // Said once, the first time the service worker holds the whole app (index.html marks it).
    let offline_ready = RwSignal::new(false);
    Effect::new(move |_| {
        let marked = document()
            .document_element()
            .and_then(|e| e.get_attribute("data-offline"));
        if marked.as_deref() == Some("pronta") {
            offline_ready.set(true);
        }
        let handle =
            window_event_listener_untyped("sito-offline-pronta", move |_| offline_ready.set(true));
        on_cleanup(move || handle.remove());
    });
    view! {
        <p class="offline-ready" role="status" data-testid="offline-ready">
            {move || offline_ready.get().then(|| t_string!(i18n, sync.offline_ready))}
        </p>
        <div class="sync" data-state=state>
            <p role="status" aria-live="polite" data-testid="sync-status">{text}</p>
            <button
                type="button"
                on:click=move |_| sync.sync_now()
                disabled=move || sync.status.get() == SyncStatus::Syncing
            >
                {t!(i18n, sync.refresh)}
            </button>
        </div>
    }
}
