//! Calls for youth-led projects (bandi, seed 002 §6: "progetti promossi e realizzati dagli
//! stessi giovani", such as Think Town): the list, open ones first, and one call in full with
//! the way into the proposal tool (its own wasm, so a full page load).

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::{
    call::{CallPhase, Eligible},
    Call,
};

use crate::{
    components::{Provenance, WithCatalog},
    dates::rome_date_time,
    i18n::*,
    labels,
};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

pub fn eligible_label(i18n: I18nContext<Locale>, eligible: Eligible) -> &'static str {
    match eligible {
        Eligible::Both => t_string!(i18n, calls.eligible_both),
        Eligible::Associations => t_string!(i18n, calls.eligible_associations),
        Eligible::InformalGroups => t_string!(i18n, calls.eligible_informal),
    }
}

/// "Aperto fino al …", "Apre il …" or "Chiuso il …", in Italian time.
fn phase_line(i18n: I18nContext<Locale>, call: &Call, phase: CallPhase) -> String {
    let locale = i18n.get_locale();
    match phase {
        CallPhase::Open => t_string!(
            i18n,
            calls.open_until,
            when = rome_date_time(call.closes_at, locale)
        )
        .to_string(),
        CallPhase::NotYetOpen => t_string!(
            i18n,
            calls.opens_on,
            when = rome_date_time(call.opens_at, locale)
        )
        .to_string(),
        CallPhase::Closed => t_string!(
            i18n,
            calls.closed_on,
            when = rome_date_time(call.closes_at, locale)
        )
        .to_string(),
    }
}

/// Open calls (closing soonest first), then upcoming (opening soonest first), then closed
/// (most recently closed first).
pub fn call_order(calls: &mut [Call], now: DateTime<Utc>) {
    let rank = |c: &Call| match c.phase(now) {
        CallPhase::Open => 0,
        CallPhase::NotYetOpen => 1,
        CallPhase::Closed => 2,
    };
    calls.sort_by(|a, b| {
        rank(a).cmp(&rank(b)).then_with(|| match a.phase(now) {
            CallPhase::Open => a.closes_at.cmp(&b.closes_at),
            CallPhase::NotYetOpen => a.opens_at.cmp(&b.opens_at),
            CallPhase::Closed => b.closes_at.cmp(&a.closes_at),
        })
    });
}

#[component]
pub fn CallList() -> impl IntoView {
    let i18n = use_i18n();
    let now = now();
    view! {
        <h1>{t!(i18n, calls.title)}</h1>
        <p>{t!(i18n, calls.intro)}</p>
        <p><a href="/proposte" rel="external">{t!(i18n, calls.my_proposals)}</a></p>
        <WithCatalog render=move |catalog| {
            let mut calls = catalog.calls.clone();
            call_order(&mut calls, now);
            if calls.is_empty() {
                return view! { <p class="empty">{t!(i18n, calls.none)}</p> }.into_any();
            }
            view! {
                <ul class="cards" data-testid="calls">
                    {calls.into_iter().map(|call| view! { <CallCard call now/> }).collect_view()}
                </ul>
            }
                .into_any()
        }/>
    }
}

#[component]
fn CallCard(call: Call, now: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let phase = call.phase(now);
    let ceiling = call.ceiling;
    let share = call.cofinancing_percent;
    let line = {
        let call = call.clone();
        move || phase_line(i18n, &call, phase)
    };
    view! {
        <li class="card" data-phase=format!("{phase:?}").to_lowercase()>
            <p class="kind">{move || eligible_label(i18n, call.eligible)}</p>
            <h2 class="card-title"><A href=format!("/bandi/{}", call.id)>{call.title.clone()}</A></h2>
            <p>{call.summary.clone()}</p>
            <p class=if phase == CallPhase::Open { "deadline urgent" } else { "deadline" }>{line}</p>
            <p class="meta">
                {t!(i18n, calls.ceiling)} ": " {ceiling.to_string()} " · "
                {t!(i18n, calls.cofinancing)} ": " {move || t_string!(i18n, calls.cofinancing_share, n = share).to_string()}
            </p>
        </li>
    }
}

/// One call in full.
#[component]
pub fn CallDetail() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let now = now();
    view! {
        <WithCatalog render=move |catalog| {
            move || {
                let id = params.with(|p| p.get("id").unwrap_or_default());
                let Some(call) = catalog.calls.iter().find(|c| c.id == id).cloned() else {
                    return view! {
                        <h1>{t!(i18n, calls.not_found)}</h1>
                        <p>{t!(i18n, calls.not_found_hint)}</p>
                        <p><A href="/bandi">{t!(i18n, calls.back)}</A></p>
                    }
                        .into_any();
                };
                view! { <CallFacts call now/> }.into_any()
            }
        }/>
    }
}

#[component]
fn CallFacts(call: Call, now: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let phase = call.phase(now);
    let locale = move || i18n.get_locale();
    let (min, max, share, eligible) = (
        call.age_min,
        call.age_max,
        call.cofinancing_percent,
        call.eligible,
    );
    let district = call.district;
    let (opens, closes) = (call.opens_at, call.closes_at);
    let line = {
        let call = call.clone();
        move || phase_line(i18n, &call, phase)
    };
    view! {
        <article class="detail">
            <p class="kind">{t!(i18n, calls.kind)}</p>
            <h1>{call.title.clone()}</h1>
            <p class="summary">{call.summary.clone()}</p>
            <p class=if phase == CallPhase::Open { "deadline urgent" } else { "deadline" }>{line}</p>
            {(phase != CallPhase::Closed).then(|| view! {
                <p class="actions">
                    <a class="button" rel="external" href=format!("/proposte/nuova?bando={}", call.id)>
                        {t!(i18n, calls.prepare)}
                    </a>
                </p>
            })}
            <dl class="facts">
                <dt>{t!(i18n, calls.who)}</dt>
                <dd>{move || eligible_label(i18n, eligible)}</dd>
                <dt>{t!(i18n, calls.ages)}</dt>
                <dd>{move || t_string!(i18n, calls.ages_range, min = min, max = max).to_string()}</dd>
                <dt>{t!(i18n, calls.district)}</dt>
                <dd>{move || district.map_or_else(|| t_string!(i18n, district.province), |d| labels::district(i18n, d))}</dd>
                <dt>{t!(i18n, calls.ceiling)}</dt>
                <dd>{call.ceiling.to_string()}</dd>
                <dt>{t!(i18n, calls.cofinancing)}</dt>
                <dd>{move || t_string!(i18n, calls.cofinancing_share, n = share).to_string()}</dd>
                <dt>{t!(i18n, calls.opens)}</dt>
                <dd>{move || rome_date_time(opens, locale())}</dd>
                <dt>{t!(i18n, calls.closes)}</dt>
                <dd>{move || rome_date_time(closes, locale())}</dd>
            </dl>
            <p class="hint">{t!(i18n, calls.italian_time)}</p>
            <div class="prose" lang="it" inner_html=call.description_html.clone()></div>
            <h2>{t!(i18n, calls.criteria)}</h2>
            <table class="grid">
                <thead><tr>
                    <th scope="col">{t!(i18n, calls.criterion)}</th>
                    <th scope="col">{t!(i18n, calls.weight)}</th>
                </tr></thead>
                <tbody lang="it">
                    {call.criteria.iter().map(|c| view! {
                        <tr><td>{c.name.clone()}</td><td class="num">{c.weight}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(!call.attachments.is_empty()).then(|| view! {
                <h2>{t!(i18n, calls.attachments)}</h2>
                <ul class="plain" lang="it">
                    {call.attachments.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}
                </ul>
            })}
            <Provenance published_by=call.published_by.clone() updated_at=call.updated_at/>
            <p><A href="/bandi">{t!(i18n, calls.back)}</A></p>
        </article>
    }
}
