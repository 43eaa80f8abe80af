use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::api::paths;

use crate::{
    components::{Provenance, ShareButton, WithCatalog},
    dates::long_date,
    i18n::*,
};

/// News on work and opportunities, newest first.
#[component]
pub fn NewsList() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, news.title)}</h1>
        <WithCatalog render=move |catalog| {
            let mut news = catalog.news.clone();
            sito_core::news::newest_first(&mut news);
            view! {
                <ul class="cards">
                    {news
                        .into_iter()
                        .map(|n| {
                            let date = n.published_on;
                            view! {
                                <li class="card">
                                    <p class="meta"><time datetime=date.to_string()>{move || long_date(date, i18n.get_locale())}</time></p>
                                    <h2 class="card-title"><A href=format!("/notizie/{}", n.id)>{n.title}</A></h2>
                                    <p>{n.summary}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        }/>
        <p><a href=paths::feed("news.atom")>{t!(i18n, news.feed)}</a></p>
    }
}

/// One news item.
#[component]
pub fn NewsDetail() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    view! {
        <WithCatalog render=move |catalog| {
            move || {
                let id = params.with(|p| p.get("id").unwrap_or_default());
                let Some(n) = catalog.news.iter().find(|n| n.id == id).cloned() else {
                    return view! {
                        <h1>{t!(i18n, news.not_found)}</h1>
                        <p><A href="/notizie">{t!(i18n, news.back)}</A></p>
                    }
                        .into_any();
                };
                let date = n.published_on;
                view! {
                    <article class="detail">
                        <p class="meta"><time datetime=date.to_string()>{move || long_date(date, i18n.get_locale())}</time></p>
                        <h1>{n.title.clone()}</h1>
                        <p class="summary">{n.summary.clone()}</p>
                        <div class="actions">
                            <ShareButton title=n.title.clone() text=n.summary.clone() path=format!("/notizie/{}", n.id)/>
                        </div>
                        <div class="prose" lang="it" inner_html=n.body_html.clone()></div>
                        <Provenance published_by=n.published_by.clone() updated_at=n.updated_at/>
                    </article>
                }
                    .into_any()
            }
        }/>
    }
}
