//! The editors' desk: the working copy of every item, its status, and the messages the desk
//! and the API exchange. What phones see is only the published, rendered form (`sync`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::{opportunity::District, sync::ContentKind, validation::ValidationErrors};

/// Where an item stands. Only `Published` items are in the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum EntryStatus {
    Draft,
    Scheduled,
    Published,
    Retired,
}

impl EntryStatus {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Draft => "Bozza",
            Self::Scheduled => "Programmato",
            Self::Published => "Pubblicato",
            Self::Retired => "Ritirato",
        }
    }
}

/// What a save asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SaveAction {
    /// Keep as a draft (a published item stays published with its old text until "publish").
    Draft,
    /// Publish now: phones get it at their next sync.
    Publish,
    /// Publish at `publish_at`.
    Schedule,
    /// Take it off the phones (a tombstone in the feed); the working copy stays.
    Retire,
}

impl SaveAction {
    /// The status an entry has after this action.
    pub fn status_after(self, before: Option<EntryStatus>) -> EntryStatus {
        match self {
            Self::Draft => match before {
                Some(EntryStatus::Published) => EntryStatus::Published,
                _ => EntryStatus::Draft,
            },
            Self::Publish => EntryStatus::Published,
            Self::Schedule => EntryStatus::Scheduled,
            Self::Retire => EntryStatus::Retired,
        }
    }
}

/// `PUT /api/v1/desk/{plural}/{id}` (with `If-Match: "<version>"` unless new).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SaveEntry {
    pub action: SaveAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_at: Option<DateTime<Utc>>,
    /// The kind's input, as an editor typed it (Markdown).
    pub input: serde_json::Value,
}

impl SaveEntry {
    /// The checks that do not depend on the kind: a schedule needs a time in the future.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        match (self.action, self.publish_at) {
            (SaveAction::Schedule, None) => errors.push(
                "publish_at",
                "required",
                "Indica data e ora di pubblicazione.",
            ),
            (SaveAction::Schedule, Some(at)) if at <= now => errors.push(
                "publish_at",
                "in_the_past",
                "La data di pubblicazione programmata deve essere nel futuro.",
            ),
            _ => {}
        }
        errors.into_result(())
    }
}

/// One entry as the desk shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryView {
    pub kind: ContentKind,
    pub id: String,
    pub version: u32,
    pub status: EntryStatus,
    #[serde(
        default,
        with = "crate::time::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub publish_at: Option<DateTime<Utc>>,
    pub title: String,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    pub input: serde_json::Value,
}

/// One row of the desk's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntrySummary {
    pub kind: ContentKind,
    pub id: String,
    pub version: u32,
    pub status: EntryStatus,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(
        default,
        with = "crate::time::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub publish_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    #[serde(with = "crate::time")]
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub kind: String,
    pub item_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The desk list's search and filters, from the query string
/// (`?q=&tipo=&stato=&territorio=&scadenza_entro=&pagina=`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeskQuery {
    pub text: String,
    pub kind: Option<ContentKind>,
    pub status: Option<EntryStatus>,
    pub district: Option<District>,
    /// Items whose deadline falls on or before this date (ISO).
    pub deadline_before: Option<chrono::NaiveDate>,
    pub page: u32,
}

/// Rows per page of the desk list.
pub const DESK_PAGE: u32 = 50;

impl DeskQuery {
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let mut query = Self::default();
        for (key, value) in pairs {
            if value.is_empty() {
                continue;
            }
            match key {
                "q" => query.text = value.chars().take(200).collect(),
                "tipo" => match ContentKind::from_plural(value) {
                    Some(kind) => query.kind = Some(kind),
                    None => errors.push("tipo", "unknown", "Tipo di contenuto sconosciuto."),
                },
                "stato" => match value.parse::<EntryStatus>().ok() {
                    Some(status) => query.status = Some(status),
                    None => errors.push("stato", "unknown", "Stato sconosciuto."),
                },
                "territorio" => match value.parse::<District>().ok() {
                    Some(district) => query.district = Some(district),
                    None => errors.push("territorio", "unknown", "Territorio sconosciuto."),
                },
                "scadenza_entro" => match value.parse() {
                    Ok(date) => query.deadline_before = Some(date),
                    Err(_) => errors.push(
                        "scadenza_entro",
                        "invalid_date",
                        "Data non valida (AAAA-MM-GG).",
                    ),
                },
                "pagina" => match value.parse::<u32>() {
                    Ok(page) if page >= 1 => query.page = page - 1,
                    _ => errors.push("pagina", "invalid", "Numero di pagina non valido."),
                },
                _ => {}
            }
        }
        errors.into_result(query)
    }

    /// The words of `text` as an FTS5 query: each word a quoted prefix, all required. Quoting
    /// keeps FTS5 syntax (`AND`, `*`, `"`) typed by an editor from being interpreted.
    pub fn fts_match(&self) -> Option<String> {
        let words: Vec<String> = self
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\"*"))
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    }
}

/// Every string in an input, joined: what the desk's full-text index holds for the entry.
pub fn search_text(input: &serde_json::Value) -> String {
    fn walk(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(input, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_save_keeps_a_published_item_published() {
        use EntryStatus::*;
        assert_eq!(SaveAction::Draft.status_after(None), Draft);
        assert_eq!(SaveAction::Draft.status_after(Some(Published)), Published);
        assert_eq!(SaveAction::Draft.status_after(Some(Retired)), Draft);
        assert_eq!(SaveAction::Retire.status_after(Some(Published)), Retired);
        assert_eq!(SaveAction::Publish.status_after(Some(Scheduled)), Published);
    }

    #[test]
    fn a_schedule_needs_a_future_time() {
        let now: DateTime<Utc> = "2026-11-22T09:00:00Z".parse().unwrap();
        let save = |at: Option<&str>| SaveEntry {
            action: SaveAction::Schedule,
            publish_at: at.map(|a| a.parse().unwrap()),
            input: serde_json::Value::Null,
        };
        assert_eq!(save(None).validate(now).unwrap_err().0[0].code, "required");
        assert_eq!(
            save(Some("2026-11-22T08:59:00Z"))
                .validate(now)
                .unwrap_err()
                .0[0]
                .code,
            "in_the_past"
        );
        assert!(save(Some("2026-11-23T08:00:00Z")).validate(now).is_ok());
    }

    #[test]
    fn desk_query_reads_filters_and_quotes_search_words() {
        let query = DeskQuery::from_query([
            ("q", "tirocinio AND \"Crema*"),
            ("tipo", "opportunities"),
            ("stato", "scheduled"),
            ("territorio", "crema"),
            ("scadenza_entro", "2026-12-31"),
            ("pagina", "2"),
        ])
        .unwrap();
        assert_eq!(query.kind, Some(ContentKind::Opportunity));
        assert_eq!(query.status, Some(EntryStatus::Scheduled));
        assert_eq!(query.district, Some(District::Crema));
        assert_eq!(query.page, 1);
        assert_eq!(
            query.fts_match().as_deref(),
            Some("\"tirocinio\"* \"AND\"* \"Crema\"*")
        );
        let errors =
            DeskQuery::from_query([("tipo", "x"), ("scadenza_entro", "domani")]).unwrap_err();
        assert_eq!(errors.0.len(), 2);
        assert_eq!(DeskQuery::default().fts_match(), None);
    }

    #[test]
    fn search_text_collects_every_string_of_the_input() {
        let input = serde_json::json!({
            "title": "Guida al colloquio",
            "steps": [{"title": "Prepararsi", "body_md": "Leggi l'annuncio"}],
            "age_min": 18
        });
        let text = search_text(&input);
        for part in ["Guida al colloquio", "Prepararsi", "Leggi l'annuncio"] {
            assert!(text.contains(part), "{part}");
        }
        assert!(!text.contains("18"));
    }
}
