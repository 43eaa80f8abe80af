use leptos::prelude::*;
use leptos_router::components::A;
use sito_core::{opportunity::sort_for_list, District};

use super::{stored_opportunities, StoreProblem};
use crate::{components::OpportunityCard, dates::today};

/// How many upcoming deadlines the home page shows.
const UPCOMING: usize = 5;

/// The home page: what is closing soon, and the ways in.
#[component]
pub fn Home() -> impl IntoView {
    let items = stored_opportunities();
    let today = today();
    view! {
        <section class="hero">
            <h1>"Opportunità per i giovani della provincia di Cremona"</h1>
            <p>
                "Lavoro, tirocini, volontariato, formazione, esperienze all'estero e bandi per i "
                "tuoi progetti, nei territori di Cremona, Crema e Casalmaggiore. "
                "Funziona anche senza connessione."
            </p>
        </section>
        <section aria-labelledby="scadenze">
            <h2 id="scadenze">"Scadenze in arrivo"</h2>
            <Suspense fallback=|| view! { <p class="loading">"Carico i dati salvati…"</p> }>
                {move || {
                    items
                        .get()
                        .map(|result| match result {
                            Err(error) => view! { <StoreProblem error/> }.into_any(),
                            Ok(mut list) => {
                                list.retain(|o| o.deadline.is_some_and(|d| d >= today));
                                sort_for_list(&mut list, today);
                                list.truncate(UPCOMING);
                                if list.is_empty() {
                                    view! {
                                        <p class="empty">
                                            "Nessuna scadenza in arrivo tra i dati salvati."
                                        </p>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <ul class="cards" data-testid="upcoming">
                                            {list
                                                .into_iter()
                                                .map(|item| view! { <OpportunityCard item today/> })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }
                            }
                        })
                }}
            </Suspense>
            <p>
                <A href="/opportunita" attr:class="button">"Tutte le opportunità"</A>
            </p>
        </section>
        <section aria-labelledby="territori">
            <h2 id="territori">"Nel tuo territorio"</h2>
            <ul class="chips">
                {[District::Cremona, District::Crema, District::Casalmaggiore]
                    .into_iter()
                    .map(|d| {
                        view! {
                            <li>
                                <A href=format!("/opportunita?territorio={}", district_slug(d))>
                                    {d.label_it()}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

pub(crate) fn district_slug(d: District) -> &'static str {
    match d {
        District::Cremona => "cremona",
        District::Crema => "crema",
        District::Casalmaggiore => "casalmaggiore",
        District::Province => "provincia",
        District::Italy => "italia",
        District::Abroad => "estero",
    }
}
