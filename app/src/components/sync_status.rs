use chrono::{DateTime, Utc};
use leptos::prelude::*;

use leptos_router::components::A;

use crate::{
    catalog::CatalogSignal,
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
            .and_then(|at| sito_core::time::parse(&at).ok())
            .map(|at| local_date_time(at, i18n.get_locale()));
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
    // Said once, the first time the service worker holds the whole app (index.html marks it),
    // for a few seconds over the page.
    let offline_ready = RwSignal::new(false);
    let say = move || {
        offline_ready.set(true);
        set_timeout(
            move || offline_ready.set(false),
            std::time::Duration::from_secs(8),
        );
    };
    Effect::new(move |_| {
        let marked = document()
            .document_element()
            .and_then(|e| e.get_attribute("data-offline"));
        if marked.as_deref() == Some("pronta") {
            say();
        }
        let handle = window_event_listener_untyped("sito-offline-pronta", move |_| say());
        on_cleanup(move || handle.remove());
    });
    let news = whats_new();
    view! {
        <p class="offline-ready" role="status" data-testid="offline-ready">
            {move || offline_ready.get().then(|| t_string!(i18n, sync.offline_ready))}
        </p>
        <div class="sync" data-state=state>
            <p role="status" aria-live="polite" data-testid="sync-status">
                {text}
                {move || (news.get() > 0).then(|| view! {
                    <A href="/opportunita?ordine=recenti" attr:class="news-count" attr:data-testid="news-count">
                        {t_string!(i18n, sync.news, n = news.get()).to_string()}
                    </A>
                })}
            </p>
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

/// Where the newest item seen at the end of the last visit is remembered on the phone.
const SEEN_KEY: &str = "sito-visto";

/// How many opportunities are new or changed since the person's last visit: those updated after
/// the newest one the phone held when the last visit ended (remembered when the page is left).
/// Nothing on a first visit, and nothing in the CV and proposal tools (no catalog there).
fn whats_new() -> Memo<usize> {
    let catalog = use_context::<CatalogSignal>();
    let since = RwSignal::new(None::<DateTime<Utc>>);
    let newest = RwSignal::new(None::<DateTime<Utc>>);
    Effect::new(move |_| {
        let storage = window().local_storage().ok().flatten();
        since.set(
            storage
                .as_ref()
                .and_then(|s| s.get_item(SEEN_KEY).ok().flatten())
                .and_then(|seen| seen_since(&seen)),
        );
        let remember = move |_| {
            if let (Some(storage), Some(newest)) = (storage.as_ref(), newest.get_untracked()) {
                let _ = storage.set_item(SEEN_KEY, &sito_core::time::format(&newest));
            }
        };
        let handle = window_event_listener_untyped("pagehide", remember.clone());
        let hidden = window_event_listener_untyped("visibilitychange", move |e| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                remember(e);
            }
        });
        on_cleanup(move || {
            handle.remove();
            hidden.remove();
        });
    });
    let current = move || match catalog.map(|c| c.get()) {
        Some(Some(Ok(catalog))) => Some(catalog),
        _ => None,
    };
    Effect::new(move |_| {
        // Once the phone's items are read: the newest of them, or the epoch for a phone that has
        // none yet (then everything that comes is new).
        let latest = current().map(|c| {
            c.opportunities
                .iter()
                .map(|o| o.updated_at)
                .max()
                .unwrap_or(DateTime::UNIX_EPOCH)
        });
        if latest > newest.get_untracked() {
            newest.set(latest);
        }
    });
    Memo::new(move |_| {
        let Some(catalog) = current() else {
            return 0;
        };
        since.get().map_or(0, |since| {
            catalog
                .opportunities
                .iter()
                .filter(|o| o.updated_at > since)
                .count()
        })
    })
}

/// The time remembered at the end of the last visit. Earlier versions wrote "" for a phone that
/// held nothing yet (everything since is new); text that is no time counts as no last visit.
fn seen_since(seen: &str) -> Option<DateTime<Utc>> {
    if seen.is_empty() {
        return Some(DateTime::UNIX_EPOCH);
    }
    sito_core::time::parse(seen).ok()
}
