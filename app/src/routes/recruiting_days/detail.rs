//! One recruiting day in full: when (Italian time) and where, for whom, the companies with
//! their open roles and positions, the interview times the operators invite candidates to,
//! the organiser, and the day for the calendar.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::recruiting::{Company, RecruitingDay};

use super::{use_recruiting_days, when_line};
use crate::{components::Provenance, dates::rome_time, i18n::*};

#[component]
pub fn RecruitingDayDetail() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let days = use_recruiting_days();
    view! {
        {move || {
            let id = params.with(|p| p.get("id").unwrap_or_default());
            match days.with(|all| all.iter().find(|d| d.id == id).cloned()) {
                Some(day) => view! { <DayFacts day/> }.into_any(),
                None => view! {
                    <h1>{t!(i18n, recruiting.not_found)}</h1>
                    <p><A href="/recruiting-day">{t!(i18n, recruiting.back)}</A></p>
                }
                    .into_any(),
            }
        }}
    }
}

#[component]
fn DayFacts(day: RecruitingDay) -> impl IntoView {
    let i18n = use_i18n();
    let when = {
        let d = day.clone();
        move || when_line(i18n, &d)
    };
    let ages = day.ages_label();
    let district = day.district.label_it();
    let slots = match (day.slots.first(), day.slots.last()) {
        (Some(first), Some(last)) => Some((day.slots.len(), rome_time(*first), rome_time(*last))),
        _ => None,
    };
    let for_calendar = day.clone();
    let add_to_calendar = move |_| {
        let origin = window().location().origin().unwrap_or_default();
        let ics = sito_core::recruiting::calendar::calendar(&for_calendar, &origin);
        let _ = crate::components::save_file(
            &format!("{}.ics", for_calendar.id),
            "text/calendar",
            &ics,
        );
    };
    view! {
        <article class="detail">
            <p class="kind">{t!(i18n, recruiting.kind)}</p>
            <h1>{day.title.clone()}</h1>
            <p class="summary">{day.summary.clone()}</p>
            <p class="deadline urgent" data-testid="when"><strong>{when}</strong></p>
            <p class="hint">{t!(i18n, recruiting.italian_time)}</p>
            <dl class="facts">
                <dt>{t!(i18n, recruiting.place)}</dt>
                <dd lang="it" data-testid="place">{day.place.clone()}</dd>
                <dt>{t!(i18n, recruiting.district)}</dt>
                <dd lang="it">{district}</dd>
                {ages.map(|ages| view! {
                    <dt>{t!(i18n, recruiting.ages)}</dt>
                    <dd>{ages}</dd>
                })}
                <dt>{t!(i18n, recruiting.organiser)}</dt>
                <dd lang="it">{day.organiser.clone()}</dd>
            </dl>
            <div class="prose" lang="it" inner_html=day.description_html.clone()></div>
            <h2>{t!(i18n, recruiting.companies)}</h2>
            <ul class="plain companies" data-testid="companies">
                {day.companies.clone().into_iter().map(|company| view! { <CompanyRoles company/> }).collect_view()}
            </ul>
            {slots.map(|(n, first, last)| view! {
                <p data-testid="slots">{move || t_string!(i18n, recruiting.slots, n = n, first = first.clone(), last = last.clone()).to_string()}</p>
            })}
            <p class="actions">
                <button type="button" class="action" on:click=add_to_calendar>{t!(i18n, recruiting.calendar)}</button>
            </p>
            <Provenance published_by=day.published_by.clone() updated_at=day.updated_at/>
            <p><A href="/recruiting-day">{t!(i18n, recruiting.back)}</A></p>
        </article>
    }
}

#[component]
fn CompanyRoles(company: Company) -> impl IntoView {
    let i18n = use_i18n();
    let sector = company.sector;
    view! {
        <li class="company">
            <h3 lang="it">{company.name.clone()}</h3>
            {sector.map(|s| view! {
                <p class="meta">{move || if i18n.get_locale() == Locale::en { s.label_en() } else { s.label_it() }}</p>
            })}
            <ul class="roles">
                {company.roles.into_iter().map(|role| {
                    let positions = role.positions;
                    let description = (!role.description.is_empty()).then(|| role.description.clone());
                    view! {
                        <li>
                            <span lang="it">{role.title.clone()}</span>
                            " · "
                            <strong>{move || if positions == 1 {
                                t_string!(i18n, recruiting.one_position).to_owned()
                            } else {
                                t_string!(i18n, recruiting.positions_n, n = positions).to_string()
                            }}</strong>
                            {description.map(|d| view! { <p class="meta" lang="it">{d}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
