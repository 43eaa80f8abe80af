use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::dates::format_it;

use super::StoreProblem;
use crate::{
    components::DeadlineBadge,
    dates::{local_date_time, today},
    store,
    sync::use_sync,
};

/// One opportunity in full, read from the device.
#[component]
pub fn OpportunityDetail() -> impl IntoView {
    let params = use_params_map();
    let sync = use_sync();
    let item = LocalResource::new(move || {
        sync.revision.track();
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { store::shared().await?.opportunity(&id).await }
    });
    let today = today();
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Carico i dati salvati…"</p> }>
            {move || {
                item.get()
                    .map(|result| match result {
                        Err(error) => view! { <StoreProblem error/> }.into_any(),
                        Ok(None) => view! {
                            <h1>"Opportunità non trovata"</h1>
                            <p>
                                "Potrebbe essere stata ritirata, oppure non è ancora arrivata su "
                                "questo dispositivo."
                            </p>
                            <p><A href="/opportunita">"Torna alle opportunità"</A></p>
                        }
                            .into_any(),
                        Ok(Some(o)) => {
                            let ages = match (o.age_min, o.age_max) {
                                (Some(a), Some(b)) => Some(format!("Da {a} a {b} anni")),
                                (Some(a), None) => Some(format!("Dai {a} anni")),
                                (None, Some(b)) => Some(format!("Fino a {b} anni")),
                                (None, None) => None,
                            };
                            let dates = match (o.starts_on, o.ends_on) {
                                (Some(s), Some(e)) if s == e => Some(format_it(s)),
                                (Some(s), Some(e)) => {
                                    Some(format!("Dal {} al {}", format_it(s), format_it(e)))
                                }
                                (Some(s), None) => Some(format!("Dal {}", format_it(s))),
                                (None, Some(e)) => Some(format!("Fino al {}", format_it(e))),
                                (None, None) => None,
                            };
                            view! {
                                <article class="detail">
                                    <p class="kind">{o.kind.label_it()}</p>
                                    <h1>{o.title.clone()}</h1>
                                    <p class="org">{o.organisation.clone()}</p>
                                    {o.deadline.map(|deadline| view! { <DeadlineBadge deadline today/> })}
                                    <p class="summary">{o.summary.clone()}</p>
                                    <dl class="facts">
                                        <dt>"Dove"</dt>
                                        <dd>{o.place_label()}</dd>
                                        {ages.map(|a| view! { <dt>"Età"</dt><dd>{a}</dd> })}
                                        {dates.map(|d| view! { <dt>"Quando"</dt><dd>{d}</dd> })}
                                    </dl>
                                    <div class="prose" inner_html=o.description_html.clone()></div>
                                    <h2>"Come candidarsi"</h2>
                                    <p class="apply">{o.how_to_apply.clone()}</p>
                                    {o.source_url.clone().map(|url| view! {
                                        <p>
                                            <a href=url rel="noopener noreferrer" target="_blank">
                                                "Vai alla fonte dell'annuncio"
                                            </a>
                                        </p>
                                    })}
                                    <p class="provenance">
                                        "Pubblicato da " {o.published_by.clone()}
                                        " · aggiornato il " {local_date_time(&o.updated_at)}
                                    </p>
                                </article>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}
