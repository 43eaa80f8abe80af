//! D1 access for the reviewers: the calls with their proposals counted, the reviews, and the
//! writes of scores, requests for changes, proposed decisions and their publication. Every write
//! that touches the timeline does so in the same batch (one transaction) as the change itself,
//! guarded in SQL so that a race or a replay cannot add an event twice.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sito_core::{
    budget::Cents,
    proposal::{Decision, ProposalStatus},
};
use wasm_bindgen::JsValue;
use worker::D1Database;

use super::proposals::{ProposalRow, COLUMNS};
use crate::error::ApiError;

/// `GET /api/v1/review/calls`: one line per call, with its proposals counted (withdrawn ones
/// left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLine {
    pub id: String,
    pub title: String,
    /// Absent for a call retired after receiving proposals. Read from the call's own JSON and
    /// written back as the call's `closes_at` is (chrono's RFC 3339).
    pub closes_at: Option<DateTime<Utc>>,
    /// Proposals not withdrawn.
    pub proposals: u32,
    pub submitted: u32,
    pub in_review: u32,
    pub changes_requested: u32,
    /// With a decision, proposed or published.
    pub decided: u32,
    /// Without one yet: publishing waits for these.
    pub undecided: u32,
    /// Decisions already published to the groups.
    pub published: u32,
}

/// One step of the timeline as staff see it: who did it, too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEvent {
    #[serde(with = "sito_core::time")]
    pub at: DateTime<Utc>,
    pub status: ProposalStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Cents>,
    /// `group`, or the name of a member of staff.
    pub actor: String,
}

/// One reviewer's stored scores.
#[derive(Debug, Clone, Deserialize)]
pub struct StoredReview {
    pub proposal_id: String,
    pub reviewer_id: String,
    pub reviewer: String,
    /// JSON array of the scores, in the call's order.
    pub scores: String,
    pub weighted: u32,
    pub comment: String,
    pub note: String,
    #[serde(with = "sito_core::time")]
    pub updated_at: DateTime<Utc>,
}

impl StoredReview {
    pub fn scores(&self) -> Vec<u8> {
        serde_json::from_str(&self.scores).unwrap_or_default()
    }
}

const REVIEW_COLUMNS: &str =
    "r.proposal_id, r.reviewer_id, r.reviewer, r.scores, r.weighted, r.comment, r.note, r.updated_at";

/// Proposals that count for a call: all but the withdrawn ones.
const LIVE: &str = "status != 'withdrawn'";

/// One line per call, for every call or only `only`.
const CALLS: &str = "SELECT c.id, COALESCE(json_extract(c.body, '$.title'), c.id) AS title, \
    json_extract(c.body, '$.closes_at') AS closes_at, \
    COUNT(p.id) AS proposals, \
    COALESCE(SUM(p.status = 'submitted'), 0) AS submitted, \
    COALESCE(SUM(p.status = 'in_review'), 0) AS in_review, \
    COALESCE(SUM(p.status = 'changes_requested'), 0) AS changes_requested, \
    COALESCE(SUM(p.decision IS NOT NULL), 0) AS decided, \
    COALESCE(SUM(p.decision IS NULL), 0) AS undecided, \
    COALESCE(SUM(p.decision_published_at IS NOT NULL), 0) AS published \
    FROM content c LEFT JOIN proposals p ON p.call_id = c.id AND p.status != 'withdrawn' \
    WHERE c.kind = 'call' AND (c.deleted = 0 OR p.id IS NOT NULL) AND (?1 IS NULL OR c.id = ?1) \
    GROUP BY c.id ORDER BY closes_at DESC, c.id";

/// Every call that is published, or that received proposals, with its proposals counted.
pub async fn calls(db: &D1Database) -> Result<Vec<CallLine>, ApiError> {
    Ok(db
        .prepare(CALLS)
        .bind(&[JsValue::NULL])?
        .all()
        .await?
        .results()?)
}

/// One call's line (`None`: no such call, or retired without proposals).
pub async fn call_line(db: &D1Database, id: &str) -> Result<Option<CallLine>, ApiError> {
    Ok(db.prepare(CALLS).bind(&[id.into()])?.first(None).await?)
}

/// The proposals of a call (withdrawn ones left out), in protocol order, and all their reviews,
/// read together in one batch.
pub async fn call_proposals(
    db: &D1Database,
    call_id: &str,
) -> Result<(Vec<ProposalRow>, Vec<StoredReview>), ApiError> {
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT {COLUMNS} FROM proposals WHERE call_id = ?1 AND {LIVE} ORDER BY protocol_seq"
            ))
            .bind(&[call_id.into()])?,
            db.prepare(format!(
                "SELECT {REVIEW_COLUMNS} FROM reviews r JOIN proposals p ON p.id = r.proposal_id \
                 WHERE p.call_id = ?1 AND p.{LIVE} ORDER BY r.updated_at"
            ))
            .bind(&[call_id.into()])?,
        ])
        .await?;
    let [rows, reviews] = results.as_slice() else {
        return Err(ApiError::Storage("batch answered the wrong count".into()));
    };
    Ok((rows.results()?, reviews.results()?))
}

/// The reviews of one proposal, oldest first.
pub async fn reviews(db: &D1Database, proposal_id: &str) -> Result<Vec<StoredReview>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {REVIEW_COLUMNS} FROM reviews r WHERE r.proposal_id = ?1 ORDER BY r.updated_at"
        ))
        .bind(&[proposal_id.into()])?
        .all()
        .await?
        .results()?)
}

/// The whole timeline, with who did each step.
pub async fn timeline(db: &D1Database, proposal_id: &str) -> Result<Vec<StaffEvent>, ApiError> {
    Ok(super::proposals::events(db, proposal_id)
        .await?
        .into_iter()
        .map(|r| StaffEvent {
            at: r.at,
            status: r.status,
            revision: r.revision,
            message: r.message,
            amount: r.amount.map(sito_core::budget::Cents),
            actor: r.actor,
        })
        .collect())
}

/// A review to store.
pub struct NewReview<'a> {
    pub proposal_id: &'a str,
    pub reviewer_id: &'a str,
    pub reviewer: &'a str,
    pub scores: &'a [u8],
    pub weighted: u32,
    pub comment: &'a str,
    pub note: &'a str,
}

/// Stores (or replaces) one reviewer's scores. A `submitted` proposal moves to `in_review`, with
/// its event, in the same batch. Nothing is written once the proposal is withdrawn or its
/// decision published; `Ok(false)` then.
pub async fn save_review(
    db: &D1Database,
    review: &NewReview<'_>,
    now: &str,
) -> Result<bool, ApiError> {
    let scores =
        serde_json::to_string(review.scores).map_err(|e| ApiError::Storage(e.to_string()))?;
    let open = format!(
        "EXISTS (SELECT 1 FROM proposals WHERE id = ?1 AND {LIVE} AND decision_published_at IS NULL)"
    );
    let upsert = db
        .prepare(format!(
            "INSERT INTO reviews (proposal_id, reviewer_id, reviewer, scores, weighted, comment, note, updated_at) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE {open} \
             ON CONFLICT (proposal_id, reviewer_id) DO UPDATE SET reviewer = excluded.reviewer, \
             scores = excluded.scores, weighted = excluded.weighted, comment = excluded.comment, \
             note = excluded.note, updated_at = excluded.updated_at \
             RETURNING proposal_id"
        ))
        .bind(&[
            review.proposal_id.into(),
            review.reviewer_id.into(),
            review.reviewer.into(),
            scores.into(),
            review.weighted.into(),
            review.comment.into(),
            review.note.into(),
            now.into(),
        ])?;
    let start = db
        .prepare(
            "UPDATE proposals SET status = 'in_review', updated_at = ?2 \
             WHERE id = ?1 AND status = 'submitted' AND decision_published_at IS NULL",
        )
        .bind(&[review.proposal_id.into(), now.into()])?;
    let event = super::proposals::event_after_write(
        db,
        review.proposal_id,
        now,
        ProposalStatus::InReview,
        None,
        review.reviewer,
    )?;
    let results = db.batch(vec![upsert, start, event]).await?;
    let stored = results
        .first()
        .map(|r| r.results::<serde_json::Value>())
        .transpose()?
        .unwrap_or_default();
    Ok(!stored.is_empty())
}

/// Asks the group for changes: the status and the event with the message, in one batch.
/// `Ok(false)`: the proposal was withdrawn or decided in the meantime.
pub async fn request_changes(
    db: &D1Database,
    proposal_id: &str,
    message: &str,
    actor: &str,
    now: &str,
) -> Result<bool, ApiError> {
    let update = db
        .prepare(format!(
            "UPDATE proposals SET status = 'changes_requested', updated_at = ?2 \
             WHERE id = ?1 AND {LIVE} AND decision_published_at IS NULL RETURNING id"
        ))
        .bind(&[proposal_id.into(), now.into()])?;
    let event = super::proposals::event_after_write(
        db,
        proposal_id,
        now,
        ProposalStatus::ChangesRequested,
        Some(message),
        actor,
    )?;
    let results = db.batch(vec![update, event]).await?;
    let updated = results
        .first()
        .map(|r| r.results::<serde_json::Value>())
        .transpose()?
        .unwrap_or_default();
    Ok(!updated.is_empty())
}

/// Proposes (or replaces) the outcome; nothing reaches the group. `Ok(false)`: withdrawn or
/// already published.
pub async fn propose_decision(
    db: &D1Database,
    proposal_id: &str,
    decision: &Decision,
    actor: &str,
    now: &str,
) -> Result<bool, ApiError> {
    let (outcome, amount, reasons) = match decision {
        Decision::Funded { amount } => ("funded", JsValue::from(amount.0 as f64), JsValue::NULL),
        Decision::NotFunded { reasons } => ("not_funded", JsValue::NULL, reasons.trim().into()),
    };
    let updated: Vec<serde_json::Value> = db
        .prepare(format!(
            "UPDATE proposals SET decision = ?2, decision_amount = ?3, decision_reasons = ?4, \
             decided_by = ?5, updated_at = ?6 \
             WHERE id = ?1 AND {LIVE} AND decision_published_at IS NULL RETURNING id"
        ))
        .bind(&[
            proposal_id.into(),
            outcome.into(),
            amount,
            reasons,
            actor.into(),
            now.into(),
        ])?
        .all()
        .await?
        .results()?;
    Ok(!updated.is_empty())
}

/// How many proposals of the call (not withdrawn) have no decision yet.
pub async fn undecided(db: &D1Database, call_id: &str) -> Result<u32, ApiError> {
    #[derive(Deserialize)]
    struct Count {
        n: u32,
    }
    let row: Option<Count> = db
        .prepare(format!(
            "SELECT COUNT(*) AS n FROM proposals WHERE call_id = ?1 AND {LIVE} AND decision IS NULL"
        ))
        .bind(&[call_id.into()])?
        .first(None)
        .await?;
    Ok(row.map_or(0, |r| r.n))
}

/// Publishes every unpublished decision of the call at once, in one batch: the outcome events
/// for the groups, then the publication time. Both statements are guarded so that nothing at all
/// is written while any proposal of the call lacks a decision, and a decision already published
/// is never published (or its event written) again. Returns how many were published.
pub async fn publish(
    db: &D1Database,
    call_id: &str,
    actor: &str,
    now: &str,
) -> Result<u32, ApiError> {
    let due = format!(
        "call_id = ?1 AND {LIVE} AND decision IS NOT NULL AND decision_published_at IS NULL \
         AND NOT EXISTS (SELECT 1 FROM proposals q WHERE q.call_id = ?1 AND q.{LIVE} \
         AND q.decision IS NULL)"
    );
    let events = db
        .prepare(format!(
            "INSERT INTO proposal_events (proposal_id, at, status, revision, message, amount, actor) \
             SELECT id, ?2, decision, revision, \
             CASE WHEN decision = 'not_funded' THEN decision_reasons END, \
             CASE WHEN decision = 'funded' THEN decision_amount END, ?3 \
             FROM proposals WHERE {due} ORDER BY protocol_seq"
        ))
        .bind(&[call_id.into(), now.into(), actor.into()])?;
    let mark = db
        .prepare(format!(
            "UPDATE proposals SET decision_published_at = ?2, updated_at = ?2 WHERE {due} RETURNING id"
        ))
        .bind(&[call_id.into(), now.into()])?;
    let results = db.batch(vec![events, mark]).await?;
    let published = results
        .get(1)
        .map(|r| r.results::<serde_json::Value>())
        .transpose()?
        .unwrap_or_default();
    Ok(published.len() as u32)
}
