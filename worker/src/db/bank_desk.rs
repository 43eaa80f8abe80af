//! D1 access for the operators' side of the CV bank: the search (only unexpired profiles, never
//! their name or contact), each candidate shown written as a view the young person sees and the
//! search as one audit line, proposals, and the operator's own proposals with the name and
//! contact of the accepted ones (that read too is a view and an audit line).

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::D1Database;

use super::bank::{ProposalRow, PROPOSAL_COLUMNS};
use crate::{db::changes, error::ApiError};

/// What the search filters on, as stored values.
pub struct Filters<'a> {
    pub now: &'a str,
    pub district: Option<&'a str>,
    /// ISO date.
    pub available_on: Option<String>,
    pub language: Option<&'a str>,
    /// The levels accepted for `language` (empty: any).
    pub levels: Vec<&'a str>,
    /// The education values accepted (empty: any).
    pub education: Vec<&'a str>,
    pub sector: Option<&'a str>,
    /// An FTS5 expression built by `sito_core::bank::search::fts_match`.
    pub fts: Option<String>,
    pub limit: u32,
}

/// A candidate as the search reads it: no name, no contact.
#[derive(Debug, Clone, Deserialize)]
pub struct CandidateRow {
    pub id: String,
    pub profile: String,
    pub has_cv: u8,
    pub expires_at: String,
}

fn json_list(values: &[&str]) -> Result<JsValue, ApiError> {
    Ok(serde_json::to_string(values)
        .map_err(|e| ApiError::Storage(e.to_string()))?
        .into())
}

/// The unexpired profiles matching every filter, newest first.
pub async fn search(db: &D1Database, f: &Filters<'_>) -> Result<Vec<CandidateRow>, ApiError> {
    let mut sql = String::from(
        "SELECT p.id, p.profile, (p.cv IS NOT NULL) AS has_cv, p.expires_at \
         FROM bank_profiles p WHERE p.expires_at > ?1",
    );
    let mut params: Vec<JsValue> = vec![f.now.into()];
    let next = |params: &mut Vec<JsValue>, value: JsValue| {
        params.push(value);
        format!("?{}", params.len())
    };
    if let Some(district) = f.district {
        let p = next(&mut params, district.into());
        sql.push_str(&format!(" AND p.district = {p}"));
    }
    if let Some(day) = &f.available_on {
        let p = next(&mut params, day.as_str().into());
        sql.push_str(&format!(
            " AND (p.available_from IS NULL OR p.available_from <= {p}) \
             AND (p.available_until IS NULL OR p.available_until >= {p})"
        ));
    }
    if let Some(language) = f.language {
        let p = next(&mut params, language.into());
        let mut cond = format!("json_extract(l.value, '$.language') = {p}");
        if !f.levels.is_empty() {
            let p = next(&mut params, json_list(&f.levels)?);
            cond.push_str(&format!(
                " AND json_extract(l.value, '$.level') IN (SELECT value FROM json_each({p}))"
            ));
        }
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM json_each(p.profile, '$.languages') l WHERE {cond})"
        ));
    }
    if !f.education.is_empty() {
        let p = next(&mut params, json_list(&f.education)?);
        sql.push_str(&format!(
            " AND p.education IN (SELECT value FROM json_each({p}))"
        ));
    }
    if let Some(sector) = f.sector {
        let p = next(&mut params, sector.into());
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM json_each(p.profile, '$.sectors') s WHERE s.value = {p})"
        ));
    }
    if let Some(fts) = &f.fts {
        let p = next(&mut params, fts.as_str().into());
        sql.push_str(&format!(
            " AND p.id IN (SELECT profile_id FROM bank_skills WHERE bank_skills MATCH {p})"
        ));
    }
    let p = next(&mut params, JsValue::from_f64(f64::from(f.limit)));
    sql.push_str(&format!(" ORDER BY p.stored_at DESC, p.id LIMIT {p}"));
    Ok(db.prepare(sql).bind(&params)?.all().await?.results()?)
}

/// Who read, for the views and the audit log.
pub struct Reader<'a> {
    pub account_id: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub at: &'a str,
}

/// Writes a 'search' view for each profile shown and one audit line for the search (`query`:
/// its filters as JSON, `item_id`: what it scored against, if anything).
pub async fn record_search(
    db: &D1Database,
    reader: &Reader<'_>,
    ids: &[&str],
    item_id: &str,
    query: &str,
) -> Result<(), ApiError> {
    let views = db
        .prepare(
            "INSERT INTO bank_views (profile_id, at, account_id, by_name, kind) \
             SELECT j.value, ?1, ?2, ?3, 'search' FROM json_each(?4) j \
             WHERE j.value IN (SELECT id FROM bank_profiles)",
        )
        .bind(&[
            reader.at.into(),
            reader.account_id.into(),
            reader.name.into(),
            json_list(ids)?,
        ])?;
    let audit = db
        .prepare(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             VALUES (?1, ?2, 'bank.search', 'bank_search', ?3, NULL, \
               json_object('query', json(?4), 'profiles', json(?5)))",
        )
        .bind(&[
            reader.at.into(),
            reader.email.into(),
            item_id.into(),
            query.into(),
            json_list(ids)?,
        ])?;
    db.batch(vec![views, audit]).await?;
    Ok(())
}

/// A published item's title, if `kind` (`opportunity` or `recruiting_day`) holds `id`.
pub async fn published_title(
    db: &D1Database,
    kind: &str,
    id: &str,
) -> Result<Option<String>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        title: Option<String>,
    }
    let row: Option<Row> = db
        .prepare(
            "SELECT json_extract(body, '$.title') AS title FROM content \
             WHERE kind = ?1 AND id = ?2 AND deleted = 0",
        )
        .bind(&[kind.into(), id.into()])?
        .first(None)
        .await?;
    Ok(row.and_then(|r| r.title))
}

/// The published body of `kind`'s `id`.
pub async fn published_body(
    db: &D1Database,
    kind: &str,
    id: &str,
) -> Result<Option<String>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        body: String,
    }
    let row: Option<Row> = db
        .prepare("SELECT body FROM content WHERE kind = ?1 AND id = ?2 AND deleted = 0")
        .bind(&[kind.into(), id.into()])?
        .first(None)
        .await?;
    Ok(row.map(|r| r.body))
}

/// A new proposal.
pub struct NewProposal<'a> {
    pub id: &'a str,
    pub profile_id: &'a str,
    pub kind: &'a str,
    pub item_id: &'a str,
    pub title: &'a str,
    pub message: &'a str,
}

/// Stores the proposal if the profile is unexpired at `reader.at` and the id is new, with its
/// audit line; `false` otherwise.
pub async fn propose(
    db: &D1Database,
    reader: &Reader<'_>,
    new: &NewProposal<'_>,
) -> Result<bool, ApiError> {
    let insert = db
        .prepare(
            "INSERT INTO bank_proposals \
             (id, profile_id, account_id, by_name, kind, item_id, title, message, sent_at) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 \
             WHERE EXISTS (SELECT 1 FROM bank_profiles WHERE id = ?2 AND expires_at > ?9) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(&[
            new.id.into(),
            new.profile_id.into(),
            reader.account_id.into(),
            reader.name.into(),
            new.kind.into(),
            new.item_id.into(),
            new.title.into(),
            new.message.into(),
            reader.at.into(),
        ])?;
    let audit = db
        .prepare(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             SELECT ?2, ?3, 'bank.propose', 'bank_proposal', id, NULL, \
               json_object('profile_id', profile_id, 'kind', kind, 'item_id', item_id) \
             FROM bank_proposals WHERE id = ?1 AND sent_at = ?2 AND account_id = ?4",
        )
        .bind(&[
            new.id.into(),
            reader.at.into(),
            reader.email.into(),
            reader.account_id.into(),
        ])?;
    let results = db.batch(vec![insert, audit]).await?;
    Ok(changes(results.first()) == 1)
}

/// A proposal as its operator sees it; `name` and `contact` only once accepted.
#[derive(Debug, Clone, Deserialize)]
pub struct OperatorRow {
    #[serde(flatten)]
    pub proposal: ProposalRow,
    pub account_id: String,
    pub name: Option<String>,
    pub contact: Option<String>,
}

/// The proposal `id` whatever its operator, without contacts (the replay check).
pub async fn proposal(db: &D1Database, id: &str) -> Result<Option<OperatorRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {PROPOSAL_COLUMNS}, pr.account_id, NULL AS name, NULL AS contact \
             FROM bank_proposals pr WHERE pr.id = ?1"
        ))
        .bind(&[id.into()])?
        .first(None)
        .await?)
}

/// The operator's own proposals to unexpired profiles, newest first. The name and contact of
/// the accepted ones are read in the same batch as a 'contacts' view and an audit line each.
pub async fn own_proposals(
    db: &D1Database,
    reader: &Reader<'_>,
) -> Result<Vec<OperatorRow>, ApiError> {
    let accepted = "FROM bank_proposals pr JOIN bank_profiles b ON b.id = pr.profile_id \
         WHERE pr.account_id = ?1 AND pr.status = 'accepted' AND b.expires_at > ?2 \
         GROUP BY pr.profile_id";
    let views = db
        .prepare(format!(
            "INSERT INTO bank_views (profile_id, at, account_id, by_name, kind) \
             SELECT pr.profile_id, ?2, ?1, ?3, 'contacts' {accepted}"
        ))
        .bind(&[
            reader.account_id.into(),
            reader.at.into(),
            reader.name.into(),
        ])?;
    let audit = db
        .prepare(format!(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             SELECT ?2, ?4, 'bank.contacts', 'bank_profile', pr.profile_id, NULL, NULL {accepted}"
        ))
        .bind(&[
            reader.account_id.into(),
            reader.at.into(),
            JsValue::NULL,
            reader.email.into(),
        ])?;
    let list = db
        .prepare(format!(
            "SELECT {PROPOSAL_COLUMNS}, pr.account_id, \
               CASE WHEN pr.status = 'accepted' THEN b.name END AS name, \
               CASE WHEN pr.status = 'accepted' THEN b.contact END AS contact \
             FROM bank_proposals pr JOIN bank_profiles b ON b.id = pr.profile_id \
             WHERE pr.account_id = ?1 AND b.expires_at > ?2 \
             ORDER BY pr.sent_at DESC, pr.id LIMIT 200"
        ))
        .bind(&[reader.account_id.into(), reader.at.into()])?;
    let results = db.batch(vec![views, audit, list]).await?;
    Ok(results
        .last()
        .map(|r| r.results::<OperatorRow>())
        .transpose()?
        .unwrap_or_default())
}

/// A published item an operator may search and propose for.
#[derive(Debug, Clone, Deserialize)]
pub struct OpenItem {
    pub kind: String,
    pub id: String,
    pub title: String,
}

/// The open published opportunities (deadline from `today` on, or none) and the recruiting
/// days not begun at `now`, by title.
pub async fn open_items(
    db: &D1Database,
    today: &str,
    now: &str,
) -> Result<Vec<OpenItem>, ApiError> {
    Ok(db
        .prepare(
            "SELECT kind, id, json_extract(body, '$.title') AS title FROM content \
             WHERE deleted = 0 AND json_extract(body, '$.title') IS NOT NULL AND (\
               (kind = 'opportunity' AND COALESCE(json_extract(body, '$.deadline'), ?1) >= ?1) \
               OR (kind = 'recruiting_day' AND json_extract(body, '$.starts_at') > ?2)) \
             ORDER BY kind DESC, title COLLATE NOCASE, id LIMIT 500",
        )
        .bind(&[today.into(), now.into()])?
        .all()
        .await?
        .results()?)
}
