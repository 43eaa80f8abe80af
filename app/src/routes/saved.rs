use leptos::prelude::*;
use leptos_router::components::A;
use sito_core::ContentKind;

use crate::{
    components::{OpportunityCard, WithCatalog},
    dates::today,
    i18n::*,
    saved::use_saved,
};

/// What the young person saved, and the deadlines among it that are coming.
#[component]
pub fn SavedItems() -> impl IntoView {
    let i18n = use_i18n();
    let saved = use_saved();
    let today = today();
    view! {
        <h1>{t!(i18n, saved.title)}</h1>
        <WithCatalog render=move |catalog| {
            move || {
                let items = saved.items.get();
                let opportunities: Vec<_> = items
                    .iter()
                    .filter(|s| s.kind == ContentKind::Opportunity)
                    .filter_map(|s| catalog.opportunities.iter().find(|o| o.id == s.id).cloned())
                    .collect();
                let guides: Vec<_> = items
                    .iter()
                    .filter(|s| s.kind == ContentKind::Guide)
                    .filter_map(|s| catalog.guides.iter().find(|g| g.id == s.id).cloned())
                    .collect();
                let upcoming = crate::routes::home::open_deadlines(&opportunities, today);
                if opportunities.is_empty() && guides.is_empty() {
                    return view! { <p class="empty">{t!(i18n, saved.empty)}</p> }.into_any();
                }
                view! {
                    <section aria-labelledby="saved-deadlines">
                        <h2 id="saved-deadlines">{t!(i18n, saved.deadlines)}</h2>
                        {if upcoming.is_empty() {
                            view! { <p class="empty">{t!(i18n, saved.no_deadlines)}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="agenda">
                                    {upcoming
                                        .into_iter()
                                        .map(|o| view! {
                                            <li>
                                                <A href=format!("/opportunita/{}", o.id)>{o.title.clone()}</A>
                                                {o.deadline.map(|deadline| view! { <crate::components::DeadlineBadge deadline today/> })}
                                            </li>
                                        })
                                        .collect_view()}
                                </ol>
                            }
                                .into_any()
                        }}
                    </section>
                    <section aria-labelledby="saved-opps">
                        <h2 id="saved-opps">{t!(i18n, saved.opportunities)}</h2>
                        <ul class="cards" data-testid="saved-list">
                            {opportunities
                                .into_iter()
                                .map(|item| view! { <OpportunityCard item today/> })
                                .collect_view()}
                        </ul>
                    </section>
                    {(!guides.is_empty()).then(|| view! {
                        <section aria-labelledby="saved-guides">
                            <h2 id="saved-guides">{t!(i18n, saved.guides)}</h2>
                            <ul class="plain">
                                {guides
                                    .into_iter()
                                    .map(|g| view! { <li><A href=format!("/guide/{}", g.id)>{g.title}</A></li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    })}
                }
                    .into_any()
            }
        }/>
    }
}
