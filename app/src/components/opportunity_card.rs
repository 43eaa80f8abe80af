use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use sito_core::Opportunity;

use super::DeadlineBadge;
use crate::{i18n::*, labels};

/// One opportunity in a list: what, who, where and until when.
#[component]
pub fn OpportunityCard(
    /// The opportunity to show.
    item: Opportunity,
    /// The day it is on the device.
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/opportunita/{}", item.id);
    let kind = item.kind;
    let district = item.district;
    let place = item.place.clone();
    let place = move || {
        let d = labels::district(i18n, district);
        if place.is_empty() || place == d {
            d.to_owned()
        } else {
            format!("{place} · {d}")
        }
    };
    view! {
        <li class="card">
            <p class="kind">{move || labels::kind(i18n, kind)}</p>
            <h3>
                <A href=href>{item.title}</A>
            </h3>
            <p class="org">{item.organisation}</p>
            <p class="place">{place}</p>
            {item.deadline.map(|deadline| view! { <DeadlineBadge deadline today/> })}
        </li>
    }
}
