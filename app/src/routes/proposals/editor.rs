//! One proposal, one step at a time (`/proposte/{id}?passo=1…6`): loads the draft from the
//! device (or rebuilds it from the server when the phone has none), the call it answers, its
//! outbox entries and what the server says about it; the step indicator, Indietro/Avanti and
//! "Elimina bozza".

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_params_map, use_query_map},
};
use sito_core::{account::Role, proposal::ProposalView, Call};

use super::{
    account::use_session,
    budget, review,
    server_view::{cached_view, fetch_view, rebuild},
    steps, Editor, Step,
};
use crate::{
    components::ConfirmDialog,
    i18n::*,
    outbox::use_outbox,
    routes::StepOrder,
    save_problem::written,
    store::{self, DraftRecord, OutboxEntry},
    sync::use_sync,
};

/// What opening a proposal finds: the draft, and the server's last word about it kept on the
/// phone.
#[derive(Clone)]
struct Opened {
    record: DraftRecord,
    view: Option<ProposalView>,
}

/// The draft from the device, or rebuilt from the server's copy when the phone has none;
/// `None` when there is neither, or when it is another group's draft on a shared device (not
/// shown, and not replaced).
async fn open(id: String) -> Option<Opened> {
    let store = store::shared().await.ok()?;
    let account = store.signed_in_account().await;
    let mut record = store.draft(&id).await.ok().flatten();
    if record
        .as_ref()
        .is_some_and(|r| !r.visible_to(account.as_deref()))
    {
        return None;
    }
    let mut view = cached_view(&id).await;
    if record.is_none() {
        if let Ok(fresh) = fetch_view(&id).await {
            let rebuilt = rebuild(&fresh, account);
            written(store.put_draft(&rebuilt).await);
            view = Some(fresh);
            record = Some(rebuilt);
        }
    }
    Some(Opened {
        record: record?,
        view,
    })
}

/// The call a draft answers, as the device has it; `None` when the device could not be read.
async fn load_call(call_id: String) -> Option<Option<Call>> {
    store::shared().await.ok()?.get::<Call>(&call_id).await.ok()
}

/// The outbox entries of one draft (every revision); `None` when the device could not be read.
async fn load_entries(id: String) -> Option<Vec<OutboxEntry>> {
    let store = store::shared().await.ok()?;
    let prefix = format!("{id}:");
    let entries = store.outbox().await.unwrap_or_default();
    Some(
        entries
            .into_iter()
            .filter(|e| e.id.starts_with(&prefix))
            .collect(),
    )
}

#[component]
pub fn ProposalEditor() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // Keyed on the id: what is read for a proposal already left never shows on the next one.
    let opened = LocalResource::new(move || open(id.get()));
    view! {
        <Suspense fallback=|| ()>
            {move || opened.get().map(|found| match found {
                None => view! {
                    <h1>{t!(i18n, proposals.not_found)}</h1>
                    <p>{t!(i18n, proposals.not_found_hint)}</p>
                    <p><A href="/proposte">{t!(i18n, proposals.back)}</A></p>
                }.into_any(),
                Some(opened) => view! { <Editing opened/> }.into_any(),
            })}
        </Suspense>
    }
}

/// The editor of one opened proposal: its call, its outbox entries and what the server says
/// load as resources keyed on what they depend on, so an answer that comes late never
/// replaces a newer one.
#[component]
fn Editing(opened: Opened) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let outbox = use_outbox();
    let sync = use_sync();
    let session = use_session();
    let id = opened.record.id.clone();
    let call_id = opened.record.draft.call_id.clone();
    let record = RwSignal::new(Some(opened.record));

    // The call it answers, again whenever a pull changed the store.
    let call = LocalResource::new(move || {
        sync.revision.track();
        load_call(call_id.clone())
    });
    // Its outbox entries, whenever the outbox moves.
    let entries = LocalResource::new({
        let id = id.clone();
        move || {
            outbox.revision.track();
            load_entries(id.clone())
        }
    });
    let sent = Memo::new(move |_| {
        entries
            .get()
            .flatten()
            .map_or(0, |e| e.iter().filter(|e| e.is_sent()).count())
    });
    // What the server says, when signed in: on opening, after signing in, after each sending.
    let signed_in = Memo::new(move |_| session.me.with(Option::is_some));
    let answer = LocalResource::new({
        let id = id.clone();
        move || {
            // Read, not just tracked: a memo nobody reads is never computed, so never changes.
            let _ = sent.get();
            session.changed.track();
            let asks = signed_in.get()
                && record.with_untracked(|r| r.as_ref().is_some_and(|r| r.draft.revision > 0));
            let id = id.clone();
            async move {
                if asks {
                    fetch_view(&id).await.ok()
                } else {
                    None
                }
            }
        }
    });
    let ed = Editor::new(record, call, entries, answer, opened.view);
    provide_context(ed);

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

    let step = Memo::new(move |_| {
        query
            .with(|q| q.get("passo").and_then(|s| Step::parse(&s)))
            .unwrap_or_else(|| if ed.locked() { Step::LAST } else { Step::FIRST })
    });
    Effect::new(move |_| {
        if step.get() == Step::Review {
            ed.show_all.set(true);
        }
    });
    let href = move |s: Step| s.href(&id);
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
    let href = StoredValue::new(href);

    view! {
        <p class="no-print"><A href="/proposte">{t!(i18n, proposals.back)}</A></p>
        <p class="kind">
            {move || ed.call.with(|c| c.as_ref().map(|c| c.title.clone()))
                .unwrap_or_else(|| t_string!(i18n, proposals.call_unknown).to_owned())}
        </p>
        <StepIndicator step href=move |s| href.with_value(|h| h(s))/>
        <h1>{move || step.get().title(i18n)}</h1>
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
        {move || (step.get() != Step::Review).then(|| view! {
            <form class="stack" on:submit=|ev| ev.prevent_default() on:focusout=touch on:input=typed>
                <fieldset class="bare" disabled=move || ed.locked()>
                    <legend class="visually-hidden">{move || step.get().title(i18n)}</legend>
                    {move || match step.get() {
                        Step::Group => steps::group(ed).into_any(),
                        Step::Needs => steps::needs().into_any(),
                        Step::Actions => steps::actions(ed).into_any(),
                        Step::Budget => budget::budget(ed).into_any(),
                        Step::Results | Step::Review => steps::results().into_any(),
                    }}
                </fieldset>
            </form>
            <p class="hint">{t!(i18n, proposals.saved_note)}</p>
        })}
        {move || (step.get() == Step::Review).then(|| view! { <review::Review/> })}
        <nav class="steps" aria-label=move || t_string!(i18n, proposals.steps_nav)>
            {move || step.get().previous().map(|s| view! { <A href=href.with_value(|h| h(s)) attr:class="action">{t!(i18n, proposals.previous)}</A> })}
            {move || step.get().next().map(|s| view! { <A href=href.with_value(|h| h(s)) attr:class="action">{t!(i18n, proposals.next)}</A> })}
        </nav>
        <DeleteDraft/>
    }
}

/// The six steps as numbered links; the current one marked, those with errors flagged.
#[component]
fn StepIndicator(
    step: Memo<Step>,
    href: impl Fn(Step) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let ed = super::use_editor();
    let with_errors = Memo::new(move |_| {
        let mut steps = Vec::new();
        if ed.show_all.get() {
            ed.checked.with(|c| {
                for e in &c.0 {
                    let step = Step::of_field(&e.field);
                    if !steps.contains(&step) {
                        steps.push(step);
                    }
                }
            });
        }
        steps
    });
    let has_errors = move |s: Step| with_errors.with(|w| w.contains(&s));
    view! {
        <nav aria-label=move || t_string!(i18n, proposals.steps_label) class="stepper">
            <p class="step-count">{move || t_string!(i18n, proposals.step_of, n = step.get().number(), total = Step::LAST.number()).to_string()}</p>
            <ol>
                {Step::all().map(|s| {
                    let n = s.number();
                    view! {
                        <li>
                            <A
                                href=move || href(s)
                                attr:aria-current=move || (step.get() == s).then_some("step")
                                attr:class=move || if has_errors(s) { "has-errors" } else { "" }
                            >
                                <span aria-hidden="true">{n}</span>
                                <span class="visually-hidden">
                                    {move || format!("{n}. {}", s.title(i18n))}
                                    {move || has_errors(s).then(|| format!(" ({})", t_string!(i18n, proposals.to_fix)))}
                                </span>
                            </A>
                        </li>
                    }
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
    let remove = move |()| {
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
            <ConfirmDialog open=confirming id="elimina-testo" class="notice error" on_yes=remove
                ask=move || t!(i18n, proposals.delete) question=move || t!(i18n, proposals.delete_confirm)
                yes=move || t!(i18n, proposals.delete_yes) no=move || t!(i18n, proposals.cancel)/>
        </section>
    }
}
