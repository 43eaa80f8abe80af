//! "Che cosa conserva il server": the profile as the bank holds it, whether the CV is there, the
//! consent's version and when it was given, the expiry, every staff read of the profile, and
//! the operators' proposals with "Accetto" / "Non mi interessa". An answer goes through the
//! outbox under one key per proposal, so it reaches the server once; accepting a recruiting day
//! asks for one of its interview times, in Italian time.

use leptos::{prelude::*, task::spawn_local};
use sito_core::bank::{Answer, BankRecord, ProposalKind, ProposalStatus, ProposalToYou, ViewKind};

use crate::{
    cv_bank::{
        cv_parts, cv_parts_text, expires_line, profile_lines,
        text::{fill, text},
    },
    dates::rome_date_time,
    i18n::*,
    outbox::use_outbox,
    store::Submission,
};

/// The outbox key of the answer to a proposal: one per proposal, whatever is pressed.
pub fn answer_key(proposal_id: &str) -> String {
    format!("banca-cv-risposta:{proposal_id}")
}

#[component]
pub fn RecordView(
    record: BankRecord,
    /// The code that manages the profile.
    code: String,
    /// The proposals whose answer waits in the outbox.
    queued: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tx = move || text(i18n.get_locale());
    let locale = move || i18n.get_locale();
    let profile = record.profile.clone();
    let lines = move || profile_lines(&profile, locale());
    let (name, contact) = (record.name.clone(), record.contact.clone());
    let cv = record.cv.clone();
    let cv_line = move || match &cv {
        Some(resume) => format!(
            "{} ({})",
            tx().cv_held,
            cv_parts_text(&cv_parts(resume), locale())
        ),
        None => tx().cv_not_held.to_owned(),
    };
    let consent = record.consent.clone();
    let (stored_at, expires_at) = (record.stored_at, record.expires_at);
    let views = record.views.clone();
    let proposals = record.proposals.clone();
    let profile_id = record.id.clone();
    view! {
        <dl class="facts" data-testid="banca-cv-server-campi">
            {move || lines().into_iter().map(|(field, value)| view! {
                <dt>{field.label(locale())}</dt>
                <dd>{value}</dd>
            }).collect_view()}
            <dt>{move || tx().field_name}</dt>
            <dd>{name}</dd>
            <dt>{move || tx().field_contact}</dt>
            <dd>{contact}</dd>
        </dl>
        <p data-testid="banca-cv-server-cv">{cv_line}</p>
        <p>{move || fill(tx().consent_given, &[
            ("version", &consent.version.to_string()),
            ("when", &rome_date_time(consent.given_at, locale())),
        ])}</p>
        <p>{move || fill(tx().stored_at, &[("when", &rome_date_time(stored_at, locale()))])}</p>
        <p data-testid="banca-cv-server-scadenza"><strong>{move || expires_line(expires_at, locale())}</strong></p>
        <h3 id="banca-cv-sguardi">{move || tx().views}</h3>
        {if views.is_empty() {
            view! { <p class="empty">{move || tx().no_views}</p> }.into_any()
        } else {
            view! {
                <ul data-testid="banca-cv-sguardi" aria-labelledby="banca-cv-sguardi">
                    {views.into_iter().map(|v| {
                        let what = move || {
                            let t = tx();
                            match v.kind {
                                ViewKind::Search => t.view_search,
                                ViewKind::Profile => t.view_profile,
                                ViewKind::Contacts => t.view_contacts,
                            }
                        };
                        let by = v.by.clone();
                        view! { <li>{rome_date_time(v.at, locale())} ": " <strong>{by}</strong> " " {what}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h3 id="banca-cv-proposte">{move || tx().proposals}</h3>
        {if proposals.is_empty() {
            view! { <p class="empty">{move || tx().no_proposals}</p> }.into_any()
        } else {
            view! {
                <ul class="cards" data-testid="banca-cv-proposte" aria-labelledby="banca-cv-proposte">
                    {proposals.into_iter().map(|proposal| {
                        let waiting = queued.contains(&proposal.id);
                        view! { <ProposalCard proposal profile_id=profile_id.clone() code=code.clone() waiting/> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn ProposalCard(
    proposal: ProposalToYou,
    profile_id: String,
    code: String,
    /// Its answer waits in the outbox.
    waiting: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let tx = move || text(i18n.get_locale());
    let locale = move || i18n.get_locale();
    let queued = RwSignal::new(waiting);
    let choosing = RwSignal::new(false);
    let slot = RwSignal::new(None::<chrono::DateTime<chrono::Utc>>);
    let slot_missing = RwSignal::new(false);
    let ProposalToYou {
        id,
        kind,
        title,
        message,
        from,
        sent_at,
        status,
        slot: chosen,
        slots,
        ..
    } = proposal;
    let answer = {
        let id = id.clone();
        move |accept: bool, slot: Option<chrono::DateTime<chrono::Utc>>| {
            let body = Answer {
                code: code.clone(),
                accept,
                slot,
            };
            let Ok(body) = serde_json::to_string(&body) else {
                return;
            };
            let submission = Submission::BankAnswer {
                profile_id: profile_id.clone(),
                proposal_id: id.clone(),
                body,
            };
            let key = answer_key(&id);
            spawn_local(async move {
                if outbox.enqueue(key, submission, None).await {
                    queued.set(true);
                }
            });
        }
    };
    let needs_slot = kind == ProposalKind::RecruitingDay && !slots.is_empty();
    let accept = {
        let answer = answer.clone();
        move |_| {
            if needs_slot {
                choosing.set(true);
            } else {
                answer(true, None);
            }
        }
    };
    let decline = {
        let answer = answer.clone();
        move |_| answer(false, None)
    };
    let confirm = move |_| match slot.get_untracked() {
        Some(at) => {
            slot_missing.set(false);
            answer(true, Some(at));
        }
        None => slot_missing.set(true),
    };
    let status_name: &'static str = status.into();
    let fieldset_id = format!("banca-cv-orari-{id}");
    view! {
        <li class="card" data-status=status_name>
            <p class="kind">{move || match kind {
                ProposalKind::Opportunity => tx().kind_opportunity,
                ProposalKind::RecruitingDay => tx().kind_recruiting_day,
            }}</p>
            <h4>{title}</h4>
            <p>{message}</p>
            <p class="hint">{move || fill(tx().proposed_by, &[("from", &from), ("when", &rome_date_time(sent_at, locale()))])}</p>
            {match status {
                ProposalStatus::Accepted => view! {
                    <p class="status" role="status">{move || tx().accepted}</p>
                    {chosen.map(|at| view! { <p>{move || fill(tx().interview, &[("when", &rome_date_time(at, locale()))])}</p> })}
                }.into_any(),
                ProposalStatus::Declined => view! {
                    <p class="status" role="status">{move || tx().declined}</p>
                }.into_any(),
                ProposalStatus::Pending => view! {
                    {move || if queued.get() {
                        view! { <p class="status" role="status">{move || tx().answer_queued}</p> }.into_any()
                    } else if choosing.get() {
                        let slots = slots.clone();
                        let fieldset_id = fieldset_id.clone();
                        let error_id = format!("{fieldset_id}-errore");
                        let described = error_id.clone();
                        view! {
                            <fieldset class="choices" aria-describedby=move || slot_missing.get().then(|| described.clone())>
                                <legend>{move || tx().choose_slot}</legend>
                                {move || slot_missing.get().then(|| view! { <p class="field-error" id=error_id.clone()>{tx().slot_missing}</p> })}
                                {slots.into_iter().map(|at| view! {
                                    <label class="check">
                                        <input type="radio" name=fieldset_id.clone()
                                            on:change=move |_| slot.set(Some(at))/>
                                        " " {move || rome_date_time(at, locale())}
                                    </label>
                                }).collect_view()}
                            </fieldset>
                            <div class="actions">
                                <button type="button" class="action" on:click=confirm.clone()>{move || tx().confirm_accept}</button>
                                <button type="button" class="link" on:click=move |_| choosing.set(false)>{move || tx().cancel}</button>
                            </div>
                        }.into_any()
                    } else {
                        view! {
                            <p class="status">{move || tx().pending}</p>
                            <div class="actions">
                                <button type="button" class="action" on:click=accept.clone()>{move || tx().accept}</button>
                                <button type="button" class="secondary" on:click=decline.clone()>{move || tx().decline}</button>
                            </div>
                        }.into_any()
                    }}
                }.into_any(),
            }}
        </li>
    }
}
