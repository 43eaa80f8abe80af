//! The persistent outbox (DESIGN.md "Push"): what the young person sends waits in IndexedDB
//! until the server has it. Each entry keeps one id for every attempt, so the server stores it
//! once however often it is repeated. Sending is tried at start, when the phone comes back
//! online or to the foreground, right after something is queued, and again with a growing pause
//! while the page is open. An entry the server wants a signed-in account for (401) is not
//! refused: it waits, and leaves once the group signs in. An entry that belongs to one group is
//! never sent while another group is signed in on the same device.

use leptos::{prelude::*, task::spawn_local};
use sito_core::{api::ProblemCode, Problem};

use crate::{
    api::{self, ApiError},
    dates::now_iso,
    save_problem::written,
    store::{self, OutboxEntry, OutboxState, Receipt, Store, Submission},
};

/// The outbox's state for the UI: bumped when an entry changes.
#[derive(Clone, Copy)]
pub struct Outbox {
    pub revision: RwSignal<u32>,
    busy: RwSignal<bool>,
    /// Something was queued while a flush was running, after it had read the entries: the
    /// running flush goes round once more instead of leaving it for a later trigger.
    again: RwSignal<bool>,
}

pub fn provide_outbox() -> Outbox {
    let outbox = Outbox {
        revision: RwSignal::new(0),
        busy: RwSignal::new(false),
        again: RwSignal::new(false),
    };
    provide_context(outbox);
    outbox
}

pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}

/// `read` again whenever the outbox moves, its result kept in the returned signal. A read that
/// ends after a newer one began is dropped: a slow first read (the store opening while the page
/// loads) never hides an entry queued since. The signal changes only when the result does, so a
/// form rendered from it is not made again (losing what was typed) when something else is sent.
pub fn use_outbox_read<T, Fut>(initial: T, read: impl Fn() -> Fut + 'static) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + 'static,
{
    let outbox = use_outbox();
    let value = RwSignal::new(initial);
    let latest = StoredValue::new(0u32);
    Effect::new(move |_| {
        outbox.revision.track();
        let this = latest.get_value().wrapping_add(1);
        latest.set_value(this);
        let reading = read();
        spawn_local(async move {
            let result = reading.await;
            if latest.get_value() == this && value.with_untracked(|v| *v != result) {
                value.set(result);
            }
        });
    });
    value.read_only()
}

/// This phone's outbox entries that `keep` selects, newest first, read again whenever the
/// outbox moves ([`use_outbox_read`]). Empty on the server and until the first read ends.
pub fn use_outbox_entries(
    keep: impl Fn(&OutboxEntry) -> bool + Clone + 'static,
) -> ReadSignal<Vec<OutboxEntry>> {
    use_outbox_read(Vec::new(), move || {
        let keep = keep.clone();
        async move {
            match store::shared().await {
                Ok(store) => store
                    .outbox()
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|e| keep(e))
                    .rev()
                    .collect(),
                Err(_) => Vec::new(),
            }
        }
    })
}

/// Sends one submission.
async fn send(submission: &Submission) -> Result<Receipt, ApiError> {
    match submission {
        Submission::Question(q) => api::ask(q).await.map(Receipt::Question),
        Submission::Proposal(p) => api::submit_proposal(p).await.map(Receipt::Proposal),
        Submission::Appointment(a) => api::book(a).await.map(Receipt::Appointment),
        Submission::LabSignup { lab_id, body } => {
            api::lab_sign_up(lab_id, body).await.map(Receipt::LabSignup)
        }
        Submission::BankProfile(b) => api::bank_send(b).await.map(Receipt::BankProfile),
        Submission::BankAnswer {
            profile_id,
            proposal_id,
            body,
        } => api::bank_answer(profile_id, proposal_id, body)
            .await
            .map(Receipt::BankAnswer),
    }
}

/// Where an attempt leaves an entry; `None` when it stays queued for a later try (offline, a
/// server error, "too many requests", an answer lost on the way).
fn after_attempt(outcome: Result<Receipt, ApiError>, attempts: u32) -> Option<OutboxState> {
    let error = match outcome {
        Ok(receipt) => return Some(OutboxState::Sent { receipt }),
        Err(error) => error,
    };
    match (error.status(), error) {
        // Not signed in: the entry waits for a sign-in, not for a timer.
        (Some(401), _) => Some(OutboxState::WaitingForSignIn { attempts }),
        (_, ApiError::Offline | ApiError::Unreadable { .. }) => None,
        (Some(408 | 425 | 429 | 500..), _) => None,
        (_, ApiError::Problem(problem)) => Some(OutboxState::Refused { problem }),
        (Some(status), _) => Some(OutboxState::Refused {
            problem: Problem::new(
                status,
                ProblemCode::Other,
                "Il server non ha accettato l'invio.",
            ),
        }),
        (None, _) => Some(OutboxState::Refused {
            problem: Problem::new(0, ProblemCode::Other, "Contenuto non valido."),
        }),
    }
}

impl Outbox {
    /// Queues a submission and tries to send it at once. An `owner` is the only account it
    /// may be sent as. Whether it is queued: a failure to keep it on the phone is shown to the
    /// person.
    pub async fn enqueue(self, id: String, submission: Submission, owner: Option<String>) -> bool {
        let Some(store) = written(store::shared().await) else {
            return false;
        };
        let mut entry = OutboxEntry::queued(id, submission, now_iso());
        entry.owner = owner;
        if written(store.outbox_put(&entry).await).is_none() {
            return false;
        }
        self.revision.update(|r| *r += 1);
        self.flush();
        true
    }

    /// Sends whatever is queued; while a flush is running, asks it to read the queue once more
    /// when it ends, so an entry queued meanwhile is sent now. If something is still
    /// waiting afterwards, tries again after a pause that grows with the attempts (2 s … 60 s).
    pub fn flush(self) {
        if self.busy.get_untracked() {
            self.again.set(true);
            return;
        }
        self.busy.set(true);
        spawn_local(async move {
            let waiting = loop {
                self.again.set(false);
                let waiting = match store::shared().await {
                    Ok(store) => self.flush_store(&store).await,
                    Err(_) => None,
                };
                if !self.again.get_untracked() {
                    break waiting;
                }
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
        for mut entry in entries.into_iter().filter(OutboxEntry::is_pending) {
            let attempts = entry.attempts();
            if entry.owner.is_some() && entry.owner != account {
                // Another group is signed in on this device: never send it as theirs. It
                // waits for its own account to sign in.
                if !entry.waits_for_sign_in() {
                    entry.state = OutboxState::WaitingForSignIn { attempts };
                    self.put(store, &entry).await;
                }
                continue;
            }
            let outcome = send(&entry.submission).await;
            entry.state = after_attempt(outcome, attempts).unwrap_or_else(|| {
                let attempts = attempts + 1;
                waiting = Some(waiting.map_or(attempts, |w: u32| w.min(attempts)));
                OutboxState::Queued { attempts }
            });
            self.put(store, &entry).await;
        }
        waiting
    }

    /// Keeps an entry's new state, or tells the person it could not be kept.
    async fn put(self, store: &Store, entry: &OutboxEntry) {
        if written(store.outbox_put(entry).await).is_some() {
            self.revision.update(|r| *r += 1);
        }
    }
}
