use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use sito_core::VariantArray;
use sito_core::{opportunity::list_order, District, GuideArea, News, Opportunity};

use crate::{
    components::{OpportunityCard, SearchBox, WithCatalog},
    dates::{long_date, today},
    i18n::*,
    labels,
};

/// How many upcoming deadlines and news items the home page shows.
pub const UPCOMING: usize = 5;
const LATEST_NEWS: usize = 3;

/// The opportunities whose deadline is today or later, soonest first.
pub fn open_deadlines<'a>(
    opportunities: impl IntoIterator<Item = &'a Opportunity>,
    today: NaiveDate,
) -> Vec<Opportunity> {
    soonest(opportunities, today).into_iter().cloned().collect()
}

/// The deadlines coming up that the home page shows, soonest first.
pub fn upcoming(opportunities: &[Opportunity], today: NaiveDate) -> Vec<Opportunity> {
    soonest(opportunities, today)
        .into_iter()
        .take(UPCOMING)
        .cloned()
        .collect()
}

/// The open deadlines, soonest first, sorted by reference: only those shown are copied.
fn soonest<'a>(
    opportunities: impl IntoIterator<Item = &'a Opportunity>,
    today: NaiveDate,
) -> Vec<&'a Opportunity> {
    let mut open: Vec<&Opportunity> = opportunities
        .into_iter()
        .filter(|o| o.deadline.is_some_and(|d| d >= today))
        .collect();
    open.sort_by(|a, b| list_order(a, b, today));
    open
}

/// The news items the home page shows, newest first.
pub fn latest_news(news: &[News]) -> Vec<News> {
    let mut news = news.to_vec();
    sito_core::news::newest_first(&mut news);
    news.truncate(LATEST_NEWS);
    news
}

/// The home page: search, the ways in, what is closing soon and what's new. What comes from the
/// device's store is last, so that its arrival moves nothing already on screen.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let today = today();
    view! {
        <section class="hero">
            <h1>{t!(i18n, home.title)}</h1>
            <p>{t!(i18n, home.intro)}</p>
            <SearchBox/>
        </section>
        <section aria-labelledby="aree">
            <h2 id="aree">{t!(i18n, home.areas)}</h2>
            <ul class="tiles">
                {GuideArea::VARIANTS.iter().copied()
                    .map(|area| {
                        view! {
                            <li>
                                <A href=format!("/guide#{}", area.as_ref())>
                                    {move || labels::area(i18n, area)}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="territori">
            <h2 id="territori">{t!(i18n, home.districts)}</h2>
            <ul class="chips">
                {[District::Cremona, District::Crema, District::Casalmaggiore]
                    .into_iter()
                    .map(|d| {
                        view! {
                            <li>
                                <A href=format!("/opportunita?territorio={}", d.as_ref())>
                                    {move || labels::district(i18n, d)}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="progetti">
            <h2 id="progetti">{t!(i18n, home.projects)}</h2>
            <p>{t!(i18n, home.projects_text)}</p>
            <p class="more">
                <A href="/bandi" attr:class="button">{t!(i18n, home.calls)}</A>
                " "
                <a href="/proposte" rel="external">{t!(i18n, home.proposals)}</a>
            </p>
        </section>
        <WithCatalog render=move |catalog| {
            let upcoming = upcoming(&catalog.opportunities, today);
            let news = latest_news(&catalog.news);
            view! {
                <section aria-labelledby="scadenze">
                    <h2 id="scadenze">{t!(i18n, home.upcoming)}</h2>
                    {if upcoming.is_empty() {
                        view! { <p class="empty">{t!(i18n, home.no_upcoming)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="cards" data-testid="upcoming">
                                {upcoming
                                    .into_iter()
                                    .map(|item| view! { <OpportunityCard item today/> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                    <p class="more">
                        <A href="/opportunita" attr:class="button">{t!(i18n, home.all_opportunities)}</A>
                        " "
                        <A href="/eventi">{t!(i18n, home.events)}</A>
                    </p>
                </section>
                <section aria-labelledby="novita">
                    <h2 id="novita">{t!(i18n, home.news)}</h2>
                    <ul class="plain">
                        {news
                            .into_iter()
                            .map(|n| {
                                let date = n.published_on;
                                view! {
                                    <li>
                                        <A href=format!("/notizie/{}", n.id)>{n.title}</A>
                                        <span class="meta">
                                            " · " {move || long_date(date, i18n.get_locale())}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <p><A href="/notizie">{t!(i18n, home.all_news)}</A></p>
                </section>
            }
        }/>
        <p class="about-link">
            <A href="/cv">{t!(i18n, home.cv)}</A>
            " · "
            <A href="/esperto">{t!(i18n, home.expert)}</A>
            " · "
            <A href="/come-lavoriamo">{t!(i18n, home.about)}</A>
        </p>
    }
}
