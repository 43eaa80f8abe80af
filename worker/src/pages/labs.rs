//! The labs pages (`/laboratori`, `/laboratori/{id}`), rendered with the app's components. The
//! labs are not in the catalog the other pages are rendered from (the everyday pages' wasm
//! never reads one), so they are loaded here: the list from the latest published labs (with a
//! LIMIT), a lab's page from its item, with a JSON-LD `Event` that says how many places are
//! left. They travel in the page as `#sito-labs`, which the whole portal hydrates from.

use sito_app::{
    catalog::Seed,
    prerender::{self, Page},
    routes::labs::LABS_ELEMENT,
};
use sito_core::{
    jsonld::{escape_for_script, script_text},
    lab::{jsonld, Lab},
    ContentKind,
};
use worker::{D1Database, Response};

use super::{html_headers, inject, with_body, Head};
use crate::{error::ApiError, http::text_response};

/// The most labs the list is rendered from.
const MOST_LABS: u32 = 500;

async fn load(database: &D1Database, page: &Page) -> Result<Vec<Lab>, ApiError> {
    let one = match page {
        Page::Lab(id) => Some(id.as_str()),
        _ => None,
    };
    super::published(database, ContentKind::Lab, one, MOST_LABS, |item: &Lab| {
        item.id.as_str()
    })
    .await
}

/// The page `page` (a labs page), in `shell`, at `page_url`.
pub(super) async fn render(
    database: &D1Database,
    page: &Page,
    shell: String,
    page_url: &str,
    path_and_query: &str,
) -> Result<Response, ApiError> {
    let labs = load(database, page).await?;
    let found = !matches!(page, Page::Lab(_)) || !labs.is_empty();
    let head = match (page, labs.first()) {
        (Page::Lab(_), Some(lab)) => Some(Head {
            title: lab.title.clone(),
            description: lab.summary.clone(),
            og_type: "article",
            json_ld: jsonld::event(lab, page_url).map(|v| script_text(&v)),
        }),
        _ => None,
    };
    let seed = serde_json::to_string(&labs).map_err(|e| ApiError::Storage(e.to_string()))?;
    let body = prerender::render_labs(path_and_query, labs);
    let labs_script = format!(
        "<script type=\"application/json\" id=\"{LABS_ELEMENT}\">{}</script>",
        escape_for_script(&seed)
    );
    let html = match &head {
        Some(head) => inject(&shell, head, page_url),
        None => shell,
    };
    let html = with_body(
        &html,
        &format!("{body}{labs_script}"),
        &prerender::seed_script_text(&Seed::default()),
    );
    Ok(text_response(
        html,
        if found { 200 } else { 404 },
        html_headers(),
    ))
}
