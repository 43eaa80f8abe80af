mod detail;

pub use detail::OpportunityDetail;

use leptos::prelude::*;
use leptos_router::{
    hooks::{use_navigate, use_query_map},
    NavigateOptions,
};
use sito_core::VariantArray;
use sito_core::{
    filter::{apply, OpportunityFilter, SortOrder},
    District, OpportunityKind,
};

use crate::{
    components::{OpportunityCard, ShowMore, WithCatalog},
    dates::today,
    i18n::*,
    labels,
};

/// Cards rendered at first, and added by each "show more": a cheap phone stays fast with
/// thousands of items on the device.
pub const PAGE: usize = 30;
/// How many cards one address shows at most (`?mostra=`), so that a rendered page stays bounded.
pub(crate) const MOST_SHOWN: usize = 10 * PAGE;
/// The query key of how many cards are shown: "show more" is a link, so it works without script
/// and the list comes back as long as it was after "back".
pub(crate) const SHOWN_KEY: &str = "mostra";

/// How many cards an address shows: `PAGE` unless it asks for more (up to `MOST_SHOWN`).
pub fn shown_from_pairs<'a>(mut pairs: impl Iterator<Item = (&'a str, &'a str)>) -> usize {
    pairs
        .find(|(k, _)| *k == SHOWN_KEY)
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .map_or(PAGE, |n| n.clamp(PAGE, MOST_SHOWN))
}

const QUERY_KEYS: [&str; 7] = [
    "tipo",
    "territorio",
    "entro",
    "eta",
    "q",
    "scadute",
    "ordine",
];

/// The filter of an address's query pairs (unknown keys are ignored).
pub fn filter_from_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> OpportunityFilter {
    OpportunityFilter::from_query(pairs.filter(|(k, _)| QUERY_KEYS.contains(k)))
}

/// The filter a form's controls show, read as the browser would submit them.
fn filter_of_form(form: &web_sys::HtmlFormElement) -> Option<OpportunityFilter> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let query = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    let query = String::from(query.to_string());
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    Some(filter_from_pairs(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    ))
}

/// A filter as a plain key (`tipo=lavoro&q=…`, unescaped): what a server-rendered list's count is
/// filed under.
pub fn filter_key(filter: &OpportunityFilter) -> String {
    filter
        .to_query()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The query string of a filter (`?tipo=…&territorio=…`), or nothing for the default.
pub fn query_string(filter: &OpportunityFilter) -> String {
    let pairs: Vec<String> = filter
        .to_query()
        .into_iter()
        .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(&v)))
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// Every opportunity on the device, with filters that live in the URL so a search can be shared.
#[component]
pub fn OpportunityList() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            let pairs: Vec<(&str, String)> = QUERY_KEYS
                .iter()
                .filter_map(|k| q.get(k).map(|v| (*k, v)))
                .collect();
            filter_from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    });
    let navigate = use_navigate();
    let form = NodeRef::<leptos::html::Form>::new();
    let update = move |change: &dyn Fn(&mut OpportunityFilter)| {
        // What the form shows, not what the address said: a choice made on the server's page
        // before the app ran is kept when the next choice moves the address.
        let mut next = form
            .get_untracked()
            .and_then(|form| filter_of_form(&form))
            .unwrap_or_else(|| filter.get_untracked());
        change(&mut next);
        navigate(
            &format!("/opportunita{}", query_string(&next)),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let update = StoredValue::new_local(update);
    let set = move |change: Box<dyn Fn(&mut OpportunityFilter)>| {
        update.with_value(|u| u(&*change));
    };
    // The words as typed, spaces included: the list follows them at every keystroke, and the
    // field follows the address only when the address changes them (a link, "Azzera i filtri").
    let typed = RwSignal::new(filter.get_untracked().text);
    Effect::new(move |_| {
        let text = filter.get().text;
        if typed.get_untracked().trim() != text {
            typed.set(text);
        }
    });
    let today = today();
    let shown = Memo::new(move |_| {
        query.with(|q| shown_from_pairs(q.get_str(SHOWN_KEY).map(|v| (SHOWN_KEY, v)).into_iter()))
    });
    view! {
        <h1>
            {t!(i18n, list.title)}
            {move || {
                filter
                    .get()
                    .district
                    .map(|d| format!(" · {}", labels::district(i18n, d)))
            }}
        </h1>
        // A GET form: without script it reloads the page with its filters; with the app running, every
        // change already moved the address, so submitting has nothing left to do.
        <form
            node_ref=form
            class="filters"
            method="get"
            action="/opportunita"
            on:submit=|ev| ev.prevent_default()
            aria-label=move || t_string!(i18n, list.filters)
        >
            <div class="field wide">
                <label for="f-q">{t!(i18n, list.text)}</label>
                <input
                    id="f-q"
                    name="q"
                    type="search"
                    value=move || filter.get().text
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        typed.set(text.clone());
                        set(Box::new(move |f| f.text = text.trim().to_owned()));
                    }
                />
            </div>
            <details class="field wide" open=move || filter.with(|f| *f != OpportunityFilter { text: f.text.clone(), ..Default::default() })>
                <summary>{t!(i18n, list.filters)}</summary>
                <div class="filter-grid">
            <div class="field">
                <label for="f-tipo">{t!(i18n, list.kind)}</label>
                <select
                    id="f-tipo"
                    name="tipo"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set(Box::new(move |f| {
                            f.kinds = value.parse::<OpportunityKind>().ok().into_iter().collect();
                        }));
                    }
                >
                    <option value="" selected=move || filter.get().kinds.is_empty()>
                        {t!(i18n, list.all_kinds)}
                    </option>
                    {OpportunityKind::VARIANTS.iter().copied()
                        .map(|k| {
                            view! {
                                <option value={<&'static str>::from(k)} selected=move || filter.get().kinds == [k]>
                                    {move || labels::kind(i18n, k)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-territorio">{t!(i18n, list.district)}</label>
                <select
                    id="f-territorio"
                    name="territorio"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set(Box::new(move |f| f.district = value.parse::<District>().ok()));
                    }
                >
                    <option value="" selected=move || filter.get().district.is_none()>
                        {t!(i18n, list.all_districts)}
                    </option>
                    {District::VARIANTS.iter().copied()
                        .map(|d| {
                            view! {
                                <option value={<&'static str>::from(d)} selected=move || filter.get().district == Some(d)>
                                    {move || labels::district(i18n, d)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-entro">{t!(i18n, list.deadline)}</label>
                <select
                    id="f-entro"
                    name="entro"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set(Box::new(move |f| f.within_days = value.parse().ok()));
                    }
                >
                    <option value="" selected=move || filter.get().within_days.is_none()>
                        {t!(i18n, list.any_deadline)}
                    </option>
                    {[7u32, 30, 90]
                        .into_iter()
                        .map(|days| {
                            view! {
                                <option
                                    value=days.to_string()
                                    selected=move || filter.get().within_days == Some(days)
                                >
                                    {move || t_string!(i18n, list.within_days, n = days).to_string()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-eta">{t!(i18n, list.age)}</label>
                <input
                    id="f-eta"
                    name="eta"
                    type="number"
                    inputmode="numeric"
                    min="14"
                    max="99"
                    value=move || filter.get().age.map(|a| a.to_string()).unwrap_or_default()
                    prop:value=move || filter.get().age.map(|a| a.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set(Box::new(move |f| f.age = value.parse().ok().filter(|a| (14..=99).contains(a))));
                    }
                />
            </div>
            // Full width: "Scadenza più vicina" does not fit half of a 320 px screen.
            <div class="field wide">
                <label for="f-ordine">{t!(i18n, list.sort)}</label>
                <select
                    id="f-ordine"
                    name="ordine"
                    on:change=move |ev| {
                        let newest = event_target_value(&ev) == SortOrder::Newest.as_ref();
                        set(Box::new(move |f| {
                            f.sort = if newest { SortOrder::Newest } else { SortOrder::Deadline };
                        }));
                    }
                >
                    <option value="scadenza" selected=move || filter.get().sort == SortOrder::Deadline>
                        {t!(i18n, list.sort_deadline)}
                    </option>
                    <option value="recenti" selected=move || filter.get().sort == SortOrder::Newest>
                        {t!(i18n, list.sort_newest)}
                    </option>
                </select>
            </div>
            <div class="field check">
                <input
                    id="f-scadute"
                    name="scadute"
                    value="1"
                    type="checkbox"
                    checked=move || filter.get().include_expired
                    prop:checked=move || filter.get().include_expired
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        set(Box::new(move |f| f.include_expired = on));
                    }
                />
                <label for="f-scadute">{t!(i18n, list.expired)}</label>
            </div>
                </div>
            </details>
            <p class="field wide">
                <button type="submit" class="action">{t!(i18n, list.apply)}</button>
                " "
                <a href="/opportunita">{t!(i18n, list.reset)}</a>
            </p>
        </form>
        <WithCatalog render=move |catalog| {
            move || {
                let filter = filter.get();
                let chosen = apply(
                    &catalog.opportunities,
                    || catalog.opportunity_index(),
                    &filter,
                    today,
                );
                // A page rendered by the worker carries the first page of results and how many
                // there are in all.
                let count = catalog
                    .list_matches(&filter_key(&filter))
                    .unwrap_or(chosen.len());
                let limit = shown.get();
                let items: Vec<_> = chosen
                    .into_iter()
                    .take(limit)
                    .map(|i| catalog.opportunities[i].clone())
                    .collect();
                view! {
                    <h2 class="visually-hidden">{t!(i18n, list.results)}</h2>
                    <p class="count" role="status" data-testid="result-count">
                        {move || match count {
                            0 => t_string!(i18n, list.none).to_string(),
                            1 => t_string!(i18n, list.one).to_string(),
                            n => t_string!(i18n, list.many, n = n).to_string(),
                        }}
                    </p>
                    <ul class="cards" data-testid="opportunity-list">
                        {items
                            .into_iter()
                            .map(|item| view! { <OpportunityCard item today/> })
                            .collect_view()}
                    </ul>
                    {(count > limit && limit < MOST_SHOWN).then(|| {
                        let query = query_string(&filter);
                        let join = if query.is_empty() { "?" } else { "&" };
                        let more = format!("/opportunita{query}{join}{SHOWN_KEY}={}", limit + PAGE);
                        view! { <ShowMore href=more count=(count - limit).min(PAGE)/> }
                    })}
                }
            }
        }/>
    }
}
