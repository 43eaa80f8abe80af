//! Labs and seminars with places (seed 002 §5.1 "Laboratori professional skills", §6.2 the
//! seminars for associations): the list, open ones first with the places left ("Restano 4
//! posti", "Completo: lista d'attesa"), and one lab in full with its sessions, its calendar and
//! the sign-up form, which goes through the outbox; opening either asks the server again where
//! this phone's sign-ups stand (`lookup`). Only the whole portal carries these pages
//! (`rare::<ALL>`), and the labs do not travel in the catalog's seed that the everyday pages'
//! wasm reads: a rendered labs page carries its own (`#sito-labs`).

mod detail;
mod lookup;
mod signup;

use chrono::{DateTime, Utc};
use leptos::{prelude::*, task::spawn_local};
use leptos_i18n::I18nContext;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};
use sito_core::lab::{Lab, LabFormat, LabPhase};

pub use detail::LabDetail;

use crate::{dates::rome_date_time, i18n::*, store, sync::use_sync};

/// The id of the script element that carries the labs a page was rendered from.
pub const LABS_ELEMENT: &str = "sito-labs";

/// The labs a page is rendered from: the worker provides them as context and writes them into
/// the HTML; the browser reads them from there to hydrate the same nodes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LabsSeed(pub Vec<Lab>);

pub(crate) fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The labs the page came with: the worker's context, or the page's `#sito-labs`.
fn seeded() -> Vec<Lab> {
    if let Some(seed) = use_context::<LabsSeed>() {
        return seed.0;
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .get_element_by_id(LABS_ELEMENT)
            .and_then(|e| e.text_content())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }
    #[cfg(feature = "ssr")]
    Vec::new()
}

/// The labs to show: those the page came with, then the phone's own once it has synced, read
/// again after every sync.
pub(crate) fn use_labs() -> RwSignal<Vec<Lab>> {
    let labs = RwSignal::new(seeded());
    let sync = use_sync();
    Effect::new(move |_| {
        sync.revision.track();
        spawn_local(async move {
            let Ok(store) = store::shared().await else {
                return;
            };
            if matches!(store.synced_at().await, Ok(Some(_))) {
                if let Ok(stored) = store.labs().await {
                    labs.set(stored);
                }
            }
        });
    });
    labs
}

/// Open labs first (closing soonest), then those opening later, then closed and cancelled
/// ones (most recent first).
pub(crate) fn lab_order(labs: &mut [Lab], now: DateTime<Utc>) {
    let rank = |l: &Lab| match l.phase(now) {
        LabPhase::Open => 0,
        LabPhase::NotYetOpen => 1,
        LabPhase::Closed => 2,
        LabPhase::Cancelled => 3,
    };
    labs.sort_by(|a, b| {
        rank(a).cmp(&rank(b)).then_with(|| match a.phase(now) {
            LabPhase::Open => a.signup_closes_at.cmp(&b.signup_closes_at),
            LabPhase::NotYetOpen => a.signup_opens_at.cmp(&b.signup_opens_at),
            _ => b.signup_closes_at.cmp(&a.signup_closes_at),
        })
    });
}

pub(crate) fn format_label(i18n: I18nContext<Locale>, format: LabFormat) -> &'static str {
    match format {
        LabFormat::Lab => t_string!(i18n, labs.lab),
        LabFormat::Seminar => t_string!(i18n, labs.seminar),
    }
}

/// "Restano 4 posti", "Completo: lista d'attesa" or "Annullato".
pub(crate) fn places_line(i18n: I18nContext<Locale>, lab: &Lab, phase: LabPhase) -> String {
    match (phase, lab.remaining()) {
        (LabPhase::Cancelled, _) => t_string!(i18n, labs.cancelled).to_owned(),
        (LabPhase::Closed, 0) => t_string!(i18n, labs.full_closed).to_owned(),
        (_, 0) => t_string!(i18n, labs.full).to_owned(),
        (_, 1) => t_string!(i18n, labs.remaining_one).to_owned(),
        (_, n) => t_string!(i18n, labs.remaining, n = n).to_string(),
    }
}

/// When sign-ups open or close, in Italian time.
pub(crate) fn window_line(i18n: I18nContext<Locale>, lab: &Lab, phase: LabPhase) -> String {
    let locale = i18n.get_locale();
    match phase {
        LabPhase::Open => t_string!(
            i18n,
            labs.open_until,
            when = rome_date_time(lab.signup_closes_at, locale)
        )
        .to_string(),
        LabPhase::NotYetOpen => t_string!(
            i18n,
            labs.opens_on,
            when = rome_date_time(lab.signup_opens_at, locale)
        )
        .to_string(),
        LabPhase::Closed | LabPhase::Cancelled => t_string!(i18n, labs.closed).to_owned(),
    }
}

#[component]
pub fn LabList() -> impl IntoView {
    let i18n = use_i18n();
    let labs = use_labs();
    lookup::use_signup_lookup();
    let now = now();
    view! {
        <h1>{t!(i18n, labs.title)}</h1>
        <p>{t!(i18n, labs.intro)}</p>
        {move || {
            let mut list = labs.get();
            lab_order(&mut list, now);
            if list.is_empty() {
                return view! { <p class="empty">{t!(i18n, labs.none)}</p> }.into_any();
            }
            view! {
                <ul class="cards" data-testid="labs">
                    {list.into_iter().map(|lab| view! { <LabCard lab now/> }).collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}

#[component]
fn LabCard(lab: Lab, now: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let phase = lab.phase(now);
    let format = lab.format;
    let first = lab.first_start();
    let (places, window) = {
        let (a, b) = (lab.clone(), lab.clone());
        (
            move || places_line(i18n, &a, phase),
            move || window_line(i18n, &b, phase),
        )
    };
    view! {
        <li class="card" data-phase=format!("{phase:?}").to_lowercase()>
            <p class="kind">{move || format_label(i18n, format)}</p>
            <h2 class="card-title"><A href=format!("/laboratori/{}", lab.id)>{lab.title.clone()}</A></h2>
            <p>{lab.summary.clone()}</p>
            <p class="places" data-testid="places">{places}</p>
            <p class=if phase == LabPhase::Open { "deadline urgent" } else { "deadline" }>{window}</p>
            {first.map(|at| view! {
                <p class="meta">{t!(i18n, labs.first_session)} ": " {move || rome_date_time(at, i18n.get_locale())}</p>
            })}
        </li>
    }
}
