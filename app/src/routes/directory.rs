use leptos::prelude::*;
use sito_core::{District, Organisation};

use crate::{components::WithCatalog, i18n::*, labels};

/// The directory of the local job network, searchable offline, with tap-to-call and a map link.
#[component]
pub fn Directory() -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let district = RwSignal::new(None::<District>);
    view! {
        <h1>{t!(i18n, directory.title)}</h1>
        <p>{t!(i18n, directory.intro)}</p>
        <p><a href="/appuntamenti">{t!(i18n, appointments.link)}</a></p>
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <div class="field wide">
                <label for="d-q">{t!(i18n, directory.search)}</label>
                <input id="d-q" type="search" on:input=move |ev| text.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="d-territorio">{t!(i18n, list.district)}</label>
                <select id="d-territorio" on:change=move |ev| district.set(event_target_value(&ev).parse::<District>().ok())>
                    <option value="">{t!(i18n, list.all_districts)}</option>
                    {[District::Cremona, District::Crema, District::Casalmaggiore, District::Province]
                        .into_iter()
                        .map(|d| view! { <option value={<&'static str>::from(d)}>{move || labels::district(i18n, d)}</option> })
                        .collect_view()}
                </select>
            </div>
        </form>
        <WithCatalog render=move |catalog| {
            move || {
                let query = text.get();
                let positions: Vec<usize> = if query.trim().is_empty() {
                    let mut all: Vec<usize> = (0..catalog.organisations.len()).collect();
                    all.sort_by(|&a, &b| catalog.organisations[a].name.cmp(&catalog.organisations[b].name));
                    all
                } else {
                    catalog.organisation_index().search(&query).into_iter().map(|h| h.document).collect()
                };
                let chosen: Vec<Organisation> = positions
                    .into_iter()
                    .map(|i| catalog.organisations[i].clone())
                    .filter(|o| district.get().is_none_or(|d| o.district == d))
                    .collect();
                let count = chosen.len();
                view! {
                    <p class="count" role="status">
                        {move || t_string!(i18n, directory.count, n = count).to_string()}
                    </p>
                    <ul class="cards" data-testid="directory">
                        {chosen.into_iter().map(|o| view! { <OrganisationCard o/> }).collect_view()}
                    </ul>
                }
            }
        }/>
    }
}

#[component]
fn OrganisationCard(
    /// The entry to show.
    o: Organisation,
) -> impl IntoView {
    let i18n = use_i18n();
    let category = o.category;
    let tel = o.tel_href();
    let map = o.map_href();
    view! {
        <li class="card">
            <p class="kind">{move || labels::category(i18n, category)}</p>
            <h2 class="card-title">{o.name.clone()}</h2>
            <p class="place">{format!("{}, {}", o.address, o.town)}</p>
            <div class="prose" lang="it" inner_html=o.description_html.clone()></div>
            {(!o.services.is_empty()).then(|| view! {
                <ul class="services" lang="it">
                    {o.services.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ul>
            })}
            {(!o.hours.is_empty()).then(|| view! {
                <p><strong>{t!(i18n, directory.hours)}</strong> " " <span lang="it">{o.hours.clone()}</span></p>
            })}
            <p class="contacts">
                {tel.zip(o.phone.clone()).map(|(href, phone)| view! {
                    <a class="action" href=href>{t!(i18n, directory.call)} " " {phone}</a>
                })}
                {o.email.clone().map(|email| view! {
                    <a class="action" href=format!("mailto:{email}")>{t!(i18n, directory.email)}</a>
                })}
                <a class="action" href=map rel="noopener noreferrer" target="_blank">{t!(i18n, directory.map)}</a>
                {o.website.clone().map(|url| view! {
                    <a class="action" href=url rel="noopener noreferrer" target="_blank">{t!(i18n, directory.website)}</a>
                })}
            </p>
        </li>
    }
}
