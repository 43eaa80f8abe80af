use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use sito_core::{opportunity::sort_for_list, District};

use super::{home::district_slug, stored_opportunities, StoreProblem};
use crate::{components::OpportunityCard, dates::today};

/// Every opportunity on the device, nearest deadline first; `?territorio=` narrows to a district.
#[component]
pub fn OpportunityList() -> impl IntoView {
    let items = stored_opportunities();
    let query = use_query_map();
    let district = move || {
        query.with(|q| {
            q.get("territorio").and_then(|slug| {
                District::ALL
                    .into_iter()
                    .find(|d| district_slug(*d) == slug)
            })
        })
    };
    let today = today();
    view! {
        <h1>
            "Opportunità"
            {move || district().map(|d| format!(" a {}", d.label_it()))}
        </h1>
        <Suspense fallback=|| view! { <p class="loading">"Carico i dati salvati…"</p> }>
            {move || {
                items
                    .get()
                    .map(|result| match result {
                        Err(error) => view! { <StoreProblem error/> }.into_any(),
                        Ok(mut list) => {
                            if let Some(d) = district() {
                                list.retain(|o| o.district == d);
                            }
                            sort_for_list(&mut list, today);
                            let count = list.len();
                            view! {
                                <p class="count" role="status">
                                    {match count {
                                        0 => "Nessuna opportunità salvata sul dispositivo.".to_owned(),
                                        1 => "1 opportunità".to_owned(),
                                        n => format!("{n} opportunità"),
                                    }}
                                </p>
                                <ul class="cards" data-testid="opportunity-list">
                                    {list
                                        .into_iter()
                                        .map(|item| view! { <OpportunityCard item today/> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}
