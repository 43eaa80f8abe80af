//! The persistent outbox (DESIGN.md "Push"): what the young person sends waits in IndexedDB
//! until the server has it. Each entry keeps one id for every attempt, so the server stores it
//! once however often it is repeated. Sending is tried at start, when the phone comes back
//! online or to the foreground, right after something is queued, and again with a growing pause
//! while the page is open. An entry the server wants a signed-in account for (401) is not
//! refused: it waits, and leaves once the group signs in. An entry that belongs to one group is
//! never sent while another group is signed in on the same device.

use gloo_net::http::Request;
use leptos::{prelude::*, task::spawn_local};
use sito_core::Problem;

use crate::{
    store::{self, OutboxEntry, OutboxState, Store},
    sync::now_iso,
};

/// The outbox's state for the UI: bumped when an entry changes.
#[derive(Clone, Copy)]
pub struct Outbox {
    pub revision: RwSignal<u32>,
    busy: RwSignal<bool>,
}

pub fn provide_outbox() -> Outbox {
    let outbox = Outbox {
        revision: RwSignal::new(0),
        busy: RwSignal::new(false),
    };
    provide_context(outbox);
    outbox
}

pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}

/// What one attempt to send an entry came to.
enum Attempt {
    Sent(serde_json::Value),
    Refused(Refusal),
    /// Not signed in (401): the entry waits for a sign-in, not for a timer.
    SignIn,
    /// Offline, a server error or "too many requests": try again later.
    Later,
}

/// Why the server refused an entry: the text for people, the code and the field errors.
struct Refusal {
    text: String,
    code: Option<String>,
    errors: Vec<sito_core::FieldError>,
}

async fn send(entry: &OutboxEntry) -> Attempt {
    let Ok(request) = Request::post(&entry.endpoint).json(&entry.body) else {
        return Attempt::Refused(Refusal {
            text: "Contenuto non valido.".into(),
            code: None,
            errors: Vec::new(),
        });
    };
    let Ok(response) = request.send().await else {
        return Attempt::Later;
    };
    match response.status() {
        200..=299 => match response.json::<serde_json::Value>().await {
            Ok(receipt) => Attempt::Sent(receipt),
            Err(_) => Attempt::Later,
        },
        401 => Attempt::SignIn,
        408 | 425 | 429 | 500.. => Attempt::Later,
        _ => {
            let problem = response.json::<Problem>().await.ok();
            Attempt::Refused(problem.map_or_else(
                || Refusal {
                    text: "Il server non ha accettato l'invio.".to_owned(),
                    code: None,
                    errors: Vec::new(),
                },
                |p| {
                    let mut text = p.detail.unwrap_or(p.title);
                    for error in &p.errors {
                        text.push(' ');
                        text.push_str(&error.message);
                    }
                    Refusal {
                        text,
                        code: Some(p.code.to_string()),
                        errors: p.errors,
                    }
                },
            ))
        }
    }
}

impl Outbox {
    /// Queues a submission and tries to send it at once. An `owner` is the only account it
    /// may be sent as.
    pub async fn enqueue(
        self,
        id: String,
        endpoint: &str,
        body: serde_json::Value,
        owner: Option<String>,
    ) -> Result<(), store::StoreError> {
        let store = store::shared().await?;
        let mut entry = OutboxEntry::queued(id, endpoint, body, now_iso());
        entry.owner = owner;
        store.outbox_put(&entry).await?;
        self.revision.update(|r| *r += 1);
        self.flush();
        Ok(())
    }

    /// Sends whatever is queued, unless a flush is already running. If something is still
    /// waiting afterwards, tries again after a pause that grows with the attempts (2 s … 60 s).
    pub fn flush(self) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        spawn_local(async move {
            let waiting = match store::shared().await {
                Ok(store) => self.flush_store(&store).await,
                Err(_) => None,
            };
            self.busy.set(false);
            if let Some(attempts) = waiting {
                let pause = 2_000u32.saturating_mul(1 << attempts.min(5)).min(60_000);
                gloo_timers::future::TimeoutFuture::new(pause).await;
                self.flush();
            }
        });
    }

    /// Returns the fewest attempts among entries still waiting, if any.
    async fn flush_store(self, store: &Store) -> Option<u32> {
        let entries = store.outbox().await.ok()?;
        let account = store.signed_in_account().await;
        let mut waiting = None;
        for mut entry in entries
            .into_iter()
            .filter(|e| e.state == OutboxState::Queued)
        {
            if entry.owner.is_some() && entry.owner != account {
                // Another group is signed in on this device: never send it as theirs. It
                // waits for its own account to sign in.
                if !entry.needs_sign_in {
                    entry.needs_sign_in = true;
                    if store.outbox_put(&entry).await.is_ok() {
                        self.revision.update(|r| *r += 1);
                    }
                }
                continue;
            }
            match send(&entry).await {
                Attempt::Sent(receipt) => {
                    entry.state = OutboxState::Sent;
                    entry.receipt = Some(receipt);
                    entry.needs_sign_in = false;
                }
                Attempt::Refused(refusal) => {
                    entry.state = OutboxState::Refused;
                    entry.problem = Some(refusal.text);
                    entry.code = refusal.code;
                    entry.errors = refusal.errors;
                    entry.needs_sign_in = false;
                }
                Attempt::SignIn => {
                    // Stays queued; a sign-in (or the next start, online or foreground) sends it.
                    entry.needs_sign_in = true;
                }
                Attempt::Later => {
                    entry.attempts += 1;
                    waiting = Some(waiting.map_or(entry.attempts, |w: u32| w.min(entry.attempts)));
                }
            }
            if store.outbox_put(&entry).await.is_ok() {
                self.revision.update(|r| *r += 1);
            }
        }
        waiting
    }
}
