//! D1 access for proposals, their timeline and the calls they answer.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sito_core::{
    budget::Cents,
    proposal::{Decision, ProposalBody, ProposalStatus, TimelineEvent},
    Call, ContentKind,
};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::error::ApiError;

/// The columns of `proposals` that every reader needs.
pub const COLUMNS: &str =
    "id, account_id, call_id, protocol_seq, protocol, revision, body, body_hash, title, \
    group_name, total, requested, status, first_submitted_at, submitted_at, updated_at, decision, \
    decision_amount, decision_reasons, decided_by, decision_published_at";

#[derive(Debug, Clone, Deserialize)]
pub struct ProposalRow {
    pub id: String,
    pub account_id: String,
    pub call_id: String,
    /// The strictly increasing number behind the protocol: the cursor of a group's list.
    pub protocol_seq: u64,
    pub protocol: String,
    pub revision: u32,
    pub body: String,
    pub body_hash: String,
    pub title: String,
    pub group_name: String,
    pub total: i64,
    pub requested: i64,
    /// Submitted, withdrawn, in review or changes requested (the outcome is `decision`); an
    /// unknown stored value fails the read (a storage error), it never becomes a status.
    pub status: ProposalStatus,
    #[serde(with = "sito_core::time")]
    pub first_submitted_at: DateTime<Utc>,
    #[serde(with = "sito_core::time")]
    pub submitted_at: DateTime<Utc>,
    #[serde(with = "sito_core::time")]
    pub updated_at: DateTime<Utc>,
    pub decision: Option<String>,
    pub decision_amount: Option<i64>,
    pub decision_reasons: Option<String>,
    pub decided_by: Option<String>,
    #[serde(default, with = "sito_core::time::option")]
    pub decision_published_at: Option<DateTime<Utc>>,
}

impl ProposalRow {
    pub fn body(&self) -> Result<ProposalBody, ApiError> {
        serde_json::from_str(&self.body)
            .map_err(|e| ApiError::Storage(format!("proposal body: {e}")))
    }

    /// The working status, as staff see it.
    pub fn working_status(&self) -> ProposalStatus {
        self.status
    }

    /// The status the group sees: the outcome once published, otherwise the working status.
    pub fn group_status(&self) -> ProposalStatus {
        match (&self.decision_published_at, self.decision()) {
            (Some(_), Some(decision)) => decision.status(),
            _ => self.working_status(),
        }
    }

    /// The proposed (or published) decision.
    pub fn decision(&self) -> Option<Decision> {
        match self.decision.as_deref()? {
            "funded" => Some(Decision::Funded {
                amount: Cents(self.decision_amount?),
            }),
            "not_funded" => Some(Decision::NotFunded {
                reasons: self.decision_reasons.clone().unwrap_or_default(),
            }),
            _ => None,
        }
    }
}

pub async fn find(db: &D1Database, id: &str) -> Result<Option<ProposalRow>, ApiError> {
    Ok(db
        .prepare(format!("SELECT {COLUMNS} FROM proposals WHERE id = ?1"))
        .bind(&[id.into()])?
        .first(None)
        .await?)
}

/// The proposal `id` if it belongs to `account_id`; another group's proposal is "not found",
/// exactly like one that does not exist.
pub async fn own(db: &D1Database, id: &str, account_id: &str) -> Result<ProposalRow, ApiError> {
    match find(db, id).await? {
        Some(row) if row.account_id == account_id => Ok(row),
        _ => Err(ApiError::NotFound),
    }
}

/// One entry of the status timeline as stored, with who did it.
#[derive(Deserialize)]
pub struct EventRow {
    #[serde(with = "sito_core::time")]
    pub at: DateTime<Utc>,
    pub status: ProposalStatus,
    pub revision: Option<u32>,
    pub message: Option<String>,
    pub amount: Option<i64>,
    pub actor: String,
}

/// The stored timeline of a proposal, oldest first.
pub async fn events(db: &D1Database, id: &str) -> Result<Vec<EventRow>, ApiError> {
    Ok(db
        .prepare(
            "SELECT at, status, revision, message, amount, actor FROM proposal_events \
             WHERE proposal_id = ?1 ORDER BY id",
        )
        .bind(&[id.into()])?
        .all()
        .await?
        .results()?)
}

/// The status timeline the group sees, oldest first (without who did each step). Decision
/// events exist only once published.
pub async fn timeline(db: &D1Database, id: &str) -> Result<Vec<TimelineEvent>, ApiError> {
    Ok(events(db, id)
        .await?
        .into_iter()
        .map(|r| TimelineEvent {
            at: r.at,
            status: r.status,
            message: r.message,
            amount: r.amount.map(Cents),
            revision: r.revision,
        })
        .collect())
}

/// A timeline entry that is written only if the statement before it, in the same batch,
/// changed a row (`changes() = 1`): a replay, or a copy racing this one, adds nothing. The
/// revision is the proposal's own after that statement.
pub fn event_after_write(
    db: &D1Database,
    proposal_id: &str,
    at: &str,
    status: ProposalStatus,
    message: Option<&str>,
    actor: &str,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO proposal_events (proposal_id, at, status, revision, message, actor) \
             SELECT id, ?2, ?3, revision, ?4, ?5 FROM proposals WHERE id = ?1 AND changes() = 1",
        )
        .bind(&[
            proposal_id.into(),
            at.into(),
            status.as_ref().into(),
            message.map_or(wasm_bindgen::JsValue::NULL, Into::into),
            actor.into(),
        ])?)
}

/// A published call, or `None` if there is none with that id (or it was retired).
pub async fn call(db: &D1Database, id: &str) -> Result<Option<Call>, ApiError> {
    let Some(current) = super::content::current(db, ContentKind::Call, id).await? else {
        return Ok(None);
    };
    if current.deleted {
        return Ok(None);
    }
    current
        .body
        .map(|raw| {
            serde_json::from_str(raw.get()).map_err(|e| ApiError::Storage(format!("call: {e}")))
        })
        .transpose()
}

fn text(s: &str) -> JsValue {
    JsValue::from(s)
}

fn cents(c: i64) -> JsValue {
    JsValue::from(c as f64)
}

/// A submission as stored: the first (a new row with the next protocol number) or a resubmission.
pub struct Submitted<'a> {
    pub id: &'a str,
    pub account_id: &'a str,
    pub call_id: &'a str,
    pub revision: u32,
    pub body: &'a str,
    pub body_hash: &'a str,
    pub title: &'a str,
    pub group_name: &'a str,
    /// Cents.
    pub total: i64,
    /// Cents.
    pub requested: i64,
    pub now: &'a str,
}

/// The statement that stores a first submission with the next protocol number (nothing if the
/// id is already stored).
pub fn insert_submitted(
    db: &D1Database,
    new: &Submitted<'_>,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO proposals (id, account_id, call_id, protocol_seq, protocol, revision, \
             body, body_hash, title, group_name, total, requested, status, first_submitted_at, \
             submitted_at, updated_at) \
             SELECT ?1, ?2, ?3, s.n, 'PG-' || substr(?4, 1, 4) || '-' || printf('%05d', s.n), \
             ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'submitted', ?4, ?4, ?4 \
             FROM (SELECT COALESCE(MAX(protocol_seq), 0) + 1 AS n FROM proposals) s WHERE true \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(&[
            text(new.id),
            text(new.account_id),
            text(new.call_id),
            text(new.now),
            new.revision.into(),
            text(new.body),
            text(new.body_hash),
            text(new.title),
            text(new.group_name),
            cents(new.total),
            cents(new.requested),
        ])?)
}

/// The statement that stores a resubmission over revision `base`, only while the group's own
/// proposal is withdrawn or sent back for changes and undecided.
pub fn update_resubmitted(
    db: &D1Database,
    base: u32,
    new: &Submitted<'_>,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "UPDATE proposals SET revision = ?3, body = ?4, body_hash = ?5, title = ?6, \
             group_name = ?7, total = ?8, requested = ?9, status = 'submitted', \
             submitted_at = ?10, updated_at = ?10 \
             WHERE id = ?1 AND revision = ?2 AND account_id = ?11 \
             AND status IN ('withdrawn', 'changes_requested') AND decision_published_at IS NULL",
        )
        .bind(&[
            text(new.id),
            base.into(),
            new.revision.into(),
            text(new.body),
            text(new.body_hash),
            text(new.title),
            text(new.group_name),
            cents(new.total),
            cents(new.requested),
            text(new.now),
            text(new.account_id),
        ])?)
}

/// Up to `limit` of the account's proposals, by protocol number from the highest, below
/// `after` when given.
pub async fn page_of_account(
    db: &D1Database,
    account_id: &str,
    after: Option<u64>,
    limit: u32,
) -> Result<Vec<ProposalRow>, ApiError> {
    let after = after.map_or(JsValue::NULL, |c| (c as f64).into());
    Ok(db
        .prepare(format!(
            "SELECT {} FROM proposals WHERE account_id = ?1 AND (?2 IS NULL OR protocol_seq < ?2) \
             ORDER BY protocol_seq DESC LIMIT ?3",
            COLUMNS
        ))
        .bind(&[account_id.into(), after, f64::from(limit).into()])?
        .all()
        .await?
        .results()?)
}

/// The statement that withdraws the proposal (nothing if it is already withdrawn).
pub fn withdraw(db: &D1Database, id: &str, now: &str) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "UPDATE proposals SET status = 'withdrawn', updated_at = ?2 \
             WHERE id = ?1 AND status != 'withdrawn'",
        )
        .bind(&[id.into(), now.into()])?)
}
