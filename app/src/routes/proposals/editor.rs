//! One proposal, one step at a time (`/proposte/{id}?passo=1…6`): loads the draft from the
//! device (or rebuilds it from the server when the phone has none), the call it answers, its
//! outbox entries and what the server says about it; the step indicator, Indietro/Avanti and
//! "Elimina bozza".

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_params_map, use_query_map},
};
use sito_core::{
    account::Role,
    proposal::{ProposalDraft, ProposalView},
    Call,
};

use super::{account::use_session, budget, review, step_title, steps, Editor};
use crate::{
    api::{self, ApiError},
    i18n::*,
    outbox::use_outbox,
    save_problem::written,
    store::{self, DraftRecord},
    sync::use_sync,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Loaded {
    Loading,
    Ready,
    Missing,
}

/// The cache key of the server's view of one proposal.
pub fn view_key(id: &str) -> String {
    format!("view:{id}")
}

/// The draft as a proposal on the server, for a phone that has none.
pub fn rebuild(view: &ProposalView, owner: Option<String>) -> DraftRecord {
    let mut draft = ProposalDraft::from_body(view.id, &view.call_id, view.revision, &view.body);
    draft.updated_at = view.submitted_at.clone();
    let mut record = DraftRecord::new(draft, owner);
    // The copy the group sent: read-only until "Modifica e reinvia" (when the server allows).
    record.locked = true;
    record
}

/// Asks the server about a proposal, and keeps the answer for offline use.
pub async fn fetch_view(id: &str) -> Result<ProposalView, ApiError> {
    let view = api::proposal(id).await?;
    if let Some(store) = written(store::shared().await) {
        written(store.cache_put(&view_key(id), &view).await);
    }
    Ok(view)
}

#[component]
pub fn ProposalEditor() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let outbox = use_outbox();
    let sync = use_sync();
    let session = use_session();
    let ed = Editor::new();
    provide_context(ed);
    let loaded = RwSignal::new(Loaded::Loading);
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));

    // The draft: from the device, or rebuilt from the server's copy.
    Effect::new(move |_| {
        let id = id.get();
        spawn_local(async move {
            let Ok(store) = store::shared().await else {
                loaded.set(Loaded::Missing);
                return;
            };
            let account = store.signed_in_account().await;
            // Another group's draft on a shared device is not shown, and not replaced.
            let mut record = store.draft(&id).await.ok().flatten();
            if record
                .as_ref()
                .is_some_and(|r| !r.visible_to(account.as_deref()))
            {
                loaded.set(Loaded::Missing);
                return;
            }
            if let Ok(Some(view)) = store.cache_get::<ProposalView>(&view_key(&id)).await {
                ed.view.set(Some(view));
            }
            if record.is_none() {
                if let Ok(view) = fetch_view(&id).await {
                    let rebuilt = rebuild(&view, account);
                    written(store.put_draft(&rebuilt).await);
                    ed.view.set(Some(view));
                    record = Some(rebuilt);
                }
            }
            loaded.set(if record.is_some() {
                Loaded::Ready
            } else {
                Loaded::Missing
            });
            ed.record.set(record);
        });
    });

    // Signing in on this page makes a draft begun signed out the group's own (the store does
    // the same for the drafts that are not open).
    let unowned = Memo::new(move |_| {
        ed.record
            .with(|r| r.as_ref().is_some_and(|r| r.owner.is_none()))
    });
    Effect::new(move |_| {
        let account = session.me.with(|m| {
            m.as_ref()
                .filter(|m| m.role == Role::Applicant)
                .map(|m| m.id.clone())
        });
        if let (Some(account), true) = (account, unowned.get()) {
            ed.record.update(|r| {
                if let Some(r) = r {
                    r.owner = Some(account);
                }
            });
            ed.save();
        }
    });

    // The call it answers, again whenever a pull changed the store.
    let call_id = Memo::new(move |_| {
        ed.record
            .with(|r| r.as_ref().map(|r| r.draft.call_id.clone()))
    });
    Effect::new(move |_| {
        sync.revision.track();
        let Some(call_id) = call_id.get() else {
            return;
        };
        spawn_local(async move {
            if let Ok(store) = store::shared().await {
                if let Ok(call) = store.get::<Call>(&call_id).await {
                    ed.call.set(call);
                }
            }
        });
    });

    // Its outbox entries, whenever the outbox moves.
    Effect::new(move |_| {
        outbox.revision.track();
        let prefix = format!("{}:", id.get());
        spawn_local(async move {
            if let Ok(store) = store::shared().await {
                let entries = store.outbox().await.unwrap_or_default();
                ed.entries.set(
                    entries
                        .into_iter()
                        .filter(|e| e.id.starts_with(&prefix))
                        .collect(),
                );
            }
        });
    });

    // What the server says, when signed in: on opening, after signing in, after each sending.
    let sent = Memo::new(move |_| {
        ed.entries
            .with(|e| e.iter().filter(|e| e.is_sent()).count())
    });
    Effect::new(move |_| {
        // Read, not just tracked: a memo nobody reads is never computed, so never changes.
        let _ = sent.get();
        session.changed.track();
        let signed_in = session.me.with(Option::is_some);
        let known = ed
            .record
            .with_untracked(|r| r.as_ref().is_some_and(|r| r.draft.revision > 0));
        if !signed_in || !known {
            return;
        }
        let id = id.get_untracked();
        spawn_local(async move {
            if let Ok(view) = fetch_view(&id).await {
                ed.view.set(Some(view));
            }
        });
    });

    let step = Memo::new(move |_| {
        query
            .with(|q| q.get("passo").and_then(|s| s.parse::<usize>().ok()))
            .unwrap_or_else(|| if ed.locked() { 6 } else { 1 })
            .clamp(1, 6)
    });
    Effect::new(move |_| {
        if step.get() == 6 {
            ed.show_all.set(true);
        }
    });
    let href = move |n: usize| format!("/proposte/{}?passo={n}", id.get());
    // Which field an event is about: its `name` is core's field name.
    fn field_of(target: Option<web_sys::EventTarget>) -> Option<String> {
        use wasm_bindgen::JsCast;
        target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("name"))
    }
    let touch = move |ev: leptos::ev::FocusEvent| {
        if let Some(name) = field_of(ev.target()) {
            ed.touch(name);
        }
    };
    let typed = move |ev: leptos::ev::Event| {
        if let Some(name) = field_of(ev.target()) {
            ed.mark_edited(name);
        }
    };

    view! {
        {move || (loaded.get() == Loaded::Missing).then(|| view! {
            <h1>{t!(i18n, proposals.not_found)}</h1>
            <p>{t!(i18n, proposals.not_found_hint)}</p>
            <p><A href="/proposte">{t!(i18n, proposals.back)}</A></p>
        })}
        {move || (loaded.get() == Loaded::Ready).then(|| view! {
            <p class="no-print"><A href="/proposte">{t!(i18n, proposals.back)}</A></p>
            <p class="kind">
                {move || ed.call.with(|c| c.as_ref().map(|c| c.title.clone()))
                    .unwrap_or_else(|| t_string!(i18n, proposals.call_unknown).to_owned())}
            </p>
            <StepIndicator step href/>
            <h1>{move || step_title(i18n, step.get())}</h1>
            <review::StatusLine/>
            {move || ed.call.with(Option::is_none).then(|| view! { <p class="notice">{t!(i18n, proposals.call_missing)}</p> })}
            // What is true: queued is not sent yet.
            {move || ed.locked().then(|| {
                let queued = ed.entry().is_some_and(|e| e.is_pending());
                view! {
                    <p class="notice" data-testid="locked">
                        {if queued { t_string!(i18n, proposals.locked_queued) } else { t_string!(i18n, proposals.locked) }}
                    </p>
                }
            })}
            {move || (step.get() < 6).then(|| view! {
                <form class="stack" on:submit=|ev| ev.prevent_default() on:focusout=touch on:input=typed>
                    <fieldset class="bare" disabled=move || ed.locked()>
                        <legend class="visually-hidden">{move || step_title(i18n, step.get())}</legend>
                        {move || match step.get() {
                            1 => steps::group(ed).into_any(),
                            2 => steps::needs(ed).into_any(),
                            3 => steps::actions(ed).into_any(),
                            4 => budget::budget(ed).into_any(),
                            _ => steps::results(ed).into_any(),
                        }}
                    </fieldset>
                </form>
                <p class="hint">{t!(i18n, proposals.saved_note)}</p>
            })}
            {move || (step.get() == 6).then(|| view! { <review::Review/> })}
            <nav class="steps" aria-label=move || t_string!(i18n, proposals.steps_nav)>
                {move || (step.get() > 1).then(|| view! { <A href=move || href(step.get() - 1) attr:class="action">{t!(i18n, proposals.previous)}</A> })}
                {move || (step.get() < 6).then(|| view! { <A href=move || href(step.get() + 1) attr:class="action">{t!(i18n, proposals.next)}</A> })}
            </nav>
            <DeleteDraft/>
        })}
    }
}

/// The six steps as numbered links; the current one marked, those with errors flagged.
#[component]
fn StepIndicator(
    step: Memo<usize>,
    href: impl Fn(usize) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let ed = super::use_editor();
    let with_errors = Memo::new(move |_| {
        let mut steps = [false; 7];
        if ed.show_all.get() {
            ed.checked.with(|c| {
                for e in &c.0 {
                    steps[sito_core::proposal::step_of(&e.field)] = true;
                }
            });
        }
        steps
    });
    view! {
        <nav aria-label=move || t_string!(i18n, proposals.steps_label) class="stepper">
            <p class="step-count">{move || t_string!(i18n, proposals.step_of, n = step.get(), total = 6).to_string()}</p>
            <ol>
                {(1..=6usize).map(|n| view! {
                    <li>
                        <A
                            href=move || href(n)
                            attr:aria-current=move || (step.get() == n).then_some("step")
                            attr:class=move || if with_errors.get()[n] { "has-errors" } else { "" }
                        >
                            <span aria-hidden="true">{n}</span>
                            <span class="visually-hidden">
                                {move || format!("{n}. {}", step_title(i18n, n))}
                                {move || with_errors.get()[n].then(|| format!(" ({})", t_string!(i18n, proposals.to_fix)))}
                            </span>
                        </A>
                    </li>
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// "Elimina bozza", after a confirmation. What waits in the outbox for it goes too; a proposal
/// already received stays on the server.
#[component]
fn DeleteDraft() -> impl IntoView {
    let i18n = use_i18n();
    let ed = super::use_editor();
    let outbox = use_outbox();
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    let remove = move |_| {
        let navigate = navigate.clone();
        let Some(record) = ed.record.get_untracked() else {
            return;
        };
        let entries = ed.entries.get_untracked();
        spawn_local(async move {
            if let Some(store) = written(store::shared().await) {
                for entry in entries.iter().filter(|e| !e.is_sent()) {
                    written(store.outbox_delete(&entry.id).await);
                }
                written(store.delete_draft(&record.id).await);
            }
            outbox.revision.update(|r| *r += 1);
            navigate("/proposte", Default::default());
        });
    };
    view! {
        <section class="delete no-print">
            {move || if confirming.get() {
                view! {
                    <div class="notice error" role="alertdialog" aria-labelledby="elimina-testo">
                        <p id="elimina-testo">{t!(i18n, proposals.delete_confirm)}</p>
                        <button type="button" class="danger" on:click=remove.clone()>{t!(i18n, proposals.delete_yes)}</button>
                        " "
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{t!(i18n, proposals.cancel)}</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="secondary" on:click=move |_| confirming.set(true)>{t!(i18n, proposals.delete)}</button>
                }.into_any()
            }}
        </section>
    }
}
