//! Portal pages rendered by the worker (DESIGN.md "Rendering"). The worker asks which page an
//! address is and what it needs from D1, loads that (a few queries with LIMIT), and lets this
//! module choose what the page shows, with the same functions the page itself uses. The page is
//! then rendered with the app's own components (`render`, with the `ssr` feature) and the seed
//! travels in the HTML, so the browser hydrates it from the same data.

use chrono::NaiveDate;
use sito_core::{filter::apply, Content, ContentKind};

use crate::{
    catalog::{Catalog, Seed},
    routes::{events, home, opportunities, search},
};

/// A portal page, as the worker renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Opportunities,
    Opportunity(String),
    Guides,
    Guide(String),
    Calls,
    Call(String),
    News,
    NewsItem(String),
    Events,
    Directory,
    Search,
    Expert,
    Answer(String),
    Labs,
    Lab(String),
    RecruitingDays,
    RecruitingDay(String),
    Saved,
    ForYou,
    /// The Informagiovani CV bank, from "Per te": everything on it is read after hydration.
    CvBank,
    About,
    /// The desk's appointments: its free slots load online after hydration.
    Appointments,
    NotFound,
}

/// What a page needs from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    /// One published item.
    Item(ContentKind, String),
    /// The published items of these kinds (the worker bounds each with a LIMIT).
    All(&'static [ContentKind]),
}

impl Page {
    /// The page at `path` (no query string; a trailing slash is ignored).
    pub fn from_path(path: &str) -> Page {
        let path = path.trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').skip(1).collect();
        let id = |s: &str| s.to_owned();
        match parts.as_slice() {
            [] | [""] => Page::Home,
            ["opportunita"] => Page::Opportunities,
            ["opportunita", i] => Page::Opportunity(id(i)),
            ["guide"] => Page::Guides,
            ["guide", i] => Page::Guide(id(i)),
            ["bandi"] => Page::Calls,
            ["bandi", i] => Page::Call(id(i)),
            ["notizie"] => Page::News,
            ["notizie", i] => Page::NewsItem(id(i)),
            ["eventi"] => Page::Events,
            ["rete"] => Page::Directory,
            ["cerca"] => Page::Search,
            ["esperto"] => Page::Expert,
            ["esperto", i] => Page::Answer(id(i)),
            ["laboratori"] => Page::Labs,
            ["laboratori", i] => Page::Lab(id(i)),
            ["recruiting-day"] => Page::RecruitingDays,
            ["recruiting-day", i] => Page::RecruitingDay(id(i)),
            ["salvati"] => Page::Saved,
            ["per-te"] => Page::ForYou,
            ["per-te", "banca-cv"] => Page::CvBank,
            ["come-lavoriamo"] => Page::About,
            ["appuntamenti"] => Page::Appointments,
            _ => Page::NotFound,
        }
    }

    /// Whether the page is hydrated by the whole portal (`App`, index.html) rather than by its
    /// everyday pages (`PortaleApp`, portale.html): the pages a phone rarely opens first. The
    /// same pages are `rare` in the app's routes (`lib.rs`).
    pub fn whole_app(&self) -> bool {
        matches!(
            self,
            Page::Calls
                | Page::Call(_)
                | Page::Events
                | Page::Directory
                | Page::Expert
                | Page::Answer(_)
                | Page::Labs
                | Page::Lab(_)
                | Page::RecruitingDays
                | Page::RecruitingDay(_)
                | Page::About
                | Page::Appointments
                | Page::ForYou
                | Page::CvBank
        )
    }

    /// The app page the worker puts the rendered body in: its wasm hydrates it.
    pub fn shell(&self) -> &'static str {
        if self.whole_app() {
            "index.html"
        } else {
            "portale.html"
        }
    }

    pub fn needs(&self) -> Needs {
        use ContentKind as K;
        match self {
            // The deadlines coming up are chosen from every opportunity, as on the phone.
            Page::Home => Needs::All(&[K::Opportunity, K::News]),
            Page::Opportunities | Page::Events => Needs::All(&[K::Opportunity]),
            Page::Opportunity(id) => Needs::Item(K::Opportunity, id.clone()),
            Page::Guides => Needs::All(&[K::Guide]),
            Page::Guide(id) => Needs::Item(K::Guide, id.clone()),
            Page::Calls => Needs::All(&[K::Call]),
            Page::Call(id) => Needs::Item(K::Call, id.clone()),
            Page::News => Needs::All(&[K::News]),
            Page::NewsItem(id) => Needs::Item(K::News, id.clone()),
            Page::Directory => Needs::All(&[K::Organisation]),
            Page::Search => Needs::All(&[
                K::Opportunity,
                K::Guide,
                K::News,
                K::Organisation,
                K::Answer,
                K::Call,
            ]),
            Page::Expert => Needs::All(&[K::Answer]),
            Page::Answer(id) => Needs::Item(K::Answer, id.clone()),
            // The worker loads the labs and the recruiting days itself (`worker/src/pages/labs.rs`,
            // `recruiting_days.rs`): they are not in the catalog.
            Page::Saved
            | Page::ForYou
            | Page::CvBank
            | Page::About
            | Page::Appointments
            | Page::NotFound
            | Page::Labs
            | Page::Lab(_)
            | Page::RecruitingDays
            | Page::RecruitingDay(_) => Needs::Nothing,
        }
    }

    /// What the page shows of everything loaded, when it shows all it needs: the kinds of a
    /// list, the one item of a detail page.
    fn picked(&self, loaded: &Catalog) -> Seed {
        fn the<T: Clone + Content>(items: &[T], id: &str) -> Vec<T> {
            items.iter().filter(|i| i.id() == id).cloned().collect()
        }
        use ContentKind as K;
        let mut seed = Seed::default();
        let kinds: &[ContentKind] = match self.needs() {
            Needs::Nothing => &[],
            Needs::All(kinds) => kinds,
            Needs::Item(kind, id) => {
                match kind {
                    K::Opportunity => seed.opportunities = the(&loaded.opportunities, &id),
                    K::Guide => seed.guides = the(&loaded.guides, &id),
                    K::News => seed.news = the(&loaded.news, &id),
                    K::Organisation => seed.organisations = the(&loaded.organisations, &id),
                    K::Answer => seed.answers = the(&loaded.answers, &id),
                    K::Call => seed.calls = the(&loaded.calls, &id),
                    K::Lab | K::RecruitingDay => {}
                }
                return seed;
            }
        };
        for kind in kinds {
            match kind {
                K::Opportunity => seed.opportunities = loaded.opportunities.clone(),
                K::Guide => seed.guides = loaded.guides.clone(),
                K::News => seed.news = loaded.news.clone(),
                K::Organisation => seed.organisations = loaded.organisations.clone(),
                K::Answer => seed.answers = loaded.answers.clone(),
                K::Call => seed.calls = loaded.calls.clone(),
                K::Lab | K::RecruitingDay => {}
            }
        }
        seed
    }

    /// Whether the page exists with what was loaded for it: an unknown address, or an item
    /// that is not published, answers 404.
    pub fn found(&self, loaded: &Catalog) -> bool {
        match self {
            Page::NotFound => false,
            Page::Opportunity(_) => !loaded.opportunities.is_empty(),
            Page::Guide(_) => !loaded.guides.is_empty(),
            Page::Call(_) => !loaded.calls.is_empty(),
            Page::NewsItem(_) => !loaded.news.is_empty(),
            Page::Answer(_) => !loaded.answers.is_empty(),
            _ => true,
        }
    }
}

/// What the page shows of everything loaded for it: the seed it is rendered and hydrated from.
/// `query` is the address's query string, decoded into pairs.
pub fn seed(page: &Page, query: &[(String, String)], loaded: &Catalog, today: NaiveDate) -> Seed {
    let text = || {
        query
            .iter()
            .find(|(k, _)| k == "q")
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut seed = Seed::default();
    match page {
        Page::Home => {
            seed.opportunities = home::upcoming(&loaded.opportunities, today);
            seed.news = home::latest_news(&loaded.news);
        }
        Page::Opportunities => {
            let filter = opportunities::filter_from_pairs(
                query.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            );
            let chosen = apply(
                &loaded.opportunities,
                || loaded.opportunity_index(),
                &filter,
                today,
            );
            seed.list_matches = Some((opportunities::filter_key(&filter), chosen.len()));
            seed.opportunities = chosen
                .into_iter()
                .take(opportunities::shown_from_pairs(
                    query.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                ))
                .map(|i| loaded.opportunities[i].clone())
                .collect();
        }
        Page::Events => seed.opportunities = events::agenda(&loaded.opportunities, today),
        Page::Search => {
            let text = text();
            if !text.trim().is_empty() {
                let pairs = || query.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                seed = search::hits_seed(
                    loaded,
                    &text,
                    search::district_from_pairs(pairs()),
                    opportunities::shown_from_pairs(pairs()),
                );
            }
        }
        _ => seed = page.picked(loaded),
    }
    seed
}

/// Whether the device's catalog renders the page at `address` (path and query) exactly as
/// `shown`, the seed it was rendered from, does: then the app keeps the server's nodes.
pub fn renders_same(address: &str, shown: &Catalog, stored: &Catalog, today: NaiveDate) -> bool {
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    shown.holds(&seed(&Page::from_path(path), &pairs, stored, today))
}

/// The seed as the text of `<script type="application/json" id="sito-seed">`: JSON with `<`,
/// `>` and `&` escaped the way the JSON-LD is, so no content can end the script element early
/// or keep it from ending.
pub fn seed_script_text(seed: &Seed) -> String {
    let json = serde_json::to_string(seed).unwrap_or_else(|_| "{}".to_owned());
    sito_core::jsonld::escape_for_script(&json)
}

/// The portal's `<body>` for `url` (path and query), rendered from `seed` by the app's own
/// components.
#[cfg(feature = "ssr")]
pub fn render(url: &str, seed: &Seed) -> String {
    render_with(url, seed, || {})
}

/// A labs page's `<body>`, rendered from the labs the worker loaded for it.
#[cfg(feature = "ssr")]
pub fn render_labs(url: &str, labs: Vec<sito_core::lab::Lab>) -> String {
    use leptos::prelude::provide_context;
    render_with(url, &Seed::default(), move || {
        provide_context(crate::routes::labs::LabsSeed(labs))
    })
}

/// A recruiting days page's `<body>`, rendered from the days the worker loaded for it.
#[cfg(feature = "ssr")]
pub fn render_recruiting_days(
    url: &str,
    days: Vec<sito_core::recruiting::RecruitingDay>,
) -> String {
    use leptos::prelude::provide_context;
    render_with(url, &Seed::default(), move || {
        provide_context(crate::routes::recruiting_days::RecruitingDaysSeed(days))
    })
}

#[cfg(feature = "ssr")]
fn render_with(url: &str, seed: &Seed, provide: impl FnOnce()) -> String {
    use leptos::prelude::*;
    use std::sync::Arc;

    // Effects and tasks of the components need an executor; on the worker they never run to
    // anything (the phone's store and network are not there). Already set up is fine.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(url));
        provide_context(Arc::new(Catalog::from(seed.clone())));
        provide();
        crate::App().into_view().to_html()
    });
    owner.cleanup();
    html
}

#[cfg(test)]
mod tests;
