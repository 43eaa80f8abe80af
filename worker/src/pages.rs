//! Pages served by the worker. The CV tool's addresses (`/cv…`) get its own page, `cv.html`, and
//! the proposal tool's (`/proposte…`) `proposte.html`.
//! Detail pages (`/opportunita/{id}`, `/guide/{id}`, `/notizie/{id}`) get the
//! app's own index.html with the item's title, description, Open Graph tags and schema.org
//! JSON-LD written into the head, so a shared link previews and search engines can read it. The
//! app then starts as usual.

use html_escape::{encode_double_quoted_attribute, encode_text};
use serde::de::DeserializeOwned;
use sito_core::{jsonld, ContentKind, Guide, News, Opportunity};
use worker::{Env, Headers, Request, Response};

use crate::{api::text_response, db, error::ApiError};

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

async fn render(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let url = req.url()?;
    let origin = url.origin().ascii_serialization();
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
        let headers = Headers::new();
        let _ = headers.set("content-type", "text/html; charset=utf-8");
        let _ = headers.set("cache-control", "public, max-age=0, must-revalidate");
        return Ok(text_response(page, 200, headers));
    }
    let shell = env
        .assets("ASSETS")?
        .fetch(format!("{origin}/index.html"), None)
        .await?
        .text()
        .await?;
    let page_url = format!("{origin}{path}");
    let head = match path.split('/').collect::<Vec<_>>().as_slice() {
        ["", "opportunita", id] => load::<Opportunity>(env, ContentKind::Opportunity, id)
            .await?
            .map(|o| Head {
                json_ld: jsonld::opportunity(&o, &page_url).map(|v| jsonld::script_text(&v)),
                title: o.title,
                description: o.summary,
                og_type: "article",
            }),
        ["", "guide", id] => load::<Guide>(env, ContentKind::Guide, id)
            .await?
            .map(|g| Head {
                title: g.title,
                description: g.summary,
                og_type: "article",
                json_ld: None,
            }),
        ["", "notizie", id] => load::<News>(env, ContentKind::News, id)
            .await?
            .map(|n| Head {
                title: n.title,
                description: n.summary,
                og_type: "article",
                json_ld: None,
            }),
        _ => None,
    };
    let headers = Headers::new();
    let _ = headers.set("content-type", "text/html; charset=utf-8");
    let _ = headers.set("cache-control", "public, max-age=0, must-revalidate");
    Ok(match head {
        Some(head) => text_response(inject(&shell, &head, &page_url), 200, headers),
        // The app shows its own "not found" page; the status tells crawlers.
        None => text_response(shell, 404, headers),
    })
}

async fn load<T: DeserializeOwned>(
    env: &Env,
    kind: ContentKind,
    id: &str,
) -> Result<Option<T>, ApiError> {
    if !sito_core::opportunity::is_valid_id(id) {
        return Ok(None);
    }
    Ok(
        match db::content::current(&db::database(env)?, kind, id).await? {
            Some(current) if !current.deleted => current
                .body
                .and_then(|raw| serde_json::from_str(raw.get()).ok()),
            _ => None,
        },
    )
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
