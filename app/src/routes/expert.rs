//! "L'esperto risponde": published answers (synced, searchable, offline), a form to ask that
//! works offline through the outbox, the young person's own questions with their codes, and a
//! lookup by code.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::VariantArray;
use sito_core::{
    question::{normalise_code, typical_answer_days, QuestionInput, QuestionReceipt, Topic},
    Answer, ValidationErrors,
};

use crate::{
    api,
    components::{Provenance, WithCatalog},
    dates::long_date,
    i18n::*,
    outbox::{use_outbox, use_outbox_entries},
    save_problem::written,
    store::{self, OutboxEntry, OutboxState, Submission},
};

pub fn topic_label(i18n: leptos_i18n::I18nContext<Locale>, topic: Topic) -> &'static str {
    match topic {
        Topic::WorkAndContracts => t_string!(i18n, topic.work_and_contracts),
        Topic::Internships => t_string!(i18n, topic.internships),
        Topic::TrainingAndSkills => t_string!(i18n, topic.training_and_skills),
        Topic::CvAndInterview => t_string!(i18n, topic.cv_and_interview),
        Topic::SelfEmployment => t_string!(i18n, topic.self_employment),
        Topic::VolunteeringAndCamps => t_string!(i18n, topic.volunteering_and_camps),
        Topic::Abroad => t_string!(i18n, topic.abroad),
        Topic::WorkAndFamily => t_string!(i18n, topic.work_and_family),
        Topic::Other => t_string!(i18n, topic.other),
    }
}

fn newest_first(answers: &mut [Answer]) {
    answers.sort_by(|a, b| b.answered_on.cmp(&a.answered_on).then(a.id.cmp(&b.id)));
}

#[component]
pub fn Expert() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, expert.title)}</h1>
        <p>{t!(i18n, expert.intro)}</p>
        <WithCatalog render=move |catalog| {
            let days = typical_answer_days(&catalog.answers);
            view! {
                <p class="meta" data-testid="typical-time">
                    {move || match days {
                        Some(0) | Some(1) => t_string!(i18n, expert.typical_day).to_owned(),
                        Some(n) => t_string!(i18n, expert.typical_days, n = n).to_string(),
                        None => t_string!(i18n, expert.typical_unknown).to_owned(),
                    }}
                </p>
            }
        }/>
        <AskForm/>
        <MyQuestions/>
        <FollowByCode/>
        <section aria-labelledby="risposte">
            <h2 id="risposte">{t!(i18n, expert.answers)}</h2>
            <WithCatalog render=move |catalog| {
                let mut answers = catalog.answers.clone();
                newest_first(&mut answers);
                if answers.is_empty() {
                    return view! { <p class="empty">{t!(i18n, expert.no_answers)}</p> }.into_any();
                }
                view! {
                    <ul class="cards" data-testid="answers">
                        {answers
                            .into_iter()
                            .map(|a| {
                                let topic = a.topic;
                                view! {
                                    <li class="card">
                                        <p class="kind">{move || topic_label(i18n, topic)}</p>
                                        <h3 class="card-title"><A href=format!("/esperto/{}", a.id)>{a.question.clone()}</A></h3>
                                        <p class="meta">{t!(i18n, expert.answered_by)} " " {a.answered_by.clone()}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }/>
        </section>
    }
}

/// The question form. Checked on the phone with the server's own rules; sent through the outbox.
#[component]
fn AskForm() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let topic = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let nickname = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let queued = RwSignal::new(false);
    let error_for = move |field: &'static str| {
        move || {
            errors.with(|e| e.for_field(field).map(|e| e.message.clone()))
                .map(|m| view! { <p class="field-error" id=format!("domanda-{field}-errore")>{m}</p> })
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
        let topic_value = topic.get_untracked().parse::<Topic>().ok();
        if topic_value.is_none() {
            found.push("topic", "required", "Scegli un argomento.");
        }
        let nick = nickname.get_untracked();
        let input = QuestionInput {
            id,
            topic: topic_value.unwrap_or(Topic::Other),
            text: text.get_untracked(),
            nickname: (!nick.trim().is_empty()).then_some(nick),
        };
        if let Err(more) = input.validate() {
            found.0.extend(more.0);
        }
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(ValidationErrors::default());
        spawn_local(async move {
            if outbox
                .enqueue(id.to_string(), Submission::Question(input), None)
                .await
            {
                text.set(String::new());
                nickname.set(String::new());
                topic.set(String::new());
                queued.set(true);
            }
        });
    };
    view! {
        <section aria-labelledby="chiedi">
            <h2 id="chiedi">{t!(i18n, expert.ask)}</h2>
            <p class="hint">{t!(i18n, expert.privacy)}</p>
            <form class="stack" on:submit=submit novalidate>
                <label for="domanda-topic">{t!(i18n, expert.topic)}</label>
                {error_for("topic")}
                <select
                    id="domanda-topic"
                    prop:value=move || topic.get()
                    on:change=move |ev| topic.set(event_target_value(&ev))
                    aria-invalid=move || errors.with(|e| e.for_field("topic").is_some()).then_some("true")
                >
                    <option value="">{t!(i18n, expert.choose_topic)}</option>
                    {Topic::VARIANTS.iter().copied()
                        .map(|t| view! { <option value={<&'static str>::from(t)}>{move || topic_label(i18n, t)}</option> })
                        .collect_view()}
                </select>
                <label for="domanda-text">{t!(i18n, expert.question)}</label>
                {error_for("text")}
                <textarea
                    id="domanda-text"
                    rows="6"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    aria-invalid=move || errors.with(|e| e.for_field("text").is_some()).then_some("true")
                ></textarea>
                <label for="domanda-nickname">{t!(i18n, expert.nickname)}</label>
                {error_for("nickname")}
                <input
                    id="domanda-nickname"
                    autocomplete="off"
                    prop:value=move || nickname.get()
                    on:input=move |ev| nickname.set(event_target_value(&ev))
                />
                <button type="submit" class="action">{t!(i18n, expert.send)}</button>
                <p role="status">{move || queued.get().then(|| t_string!(i18n, expert.queued_note))}</p>
            </form>
        </section>
    }
}

/// The questions asked from this phone, with where each stands.
#[component]
fn MyQuestions() -> impl IntoView {
    let i18n = use_i18n();
    // Read from the phone's store after the first render (a server-rendered page has none).
    let entries = use_outbox_entries(|e| e.question().is_some());
    view! {
        {move || {
            let entries = entries.get();
            (!entries.is_empty()).then(|| view! {
                <section aria-labelledby="le-tue-domande">
                    <h2 id="le-tue-domande">{t!(i18n, expert.mine)}</h2>
                    <ul class="cards" data-testid="my-questions">
                        {entries.into_iter().map(|entry| view! { <MyQuestion entry/> }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}

#[component]
fn MyQuestion(entry: OutboxEntry) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let text: String = entry
        .question()
        .map(|q| q.text.chars().take(140).collect())
        .unwrap_or_default();
    // A question waits for no sign-in: waiting is being queued.
    let (pending, refused) = (entry.is_pending(), entry.is_refused());
    let state = match entry.state {
        OutboxState::Queued { .. } | OutboxState::WaitingForSignIn { .. } => "queued",
        OutboxState::Sent { .. } => "sent",
        OutboxState::Refused { .. } => "refused",
    };
    let problem = entry.refusal_text().unwrap_or_default();
    let code = entry.question_receipt().map(|r| r.code.clone());
    let id = entry.id.clone();
    let forget = move |_| {
        let id = id.clone();
        spawn_local(async move {
            if let Some(store) = written(store::shared().await) {
                if written(store.outbox_delete(&id).await).is_some() {
                    outbox.revision.update(|r| *r += 1);
                }
            }
        });
    };
    view! {
        <li class="card" data-state=state>
            <p>{text}</p>
            <p class="status" role="status">
                {move || match (pending, refused) {
                    (true, _) => t_string!(i18n, expert.state_queued),
                    (_, true) => t_string!(i18n, expert.state_refused),
                    _ => t_string!(i18n, expert.state_sent),
                }}
            </p>
            {refused.then(|| view! { <p class="field-error">{problem.clone()}</p> })}
            {code.map(|code| view! {
                <p>{t!(i18n, expert.your_code)} " " <strong data-testid="question-code">{code.clone()}</strong></p>
                <StatusLookup code/>
            })}
            {(!pending).then(|| view! {
                <button type="button" class="link" on:click=forget.clone()>{t!(i18n, expert.forget)}</button>
            })}
        </li>
    }
}

/// Asks the server where a question stands (online only).
#[component]
fn StatusLookup(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let result = RwSignal::new(None::<Result<QuestionReceipt, ()>>);
    let check = move |_| {
        let code = code.clone();
        spawn_local(async move {
            result.set(Some(api::question(&code).await.map_err(|_| ())));
        });
    };
    view! {
        <button type="button" class="secondary" on:click=check>{t!(i18n, expert.check)}</button>
        <p role="status">
            {move || result.get().map(|r| match r {
                Ok(receipt) => {
                    let label = sito_core::question::QuestionStatus::label_it(receipt.status);
                    let link = receipt.answer_id.map(|id| view! { " · " <A href=format!("/esperto/{id}")>{t!(i18n, expert.read_answer)}</A> });
                    view! { <span data-testid="question-status">{label}</span> {link} }.into_any()
                }
                Err(()) => view! { <span>{t!(i18n, expert.check_failed)}</span> }.into_any(),
            })}
        </p>
    }
}

/// Follow a question asked elsewhere, by its code.
#[component]
fn FollowByCode() -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let code = RwSignal::new(None::<String>);
    let invalid = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let normalised = normalise_code(&typed.get_untracked());
        invalid.set(normalised.is_none());
        code.set(normalised);
    };
    view! {
        <section aria-labelledby="segui">
            <h2 id="segui">{t!(i18n, expert.follow)}</h2>
            <form class="search" on:submit=submit>
                <label for="codice" class="visually-hidden">{t!(i18n, expert.code_label)}</label>
                <input id="codice" placeholder="ESP-XXXX-XXXX" autocomplete="off" on:input=move |ev| typed.set(event_target_value(&ev)) prop:value=move || typed.get()/>
                <button type="submit">{t!(i18n, expert.follow_button)}</button>
            </form>
            {move || invalid.get().then(|| view! { <p class="field-error">{t!(i18n, expert.code_invalid)}</p> })}
            {move || code.get().map(|code| view! { <StatusLookup code/> })}
        </section>
    }
}

/// One published answer.
#[component]
pub fn ExpertAnswer() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    view! {
        <WithCatalog render=move |catalog| {
            move || {
                let id = params.with(|p| p.get("id").unwrap_or_default());
                let Some(a) = catalog.answers.iter().find(|a| a.id == id).cloned() else {
                    return view! {
                        <h1>{t!(i18n, expert.not_found)}</h1>
                        <p><A href="/esperto">{t!(i18n, expert.back)}</A></p>
                    }
                        .into_any();
                };
                let (asked, answered, topic) = (a.asked_on, a.answered_on, a.topic);
                view! {
                    <article class="detail">
                        <p class="kind">{move || topic_label(i18n, topic)}</p>
                        <h1>{a.question.clone()}</h1>
                        <p class="meta">
                            {a.nickname.clone().map(|n| format!("{n} · "))}
                            {t!(i18n, expert.asked_on)} " " {move || long_date(asked, i18n.get_locale())}
                        </p>
                        <h2>{t!(i18n, expert.answer)}</h2>
                        <div class="prose" lang="it" inner_html=a.answer_html.clone()></div>
                        <p class="meta">
                            {t!(i18n, expert.answered_by)} " " <strong>{a.answered_by.clone()}</strong>
                            " · " {move || long_date(answered, i18n.get_locale())}
                        </p>
                        <Provenance published_by=a.published_by.clone() updated_at=a.updated_at/>
                        <p><A href="/esperto">{t!(i18n, expert.back)}</A></p>
                    </article>
                }
                    .into_any()
            }
        }/>
    }
}
