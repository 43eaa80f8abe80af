use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use sito_core::Opportunity;

use super::DeadlineBadge;

/// One opportunity in a list: what, who, where and until when.
#[component]
pub fn OpportunityCard(
    /// The opportunity to show.
    item: Opportunity,
    /// The day it is on the device.
    today: NaiveDate,
) -> impl IntoView {
    let href = format!("/opportunita/{}", item.id);
    let place = item.place_label();
    view! {
        <li class="card">
            <p class="kind">{item.kind.label_it()}</p>
            <h3>
                <A href=href>{item.title}</A>
            </h3>
            <p class="org">{item.organisation}</p>
            <p class="place">{place}</p>
            {item.deadline.map(|deadline| view! { <DeadlineBadge deadline today/> })}
        </li>
    }
}
