//! D1 access for the CV bank, the young person's side: storing a profile with its consent and
//! the columns the operators' filters read (its full-text row rewritten in the same batch),
//! reading what the server holds, answering a proposal, and deleting everything at once with
//! one audit line that names no one. Operators' reads are in `bank_desk`.

use serde::Deserialize;
use sito_core::bank::search::{filter_columns, skills_text};
use sito_core::matching::Profile;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::{db::changes, error::ApiError};

fn opt(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

/// A profile as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct ProfileRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub contact: String,
    pub profile: String,
    pub cv: Option<String>,
    pub consent_version: u32,
    pub consent_text: String,
    pub consent_given_at: String,
    pub stored_at: String,
    pub expires_at: String,
}

/// The profile `id` if it has not expired at `now`.
pub async fn profile(db: &D1Database, id: &str, now: &str) -> Result<Option<ProfileRow>, ApiError> {
    Ok(db
        .prepare(
            "SELECT id, code, name, contact, profile, cv, consent_version, consent_text, \
             consent_given_at, stored_at, expires_at FROM bank_profiles \
             WHERE id = ?1 AND expires_at > ?2",
        )
        .bind(&[id.into(), now.into()])?
        .first(None)
        .await?)
}

/// The profile `id` whatever its expiry (the replay check of a sending).
pub async fn any_profile(db: &D1Database, id: &str) -> Result<Option<ProfileRow>, ApiError> {
    profile(db, id, "").await
}

/// What a sending or an update writes.
pub struct Fields<'a> {
    pub id: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub contact: &'a str,
    pub profile: &'a Profile,
    pub profile_json: &'a str,
    pub cv_json: Option<&'a str>,
    pub consent_version: u32,
    pub consent_text: &'a str,
    pub at: &'a str,
    pub expires_at: &'a str,
}

/// The statements that rewrite the profile's full-text row, if the profile `id` holds `code`.
fn skills(db: &D1Database, f: &Fields<'_>) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let owned = "EXISTS (SELECT 1 FROM bank_profiles WHERE id = ?1 AND code = ?2)";
    Ok(vec![
        db.prepare(format!(
            "DELETE FROM bank_skills WHERE profile_id = ?1 AND {owned}"
        ))
        .bind(&[f.id.into(), f.code.into()])?,
        db.prepare(format!(
            "INSERT INTO bank_skills (profile_id, skills) SELECT ?1, ?3 WHERE {owned}"
        ))
        .bind(&[f.id.into(), f.code.into(), skills_text(f.profile).into()])?,
    ])
}

/// Stores a new profile; nothing when its id is already stored (`false`).
pub async fn insert(db: &D1Database, f: &Fields<'_>) -> Result<bool, ApiError> {
    let insert = db
        .prepare(
            "INSERT INTO bank_profiles (id, code, name, contact, profile, cv, district, education, \
             available_from, available_until, consent_version, consent_text, consent_given_at, \
             stored_at, expires_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(&values(f))?;
    let results = db.batch([vec![insert], skills(db, f)?].concat()).await?;
    Ok(changes(results.first()) == 1)
}

/// The values of `?1`…`?14` that storing and rewriting a profile share.
fn values(f: &Fields<'_>) -> [JsValue; 14] {
    let columns = filter_columns(f.profile);
    [
        f.id.into(),
        f.code.into(),
        f.name.into(),
        f.contact.into(),
        f.profile_json.into(),
        opt(f.cv_json),
        opt(columns.district),
        opt(columns.education),
        opt(columns.available_from.as_deref()),
        opt(columns.available_until.as_deref()),
        JsValue::from_f64(f64::from(f.consent_version)),
        f.consent_text.into(),
        f.at.into(),
        f.expires_at.into(),
    ]
}

/// Rewrites the profile `id` holding `code`, unexpired at `at`, renewing its consent and its
/// twelve months; `false` when none matched.
pub async fn update(db: &D1Database, f: &Fields<'_>) -> Result<bool, ApiError> {
    let update = db
        .prepare(
            "UPDATE bank_profiles SET name = ?3, contact = ?4, profile = ?5, cv = ?6, \
             district = ?7, education = ?8, available_from = ?9, available_until = ?10, \
             consent_version = ?11, consent_text = ?12, consent_given_at = ?13, \
             stored_at = ?13, expires_at = ?14 \
             WHERE id = ?1 AND code = ?2 AND expires_at > ?13",
        )
        .bind(&values(f))?;
    let results = db.batch([vec![update], skills(db, f)?].concat()).await?;
    Ok(changes(results.first()) == 1)
}

/// The statements that delete the profiles chosen by `which` (a condition on `bank_profiles`'
/// columns, with its parameters) and everything hanging from them.
pub(super) fn delete_where(
    db: &D1Database,
    which: &str,
    params: &[JsValue],
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let ids = format!("(SELECT id FROM bank_profiles WHERE {which})");
    Ok(vec![
        db.prepare(format!("DELETE FROM bank_views WHERE profile_id IN {ids}"))
            .bind(params)?,
        db.prepare(format!(
            "DELETE FROM bank_proposals WHERE profile_id IN {ids}"
        ))
        .bind(params)?,
        db.prepare(format!("DELETE FROM bank_skills WHERE profile_id IN {ids}"))
            .bind(params)?,
        db.prepare(format!("DELETE FROM bank_profiles WHERE {which}"))
            .bind(params)?,
    ])
}

/// Deletes the profile `id` holding `code`, its full-text row, views and proposals in one
/// batch, with an audit line that holds the profile's id alone; `false` when none matched.
pub async fn delete(db: &D1Database, id: &str, code: &str, at: &str) -> Result<bool, ApiError> {
    let which = "id = ?1 AND code = ?2";
    let params = [id.into(), code.into(), at.into()];
    let audit = db
        .prepare(format!(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             SELECT ?3, 'giovane', 'bank.delete', 'bank_profile', id, NULL, NULL \
             FROM bank_profiles WHERE {which}"
        ))
        .bind(&params)?;
    let mut batch = vec![audit];
    batch.extend(delete_where(
        db,
        &format!("{which} AND ?3 IS NOT NULL"),
        &params,
    )?);
    let results = db.batch(batch).await?;
    Ok(changes(results.first()) == 1)
}

/// Deletes every profile expired at `now` with everything hanging from them, and one audit
/// line with their number; answers how many.
pub async fn purge_expired(db: &D1Database, now: &str) -> Result<usize, ApiError> {
    let which = "expires_at <= ?1";
    let params = [now.into()];
    let audit = db
        .prepare(format!(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             SELECT ?1, 'sistema', 'bank.expire', 'bank_profile', '', NULL, \
               json_object('profiles', COUNT(*)) \
             FROM bank_profiles WHERE {which} HAVING COUNT(*) > 0"
        ))
        .bind(&params)?;
    let mut batch = vec![audit];
    batch.extend(delete_where(db, which, &params)?);
    let results = db.batch(batch).await?;
    Ok(changes(results.last()))
}

/// One staff read, as the young person sees it.
#[derive(Debug, Clone, Deserialize)]
pub struct ViewRow {
    pub at: String,
    pub by_name: String,
    pub kind: String,
}

/// The staff reads of the profile, newest first.
pub async fn views(db: &D1Database, id: &str) -> Result<Vec<ViewRow>, ApiError> {
    Ok(db
        .prepare(
            "SELECT at, by_name, kind FROM bank_views WHERE profile_id = ?1 \
             ORDER BY seq DESC LIMIT 500",
        )
        .bind(&[id.into()])?
        .all()
        .await?
        .results()?)
}

/// A proposal as stored, with the recruiting day's interview times when it is one.
#[derive(Debug, Clone, Deserialize)]
pub struct ProposalRow {
    pub id: String,
    pub profile_id: String,
    pub by_name: String,
    pub kind: String,
    pub item_id: String,
    pub title: String,
    pub message: String,
    pub sent_at: String,
    pub status: String,
    pub answered_at: Option<String>,
    pub slot: Option<String>,
    /// JSON array of times, from the published recruiting day.
    pub slots: Option<String>,
}

pub(super) const PROPOSAL_COLUMNS: &str = "pr.id, pr.profile_id, pr.by_name, pr.kind, \
     pr.item_id, pr.title, pr.message, pr.sent_at, pr.status, pr.answered_at, pr.slot, \
     CASE WHEN pr.kind = 'recruiting_day' THEN (SELECT json_extract(c.body, '$.slots') \
       FROM content c WHERE c.kind = 'recruiting_day' AND c.id = pr.item_id AND c.deleted = 0) \
     END AS slots";

/// The proposals to the profile, newest first.
pub async fn proposals(db: &D1Database, id: &str) -> Result<Vec<ProposalRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {PROPOSAL_COLUMNS} FROM bank_proposals pr WHERE pr.profile_id = ?1 \
             ORDER BY pr.sent_at DESC, pr.id LIMIT 200"
        ))
        .bind(&[id.into()])?
        .all()
        .await?
        .results()?)
}

/// Records the answer to a pending proposal; `false` when it was not pending.
pub async fn answer(
    db: &D1Database,
    profile_id: &str,
    proposal_id: &str,
    status: &str,
    slot: Option<&str>,
    at: &str,
) -> Result<bool, ApiError> {
    let result = db
        .prepare(
            "UPDATE bank_proposals SET status = ?3, slot = ?4, answered_at = ?5 \
             WHERE id = ?2 AND profile_id = ?1 AND status = 'pending'",
        )
        .bind(&[
            profile_id.into(),
            proposal_id.into(),
            status.into(),
            opt(slot),
            at.into(),
        ])?
        .run()
        .await?;
    Ok(changes(Some(&result)) == 1)
}
