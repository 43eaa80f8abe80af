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

mod steps;
use crate::{components::save_file, dates::now_iso, i18n::*, save_problem::written, store};
use steps::{education, experiences, languages, personal, skills};

pub const STEPS: u8 = 8;

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

#[component]
pub fn CvEditor() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let cv: Draft = RwSignal::new(None);
    let missing = RwSignal::new(false);
    Effect::new(move |_| {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        spawn_local(async move {
            let found = match store::shared().await {
                Ok(store) => store
                    .cvs()
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .find(|c| c.id == id),
                Err(_) => None,
            };
            missing.set(found.is_none());
            cv.set(found);
        });
    });
    let step = Memo::new(move |_| {
        query
            .with(|q| q.get("passo").and_then(|s| s.parse::<u8>().ok()))
            .unwrap_or(1)
            .clamp(1, STEPS)
    });
    let loaded = Memo::new(move |_| cv.with(Option::is_some));
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let step_href = move |n: u8| format!("/cv/{}?passo={n}", id());

    view! {
        {move || missing.get().then(|| view! {
            <h1>{t!(i18n, cv.not_found)}</h1>
            <p><A href="/cv">{t!(i18n, cv.back)}</A></p>
        })}
        {move || loaded.get().then(|| view! {
            <p class="no-print"><A href="/cv">{t!(i18n, cv.back)}</A></p>
            <p class="kind no-print">{move || t_string!(i18n, cv.step_of, n = step.get(), total = STEPS).to_string()}</p>
            <h1 class="no-print">{move || step_title(i18n, step.get())}</h1>
            <p class="tip no-print">{move || step_tip(i18n, step.get())}</p>
            <form class="stack no-print" on:submit=|ev| ev.prevent_default()>
                {move || match step.get() {
                    1 => personal(cv).into_any(),
                    2 => area_field(cv, "cv-profile", t!(i18n, cv.profile), |c| &c.profile, |c| &mut c.profile).into_any(),
                    3 => experiences(cv, "work", |c| &c.work, |c| &mut c.work).into_any(),
                    4 => education(cv).into_any(),
                    5 => languages(cv).into_any(),
                    6 => skills(cv).into_any(),
                    7 => view! {
                        {experiences(cv, "volunteering", |c| &c.volunteering, |c| &mut c.volunteering)}
                        {area_field(cv, "cv-interests", t!(i18n, cv.interests), |c| &c.interests, |c| &mut c.interests)}
                    }.into_any(),
                    _ => ().into_any(),
                }}
            </form>
            {move || (step.get() == STEPS).then(|| review(cv))}
            <nav class="steps no-print" aria-label=move || t_string!(i18n, cv.steps_label)>
                {move || (step.get() > 1).then(|| view! { <A href=step_href(step.get() - 1) attr:class="action">{t!(i18n, cv.previous)}</A> })}
                {move || (step.get() < STEPS).then(|| view! { <A href=step_href(step.get() + 1) attr:class="action">{t!(i18n, cv.next)}</A> })}
            </nav>
        })}
    }
}

fn step_title(i18n: leptos_i18n::I18nContext<Locale>, step: u8) -> &'static str {
    match step {
        1 => t_string!(i18n, cv.step1),
        2 => t_string!(i18n, cv.step2),
        3 => t_string!(i18n, cv.step3),
        4 => t_string!(i18n, cv.step4),
        5 => t_string!(i18n, cv.step5),
        6 => t_string!(i18n, cv.step6),
        7 => t_string!(i18n, cv.step7),
        _ => t_string!(i18n, cv.step8),
    }
}

fn step_tip(i18n: leptos_i18n::I18nContext<Locale>, step: u8) -> &'static str {
    match step {
        1 => t_string!(i18n, cv.tip1),
        2 => t_string!(i18n, cv.tip2),
        3 => t_string!(i18n, cv.tip3),
        4 => t_string!(i18n, cv.tip4),
        5 => t_string!(i18n, cv.tip5),
        6 => t_string!(i18n, cv.tip6),
        7 => t_string!(i18n, cv.tip7),
        _ => t_string!(i18n, cv.tip8),
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
