//! Feeds for readers and other sites: Atom per kind of content
//! (`/api/v1/feeds/{opportunities,guides,news}.atom`) and an iCalendar of deadlines and events
//! (`/api/v1/feeds/scadenze.ics`).

use atom_syndication::{Content as AtomContent, Entry, Feed, Link, Person, Text};
use serde::Deserialize;
use sito_core::{calendar, ContentKind, Guide, News, Opportunity};
use worker::{Env, Headers};

use crate::{
    db,
    error::ApiError,
    http::{text_response, ApiResult},
};

/// How many recent items an Atom feed carries.
const FEED_SIZE: u32 = 50;

/// The common part of every published item that a feed entry needs.
#[derive(Deserialize)]
struct Summary {
    id: String,
    #[serde(alias = "question", alias = "name")]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(with = "sito_core::time")]
    updated_at: chrono::DateTime<chrono::Utc>,
    published_by: String,
}

fn path_of(kind: ContentKind) -> &'static str {
    match kind {
        ContentKind::Opportunity => "opportunita",
        ContentKind::Guide => "guide",
        ContentKind::News => "notizie",
        ContentKind::Organisation => "rete",
        ContentKind::Answer => "esperto",
        ContentKind::Call => "bandi",
        ContentKind::Lab => "laboratori",
        ContentKind::RecruitingDay => "recruiting-day",
    }
}

fn title_of(kind: ContentKind) -> &'static str {
    match kind {
        ContentKind::Opportunity => "Opportunità",
        ContentKind::Guide => "Guide",
        ContentKind::News => "Notizie",
        ContentKind::Organisation => "Rete dei servizi",
        ContentKind::Answer => "L'esperto risponde",
        ContentKind::Call => "Bandi per progetti di giovani",
        ContentKind::Lab => "Laboratori e seminari",
        ContentKind::RecruitingDay => "Recruiting day",
    }
}

fn respond(body: String, content_type: &str) -> ApiResult {
    let headers = Headers::new();
    let _ = headers.set("content-type", content_type);
    let _ = headers.set("cache-control", "public, max-age=300");
    Ok(text_response(body, 200, headers))
}

pub async fn get(env: &Env, name: &str) -> ApiResult {
    match name.rsplit_once('.') {
        Some(("scadenze", "ics")) => deadlines(env).await,
        Some((plural, "atom")) => match ContentKind::from_plural(plural) {
            Some(kind @ (ContentKind::Opportunity | ContentKind::Guide | ContentKind::News)) => {
                atom(env, kind).await
            }
            _ => Err(ApiError::NotFound),
        },
        _ => Err(ApiError::NotFound),
    }
}

async fn atom(env: &Env, kind: ContentKind) -> ApiResult {
    let origin = crate::http::public_origin(env);
    let bodies = db::content::latest(&db::database(env)?, kind, FEED_SIZE).await?;
    let mut entries = Vec::with_capacity(bodies.len());
    for body in &bodies {
        let item: Summary =
            serde_json::from_str(body).map_err(|e| ApiError::Storage(e.to_string()))?;
        let url = format!("{origin}/{}/{}", path_of(kind), item.id);
        let mut entry = Entry::default();
        entry.set_id(url.clone());
        entry.set_title(Text::plain(item.title));
        entry.set_updated(item.updated_at.fixed_offset());
        entry.set_authors(vec![Person {
            name: item.published_by,
            ..Default::default()
        }]);
        entry.set_links(vec![Link {
            href: url,
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Default::default()
        }]);
        entry.set_summary(Some(Text::plain(item.summary)));
        entry.set_content(Some(AtomContent {
            value: Some(body_html(kind, body)),
            content_type: Some("html".into()),
            ..Default::default()
        }));
        entries.push(entry);
    }
    let mut feed = Feed::default();
    let self_url = format!("{origin}/api/v1/feeds/{}.atom", kind.plural());
    feed.set_id(self_url.clone());
    feed.set_title(Text::plain(format!("SI.T.O. Giovani · {}", title_of(kind))));
    feed.set_lang(Some("it".to_owned()));
    feed.set_updated(
        entries
            .iter()
            .map(|e| *e.updated())
            .max()
            .unwrap_or_else(|| chrono::DateTime::UNIX_EPOCH.fixed_offset()),
    );
    feed.set_links(vec![
        Link {
            href: self_url,
            rel: "self".into(),
            ..Default::default()
        },
        Link {
            href: format!("{origin}/{}", path_of(kind)),
            rel: "alternate".into(),
            ..Default::default()
        },
    ]);
    feed.set_entries(entries);
    respond(feed.to_string(), "application/atom+xml; charset=utf-8")
}

/// The item's rendered HTML, which the feed reader shows as the entry's content.
fn body_html(kind: ContentKind, body: &str) -> String {
    match kind {
        ContentKind::Opportunity => serde_json::from_str::<Opportunity>(body)
            .map(|o| o.description_html)
            .unwrap_or_default(),
        ContentKind::Guide => serde_json::from_str::<Guide>(body)
            .map(|g| g.body_html)
            .unwrap_or_default(),
        ContentKind::News => serde_json::from_str::<News>(body)
            .map(|n| n.body_html)
            .unwrap_or_default(),
        ContentKind::Organisation => String::new(),
        ContentKind::Answer => serde_json::from_str::<sito_core::Answer>(body)
            .map(|a| a.answer_html)
            .unwrap_or_default(),
        ContentKind::Call => serde_json::from_str::<sito_core::Call>(body)
            .map(|c| c.description_html)
            .unwrap_or_default(),
        ContentKind::Lab => serde_json::from_str::<sito_core::lab::Lab>(body)
            .map(|l| l.description_html)
            .unwrap_or_default(),
        ContentKind::RecruitingDay => {
            serde_json::from_str::<sito_core::recruiting::RecruitingDay>(body)
                .map(|d| d.description_html)
                .unwrap_or_default()
        }
    }
}

/// Every open deadline and upcoming event, for calendar apps to subscribe to.
async fn deadlines(env: &Env) -> ApiResult {
    let origin = crate::http::public_origin(env);
    let bodies = db::content::latest(&db::database(env)?, ContentKind::Opportunity, 5_000).await?;
    let items: Vec<Opportunity> = bodies
        .iter()
        .filter_map(|b| serde_json::from_str(b).ok())
        .collect();
    let today = today();
    let upcoming = items.iter().filter(|o| {
        o.deadline.is_some_and(|d| d >= today) || o.starts_on.is_some_and(|d| d >= today)
    });
    respond(
        calendar::calendar(upcoming, &origin),
        "text/calendar; charset=utf-8",
    )
}

fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .unwrap_or_default()
}
