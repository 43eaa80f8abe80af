//! Signing up for a lab: the fewest details, each with why it is asked and how long it is kept,
//! checked on the phone with the server's own rules and sent through the outbox (offline too:
//! "In coda"); then the outcome with its code ("Iscrizione confermata" or "In lista d'attesa,
//! n. 3"), and cancelling with that code.

use leptos::{prelude::*, task::spawn_local};
use sito_core::{
    lab::{
        signup::{AgeBand, SignupInput, SignupReceipt, SignupStatus, KEEP_DAYS},
        Lab, LabPhase,
    },
    ValidationErrors, VariantArray,
};

use crate::{
    api,
    i18n::*,
    outbox::{use_outbox, use_outbox_entries},
    save_problem::written,
    store::{self, OutboxEntry, OutboxState, Receipt, Submission},
};

/// What is typed in the sign-up form, kept by the lab's page rather than by the form: a fresh
/// copy of the lab (the first sync ending, someone else's sign-up) renders the lab again, and
/// nothing typed is lost.
#[derive(Clone, Copy)]
pub(crate) struct Draft {
    name: RwSignal<String>,
    contact: RwSignal<String>,
    band: RwSignal<String>,
    errors: RwSignal<ValidationErrors>,
}

impl Draft {
    pub(crate) fn new() -> Self {
        Draft {
            name: RwSignal::new(String::new()),
            contact: RwSignal::new(String::new()),
            band: RwSignal::new(String::new()),
            errors: RwSignal::new(ValidationErrors::default()),
        }
    }
}

#[component]
pub fn SignUp(lab: Lab, phase: LabPhase, draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let lab_id = lab.id.clone();
    view! {
        <section aria-labelledby="iscrizione">
            <h2 id="iscrizione">{t!(i18n, labs.sign_up)}</h2>
            <MySignups lab_id=lab_id.clone()/>
            {(phase == LabPhase::Open).then(|| view! { <SignUpForm lab_id=lab_id.clone() full=lab.remaining() == 0 draft/> })}
        </section>
    }
}

#[component]
fn SignUpForm(lab_id: String, full: bool, draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let Draft {
        name,
        contact,
        band,
        errors,
    } = draft;
    let error_for = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.for_field(field).map(|e| e.message.clone()))
                .map(|m| view! { <p class="field-error" id=format!("iscrizione-{field}-errore")>{m}</p> })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.for_field(field).is_some())
                .then_some("true")
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.random_uuid())
            .and_then(|u| u.parse::<uuid::Uuid>().ok());
        let Some(id) = id else {
            return;
        };
        let mut found = ValidationErrors::default();
        let age_band = band.get_untracked().parse::<AgeBand>().ok();
        if age_band.is_none() {
            found.push("age_band", "required", "Scegli la tua fascia d'età.");
        }
        let input = SignupInput {
            id,
            name: name.get_untracked().trim().to_owned(),
            contact: contact.get_untracked().trim().to_owned(),
            age_band: age_band.unwrap_or(AgeBand::From18To24),
        };
        if let Err(more) = input.validate() {
            found.0.extend(more.0);
        }
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(ValidationErrors::default());
        let Ok(body) = serde_json::to_string(&input) else {
            return;
        };
        let submission = Submission::LabSignup {
            lab_id: lab_id.clone(),
            body,
        };
        spawn_local(async move {
            if outbox.enqueue(id.to_string(), submission, None).await {
                name.set(String::new());
                contact.set(String::new());
                band.set(String::new());
            }
        });
    };
    view! {
        <form class="stack" on:submit=submit novalidate data-testid="lab-signup">
            {full.then(|| view! { <p class="hint">{t!(i18n, labs.full_note)}</p> })}
            <label for="iscrizione-name">{t!(i18n, labs.name)}</label>
            <p class="hint" id="iscrizione-name-perche">{t!(i18n, labs.name_why)}</p>
            {error_for("name")}
            <input id="iscrizione-name" autocomplete="name" aria-describedby="iscrizione-name-perche"
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                aria-invalid=invalid("name")/>
            <label for="iscrizione-contact">{t!(i18n, labs.contact)}</label>
            <p class="hint" id="iscrizione-contact-perche">{t!(i18n, labs.contact_why)}</p>
            {error_for("contact")}
            <input id="iscrizione-contact" autocomplete="email" aria-describedby="iscrizione-contact-perche"
                prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev))
                aria-invalid=invalid("contact")/>
            <label for="iscrizione-age_band">{t!(i18n, labs.age_band)}</label>
            <p class="hint" id="iscrizione-age_band-perche">{t!(i18n, labs.age_band_why)}</p>
            {error_for("age_band")}
            <select id="iscrizione-age_band" aria-describedby="iscrizione-age_band-perche"
                prop:value=move || band.get() on:change=move |ev| band.set(event_target_value(&ev))
                aria-invalid=invalid("age_band")>
                <option value="">{t!(i18n, labs.choose_band)}</option>
                {AgeBand::VARIANTS.iter().copied()
                    .map(|b| view! { <option value=b.as_ref().to_owned()>{b.label_it()}</option> })
                    .collect_view()}
            </select>
            <p class="hint">{move || t_string!(i18n, labs.kept, days = KEEP_DAYS).to_string()}</p>
            <button type="submit" class="action">{t!(i18n, labs.submit)}</button>
        </form>
    }
}

/// The sign-ups made from this phone for the lab, with where each stands.
#[component]
fn MySignups(lab_id: String) -> impl IntoView {
    let entries = use_outbox_entries(move |e| e.lab_signup().is_some_and(|(lab, _)| lab == lab_id));
    view! {
        <ul class="cards" data-testid="my-signups">
            {move || entries.get().into_iter().map(|entry| view! { <MySignup entry/> }).collect_view()}
        </ul>
    }
}

#[component]
fn MySignup(entry: OutboxEntry) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let input: Option<SignupInput> = entry
        .lab_signup()
        .and_then(|(_, body)| serde_json::from_str(body).ok());
    let receipt: Option<SignupReceipt> = entry
        .lab_signup_receipt()
        .and_then(|text| serde_json::from_str(text).ok());
    let name = input.map(|i| i.name).unwrap_or_default();
    let refused = entry.refusal_text();
    let cancel_error = RwSignal::new(None::<String>);
    let state = match (&entry.state, receipt.as_ref().map(|r| r.status)) {
        (OutboxState::Queued { .. } | OutboxState::WaitingForSignIn { .. }, _) => "queued",
        (OutboxState::Refused { .. }, _) => "refused",
        _ if receipt.as_ref().is_some_and(|r| r.lab_cancelled) => "lab-cancelled",
        _ if receipt.as_ref().is_some_and(|r| r.promoted) => "promoted",
        (_, Some(SignupStatus::Confirmed)) => "confirmed",
        (_, Some(SignupStatus::Waiting)) => "waiting",
        _ => "cancelled",
    };
    let status = {
        let receipt = receipt.clone();
        move || match (state, receipt.as_ref().and_then(|r| r.position)) {
            ("queued", _) => t_string!(i18n, labs.queued).to_owned(),
            ("refused", _) => t_string!(i18n, labs.refused).to_owned(),
            ("lab-cancelled", _) => t_string!(i18n, labs.lab_cancelled_mine).to_owned(),
            ("promoted", _) => t_string!(i18n, labs.promoted).to_owned(),
            ("confirmed", _) => t_string!(i18n, labs.confirmed).to_owned(),
            ("waiting", n) => t_string!(i18n, labs.waiting, n = n.unwrap_or(0)).to_string(),
            _ => t_string!(i18n, labs.cancelled_mine).to_owned(),
        }
    };
    let cancel = {
        let receipt = receipt.clone();
        let entry = entry.clone();
        move |_| {
            let (Some(receipt), mut entry) = (receipt.clone(), entry.clone()) else {
                return;
            };
            spawn_local(async move {
                match api::cancel_lab_signup(&receipt.lab_id, &entry.id, &receipt.code).await {
                    Ok(text) => {
                        entry.state = OutboxState::Sent {
                            receipt: Receipt::LabSignup(text),
                        };
                        if let Some(store) = written(store::shared().await) {
                            if written(store.outbox_put(&entry).await).is_some() {
                                outbox.revision.update(|r| *r += 1);
                            }
                        }
                    }
                    Err(error) => cancel_error.set(Some(error.text(i18n))),
                }
            });
        }
    };
    let code = receipt
        .as_ref()
        .filter(|r| r.status != SignupStatus::Cancelled && !r.lab_cancelled)
        .map(|r| r.code.clone());
    view! {
        <li class="card" data-state=state>
            <p lang="it">{name}</p>
            <p class="status" role="status"><strong>{status}</strong></p>
            {refused.map(|problem| view! { <p class="field-error">{problem}</p> })}
            {code.map(|code| view! {
                <p>{t!(i18n, labs.your_code)} " " <strong data-testid="signup-code">{code}</strong></p>
                <p class="hint">{t!(i18n, labs.code_hint)}</p>
                <button type="button" class="action" on:click=cancel.clone()>{t!(i18n, labs.cancel)}</button>
                <p class="field-error" role="alert">{move || cancel_error.get()}</p>
            })}
        </li>
    }
}
