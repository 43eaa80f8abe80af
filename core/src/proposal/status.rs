//! What travels between the phone, the worker and the reviewers once a proposal is submitted:
//! the submission (idempotent by id and revision), the receipt, the status timeline the group
//! sees, and the reviewers' inputs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};
use uuid::Uuid;

use super::ProposalBody;
use crate::{
    budget::Cents,
    validation::{FieldPath, ValidationErrors},
};

/// Where a proposal stands, as its group sees it. Outcomes (`Funded`, `NotFunded`) appear only
/// once the editors publish the call's decisions; until then the group sees `InReview`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProposalStatus {
    Submitted,
    Withdrawn,
    InReview,
    ChangesRequested,
    Funded,
    NotFunded,
}

impl ProposalStatus {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Submitted => "Inviata",
            Self::Withdrawn => "Ritirata",
            Self::InReview => "In valutazione",
            Self::ChangesRequested => "Modifiche richieste",
            Self::Funded => "Approvata e finanziata",
            Self::NotFunded => "Non finanziata",
        }
    }

    /// The group may still edit and send again (before the deadline, or when asked to).
    pub fn open_to_resubmission(self) -> bool {
        matches!(self, Self::Withdrawn | Self::ChangesRequested)
    }
}

/// `POST /api/v1/proposals`. `id` is the draft's id, made on the phone; `revision` grows by one
/// each time the group sends the proposal again. The pair is the idempotency key: a replay gets
/// the stored receipt, however often the outbox repeats it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalSubmission {
    pub id: Uuid,
    pub revision: u32,
    pub call_id: String,
    pub body: ProposalBody,
}

/// What the server answers to a submission, and what the phone keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalReceipt {
    pub id: Uuid,
    /// The protocol number, such as `PG-2027-00042`; it stays the same across revisions.
    pub protocol: String,
    pub revision: u32,
    /// RFC 3339, when the server stored this revision.
    #[serde(with = "crate::time")]
    pub submitted_at: DateTime<Utc>,
    pub status: ProposalStatus,
}

/// One step of the status timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    #[serde(with = "crate::time")]
    pub at: DateTime<Utc>,
    pub status: ProposalStatus,
    /// The reviewers' message (changes requested) or the reasons (not funded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The amount granted (funded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Cents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
}

/// `GET /api/v1/proposals/{id}`: the group's own proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub id: Uuid,
    pub call_id: String,
    pub call_title: String,
    pub protocol: String,
    pub revision: u32,
    pub status: ProposalStatus,
    #[serde(with = "crate::time")]
    pub submitted_at: DateTime<Utc>,
    pub body: ProposalBody,
    pub timeline: Vec<TimelineEvent>,
    /// The group may withdraw now (submitted, call still open).
    pub can_withdraw: bool,
    /// The group may edit and send a new revision now.
    pub can_resubmit: bool,
}

/// `GET /api/v1/proposals`: one line per proposal of the signed-in group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalSummary {
    pub id: Uuid,
    pub call_id: String,
    pub call_title: String,
    pub protocol: String,
    pub title: String,
    pub revision: u32,
    pub status: ProposalStatus,
    #[serde(with = "crate::time")]
    pub submitted_at: DateTime<Utc>,
}

/// Proposals per page of `GET /api/v1/proposals` when the client does not say, and the most.
pub const PROPOSALS_PER_PAGE: u32 = 100;
pub const MAX_PROPOSALS_PER_PAGE: u32 = 200;

/// `GET /api/v1/proposals?after=<cursor>&limit=<n>`: one page of the signed-in group's
/// proposals, the most recently first submitted first. The cursor is the server's own strictly
/// increasing number of the page's last proposal (its protocol's), so a proposal that changes
/// while the group pages keeps its place: none is skipped or listed twice. `cursor` is there
/// when `more` is: ask again with `after=<cursor>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalPage {
    pub proposals: Vec<ProposalSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<u64>,
    pub more: bool,
}

/// `PUT /api/v1/review/proposals/{id}/score`: one reviewer's scores for a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// One score per criterion of the call, in the call's order, 0–10.
    pub scores: Vec<u8>,
    /// The reviewer's comment, seen by the other reviewers and editors.
    #[serde(default)]
    pub comment: String,
    /// Private notes, seen only by the reviewer who wrote them.
    #[serde(default)]
    pub note: String,
}

impl ReviewInput {
    pub fn validate(&self, criteria: usize) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.scores.len() != criteria {
            errors.push(
                "scores",
                "count",
                format!("Servono {criteria} punteggi, uno per criterio."),
            );
        }
        for (i, s) in self.scores.iter().enumerate() {
            if *s > crate::call::MAX_SCORE {
                errors.push(
                    FieldPath::from("scores").index(i),
                    "out_of_range",
                    "Il punteggio va da 0 a 10.",
                );
            }
        }
        errors.optional_text("comment", &self.comment, super::LONG_TEXT);
        errors.optional_text("note", &self.note, super::LONG_TEXT);
        errors.into_result(())
    }
}

/// `POST /api/v1/review/proposals/{id}/changes`: the reviewers ask the group for changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangesRequest {
    pub message: String,
}

impl ChangesRequest {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("message", &self.message, super::LONG_TEXT);
        errors.into_result(())
    }
}

/// `PUT /api/v1/review/proposals/{id}/decision`: the proposed outcome; the group sees it only
/// when an editor publishes the call's decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum Decision {
    Funded { amount: Cents },
    NotFunded { reasons: String },
}

impl Decision {
    /// `requested`: what the proposal asked; a grant never exceeds it.
    pub fn validate(&self, requested: Cents) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        match self {
            Decision::Funded { amount } if amount.0 <= 0 || *amount > requested => errors.push(
                "amount",
                "out_of_range",
                format!("L'importo va da 0,01 € al contributo richiesto ({requested})."),
            ),
            Decision::Funded { .. } => {}
            Decision::NotFunded { reasons } => errors.text("reasons", reasons, super::LONG_TEXT),
        }
        errors.into_result(())
    }

    pub fn status(&self) -> ProposalStatus {
        match self {
            Decision::Funded { .. } => ProposalStatus::Funded,
            Decision::NotFunded { .. } => ProposalStatus::NotFunded,
        }
    }
}
