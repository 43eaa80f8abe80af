//! Turns content into SQL that the local D1 can execute (`wrangler d1 execute --file`). The SQL
//! is idempotent: an item that already exists is left alone, so the dev command can load the
//! demo content on every start without bumping the feed.

use serde::{de::DeserializeOwned, Deserialize};
use sito_core::{markdown, opportunity::is_valid_id, Content, ContentKind, PublishMeta};

/// One item in a content file: its id plus what an editor would have typed.
#[derive(Debug, Deserialize)]
#[serde(bound = "I: DeserializeOwned")]
pub struct Seed<I> {
    pub id: String,
    #[serde(flatten)]
    pub input: I,
}

/// Who the demo content says published it.
pub const DEMO_PUBLISHER: &str = "Informagiovani Cremona";

fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Published form of a seed item, validated, rendered and sanitised as the worker would.
pub fn publish<T: Content>(seed: Seed<T::Input>, updated_at: &str) -> Result<T, String> {
    if !is_valid_id(&seed.id) {
        return Err(format!("{}: not a valid id", seed.id));
    }
    T::validate(&seed.input).map_err(|e| format!("{}: {:?}", seed.id, e.0))?;
    Ok(T::publish(
        seed.id,
        seed.input,
        PublishMeta {
            version: 1,
            updated_at,
            published_by: DEMO_PUBLISHER,
            render: markdown::render,
        },
    ))
}

/// Parses a JSON array of seeds of `T` and returns the SQL that inserts them.
pub fn sql_for<T: Content>(json: &str, updated_at: &str) -> Result<(usize, String), String> {
    let seeds: Vec<Seed<T::Input>> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let count = seeds.len();
    let mut sql = String::new();
    for seed in seeds {
        let item: T = publish(seed, updated_at)?;
        let body = serde_json::to_string(&item).map_err(|e| e.to_string())?;
        sql.push_str(&insert_sql(T::KIND, item.id(), &body, updated_at));
    }
    Ok((count, sql))
}

/// SQL that inserts `body` as version 1 with the next change sequence, unless the item exists.
pub fn insert_sql(kind: ContentKind, id: &str, body: &str, updated_at: &str) -> String {
    let kind = quote(kind.as_str());
    let id = quote(id);
    let absent = format!("NOT EXISTS (SELECT 1 FROM content WHERE kind = {kind} AND id = {id})");
    format!(
        "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' AND {absent};\n\
         INSERT INTO content (kind, id, version, seq, deleted, body, updated_at) \
         SELECT {kind}, {id}, 1, (SELECT value FROM counters WHERE name = 'change_seq'), 0, {body}, {at} \
         WHERE {absent};\n",
        body = quote(body),
        at = quote(updated_at),
    )
}

#[cfg(test)]
mod tests {
    use sito_core::{Guide, News, Opportunity, Organisation};

    use super::*;

    #[test]
    fn quotes_are_doubled_so_text_cannot_escape_the_literal() {
        let sql = insert_sql(
            ContentKind::Opportunity,
            "a",
            r#"{"t":"l'estate'); DROP"}"#,
            "x",
        );
        assert!(sql.contains(r#"'{"t":"l''estate''); DROP"}'"#), "{sql}");
    }

    fn count<T: Content>(json: &str) -> usize {
        sql_for::<T>(json, "2026-11-22T00:00:00Z").unwrap().0
    }

    #[test]
    fn every_demo_item_is_valid_and_the_themes_are_covered() {
        let at = "2026-11-22T00:00:00Z";
        assert!(count::<Opportunity>(include_str!("../../content/demo/opportunities.json")) >= 60);
        assert!(count::<Organisation>(include_str!("../../content/demo/organisations.json")) >= 20);
        assert!(count::<News>(include_str!("../../content/demo/news.json")) >= 10);
        let guides: Vec<Seed<sito_core::GuideInput>> =
            serde_json::from_str(include_str!("../../content/demo/guides.json")).unwrap();
        assert_eq!(guides.len(), 24, "every theme of the plan has its guide");
        for area in sito_core::GuideArea::ALL {
            assert!(guides.iter().any(|g| g.input.area == area), "{area:?}");
        }
        for seed in guides {
            let _: Guide = publish(seed, at).unwrap();
        }
    }
}
