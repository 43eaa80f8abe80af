use leptos::prelude::*;

use crate::{
    dates::local_date_time,
    sync::{use_sync, SyncStatus},
};

/// One line saying how fresh the data is, with a button to refresh. Announced politely to
/// screen readers when it changes.
#[component]
pub fn SyncStatusLine() -> impl IntoView {
    let sync = use_sync();
    let text = move || {
        let when = sync.synced_at.get().map(|at| local_date_time(&at));
        match (sync.status.get(), when) {
            (SyncStatus::Syncing | SyncStatus::Starting, _) => "Aggiornamento in corso…".to_owned(),
            (SyncStatus::Offline, Some(when)) => {
                format!("Sei offline · dati aggiornati al {when}")
            }
            (SyncStatus::Offline, None) => "Sei offline · nessun dato ancora salvato".to_owned(),
            (SyncStatus::Failed, Some(when)) => {
                format!("Aggiornamento non riuscito · dati al {when}")
            }
            (SyncStatus::Failed, None) => "Aggiornamento non riuscito".to_owned(),
            (SyncStatus::UpToDate, Some(when)) => format!("Aggiornato il {when}"),
            (SyncStatus::UpToDate, None) => "Aggiornato".to_owned(),
        }
    };
    let state = move || match sync.status.get() {
        SyncStatus::Offline => "offline",
        SyncStatus::Failed => "failed",
        SyncStatus::Syncing | SyncStatus::Starting => "syncing",
        SyncStatus::UpToDate => "ok",
    };
    view! {
        <div class="sync" data-state=state>
            <p role="status" aria-live="polite" data-testid="sync-status">{text}</p>
            <button
                type="button"
                on:click=move |_| sync.sync_now()
                disabled=move || sync.status.get() == SyncStatus::Syncing
            >
                "Aggiorna"
            </button>
        </div>
    }
}
