//! The CV, one step at a time (`/cv/{id}?passo=1…8`). Every change is saved on the device at
//! once; the last step checks it, shows the printable sheet and exports it.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use sito_core::cv::{move_item, to_json_resume, Cefr, Cv, Education, Experience, LanguageSkill};
use sito_core::validation::{FieldPath, Segment};

use super::sheet::CvSheet;

mod list;
mod self_assessment;
mod step;
mod steps;
use crate::{
    components::save_file, dates::now_iso, i18n::*, routes::StepOrder, save_problem::written, store,
};
use list::ListEditor;
use step::Step;
use steps::{education, experiences, languages, personal, skills};

/// The CV being edited: `None` until loaded from the device.
type Draft = RwSignal<Option<Cv>>;

/// Applies a change and saves the CV on the device.
fn edit(cv: Draft, change: impl FnOnce(&mut Cv)) {
    cv.update(|c| {
        if let Some(c) = c {
            change(c);
            c.updated_at = now_iso();
        }
    });
    if let Some(snapshot) = cv.get_untracked() {
        spawn_local(async move {
            if let Some(store) = written(store::shared().await) {
                written(store.put_cv(&snapshot).await);
            }
        });
    }
}

fn read(cv: Draft, get: impl Fn(&Cv) -> String) -> impl Fn() -> String {
    move || cv.with(|c| c.as_ref().map(&get).unwrap_or_default())
}

/// A labelled text input bound to one field of the CV.
fn text_field(
    cv: Draft,
    id: &'static str,
    label: impl IntoView + 'static,
    kind: &'static str,
    autocomplete: &'static str,
    get: fn(&Cv) -> &String,
    set: fn(&mut Cv) -> &mut String,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            type=kind
            autocomplete=autocomplete
            prop:value=read(cv, move |c| get(c).clone())
            on:input=move |ev| {
                let value = event_target_value(&ev);
                edit(cv, |c| *set(c) = value);
            }
        />
    }
}

fn area_field(
    cv: Draft,
    id: &'static str,
    label: impl IntoView + 'static,
    get: fn(&Cv) -> &String,
    set: fn(&mut Cv) -> &mut String,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <textarea
            id=id
            rows="5"
            prop:value=read(cv, move |c| get(c).clone())
            on:input=move |ev| {
                let value = event_target_value(&ev);
                edit(cv, |c| *set(c) = value);
            }
        ></textarea>
    }
}

/// A list of words, one per line (or comma-separated), bound to a `Vec<String>`.
fn list_field(
    cv: Draft,
    id: &'static str,
    label: impl IntoView + 'static,
    get: fn(&Cv) -> &Vec<String>,
    set: fn(&mut Cv) -> &mut Vec<String>,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <textarea
            id=id
            rows="3"
            prop:value=read(cv, move |c| get(c).join("\n"))
            on:change=move |ev| {
                let value = event_target_value(&ev);
                let items = value
                    .split(['\n', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                edit(cv, |c| *set(c) = items);
            }
        ></textarea>
    }
}

/// The CV `id` as the device has it; `None` when it has none (or could not be read).
async fn load_cv(id: String) -> Option<Cv> {
    let store = store::shared().await.ok()?;
    store
        .cvs()
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|c| c.id == id)
}

#[component]
pub fn CvEditor() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // Keyed on the id: a CV still being read for a page already left never shows on the next.
    let found = LocalResource::new(move || load_cv(id.get()));
    view! {
        <Suspense fallback=|| ()>
            {move || found.get().map(|found| match found {
                None => view! {
                    <h1>{t!(i18n, cv.not_found)}</h1>
                    <p><A href="/cv">{t!(i18n, cv.back)}</A></p>
                }.into_any(),
                Some(found) => view! { <Editing found/> }.into_any(),
            })}
        </Suspense>
    }
}

/// The editor of one CV read from the device.
#[component]
fn Editing(found: Cv) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let id = found.id.clone();
    let cv: Draft = RwSignal::new(Some(found));
    let step = Memo::new(move |_| {
        query
            .with(|q| q.get("passo").and_then(|s| Step::parse(&s)))
            .unwrap_or(Step::FIRST)
    });
    let step_href = move |s: Step| s.href(&id);
    let step_href = StoredValue::new(step_href);

    view! {
        <p class="no-print"><A href="/cv">{t!(i18n, cv.back)}</A></p>
        <p class="kind no-print">{move || t_string!(i18n, cv.step_of, n = step.get().number(), total = Step::LAST.number()).to_string()}</p>
        <h1 class="no-print">{move || step.get().title(i18n)}</h1>
        <p class="tip no-print">{move || step.get().tip(i18n)}</p>
        <form class="stack no-print" on:submit=|ev| ev.prevent_default()>
            {move || match step.get() {
                Step::Personal => personal(cv).into_any(),
                Step::Profile => area_field(cv, "cv-profile", t!(i18n, cv.profile), |c| &c.profile, |c| &mut c.profile).into_any(),
                Step::Work => experiences(cv, "work", |c| &c.work, |c| &mut c.work).into_any(),
                Step::Education => education(cv).into_any(),
                Step::Languages => languages(cv).into_any(),
                Step::Skills => skills(cv).into_any(),
                Step::Volunteering => view! {
                    {experiences(cv, "volunteering", |c| &c.volunteering, |c| &mut c.volunteering)}
                    {area_field(cv, "cv-interests", t!(i18n, cv.interests), |c| &c.interests, |c| &mut c.interests)}
                }.into_any(),
                Step::Review => ().into_any(),
            }}
        </form>
        {move || (step.get() == Step::Review).then(|| review(cv))}
        <nav class="steps no-print" aria-label=move || t_string!(i18n, cv.steps_label)>
            {move || step.get().previous().map(|s| view! { <A href=step_href.with_value(|h| h(s)) attr:class="action">{t!(i18n, cv.previous)}</A> })}
            {move || step.get().next().map(|s| view! { <A href=step_href.with_value(|h| h(s)) attr:class="action">{t!(i18n, cv.next)}</A> })}
        </nav>
    }
}

/// The last step: what to fix, the printable sheet, print and export.
fn review(cv: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let export = move |_| {
        if let Some(c) = cv.get_untracked() {
            if let Ok(json) = serde_json::to_string_pretty(&to_json_resume(&c)) {
                let name = format!("cv-{}.json", c.full_name().replace(' ', "-").to_lowercase());
                let _ = save_file(&name, "application/json", &json);
            }
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let remove = move |_| {
        let navigate = leptos_router::hooks::use_navigate();
        if let Some(c) = cv.get_untracked() {
            spawn_local(async move {
                if let Some(store) = written(store::shared().await) {
                    written(store.delete_cv(&c.id).await);
                }
                navigate("/cv", Default::default());
            });
        }
    };
    view! {
        {move || cv.with(|c| c.as_ref().and_then(|c| c.validate().err())).map(|errors| view! {
            <div class="notice error no-print" role="alert">
                <p>{t!(i18n, cv.fix_first)}</p>
                <ul>{errors.0.into_iter().map(|e| view! { <li>{field_label(i18n, &e.field)} ": " {e.message}</li> }).collect_view()}</ul>
            </div>
        })}
        <div class="actions no-print">
            <button type="button" class="action" on:click=print>{t!(i18n, cv.print)}</button>
            <button type="button" class="action" on:click=export>{t!(i18n, cv.export)}</button>
            <button type="button" class="secondary" on:click=remove>{t!(i18n, cv.delete_cv)}</button>
        </div>
        {move || cv.get().map(|c| view! { <CvSheet cv=c/> })}
    }
}

/// Where a validation error points, in words.
fn field_label(i18n: leptos_i18n::I18nContext<Locale>, field: &FieldPath) -> String {
    let section = match field.head().unwrap_or_default() {
        "personal" => t_string!(i18n, cv.step1),
        "work" => t_string!(i18n, cv.step3),
        "education" => t_string!(i18n, cv.step4),
        "volunteering" => t_string!(i18n, cv.step7),
        _ => t_string!(i18n, cv.step2),
    };
    match field.segments().get(1) {
        Some(Segment::Index(n)) => format!("{section} {}", n + 1),
        _ => section.to_owned(),
    }
}
