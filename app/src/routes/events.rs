use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use sito_core::{api::paths, Opportunity, OpportunityKind};

use crate::{
    components::WithCatalog,
    dates::{long_date, month_year, today},
    i18n::*,
};

/// The events and work camps of the agenda, soonest first, that have not ended.
pub fn agenda(opportunities: &[Opportunity], today: NaiveDate) -> Vec<Opportunity> {
    let mut events: Vec<_> = opportunities
        .iter()
        .filter(|o| matches!(o.kind, OpportunityKind::Event | OpportunityKind::WorkCamp))
        .filter(|o| o.starts_on.is_some_and(|d| o.ends_on.unwrap_or(d) >= today))
        .cloned()
        .collect();
    events.sort_by(|a, b| {
        a.starts_on
            .cmp(&b.starts_on)
            .then_with(|| a.title.cmp(&b.title))
    });
    events
}

/// Events (job days, career days, open days) and work camps as a dated agenda, soonest first.
#[component]
pub fn Events() -> impl IntoView {
    let i18n = use_i18n();
    let today = today();
    view! {
        <h1>{t!(i18n, events.title)}</h1>
        <p><A href="/recruiting-day">{t!(i18n, recruiting.link)}</A></p>
        <WithCatalog render=move |catalog| {
            let events: Vec<_> = agenda(&catalog.opportunities, today)
                .into_iter()
                .filter_map(|o| o.starts_on.map(|d| (d, o)))
                .collect();
            if events.is_empty() {
                return view! { <p class="empty">{t!(i18n, events.empty)}</p> }.into_any();
            }
            let mut months: Vec<(chrono::NaiveDate, Vec<(chrono::NaiveDate, sito_core::Opportunity)>)> = Vec::new();
            for (day, o) in events {
                let month = day.with_day0(0).unwrap_or(day);
                match months.last_mut() {
                    Some((m, list)) if *m == month => list.push((day, o)),
                    _ => months.push((month, vec![(day, o)])),
                }
            }
            view! {
                <div data-testid="agenda">
                    {months
                        .into_iter()
                        .map(|(month, list)| view! {
                            <section>
                                <h2>{move || month_year(month, i18n.get_locale())}</h2>
                                <ol class="agenda">
                                    {list
                                        .into_iter()
                                        .map(|(day, o)| {
                                            let place = o.place_label();
                                            view! {
                                            <li>
                                                <time datetime=day.to_string()>{move || long_date(day, i18n.get_locale())}</time>
                                                " · "
                                                <A href=format!("/opportunita/{}", o.id)>{o.title.clone()}</A>
                                                <span class="meta">" · " {place}</span>
                                            </li>
                                        }})
                                        .collect_view()}
                                </ol>
                            </section>
                        })
                        .collect_view()}
                </div>
            }
                .into_any()
        }/>
        <p><a href=paths::feed("scadenze.ics")>{t!(i18n, events.subscribe)}</a></p>
    }
}
