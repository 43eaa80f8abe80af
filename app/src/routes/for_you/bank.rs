//! "Banca dati CV dell'Informagiovani" (`/per-te/banca-cv`): the young person may send their
//! "Per te" profile to the network's CV bank, after a consent screen that shows exactly what is
//! sent. The profile goes through the outbox once ("In coda" offline); its receipt, with the code
//! that manages it and the expiry, stays in the outbox entry. Then "Che cosa conserva il server"
//! (online, with the code; offline, the last record read), the proposals to answer, "Aggiorna
//! il profilo" and "Cancella il mio profilo". Only the whole portal carries this page.

mod consent;
mod record;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::components::A;
use sito_core::{
    bank::{BankRecord, BankSubmission},
    cv::Cv,
    matching::Profile,
    ValidationErrors,
};

use crate::{
    api::{self, ApiError},
    cv_bank::{expires_line, text::text, update},
    dates::{now_iso, rome_date_time_text},
    i18n::*,
    outbox::{use_outbox, use_outbox_read},
    save_problem::written,
    store::{self, BankJson, OutboxEntry, OutboxState, Receipt, Submission},
};
use consent::{ConsentForm, Start};
use record::RecordView;

/// What the phone holds for the page.
#[derive(Debug, Clone, Default, PartialEq)]
struct Phone {
    /// The "Per te" profile.
    profile: Option<Profile>,
    /// The latest CV.
    cv: Option<Cv>,
    /// The profile sent (or waiting to be) to the bank.
    entry: Option<OutboxEntry>,
    /// The proposals whose answer waits in the outbox.
    answering: Vec<String>,
}

async fn read_phone() -> Phone {
    let Ok(store) = store::shared().await else {
        return Phone::default();
    };
    let entries = store.outbox().await.unwrap_or_default();
    Phone {
        profile: written(store.for_you().await)
            .flatten()
            .map(|kept| kept.profile)
            .filter(|p| !p.is_empty()),
        cv: store.cvs().await.ok().and_then(|c| c.into_iter().next()),
        entry: entries
            .iter()
            .rev()
            .find(|e| e.bank_submission().is_some())
            .cloned(),
        answering: entries
            .iter()
            .filter(|e| e.is_pending())
            .filter_map(|e| e.bank_answer().map(|(_, proposal)| proposal.to_owned()))
            .collect(),
    }
}

#[component]
pub fn CvBankPage() -> impl IntoView {
    let i18n = use_i18n();
    let tx = move || text(i18n.get_locale());
    let phone = use_outbox_read(None::<Phone>, || async { Some(read_phone().await) });
    let deleted = RwSignal::new(false);
    view! {
        <h1>{move || tx().title}</h1>
        <p>{move || tx().intro}</p>
        <p><A href="/per-te">{move || tx().back}</A></p>
        <p role="status" data-testid="banca-cv-cancellato">
            {move || deleted.get().then(|| view! { <strong>{tx().deleted}</strong> })}
        </p>
        {move || match phone.get() {
            None => view! { <p class="loading">{t!(i18n, loading)}</p> }.into_any(),
            Some(Phone { entry: Some(entry), profile, cv, answering }) if !entry.is_refused() => {
                if entry.is_pending() {
                    view! { <Queued/> }.into_any()
                } else {
                    view! { <Held entry profile cv answering deleted/> }.into_any()
                }
            }
            Some(Phone { profile: None, .. }) => view! {
                <p class="notice">{move || tx().no_profile}</p>
                <p><A href="/per-te">{move || tx().fill_profile}</A></p>
            }.into_any(),
            Some(Phone { profile: Some(profile), cv, entry, .. }) => {
                view! { <Send profile cv refused=entry deleted/> }.into_any()
            }
        }}
    }
}

/// The consent screen for a first sending (or a new one after a refusal), queued in the outbox.
#[component]
fn Send(
    profile: Profile,
    cv: Option<Cv>,
    /// The sending the server refused, if any: why, and its mistakes beside the fields.
    refused: Option<OutboxEntry>,
    deleted: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tx = move || text(i18n.get_locale());
    let outbox = use_outbox();
    let errors = RwSignal::new(ValidationErrors(
        refused
            .as_ref()
            .map(|e| e.field_errors().to_vec())
            .unwrap_or_default(),
    ));
    let start = refused
        .as_ref()
        .and_then(OutboxEntry::bank_submission)
        .map(|s| Start {
            name: s.name,
            contact: s.contact,
            renewing: false,
        })
        .unwrap_or_default();
    let refusal = refused.as_ref().and_then(OutboxEntry::refusal_text);
    let old = refused.map(|e| e.id);
    let on_send = Callback::new(move |sent: BankSubmission| {
        let Ok(json) = BankJson::new(&sent) else {
            return;
        };
        let old = old.clone();
        spawn_local(async move {
            if let (Some(old), Some(store)) = (old, written(store::shared().await)) {
                written(store.outbox_delete(&old).await);
            }
            deleted.set(false);
            outbox
                .enqueue(sent.id.to_string(), Submission::BankProfile(json), None)
                .await;
        });
    });
    view! {
        {refusal.map(|r| view! {
            <div class="notice error" role="alert">
                <p>{move || tx().refused}</p>
                <p>{r}</p>
            </div>
        })}
        <ConsentForm profile cv start errors on_send/>
    }
}

#[component]
fn Queued() -> impl IntoView {
    let i18n = use_i18n();
    let tx = move || text(i18n.get_locale());
    view! {
        <div class="card" data-state="queued" data-testid="banca-cv-stato">
            <p class="status" role="status"><strong>{move || tx().queued}</strong></p>
            <p>{move || tx().queued_text}</p>
        </div>
    }
}

/// Where the record read from the server stands.
#[derive(Debug, Clone)]
enum Read {
    Reading,
    /// Read now.
    Online(BankRecord),
    /// Offline: the last record read, and when.
    Kept(BankRecord, String),
    OfflineNone,
    /// The server no longer has the profile (expired or deleted elsewhere).
    Gone,
    Failed(String),
}

/// The profile the bank holds: its code and expiry, what the server keeps, and the buttons to
/// update or delete it.
#[component]
fn Held(
    entry: OutboxEntry,
    profile: Option<Profile>,
    cv: Option<Cv>,
    answering: Vec<String>,
    deleted: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tx = move || text(i18n.get_locale());
    let outbox = use_outbox();
    let Some(receipt) = entry.bank_receipt() else {
        return view! { <p class="field-error">{move || tx().refused}</p> }.into_any();
    };
    let read = RwSignal::new(Read::Reading);
    let reload = RwSignal::new(0u32);
    let editing = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let errors = RwSignal::new(ValidationErrors::default());
    let (id, code) = (receipt.id.clone(), receipt.code.clone());
    {
        let (id, code) = (id.clone(), code.clone());
        Effect::new(move |_| {
            reload.track();
            let (id, code) = (id.clone(), code.clone());
            spawn_local(async move { read.set(read_record(&id, &code).await) });
        });
    }
    let sent = entry.bank_submission();
    let forget = {
        let entry_id = entry.id.clone();
        Callback::new(move |()| {
            let entry_id = entry_id.clone();
            spawn_local(async move {
                forget_profile(&entry_id).await;
                deleted.set(true);
                outbox.revision.update(|r| *r += 1);
            });
        })
    };
    let delete = {
        let (id, code) = (id.clone(), code.clone());
        Callback::new(move |()| {
            let (id, code) = (id.clone(), code.clone());
            spawn_local(async move {
                match api::bank_delete(&id, &code).await {
                    Ok(_) => forget.run(()),
                    Err(error) if error.status() == Some(404) => forget.run(()),
                    Err(error) => failure.set(Some(error.text(i18n))),
                }
                asking.set(false);
            });
        })
    };
    let renew = {
        let (id, code, entry) = (id.clone(), code.clone(), entry.clone());
        Callback::new(move |sent: BankSubmission| {
            let (id, code, mut entry) = (id.clone(), code.clone(), entry.clone());
            spawn_local(async move {
                match api::bank_update(&id, &update(&code, sent)).await {
                    Ok(receipt) => {
                        let Ok(json) = BankJson::from_receipt(&receipt) else {
                            return;
                        };
                        entry.state = OutboxState::Sent {
                            receipt: Receipt::BankProfile(json),
                        };
                        if let Some(store) = written(store::shared().await) {
                            written(store.outbox_put(&entry).await);
                        }
                        failure.set(None);
                        editing.set(false);
                        outbox.revision.update(|r| *r += 1);
                    }
                    Err(ApiError::Problem(problem)) if !problem.errors.is_empty() => {
                        errors.set(ValidationErrors(problem.errors));
                    }
                    Err(error) => failure.set(Some(error.text(i18n))),
                }
            });
        })
    };
    let expires_at = receipt.expires_at;
    let code_shown = code.clone();
    view! {
        <div class="card" data-state="held" data-testid="banca-cv-stato">
            <p class="status" role="status"><strong>{move || tx().held}</strong></p>
            <p>{move || tx().your_code} " " <strong data-testid="banca-cv-codice">{code_shown.clone()}</strong></p>
            <p data-testid="banca-cv-scadenza">{move || expires_line(expires_at, i18n.get_locale())}</p>
            <p class="hint">{move || tx().code_hint}</p>
        </div>
        {move || failure.get().map(|f| view! { <p class="field-error" role="alert">{f}</p> })}
        {move || match (editing.get(), profile.clone()) {
            (true, Some(profile)) => {
                let start = match read.get_untracked() {
                    Read::Online(r) | Read::Kept(r, _) => Start { name: r.name, contact: r.contact, renewing: true },
                    _ => sent.clone().map(|s| Start { name: s.name, contact: s.contact, renewing: true }).unwrap_or_default(),
                };
                let cancel = Callback::new(move |()| editing.set(false));
                view! { <ConsentForm profile cv=cv.clone() start errors on_send=renew on_cancel=cancel/> }.into_any()
            }
            _ => view! {
                <div class="actions">
                    {profile.is_some().then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| { errors.set(ValidationErrors::default()); editing.set(true) }>
                            {move || tx().update}
                        </button>
                    })}
                </div>
                <crate::components::ConfirmDialog
                    open=asking
                    id="banca-cv-cancella"
                    class="notice error"
                    ask=move || tx().delete
                    question=move || tx().delete_question
                    yes=move || tx().delete_yes
                    no=move || tx().delete_no
                    on_yes=delete
                />
            }.into_any(),
        }}
        <section aria-labelledby="banca-cv-server">
            <h2 id="banca-cv-server">{move || tx().record}</h2>
            {move || match read.get() {
                Read::Reading => view! { <p class="loading" aria-busy="true">{tx().reading}</p> }.into_any(),
                Read::Online(record) => view! { <RecordView record code=code.clone() queued=answering.clone()/> }.into_any(),
                Read::Kept(record, at) => view! {
                    <p class="notice" data-testid="banca-cv-letto">
                        {move || crate::cv_bank::text::fill(tx().read_at, &[("when", &rome_date_time_text(&at, i18n.get_locale()))])}
                    </p>
                    <RecordView record code=code.clone() queued=answering.clone()/>
                }.into_any(),
                Read::OfflineNone => view! { <p class="empty">{tx().offline_none}</p> }.into_any(),
                Read::Gone => view! {
                    <p class="notice">{tx().gone}</p>
                    <button type="button" class="secondary" on:click=move |_| forget.run(())>{tx().forget}</button>
                }.into_any(),
                Read::Failed(text) => view! { <p class="field-error">{text}</p> }.into_any(),
            }}
        </section>
    }
    .into_any()
}

/// What the server holds now, kept on the phone for offline; offline, the last one kept.
async fn read_record(id: &str, code: &str) -> Read {
    let store = store::shared().await.ok();
    match api::bank_record(id, code).await {
        Ok(record) => {
            if let (Some(store), Ok(text)) = (&store, serde_json::to_string(&record)) {
                written(store.put_cv_bank_record(id, text, now_iso()).await);
            }
            Read::Online(record)
        }
        Err(ApiError::Offline) => {
            let kept = match &store {
                Some(store) => store.cv_bank_record().await.ok().flatten(),
                None => None,
            };
            kept.filter(|k| k.profile_id == id)
                .and_then(|k| {
                    let record = serde_json::from_str::<BankRecord>(&k.record).ok()?;
                    Some(Read::Kept(record, k.read_at))
                })
                .unwrap_or(Read::OfflineNone)
        }
        Err(error) if error.status() == Some(404) => Read::Gone,
        Err(error) => Read::Failed(error.to_string()),
    }
}

/// Forgets the profile on the phone: its outbox entry (and with it the code), the answers to
/// its proposals and the record last read.
async fn forget_profile(entry_id: &str) {
    let Some(store) = written(store::shared().await) else {
        return;
    };
    written(store.outbox_delete(entry_id).await);
    for answer in store.outbox().await.unwrap_or_default() {
        if answer.bank_answer().is_some() {
            written(store.outbox_delete(&answer.id).await);
        }
    }
    written(store.delete_cv_bank_record().await);
}
