//! Turns content into SQL that the local D1 can execute (`wrangler d1 execute --file`). The SQL
//! is idempotent: an item that already exists is left alone, so the dev command can load the
//! demo content on every start without bumping the feed.

use serde::Deserialize;
use sito_core::{markdown, ContentKind, Opportunity, OpportunityInput};

/// One opportunity in a content file: its id plus what an editor would have typed.
#[derive(Debug, Deserialize)]
pub struct SeedOpportunity {
    pub id: String,
    #[serde(flatten)]
    pub input: OpportunityInput,
}

/// Who the demo content says published it.
pub const DEMO_PUBLISHER: &str = "Informagiovani Cremona";

fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Published form of a seed item, rendered and sanitised as the worker would.
pub fn publish(seed: SeedOpportunity, updated_at: &str) -> Result<Opportunity, String> {
    if !sito_core::opportunity::is_valid_id(&seed.id) {
        return Err(format!("{}: not a valid id", seed.id));
    }
    seed.input
        .validate()
        .map_err(|e| format!("{}: {:?}", seed.id, e.0))?;
    let html = markdown::render(&seed.input.description_md);
    Ok(Opportunity::from_input(
        seed.id,
        1,
        seed.input,
        html,
        updated_at.to_owned(),
        DEMO_PUBLISHER.to_owned(),
    ))
}

/// SQL that inserts `item` as version 1 with the next change sequence, unless it exists.
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

    #[test]
    fn every_demo_opportunity_is_valid() {
        let text = include_str!("../../content/demo/opportunities.json");
        let seeds: Vec<SeedOpportunity> = serde_json::from_str(text).unwrap();
        assert!(seeds.len() >= 12, "a handful of demo opportunities");
        for seed in seeds {
            publish(seed, "2026-11-22T00:00:00Z").unwrap();
        }
    }
}
