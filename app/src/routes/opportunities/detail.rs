use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::ContentKind;

use crate::{
    components::{CalendarButton, DeadlineBadge, Provenance, SaveButton, ShareButton, WithCatalog},
    dates::{long_date, today},
    i18n::*,
    labels,
};

/// One opportunity in full, read from the device.
#[component]
pub fn OpportunityDetail() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let today = today();
    view! {
        <WithCatalog render=move |catalog| {
            move || {
                let id = id();
                let Some(o) = catalog.opportunities.iter().find(|o| o.id == id).cloned() else {
                    return view! {
                        <h1>{t!(i18n, detail.not_found)}</h1>
                        <p>{t!(i18n, detail.not_found_hint)}</p>
                        <p><A href="/opportunita">{t!(i18n, detail.back)}</A></p>
                    }
                        .into_any();
                };
                let locale = move || i18n.get_locale();
                let (min, max) = (o.age_min, o.age_max);
                let ages = move || match (min, max) {
                    (Some(a), Some(b)) => Some(t_string!(i18n, detail.ages_range, min = a, max = b).to_string()),
                    (Some(a), None) => Some(t_string!(i18n, detail.ages_from, min = a).to_string()),
                    (None, Some(b)) => Some(t_string!(i18n, detail.ages_to, max = b).to_string()),
                    (None, None) => None,
                };
                let (start, end) = (o.starts_on, o.ends_on);
                let dates = move || match (start, end) {
                    (Some(s), Some(e)) if s != e => Some(t_string!(
                        i18n,
                        detail.dates_range,
                        from = long_date(s, locale()),
                        to = long_date(e, locale())
                    )
                    .to_string()),
                    (Some(s), _) => Some(long_date(s, locale())),
                    (None, Some(e)) => Some(t_string!(i18n, detail.dates_to, to = long_date(e, locale())).to_string()),
                    (None, None) => None,
                };
                let kind = o.kind;
                let district = o.district;
                let place = o.place.clone();
                let place = move || {
                    let d = labels::district(i18n, district);
                    if place.is_empty() || place == d { d.to_owned() } else { format!("{place} ({d})") }
                };
                view! {
                    <article class="detail">
                        <p class="kind">{move || labels::kind(i18n, kind)}</p>
                        <h1>{o.title.clone()}</h1>
                        <p class="org">{o.organisation.clone()}</p>
                        {o.deadline.map(|deadline| view! { <DeadlineBadge deadline today/> })}
                        <div class="actions">
                            <SaveButton kind=ContentKind::Opportunity id=o.id.clone()/>
                            <ShareButton
                                title=o.title.clone()
                                text=o.summary.clone()
                                path=format!("/opportunita/{}", o.id)
                            />
                            {(o.deadline.is_some() || o.starts_on.is_some())
                                .then(|| view! { <CalendarButton item=o.clone()/> })}
                            <A href=format!("/cv/nuova-lettera?opportunita={}", o.id) attr:class="action">
                                {t!(i18n, cv.write_letter)}
                            </A>
                        </div>
                        <p class="summary">{o.summary.clone()}</p>
                        <dl class="facts">
                            <dt>{t!(i18n, detail.where_)}</dt>
                            <dd>{place}</dd>
                            {move || ages().map(|a| view! { <dt>{t!(i18n, detail.age)}</dt><dd>{a}</dd> })}
                            {move || dates().map(|d| view! { <dt>{t!(i18n, detail.when)}</dt><dd>{d}</dd> })}
                        </dl>
                        <div class="prose" lang="it" inner_html=o.description_html.clone()></div>
                        <h2>{t!(i18n, detail.how_to_apply)}</h2>
                        <p class="apply" lang="it">{o.how_to_apply.clone()}</p>
                        {o.source_url.clone().map(|url| view! {
                            <p>
                                <a href=url rel="noopener noreferrer" target="_blank">
                                    {t!(i18n, detail.source)}
                                </a>
                            </p>
                        })}
                        <Provenance published_by=o.published_by.clone() updated_at=o.updated_at/>
                    </article>
                }
                    .into_any()
            }
        }/>
    }
}
