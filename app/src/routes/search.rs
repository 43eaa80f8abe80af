use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};
use sito_core::VariantArray;
use sito_core::{ContentKind, District};

use crate::{
    catalog::{Catalog, Seed},
    components::{SearchBox, ShowMore, WithCatalog, SEARCH_FORM},
    i18n::*,
    labels,
    routes::opportunities::{shown_from_pairs, MOST_SHOWN, PAGE, SHOWN_KEY},
};

/// Search across everything on the device, offline.
#[component]
pub fn Search() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let text = Memo::new(move |_| query.with(|q| q.get("q").unwrap_or_default()));
    let district = Memo::new(move |_| {
        query.with(|q| q.get("territorio").and_then(|d| d.parse::<District>().ok()))
    });
    let shown = Memo::new(move |_| {
        query.with(|q| shown_from_pairs(q.get_str(SHOWN_KEY).map(|v| (SHOWN_KEY, v)).into_iter()))
    });
    // A choice sends the search form the select belongs to, as a search does: what the form
    // shows, not what the address said, so words typed or a district chosen on the server's page
    // before the app ran are kept.
    let choose = |_: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let form = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(SEARCH_FORM));
        if let Some(form) = form {
            let _ = form
                .unchecked_into::<web_sys::HtmlFormElement>()
                .request_submit();
        }
    };
    view! {
        <h1>{t!(i18n, search.title)}</h1>
        {move || view! { <SearchBox value=text.get()/> }}
        // The district narrows the results to what is in it, or not tied to a place (guides,
        // answers, calls and news for the whole province).
        <p class="field search-district">
            <label for="cerca-territorio">{t!(i18n, list.district)}</label>
            <select id="cerca-territorio" name="territorio" form=SEARCH_FORM on:change=choose>
                <option value="" selected=move || district.get().is_none()>{t!(i18n, list.all_districts)}</option>
                {District::VARIANTS.iter().copied().map(|d| view! {
                    <option value={<&'static str>::from(d)} selected=move || district.get() == Some(d)>{move || labels::district(i18n, d)}</option>
                }).collect_view()}
            </select>
        </p>
        <WithCatalog render=move |catalog| {
            move || {
                let text = text.get();
                if text.trim().is_empty() {
                    return view! { <p class="empty">{t!(i18n, search.hint)}</p> }.into_any();
                }
                let district = district.get();
                let hits = hits(&catalog, &text, district);
                // A page rendered by the worker carries the first results and how many there
                // are in all.
                let count = catalog
                    .list_matches(&search_key(&text, district))
                    .unwrap_or(hits.len());
                let limit = shown.get();
                let rows = hits
                    .into_iter()
                    .take(limit)
                    .filter_map(|(kind, i)| {
                        let (href, title, what): (String, String, Box<dyn Fn() -> String + Send + Sync>) = match kind {
                            ContentKind::Opportunity => {
                                let o = &catalog.opportunities[i];
                                let k = o.kind;
                                (format!("/opportunita/{}", o.id), o.title.clone(), Box::new(move || labels::kind(i18n, k).to_owned()))
                            }
                            ContentKind::Guide => {
                                let g = &catalog.guides[i];
                                (format!("/guide/{}", g.id), g.title.clone(), Box::new(move || t_string!(i18n, search.guide).to_owned()))
                            }
                            ContentKind::News => {
                                let n = &catalog.news[i];
                                (format!("/notizie/{}", n.id), n.title.clone(), Box::new(move || t_string!(i18n, search.news).to_owned()))
                            }
                            ContentKind::Answer => {
                                let a = &catalog.answers[i];
                                (format!("/esperto/{}", a.id), a.question.clone(), Box::new(move || t_string!(i18n, search.answer).to_owned()))
                            }
                            ContentKind::Call => {
                                let c = &catalog.calls[i];
                                (format!("/bandi/{}", c.id), c.title.clone(), Box::new(move || t_string!(i18n, search.call).to_owned()))
                            }
                            ContentKind::Organisation => {
                                let o = &catalog.organisations[i];
                                (format!("/rete?q={}", js_sys::encode_uri_component(&o.name)), o.name.clone(), Box::new(move || t_string!(i18n, search.organisation).to_owned()))
                            }
                            // Labs and recruiting days are not in the catalog the search runs over.
                            ContentKind::Lab | ContentKind::RecruitingDay => return None,
                        };
                        Some(view! {
                            <li class="card">
                                <p class="kind">{what}</p>
                                <h2 class="card-title"><A href=href>{title}</A></h2>
                            </li>
                        })
                    })
                    .collect_view();
                view! {
                    <p class="count" role="status">{move || t_string!(i18n, search.count, n = count).to_string()}</p>
                    <ul class="cards" data-testid="search-results">{rows}</ul>
                    {(count > limit && limit < MOST_SHOWN).then(|| {
                        let mut more = format!("/cerca?q={}", js_sys::encode_uri_component(&text));
                        if let Some(d) = district {
                            more.push_str(&format!("&territorio={}", <&'static str>::from(d)));
                        }
                        more.push_str(&format!("&{SHOWN_KEY}={}", limit + PAGE));
                        view! { <ShowMore href=more count=(count - limit).min(PAGE)/> }
                    })}
                }
                    .into_any()
            }
        }/>
    }
}

/// Whether a hit is in `district`: an opportunity or a service there, news or a call there or
/// for the whole province; guides and the expert's answers are not tied to a place.
fn in_district(catalog: &Catalog, kind: ContentKind, i: usize, district: District) -> bool {
    match kind {
        ContentKind::Opportunity => catalog.opportunities[i].district == district,
        ContentKind::Organisation => catalog.organisations[i].district == district,
        ContentKind::News => catalog.news[i].district.is_none_or(|d| d == district),
        ContentKind::Call => catalog.calls[i].district.is_none_or(|d| d == district),
        ContentKind::Guide
        | ContentKind::Answer
        | ContentKind::Lab
        | ContentKind::RecruitingDay => true,
    }
}

/// What a search for `text` finds, in `district` if one is chosen.
pub fn hits(
    catalog: &Catalog,
    text: &str,
    district: Option<District>,
) -> Vec<(ContentKind, usize)> {
    let mut found = catalog.search_everything(text);
    if let Some(d) = district {
        found.retain(|&(kind, i)| in_district(catalog, kind, i, d));
    }
    found
}

/// The district of an address's query pairs (`territorio`), if it names one.
pub fn district_from_pairs<'a>(
    mut pairs: impl Iterator<Item = (&'a str, &'a str)>,
) -> Option<District> {
    pairs
        .find(|(k, _)| *k == "territorio")
        .and_then(|(_, v)| v.parse().ok())
}

/// The key under which a search's count of results travels in a rendered page's seed.
fn search_key(text: &str, district: Option<District>) -> String {
    let district: &'static str = district.map_or("", <&'static str>::from);
    format!("cerca:{text}:{district}")
}

/// The first `shown` items a search for `text` in `district` finds, and how many it finds in
/// all: what a server-rendered result page is made from (bounded, like the opportunities list).
pub fn hits_seed(catalog: &Catalog, text: &str, district: Option<District>, shown: usize) -> Seed {
    let found = hits(catalog, text, district);
    let mut seed = Seed {
        list_matches: Some((search_key(text, district), found.len())),
        ..Seed::default()
    };
    for (kind, i) in found.into_iter().take(shown) {
        match kind {
            ContentKind::Opportunity => seed.opportunities.push(catalog.opportunities[i].clone()),
            ContentKind::Guide => seed.guides.push(catalog.guides[i].clone()),
            ContentKind::News => seed.news.push(catalog.news[i].clone()),
            ContentKind::Answer => seed.answers.push(catalog.answers[i].clone()),
            ContentKind::Call => seed.calls.push(catalog.calls[i].clone()),
            ContentKind::Organisation => seed.organisations.push(catalog.organisations[i].clone()),
            // Labs and recruiting days are not in the catalog the search runs over.
            ContentKind::Lab | ContentKind::RecruitingDay => {}
        }
    }
    seed
}
