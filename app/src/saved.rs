//! Saved items: kept on the device, shown in "Salvati" with their deadlines.

use leptos::{prelude::*, task::spawn_local};
use sito_core::ContentKind;

use crate::{
    dates::now_iso,
    save_problem::written,
    store::{self, saved_key, SavedItem},
};

#[derive(Clone, Copy)]
pub struct Saved {
    pub items: RwSignal<Vec<SavedItem>>,
}

impl Saved {
    pub fn contains(self, kind: ContentKind, id: &str) -> bool {
        let key = saved_key(kind, id);
        self.items.with(|items| items.iter().any(|s| s.key == key))
    }

    /// Saves or unsaves; the list updates at once and the store follows.
    pub fn toggle(self, kind: ContentKind, id: String) {
        let now = now_iso();
        let saved = !self.contains(kind, &id);
        self.items.update(|items| {
            if saved {
                items.insert(
                    0,
                    SavedItem {
                        key: saved_key(kind, &id),
                        kind,
                        id: id.clone(),
                        saved_at: now.clone(),
                    },
                );
            } else {
                items.retain(|s| s.key != saved_key(kind, &id));
            }
        });
        spawn_local(async move {
            let store = written(store::shared().await);
            if let Some(store) = store {
                written(store.set_saved(kind, &id, saved, &now).await);
            }
        });
    }
}

pub fn provide_saved() {
    let saved = Saved {
        items: RwSignal::new(Vec::new()),
    };
    provide_context(saved);
    if cfg!(feature = "ssr") {
        return;
    }
    spawn_local(async move {
        if let Ok(store) = store::shared().await {
            if let Ok(stored) = store.saved().await {
                // Saved while the list was being read (a tap as the page starts): kept, ahead
                // of the older ones read from the store.
                saved.items.update(|items| {
                    let fresh = stored
                        .into_iter()
                        .filter(|s| items.iter().all(|i| i.key != s.key));
                    items.extend(fresh.collect::<Vec<_>>());
                });
            }
        }
    });
}

pub fn use_saved() -> Saved {
    expect_context::<Saved>()
}
