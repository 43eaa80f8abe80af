//! One lab in full: who it is for, its places, every session in Italian time with its place or
//! link, all the sessions for the calendar (`.ics`, made on the phone), and the sign-up.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::lab::{Audience, Lab, LabPhase};

use super::{
    format_label, now, places_line,
    signup::{Draft, SignUp},
    use_labs, window_line,
};
use crate::{components::Provenance, dates::rome_date_time, i18n::*};

#[component]
pub fn LabDetail() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let labs = use_labs();
    super::lookup::use_signup_lookup();
    let draft = Draft::new();
    // Rendered again only when this lab itself changes, not at every sync.
    let lab = Memo::new(move |_| {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        labs.with(|all| all.iter().find(|l| l.id == id).cloned())
    });
    view! {
        {move || {
            match lab.get() {
                Some(lab) => view! { <LabFacts lab draft/> }.into_any(),
                None => view! {
                    <h1>{t!(i18n, labs.not_found)}</h1>
                    <p><A href="/laboratori">{t!(i18n, labs.back)}</A></p>
                }
                    .into_any(),
            }
        }}
    }
}

#[component]
fn LabFacts(lab: Lab, draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let phase = lab.phase(now());
    let locale = move || i18n.get_locale();
    let (format, audience) = (lab.format, lab.audience);
    let (min, max) = (lab.min_places, lab.max_places);
    let (ages, districts) = (lab.ages_label(), lab.districts_label());
    let (places, window_text) = {
        let (a, b) = (lab.clone(), lab.clone());
        (
            move || places_line(i18n, &a, phase),
            move || window_line(i18n, &b, phase),
        )
    };
    let for_calendar = lab.clone();
    let add_to_calendar = move |_| {
        let origin = window().location().origin().unwrap_or_default();
        let ics = sito_core::lab::calendar::calendar(&for_calendar, &origin);
        let _ = crate::components::save_file(
            &format!("{}.ics", for_calendar.id),
            "text/calendar",
            &ics,
        );
    };
    let modules = lab.modules.clone();
    view! {
        <article class="detail">
            <p class="kind">{move || format_label(i18n, format)}</p>
            <h1>{lab.title.clone()}</h1>
            <p class="summary">{lab.summary.clone()}</p>
            <p class="places" data-testid="places"><strong>{places}</strong></p>
            <p class=if phase == LabPhase::Open { "deadline urgent" } else { "deadline" }>{window_text}</p>
            <dl class="facts">
                <dt>{t!(i18n, labs.for_whom)}</dt>
                <dd>{move || match audience {
                    Audience::YoungPeople => t_string!(i18n, labs.young_people),
                    Audience::Associations => t_string!(i18n, labs.associations),
                }}</dd>
                <dt>{t!(i18n, labs.ages)}</dt>
                <dd>{ages}</dd>
                <dt>{t!(i18n, labs.districts)}</dt>
                <dd lang="it">{districts}</dd>
                <dt>{t!(i18n, labs.places)}</dt>
                <dd>{move || t_string!(i18n, labs.places_range, max = max, min = min).to_string()}</dd>
                <dt>{t!(i18n, labs.organiser)}</dt>
                <dd lang="it">{lab.organiser.clone()}</dd>
            </dl>
            <div class="prose" lang="it" inner_html=lab.description_html.clone()></div>
            <h2>{t!(i18n, labs.sessions)}</h2>
            <p class="hint">{t!(i18n, labs.italian_time)}</p>
            {modules.into_iter().map(|module| view! {
                <h3 lang="it">{module.title.clone()}</h3>
                <ul class="plain sessions">
                    {module.sessions.into_iter().map(|s| {
                        let (start, end) = (s.starts_at, s.ends_at);
                        let online = s.is_online();
                        let place = s.place.clone();
                        view! {
                            <li>
                                <span>{move || rome_date_time(start, locale())} " – " {crate::dates::rome_time(end)}</span>
                                " · "
                                {if online {
                                    view! { <a href=place.clone() rel="external noopener">{t!(i18n, labs.online)}</a> }.into_any()
                                } else {
                                    view! { <span lang="it">{place.clone()}</span> }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }).collect_view()}
            <p class="actions">
                <button type="button" class="action" on:click=add_to_calendar>{t!(i18n, labs.calendar)}</button>
            </p>
            <SignUp lab=lab.clone() phase draft/>
            <Provenance published_by=lab.published_by.clone() updated_at=lab.updated_at/>
            <p><A href="/laboratori">{t!(i18n, labs.back)}</A></p>
        </article>
    }
}
