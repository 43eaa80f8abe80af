//! Who is signed in to the proposal tool: asked of the server, remembered on the phone for
//! offline use, and shared by every page (the account forms, the editor, signing in).

use leptos::{prelude::*, task::spawn_local};
use sito_core::account::AccountView;

use crate::{api, save_problem::written, store};

/// Who is signed in, for every page of the proposal tool.
#[derive(Clone, Copy)]
pub struct Session {
    /// The signed-in account, as the server last told it (`GET /api/v1/session`).
    pub me: RwSignal<Option<AccountView>>,
    /// Bumped on sign-in and sign-out: pages ask the server again.
    pub changed: RwSignal<u32>,
}

pub use crate::store::ME_KEY;
pub const LIST_KEY: &str = "list";

/// Provides the session: first what the phone remembers, then what the server says.
pub fn provide_session() -> Session {
    let session = Session {
        me: RwSignal::new(None),
        changed: RwSignal::new(0),
    };
    provide_context(session);
    spawn_local(async move {
        let Ok(store) = store::shared().await else {
            return;
        };
        if let Ok(Some(me)) = store.cache_get::<AccountView>(ME_KEY).await {
            session.me.set(Some(me));
        }
        match api::session().await {
            Ok(me) => {
                written(store.cache_put(ME_KEY, &me).await);
                session.me.set(Some(me));
            }
            Err(e) if e.status() == Some(401) => {
                written(store.cache_clear().await);
                session.me.set(None);
            }
            // Offline or a server error: keep what the phone remembers.
            Err(_) => {}
        }
    });
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
