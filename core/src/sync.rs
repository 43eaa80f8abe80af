//! The pull side of the sync protocol (DESIGN.md): phones ask for every change after their
//! cursor; the server answers changes in the order of its own strictly increasing sequence.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::validation::ValidationErrors;

/// Version of the wire format; bumped on any incompatible change.
pub const PROTOCOL_VERSION: u32 = 1;
/// Changes per page when the client does not say.
pub const DEFAULT_LIMIT: u32 = 1000;
/// The most changes a page may carry.
pub const MAX_LIMIT: u32 = 1000;

/// The kinds of content that travel through the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ContentKind {
    Opportunity,
    Guide,
    News,
    Organisation,
    /// A published question to the expert with its answer ("L'esperto risponde").
    Answer,
    /// A call for youth-led projects (bando).
    Call,
    /// A lab or seminar with places and sign-ups.
    Lab,
    /// A recruiting day: companies meet young people, with their open roles.
    RecruitingDay,
}

impl ContentKind {
    /// The collection's name in URLs (`/api/v1/<plural>/{id}`) and in the phone's store.
    pub fn plural(self) -> &'static str {
        match self {
            Self::Opportunity => "opportunities",
            Self::Guide => "guides",
            Self::News => "news",
            Self::Organisation => "organisations",
            Self::Answer => "answers",
            Self::Call => "calls",
            Self::Lab => "labs",
            Self::RecruitingDay => "recruiting-days",
        }
    }

    pub fn from_plural(s: &str) -> Option<Self> {
        Self::VARIANTS.iter().copied().find(|k| k.plural() == s)
    }
}

/// `GET /api/v1/sync?since=<cursor>&limit=<n>`, parsed and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PullRequest {
    pub since: u64,
    pub limit: u32,
}

impl PullRequest {
    /// Parses the query pairs; unknown parameters are refused so that typos do not pass silently.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, ValidationErrors> {
        let page = PageQuery::from_query(pairs, "since", DEFAULT_LIMIT, MAX_LIMIT)?;
        Ok(PullRequest {
            since: page.cursor.unwrap_or(0),
            limit: page.limit,
        })
    }
}

/// A cursor and a page size from a query string: the cursor under its own name (`since` for
/// the feed, `after` for a group's proposals) and `limit`, with nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageQuery {
    pub cursor: Option<u64>,
    pub limit: u32,
}

impl PageQuery {
    /// Parses the query pairs; unknown parameters are refused so that typos do not pass silently.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        cursor_name: &str,
        default_limit: u32,
        max_limit: u32,
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let mut query = PageQuery {
            cursor: None,
            limit: default_limit,
        };
        for (key, value) in pairs {
            match key {
                "limit" => match value.parse::<u32>() {
                    Ok(v) if (1..=max_limit).contains(&v) => query.limit = v,
                    _ => errors.push(
                        "limit",
                        "invalid_limit",
                        format!("Il limite deve essere un numero tra 1 e {max_limit}."),
                    ),
                },
                key if key == cursor_name => match value.parse::<u64>() {
                    Ok(v) if v <= i64::MAX as u64 => query.cursor = Some(v),
                    _ => errors.push(
                        key,
                        "invalid_cursor",
                        "Il cursore deve essere un numero intero non negativo.",
                    ),
                },
                other => errors.push(
                    other,
                    "unknown_parameter",
                    format!("Parametro sconosciuto: «{other}»."),
                ),
            }
        }
        errors.into_result(query)
    }
}

/// One change in the feed. `item` is absent for a tombstone. The worker passes the stored JSON
/// through untouched (`RawValue`); the app parses it by `kind`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Change {
    pub seq: u64,
    pub kind: ContentKind,
    pub id: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Box<RawValue>>,
}

/// One page of the feed.
#[derive(Debug, Serialize, Deserialize)]
pub struct PullResponse {
    pub protocol: u32,
    /// Where the next pull starts: the last change's sequence, or the request's cursor when
    /// nothing changed.
    pub cursor: u64,
    /// More changes are waiting beyond this page.
    pub more: bool,
    /// The client's cursor is no longer valid (tombstones it depends on were purged, or the
    /// server's sequence restarted): drop everything and apply this page, which starts from zero.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reset: bool,
    /// A phone skips changes of kinds it does not know yet: a server that starts publishing a new
    /// kind must not stop older apps from syncing the rest. The app version that knows the kind
    /// adds its store in a database upgrade, which drops the cursor, so it pulls them then.
    #[serde(deserialize_with = "known_kinds")]
    pub changes: Vec<Change>,
}

/// A change as it travels, before its kind is known to be one of ours.
#[derive(Deserialize)]
struct WireChange {
    seq: u64,
    kind: String,
    id: String,
    version: u32,
    #[serde(default)]
    deleted: bool,
    #[serde(default)]
    item: Option<Box<RawValue>>,
}

fn known_kinds<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Change>, D::Error> {
    let wire = Vec::<WireChange>::deserialize(deserializer)?;
    Ok(wire
        .into_iter()
        .filter_map(|c| {
            Some(Change {
                seq: c.seq,
                kind: c.kind.parse::<ContentKind>().ok()?,
                id: c.id,
                version: c.version,
                deleted: c.deleted,
                item: c.item,
            })
        })
        .collect())
}

/// The server's view of its own feed, read in the same round trip as the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedState {
    /// The highest sequence ever assigned.
    pub head: u64,
    /// Tombstones up to this sequence have been purged.
    pub purged_through: u64,
}

impl FeedState {
    /// A cursor must be re-pulled from zero when it predates purged tombstones (it could miss a
    /// deletion) or lies beyond the head (it belongs to another database).
    pub fn needs_reset(&self, since: u64) -> bool {
        (since > 0 && since < self.purged_through) || since > self.head
    }
}

/// Builds a page from the rows read with `LIMIT limit + 1`: the extra row only says that more is
/// waiting.
pub fn page(since: u64, limit: u32, reset: bool, mut rows: Vec<Change>) -> PullResponse {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let cursor = rows.last().map_or(since, |c| c.seq);
    PullResponse {
        protocol: PROTOCOL_VERSION,
        cursor,
        more,
        reset,
        changes: rows,
    }
}

#[cfg(test)]
mod tests;
