//! Step 6 and the proposal's state: every error of core's check with a link to its step, a
//! summary, "Invia la proposta" through the outbox, then "In coda", "Accedi per inviare",
//! "Inviata" with the protocol number, or the server's refusal; the status timeline, withdrawal
//! and "Modifica e reinvia".

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_navigate};
use sito_core::proposal::{deadline_error, ProposalStatus, ProposalSubmission};
use sito_core::validation::FieldPath;

use super::{
    account::{use_session, WaysIn},
    entry_id, field_id,
    server_view::{fetch_view, view_key},
    use_editor, Editor, Step,
};
use crate::{
    api::{self, ApiError},
    components::ConfirmDialog,
    dates::{now_iso, rome_date_time},
    i18n::*,
    outbox::use_outbox,
    routes::StepOrder,
    save_problem::written,
    store::{self, OutboxState, ProposalJson, Submission},
};

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Why the call does not take proposals now, in Italian, if it does not.
fn deadline_problem(ed: Editor) -> Option<String> {
    ed.call.with(|c| {
        let call = c.as_ref()?;
        deadline_error(call, call.phase(now()), |at| rome_date_time(at, Locale::it))
    })
}

/// Hands the proposal to the outbox: the draft's next revision, or the same one again when the
/// server refused it (it stored nothing then).
fn submit(ed: Editor, outbox: crate::outbox::Outbox) {
    let (Some(call), Some(mut record)) = (ed.call.get_untracked(), ed.record.get_untracked())
    else {
        return;
    };
    let body = match record.draft.check(&call) {
        Ok(body) => body,
        Err(_) => {
            ed.show_all.set(true);
            return;
        }
    };
    let refused = ed.entry().is_some_and(|e| e.is_refused());
    let revision = if refused && record.draft.revision > 0 {
        record.draft.revision
    } else {
        record.draft.revision + 1
    };
    let submission = ProposalSubmission {
        id: record.draft.id,
        revision,
        call_id: call.id.clone(),
        body,
    };
    let Ok(submission) = ProposalJson::new(&submission) else {
        return;
    };
    record.draft.revision = revision;
    record.draft.updated_at = now_iso();
    record.locked = true;
    ed.record.set(Some(record.clone()));
    spawn_local(async move {
        if let Ok(store) = store::shared().await {
            // Sent signed in, it is that group's; sent signed out, the next sign-in claims it.
            if record.owner.is_none() {
                record.owner = store.signed_in_account().await;
                let owner = record.owner.clone();
                ed.record.update(|r| {
                    if let Some(r) = r {
                        r.owner = owner;
                    }
                });
            }
            written(store.put_draft(&record).await);
        }
        outbox
            .enqueue(
                entry_id(&record.id, revision),
                Submission::Proposal(submission),
                record.owner.clone(),
            )
            .await;
    });
}

/// Where the proposal stands on this phone, one line (every step).
#[component]
pub fn StatusLine() -> impl IntoView {
    let i18n = use_i18n();
    let ed = use_editor();
    view! {
        <p class="send-state" role="status" data-testid="send-state">
            {move || ed.entry().map(|entry| {
                let locale = i18n.get_locale();
                match &entry.state {
                    OutboxState::WaitingForSignIn { .. } => view! {
                        <strong>{t!(i18n, proposals.state_sign_in)}</strong>
                    }.into_any(),
                    OutboxState::Queued { .. } => view! {
                        <strong>{t!(i18n, proposals.state_queued)}</strong> " " {t!(i18n, proposals.state_queued_note)}
                    }.into_any(),
                    OutboxState::Sent { .. } => {
                        let receipt = entry.proposal_receipt().cloned();
                        view! {
                            <strong>{t!(i18n, proposals.state_sent)}</strong>
                            {receipt.map(|r| view! {
                                " · " {t!(i18n, proposals.protocol)} " "
                                <strong data-testid="protocol">{r.protocol.clone()}</strong>
                                " · " {t_string!(i18n, proposals.received_at, when = rome_date_time(r.submitted_at, locale)).to_string()}
                            })}
                        }.into_any()
                    }
                    OutboxState::Refused { .. } => view! {
                        <strong>{t!(i18n, proposals.state_refused)}</strong> " " {entry.refusal_text()}
                    }.into_any(),
                }
            })}
        </p>
    }
}

/// The last step.
#[component]
pub fn Review() -> impl IntoView {
    let i18n = use_i18n();
    let ed = use_editor();
    let outbox = use_outbox();
    let session = use_session();
    let id = move || {
        ed.record
            .with(|r| r.as_ref().map(|r| r.id.clone()).unwrap_or_default())
    };
    let errors = move || ed.checked.get().0;
    let can_send = move || {
        !ed.locked()
            && ed.call.with(Option::is_some)
            && errors().is_empty()
            && deadline_problem(ed).is_none()
    };
    // A memo, so that the form (and what is typed in it) is drawn once, not on every change.
    let wants_sign_in = Memo::new(move |_| {
        session.me.with(Option::is_none) || ed.entry().is_some_and(|e| e.waits_for_sign_in())
    });
    let totals = move || {
        let draft = ed.record.with(|r| r.as_ref().map(|r| r.draft.clone()))?;
        ed.call.with(|c| draft.totals(c.as_ref()?))
    };
    view! {
        {move || {
            let errors = errors();
            (!errors.is_empty() && !ed.locked()).then(|| view! {
                <div class="notice error" data-testid="review-errors">
                    <p>{t!(i18n, proposals.review_errors)}</p>
                    <ul>
                        {errors.into_iter().map(|e| {
                            let step = Step::of_field(&e.field);
                            let href = format!("{}#{}", step.href(&id()), field_id(&e.field.to_string()));
                            let field = e.field.clone();
                            view! {
                                <li><A href=href>
                                    {move || t_string!(i18n, proposals.step_short, n = step.number()).to_string()} " · "
                                    {move || field_label(i18n, &field)} ": " {e.message.clone()}
                                </A></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        {move || deadline_problem(ed).map(|p| view! { <p class="notice error" lang="it">{p}</p> })}
        <section aria-labelledby="riepilogo">
            <h2 id="riepilogo">{t!(i18n, proposals.summary)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, proposals.project_title)}</dt>
                <dd>{move || ed.read(|d| d.title.clone())}</dd>
                <dt>{t!(i18n, proposals.group_name)}</dt>
                <dd>{move || ed.read(|d| d.group_name.clone())}</dd>
                {move || totals().map(|t| view! {
                    <dt>{t!(i18n, budget.total)}</dt><dd>{t.total.to_string()}</dd>
                    <dt>{t!(i18n, budget.requested_short)}</dt><dd>{t.requested.to_string()}</dd>
                    <dt>{t!(i18n, budget.cofinancing)}</dt><dd>{t.cofinancing.to_string()}</dd>
                })}
            </dl>
        </section>
        {move || (errors().is_empty() && !ed.locked() && ed.call.with(Option::is_some)).then(|| view! {
            <p class="ok">{t!(i18n, proposals.ready)}</p>
        })}
        <div class="actions">
            {move || can_send().then(|| view! {
                <button type="button" class="action primary" on:click=move |_| submit(ed, outbox)>
                    {t!(i18n, proposals.send)}
                </button>
            })}
            <A href=move || format!("/proposte/{}/stampa", id()) attr:class="action">{t!(i18n, proposals.print)}</A>
        </div>
        {move || wants_sign_in.get().then(|| view! {
            <section aria-labelledby="accedi" class="sign-in-box">
                <h2 id="accedi">{t!(i18n, proposals.sign_in_to_send)}</h2>
                <WaysIn/>
            </section>
        })}
        <ServerState/>
    }
}

/// What the server says: status, timeline, withdraw, edit and send again.
#[component]
fn ServerState() -> impl IntoView {
    let i18n = use_i18n();
    let ed = use_editor();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let withdraw = move |()| {
        let Some(id) = ed
            .record
            .with_untracked(|r| r.as_ref().map(|r| r.id.clone()))
        else {
            return;
        };
        spawn_local(async move {
            match api::withdraw(&id).await {
                Ok(view) => {
                    if let Some(store) = written(store::shared().await) {
                        written(store.cache_put(&view_key(&id), &view).await);
                    }
                    ed.server_said(view);
                    failure.set(None);
                    ed.record.update(|r| {
                        if let Some(r) = r {
                            r.locked = false;
                        }
                    });
                    ed.save();
                }
                Err(f) => {
                    failure.set(Some(f.text(i18n)));
                    // A refusal (the call closed while the page was open) changes what the group
                    // may still do: ask again, so that the button goes.
                    if matches!(f, ApiError::Problem(_)) {
                        if let Ok(view) = fetch_view(&id).await {
                            ed.server_said(view);
                        }
                    }
                }
            }
            confirming.set(false);
        });
    };
    let reopen = move |_| {
        ed.record.update(|r| {
            if let Some(r) = r {
                r.locked = false;
            }
        });
        ed.save();
        let id = ed
            .record
            .with_untracked(|r| r.as_ref().map(|r| r.id.clone()))
            .unwrap_or_default();
        navigate(&Step::FIRST.href(&id), Default::default());
    };
    view! {
        {move || ed.view.get().map(|view| {
            let locale = i18n.get_locale();
            let reopen = reopen.clone();
            view! {
                <section aria-labelledby="stato" data-testid="server-state">
                    <h2 id="stato">{t!(i18n, proposals.status)} ": " <span data-testid="status">{status_label(i18n, view.status)}</span></h2>
                    <p class="meta">
                        {t!(i18n, proposals.protocol)} " " {view.protocol.clone()} " · "
                        {t_string!(i18n, proposals.revision, n = view.revision).to_string()}
                    </p>
                    <h3>{t!(i18n, proposals.history)}</h3>
                    <ol class="history">
                        {view.timeline.iter().map(|e| view! {
                            <li>
                                <strong>{status_label(i18n, e.status)}</strong>
                                " · " {rome_date_time(e.at, locale)}
                                {e.amount.map(|a| view! { <p>{t_string!(i18n, proposals.granted, amount = a.to_string()).to_string()}</p> })}
                                {e.message.clone().map(|m| view! { <p class="message" lang="it">{m}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                    {view.can_withdraw.then(|| view! {
                        <ConfirmDialog open=confirming id="ritira-testo" class="notice" on_yes=withdraw
                            ask=move || t!(i18n, proposals.withdraw) question=move || t!(i18n, proposals.withdraw_confirm)
                            yes=move || t!(i18n, proposals.withdraw_yes) no=move || t!(i18n, proposals.cancel)/>
                    })}
                    {(view.can_resubmit && ed.locked()).then(|| view! {
                        <button type="button" class="action" on:click=reopen>{t!(i18n, proposals.reopen)}</button>
                    })}
                    <p role="status" class="field-error">{move || failure.get()}</p>
                </section>
            }
        })}
    }
}

/// What a field is called on the form (`budget.lines.1.unit_cost` → "Voce di spesa 2 ·
/// Costo unitario (€)").
fn field_label(i18n: leptos_i18n::I18nContext<Locale>, field: &FieldPath) -> String {
    use sito_core::validation::Segment::{Index, Name};
    let nth = |i: &usize| i + 1;
    let own = |key: &str| -> &'static str {
        match key {
            "name" => t_string!(i18n, proposals.group_name),
            "kind" => t_string!(i18n, proposals.group_kind),
            "district" => t_string!(i18n, proposals.district),
            "contact_person" => t_string!(i18n, proposals.contact_person),
            "members" => t_string!(i18n, proposals.members),
            "age_min" => t_string!(i18n, proposals.age_min),
            "age_max" => t_string!(i18n, proposals.age_max),
            "title" => t_string!(i18n, proposals.project_title),
            "needs" => t_string!(i18n, proposals.needs_short),
            "objectives" => t_string!(i18n, proposals.objectives_short),
            "results" => t_string!(i18n, proposals.results),
            "indicators" => t_string!(i18n, proposals.indicators_short),
            "reporting" => t_string!(i18n, proposals.reporting_short),
            "requested" => t_string!(i18n, budget.requested),
            _ => "",
        }
    };
    match field.segments() {
        [Name(group), Name(key)] if group == "group" => own(key).to_owned(),
        [Name(partners), Index(i), Name(key)] if partners == "partners" => format!(
            "{} · {}",
            t_string!(i18n, proposals.partner, n = nth(i)),
            if key == "name" {
                t_string!(i18n, proposals.partner_name)
            } else {
                t_string!(i18n, proposals.partner_role)
            }
        ),
        [Name(actions), Index(i), Name(key)] if actions == "actions" => format!(
            "{} · {}",
            t_string!(i18n, proposals.action, n = nth(i)),
            match key.as_str() {
                "start" => t_string!(i18n, proposals.action_start),
                "end" => t_string!(i18n, proposals.action_end),
                "who" => t_string!(i18n, proposals.action_who),
                _ => t_string!(i18n, proposals.action_title),
            }
        ),
        [Name(budget), Name(lines), Index(i), Name(key)]
            if budget == "budget" && lines == "lines" =>
        {
            format!(
                "{} · {}",
                t_string!(i18n, budget.line, n = nth(i)),
                match key.as_str() {
                    "quantity" => t_string!(i18n, budget.quantity),
                    "unit_cost" => t_string!(i18n, budget.unit_cost),
                    "category" => t_string!(i18n, budget.category),
                    _ => t_string!(i18n, budget.description),
                }
            )
        }
        [Name(budget), Name(key)] if budget == "budget" && own(key).is_empty() => {
            t_string!(i18n, proposals.step4).to_owned()
        }
        [Name(budget), Name(key)] if budget == "budget" => own(key).to_owned(),
        [Name(key)] if !own(key).is_empty() => own(key).to_owned(),
        _ => Step::of_field(field).title(i18n).to_owned(),
    }
}

pub fn status_label(
    i18n: leptos_i18n::I18nContext<Locale>,
    status: ProposalStatus,
) -> &'static str {
    match status {
        ProposalStatus::Submitted => t_string!(i18n, proposals.status_submitted),
        ProposalStatus::Withdrawn => t_string!(i18n, proposals.status_withdrawn),
        ProposalStatus::InReview => t_string!(i18n, proposals.status_in_review),
        ProposalStatus::ChangesRequested => t_string!(i18n, proposals.status_changes),
        ProposalStatus::Funded => t_string!(i18n, proposals.status_funded),
        ProposalStatus::NotFunded => t_string!(i18n, proposals.status_not_funded),
    }
}
