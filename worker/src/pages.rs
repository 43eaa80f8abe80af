//! Pages served by the worker. The CV tool's addresses (`/cv…`) get its own page, `cv.html`, and
//! the proposal tool's (`/proposte…`) `proposte.html`.
//! Every portal page is rendered here from D1 with the app's own Leptos components
//! (`sito_app::prerender`): the app's index.html with the page's body, the data it was rendered
//! from (`#sito-seed`, which the browser hydrates from) and, for an item, its title,
//! description, Open Graph tags and schema.org JSON-LD in the head, so a shared link previews and
//! search engines can read it. An unknown address or an unpublished item answers 404 with the
//! app's own "not found" page.

mod kept;
mod labs;
mod recruiting_days;

use std::rc::Rc;

use html_escape::{encode_double_quoted_attribute, encode_text};
use serde::de::DeserializeOwned;
use sito_app::{
    catalog::{Catalog, SEED_ELEMENT},
    prerender::{self, Needs, Page},
};
use sito_core::{jsonld, Content, ContentKind};
use worker::{D1Database, Env, Headers, Request, Response};

use crate::{db, error::ApiError, http::text_response};

/// The most items of one kind a page is rendered from: every query of a page has this LIMIT.
const MOST_PER_KIND: u32 = 5_000;

/// What goes into the head of one page.
struct Head {
    title: String,
    description: String,
    og_type: &'static str,
    json_ld: Option<String>,
}

pub async fn handle(req: Request, env: Env) -> Response {
    match render(&req, &env).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

fn html_headers() -> Headers {
    let headers = Headers::new();
    let _ = headers.set("content-type", "text/html; charset=utf-8");
    // Rendered from D1 on every request: a publication shows on the next one.
    let _ = headers.set("cache-control", "public, max-age=0, must-revalidate");
    headers
}

async fn render(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let url = req.url()?;
    // The assets binding answers by path; the page's own address is the public origin's.
    let origin = url.origin().ascii_serialization();
    let public = crate::http::public_origin(env);
    let path = url.path().trim_end_matches('/').to_owned();
    let tool = if path == "/cv" || path.starts_with("/cv/") {
        Some("cv.html")
    } else if path == "/proposte" || path.starts_with("/proposte/") {
        Some("proposte.html")
    } else {
        None
    };
    if let Some(tool) = tool {
        // The CV tool and the proposal tool are separate wasm binaries with their own pages.
        let page = env
            .assets("ASSETS")?
            .fetch(format!("{origin}/{tool}"), None)
            .await?
            .text()
            .await?;
        return Ok(text_response(page, 200, html_headers()));
    }
    let page = Page::from_path(&path);
    let shell = env
        .assets("ASSETS")?
        .fetch(format!("{origin}/{}", page.shell()), None)
        .await?
        .text()
        .await?;
    let database = db::database(env)?;
    let loaded = load(&database, page.needs()).await?;
    let found = page.found(&loaded);
    let path = if path.is_empty() {
        "/".to_owned()
    } else {
        path
    };
    let page_url = format!("{public}{path}");
    let head = found.then(|| head(&page, &loaded, &page_url)).flatten();
    let query: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let seed = prerender::seed(&page, &query, &loaded, sito_app::dates::today());
    let path_and_query = match url.query() {
        Some(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path.clone(),
    };
    if matches!(page, Page::Labs | Page::Lab(_)) {
        return labs::render(&database, &page, shell, &page_url, &path_and_query).await;
    }
    if matches!(page, Page::RecruitingDays | Page::RecruitingDay(_)) {
        return recruiting_days::render(&database, &page, shell, &page_url, &path_and_query).await;
    }
    let body = prerender::render(&path_and_query, &seed);
    let mut html = match &head {
        Some(head) => inject(&shell, head, &page_url),
        None => shell,
    };
    html = with_body(&html, &body, &prerender::seed_script_text(&seed));
    Ok(text_response(
        html,
        if found { 200 } else { 404 },
        html_headers(),
    ))
}

/// Loads what a page needs: one item, or the published items of some kinds (each with a LIMIT,
/// and kept while the feed's head stays where it was: `kept`). What an editor scheduled is
/// published first, as before a pull, so that no one reads the page without it.
///
/// Round trips to D1: two for an item's page (what is due, then the item by its key); one for a
/// list while the feed's head has not moved (what is due and the head, in one batch), plus one
/// per kind not yet kept at a new head, each with its LIMIT; none for a page that needs nothing.
/// Publishing what is due (rare) adds its own.
async fn load(database: &D1Database, needs: Needs) -> Result<Rc<Catalog>, ApiError> {
    let mut loaded = Catalog::default();
    match needs {
        Needs::Nothing => {}
        Needs::Item(kind, id) => {
            crate::editorial::publish_due(database).await?;
            if sito_core::opportunity::is_valid_id(&id) {
                if let Some(body) = db::content::current(database, kind, &id)
                    .await?
                    .filter(|c| !c.deleted)
                    .and_then(|c| c.body)
                {
                    add(&mut loaded, kind, vec![body.get().to_owned()]);
                }
            }
        }
        Needs::All(kinds) => {
            let head = crate::editorial::publish_due_then_head(database).await?;
            return kept::lists(head, kinds, |missing| async move {
                for kind in missing {
                    let bodies = db::content::latest(database, kind, MOST_PER_KIND).await?;
                    add(&mut loaded, kind, bodies);
                }
                Ok(loaded)
            })
            .await;
        }
    }
    Ok(Rc::new(loaded))
}

fn add(catalog: &mut Catalog, kind: ContentKind, bodies: Vec<String>) {
    match kind {
        ContentKind::Opportunity => catalog.opportunities = parse(bodies),
        ContentKind::Guide => catalog.guides = parse(bodies),
        ContentKind::News => catalog.news = parse(bodies),
        ContentKind::Organisation => catalog.organisations = parse(bodies),
        ContentKind::Answer => catalog.answers = parse(bodies),
        ContentKind::Call => catalog.calls = parse(bodies),
        // Labs and recruiting days are not in the catalog of the portal's pages.
        ContentKind::Lab | ContentKind::RecruitingDay => {}
    }
}

/// Stored items, each checked against its type; one that does not read is left out and logged.
/// In id order, as the phone's store keeps them: items that sort equal on a page (the same
/// deadline and title, the same search score) then come in the same order on both sides.
fn parse<T: DeserializeOwned + Content>(bodies: Vec<String>) -> Vec<T> {
    let mut items: Vec<T> = bodies
        .into_iter()
        .filter_map(|body| match serde_json::from_str(&body) {
            Ok(item) => Some(item),
            Err(error) => {
                worker::console_warn!("stored item unreadable: {error}");
                None
            }
        })
        .collect();
    items.sort_by(|a, b| a.id().cmp(b.id()));
    items
}

/// The head of an item's own page.
fn head(page: &Page, loaded: &Catalog, page_url: &str) -> Option<Head> {
    match page {
        Page::Opportunity(_) => loaded.opportunities.first().map(|o| Head {
            json_ld: jsonld::opportunity(o, page_url).map(|v| jsonld::script_text(&v)),
            title: o.title.clone(),
            description: o.summary.clone(),
            og_type: "article",
        }),
        Page::Guide(_) => loaded.guides.first().map(|g| Head {
            title: g.title.clone(),
            description: g.summary.clone(),
            og_type: "article",
            json_ld: None,
        }),
        Page::NewsItem(_) => loaded.news.first().map(|n| Head {
            title: n.title.clone(),
            description: n.summary.clone(),
            og_type: "article",
            json_ld: None,
        }),
        Page::Call(_) => loaded.calls.first().map(|c| Head {
            title: c.title.clone(),
            description: c.summary.clone(),
            og_type: "article",
            json_ld: None,
        }),
        _ => None,
    }
}

/// The shell's `<body>` replaced by the rendered page, followed by its seed and the globals
/// Leptos's hydration reads. Nothing stands between `<body>` and the page: hydration walks the
/// body's children from the first.
fn with_body(shell: &str, body: &str, seed: &str) -> String {
    let tail = format!(
        "<script type=\"application/json\" id=\"{SEED_ELEMENT}\">{seed}</script>\
         <script>__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__INCOMPLETE_CHUNKS=[];</script>"
    );
    match (shell.find("<body"), shell.rfind("</body>")) {
        (Some(open), Some(close)) if open < close => match shell[open..].find('>') {
            Some(end) => {
                let start = open + end + 1;
                format!("{}{body}{tail}{}", &shell[..start], &shell[close..])
            }
            None => shell.to_owned(),
        },
        _ => format!("{shell}{body}{tail}"),
    }
}

/// Replaces the shell's title and description and adds the item's tags before `</head>`.
fn inject(shell: &str, head: &Head, url: &str) -> String {
    let title = encode_text(&format!("{} · SI.T.O. Giovani", head.title)).into_owned();
    let description = encode_double_quoted_attribute(&head.description);
    let mut html = replace_element(
        shell,
        "<title>",
        "</title>",
        &format!("<title>{title}</title>"),
    );
    html = replace_tag_containing(&html, "name=description", "");
    html = replace_tag_containing(&html, "name=\"description\"", "");
    let mut tags = format!(
        "<meta name=\"description\" content=\"{description}\">\
         <link rel=\"canonical\" href=\"{url}\">\
         <meta property=\"og:title\" content=\"{og_title}\">\
         <meta property=\"og:description\" content=\"{description}\">\
         <meta property=\"og:type\" content=\"{og_type}\">\
         <meta property=\"og:url\" content=\"{url}\">\
         <meta property=\"og:site_name\" content=\"SI.T.O. Giovani\">\
         <meta property=\"og:locale\" content=\"it_IT\">\
         <meta name=\"twitter:card\" content=\"summary\">",
        url = encode_double_quoted_attribute(url),
        og_title = encode_double_quoted_attribute(&head.title),
        og_type = head.og_type,
    );
    if let Some(json_ld) = &head.json_ld {
        tags.push_str(&format!(
            "<script type=\"application/ld+json\">{json_ld}</script>"
        ));
    }
    match html.find("</head>") {
        Some(at) => {
            html.insert_str(at, &tags);
            html
        }
        None => format!("{tags}{html}"),
    }
}

fn replace_element(html: &str, open: &str, close: &str, with: &str) -> String {
    match (html.find(open), html.find(close)) {
        (Some(start), Some(end)) if end > start => {
            format!("{}{with}{}", &html[..start], &html[end + close.len()..])
        }
        _ => html.to_owned(),
    }
}

/// Replaces the whole `<…>` tag that contains `needle`.
fn replace_tag_containing(html: &str, needle: &str, with: &str) -> String {
    let Some(at) = html.find(needle) else {
        return html.to_owned();
    };
    match (html[..at].rfind('<'), html[at..].find('>')) {
        (Some(start), Some(len)) => format!("{}{with}{}", &html[..start], &html[at + len + 1..]),
        _ => html.to_owned(),
    }
}

/// The published items of `kind` a page of one item or of the list is rendered from: the item
/// `one` (none when it cannot be an id), or the latest `most`, in the order of `id`. A body that
/// does not read is left out with a warning.
async fn published<T: DeserializeOwned>(
    database: &D1Database,
    kind: ContentKind,
    one: Option<&str>,
    most: u32,
    id: fn(&T) -> &str,
) -> Result<Vec<T>, ApiError> {
    crate::editorial::publish_due(database).await?;
    let bodies = match one {
        Some(one) if sito_core::opportunity::is_valid_id(one) => {
            db::content::current(database, kind, one)
                .await?
                .filter(|c| !c.deleted)
                .and_then(|c| c.body)
                .map(|body| vec![body.get().to_owned()])
                .unwrap_or_default()
        }
        Some(_) => Vec::new(),
        None => db::content::latest(database, kind, most).await?,
    };
    let mut items: Vec<T> = bodies
        .iter()
        .filter_map(|body| match serde_json::from_str(body) {
            Ok(item) => Some(item),
            Err(e) => {
                worker::console_warn!("{} non leggibile: {e}", kind.plural());
                None
            }
        })
        .collect();
    items.sort_by(|a, b| id(a).cmp(id(b)));
    Ok(items)
}
