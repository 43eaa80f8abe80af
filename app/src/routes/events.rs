use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;
use sito_core::OpportunityKind;

use crate::{
    components::WithCatalog,
    dates::{long_date, month_year, today},
    i18n::*,
};

/// Events (job days, career days, open days) and work camps as a dated agenda, soonest first.
#[component]
pub fn Events() -> impl IntoView {
    let i18n = use_i18n();
    let today = today();
    view! {
        <h1>{t!(i18n, events.title)}</h1>
        <WithCatalog render=move |catalog| {
            let mut events: Vec<_> = catalog
                .opportunities
                .iter()
                .filter(|o| matches!(o.kind, OpportunityKind::Event | OpportunityKind::WorkCamp))
                .filter_map(|o| o.starts_on.filter(|d| o.ends_on.unwrap_or(*d) >= today).map(|d| (d, o.clone())))
                .collect();
            events.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.title.cmp(&b.1.title)));
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
        <p><a href="/api/v1/feeds/scadenze.ics">{t!(i18n, events.subscribe)}</a></p>
    }
}
