use leptos::prelude::*;
use sito_core::api::paths;

use crate::i18n::*;

/// How items are chosen and who publishes them (ERYICA youth information principles).
#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="detail">
            <h1>{t!(i18n, about.title)}</h1>
            <p>{t!(i18n, about.p1)}</p>
            <h2>{t!(i18n, about.selection_title)}</h2>
            <ul>
                <li>{t!(i18n, about.rule_free)}</li>
                <li>{t!(i18n, about.rule_source)}</li>
                <li>{t!(i18n, about.rule_dates)}</li>
                <li>{t!(i18n, about.rule_no_ads)}</li>
                <li>{t!(i18n, about.rule_retire)}</li>
            </ul>
            <h2>{t!(i18n, about.privacy_title)}</h2>
            <p>{t!(i18n, about.privacy)}</p>
            <h2>{t!(i18n, about.feeds_title)}</h2>
            <ul>
                <li><a href=paths::feed("opportunities.atom")>{t!(i18n, about.feed_opportunities)}</a></li>
                <li><a href=paths::feed("news.atom")>{t!(i18n, about.feed_news)}</a></li>
                <li><a href=paths::feed("guides.atom")>{t!(i18n, about.feed_guides)}</a></li>
                <li><a href=paths::feed("scadenze.ics")>{t!(i18n, about.feed_calendar)}</a></li>
            </ul>
        </article>
    }
}
