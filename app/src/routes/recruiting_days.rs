//! Recruiting days (seed 003, the Rete per il Lavoro): days where companies meet young people.
//! The list shows the days to come first, soonest first, then the past ones; a day's page has
//! its time in Italian time, its place, the companies attending with their open roles and
//! positions, the organiser, and the day for the calendar (`.ics`, made on the phone). Only
//! the whole portal carries these pages (`rare::<ALL>`), and the days do not travel in the
//! catalog's seed that the everyday pages' wasm reads: a rendered page carries its own
//! (`#sito-recruiting-days`), as the labs pages do.

mod detail;

use leptos::{prelude::*, task::spawn_local};
use leptos_i18n::I18nContext;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};
use sito_core::recruiting::{order, RecruitingDay};

pub use detail::RecruitingDayDetail;

use crate::{
    dates::{now, rome_date_time, rome_time},
    i18n::*,
    store,
    sync::use_sync,
};

/// The id of the script element that carries the days a page was rendered from.
pub const RECRUITING_DAYS_ELEMENT: &str = "sito-recruiting-days";

/// The days a page is rendered from: the worker provides them as context and writes them into
/// the HTML; the browser reads them from there to hydrate the same nodes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RecruitingDaysSeed(pub Vec<RecruitingDay>);

/// The days the page came with: the worker's context, or the page's `#sito-recruiting-days`.
fn seeded() -> Vec<RecruitingDay> {
    if let Some(seed) = use_context::<RecruitingDaysSeed>() {
        return seed.0;
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .get_element_by_id(RECRUITING_DAYS_ELEMENT)
            .and_then(|e| e.text_content())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }
    #[cfg(feature = "ssr")]
    Vec::new()
}

/// The days to show: those the page came with, then the phone's own once it has synced, read
/// again after every sync (so a visited page reads offline).
fn use_recruiting_days() -> RwSignal<Vec<RecruitingDay>> {
    let days = RwSignal::new(seeded());
    let sync = use_sync();
    Effect::new(move |_| {
        sync.revision.track();
        spawn_local(async move {
            let Ok(store) = store::shared().await else {
                return;
            };
            if matches!(store.synced_at().await, Ok(Some(_))) {
                if let Ok(stored) = store.recruiting_days().await {
                    days.set(stored);
                }
            }
        });
    });
    days
}

/// "18 marzo 2027 alle ore 09:00 – 13:00", in Italian time.
fn when_line(i18n: I18nContext<Locale>, day: &RecruitingDay) -> String {
    format!(
        "{} – {}",
        rome_date_time(day.starts_at, i18n.get_locale()),
        rome_time(day.ends_at)
    )
}

/// "3 aziende · 9 posti".
fn size_line(i18n: I18nContext<Locale>, day: &RecruitingDay) -> String {
    let companies = day.companies.len();
    let positions = day.positions();
    let companies = if companies == 1 {
        t_string!(i18n, recruiting.one_company).to_owned()
    } else {
        t_string!(i18n, recruiting.companies_n, n = companies).to_string()
    };
    let positions = if positions == 1 {
        t_string!(i18n, recruiting.one_position).to_owned()
    } else {
        t_string!(i18n, recruiting.positions_n, n = positions).to_string()
    };
    format!("{companies} · {positions}")
}

#[component]
pub fn RecruitingDayList() -> impl IntoView {
    let i18n = use_i18n();
    let days = use_recruiting_days();
    let now = now();
    view! {
        <h1>{t!(i18n, recruiting.title)}</h1>
        <p>{t!(i18n, recruiting.intro)}</p>
        {move || {
            let mut list = days.get();
            order(&mut list, now);
            if list.is_empty() {
                return view! { <p class="empty">{t!(i18n, recruiting.none)}</p> }.into_any();
            }
            view! {
                <ul class="cards" data-testid="recruiting-days">
                    {list.into_iter().map(|day| view! { <DayCard day now/> }).collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}

#[component]
fn DayCard(day: RecruitingDay, now: chrono::DateTime<chrono::Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let past = day.is_past(now);
    let (when, size) = {
        let (a, b) = (day.clone(), day.clone());
        (move || when_line(i18n, &a), move || size_line(i18n, &b))
    };
    view! {
        <li class="card" data-past=past.then_some("true")>
            <p class="kind">{t!(i18n, recruiting.kind)}</p>
            <h2 class="card-title"><A href=format!("/recruiting-day/{}", day.id)>{day.title.clone()}</A></h2>
            <p class=if past { "deadline" } else { "deadline urgent" }>{when}</p>
            <p class="meta" lang="it">{day.place.clone()}</p>
            <p data-testid="size">{size}</p>
            {past.then(|| view! { <p class="meta">{t!(i18n, recruiting.past)}</p> })}
        </li>
    }
}
