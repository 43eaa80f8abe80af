//! The recruiting days pages (`/recruiting-day`, `/recruiting-day/{id}`), rendered with the
//! app's components. Like the labs, the days are not in the catalog the other pages are
//! rendered from (the everyday pages' wasm never reads one), so they are loaded here: the list
//! from the latest published days (with a LIMIT), a day's page from its item, with a JSON-LD
//! `Event` naming the companies attending. They travel in the page as `#sito-recruiting-days`,
//! which the whole portal hydrates from.

use sito_app::{
    catalog::Seed,
    prerender::{self, Page},
    routes::recruiting_days::RECRUITING_DAYS_ELEMENT,
};
use sito_core::{
    jsonld::{escape_for_script, script_text},
    recruiting::{jsonld, RecruitingDay},
    ContentKind,
};
use worker::{D1Database, Response};

use super::{html_headers, inject, with_body, Head};
use crate::{error::ApiError, http::text_response};

/// The most recruiting days the list is rendered from.
const MOST_DAYS: u32 = 500;

async fn load(database: &D1Database, page: &Page) -> Result<Vec<RecruitingDay>, ApiError> {
    let one = match page {
        Page::RecruitingDay(id) => Some(id.as_str()),
        _ => None,
    };
    super::published(
        database,
        ContentKind::RecruitingDay,
        one,
        MOST_DAYS,
        |item: &RecruitingDay| item.id.as_str(),
    )
    .await
}

/// The page `page` (a recruiting days page), in `shell`, at `page_url`.
pub(super) async fn render(
    database: &D1Database,
    page: &Page,
    shell: String,
    page_url: &str,
    path_and_query: &str,
) -> Result<Response, ApiError> {
    let days = load(database, page).await?;
    let found = !matches!(page, Page::RecruitingDay(_)) || !days.is_empty();
    let head = match (page, days.first()) {
        (Page::RecruitingDay(_), Some(day)) => Some(Head {
            title: day.title.clone(),
            description: day.summary.clone(),
            og_type: "article",
            json_ld: Some(script_text(&jsonld::event(day, page_url))),
        }),
        _ => None,
    };
    let seed = serde_json::to_string(&days).map_err(|e| ApiError::Storage(e.to_string()))?;
    let body = prerender::render_recruiting_days(path_and_query, days);
    let days_script = format!(
        "<script type=\"application/json\" id=\"{RECRUITING_DAYS_ELEMENT}\">{}</script>",
        escape_for_script(&seed)
    );
    let html = match &head {
        Some(head) => inject(&shell, head, page_url),
        None => shell,
    };
    let html = with_body(
        &html,
        &format!("{body}{days_script}"),
        &prerender::seed_script_text(&Seed::default()),
    );
    Ok(text_response(
        html,
        if found { 200 } else { 404 },
        html_headers(),
    ))
}
