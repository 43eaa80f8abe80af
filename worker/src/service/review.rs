//! The review of proposals as both the JSON API and the desk use it: the calls' proposals as a
//! reviewer sees them, one proposal with every review, scoring, asking for changes, proposing
//! decisions and publishing a call's decisions at once.

pub mod views;

use serde::Serialize;
use sito_core::api::ProblemCode;
use sito_core::{
    budget::Cents,
    call::weighted_score,
    proposal::{ChangesRequest, Decision, ProposalStatus, ReviewInput},
};
use worker::D1Database;

use self::views::{
    average, criterion_averages, CallLine, Filter, ProposalLine, ReviewProposal, ReviewView,
};
use crate::{
    auth::{self, Session},
    db::{
        proposals::{self as stored, ProposalRow},
        review::{self as store, NewReview, StoredReview},
    },
    error::ApiError,
};

fn refused(code: ProblemCode, title: &'static str, detail: impl Into<String>) -> ApiError {
    ApiError::Refused {
        status: 409,
        code,
        title,
        detail: detail.into(),
    }
}

fn withdrawn() -> ApiError {
    refused(
        ProblemCode::Withdrawn,
        "Proposta ritirata",
        "Il gruppo ha ritirato questa proposta: non si valuta più.",
    )
}

fn published() -> ApiError {
    refused(ProblemCode::DecisionPublished,
        "Decisione già pubblicata",
        "Le decisioni di questo bando sono già state pubblicate: la proposta non si può più modificare.",
    )
}

/// A proposal that can still be scored, sent back or decided.
fn check_open(row: &ProposalRow) -> Result<(), ApiError> {
    if row.decision_published_at.is_some() {
        Err(published())
    } else if row.status == ProposalStatus::Withdrawn {
        Err(withdrawn())
    } else {
        Ok(())
    }
}

/// The call's line and its proposals as `me` sees them, filtered.
pub async fn call_proposals(
    db: &D1Database,
    me: &str,
    call_id: &str,
    filter: Filter,
) -> Result<(CallLine, Vec<ProposalLine>), ApiError> {
    let call = store::call_line(db, call_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (rows, reviews) = store::call_proposals(db, call_id).await?;
    let lines = rows
        .iter()
        .map(|row| line(row, &reviews, me))
        .filter(|l| filter.keeps(l))
        .collect();
    Ok((call, lines))
}

fn line(row: &ProposalRow, reviews: &[StoredReview], me: &str) -> ProposalLine {
    let own: Vec<&StoredReview> = reviews.iter().filter(|r| r.proposal_id == row.id).collect();
    ProposalLine {
        id: row.id.clone(),
        protocol: row.protocol.clone(),
        group_name: row.group_name.clone(),
        title: row.title.clone(),
        requested: Cents(row.requested),
        total: Cents(row.total),
        status: row.working_status(),
        reviews: own.len() as u32,
        average: average(own.iter().map(|r| r.weighted)),
        scored_by_me: own.iter().any(|r| r.reviewer_id == me),
        decision: row.decision(),
        decision_published: row.decision_published_at.is_some(),
    }
}

/// One proposal with everything its reviewers need; only the caller's own private note.
pub async fn detail(
    db: &D1Database,
    session: &Session,
    id: &str,
) -> Result<ReviewProposal, ApiError> {
    let row = stored::find(db, id).await?.ok_or(ApiError::NotFound)?;
    let call = stored::call(db, &row.call_id).await?;
    let me = &session.account.id;
    let reviews: Vec<ReviewView> = store::reviews(db, id)
        .await?
        .into_iter()
        .map(|r| ReviewView {
            scores: r.scores(),
            mine: r.reviewer_id == *me,
            note: (r.reviewer_id == *me).then_some(r.note),
            reviewer_id: r.reviewer_id,
            reviewer: r.reviewer,
            weighted: r.weighted,
            comment: r.comment,
            updated_at: r.updated_at,
        })
        .collect();
    let body = row.body()?;
    let criteria = call
        .as_ref()
        .map(|c| c.criteria.clone())
        .unwrap_or_default();
    let score_lists: Vec<Vec<u8>> = reviews.iter().map(|r| r.scores.clone()).collect();
    Ok(ReviewProposal {
        totals: call.as_ref().and_then(|c| body.budget.totals(&c.rules())),
        call_title: call.map_or_else(|| row.call_id.clone(), |c| c.title),
        criterion_averages: criterion_averages(criteria.len(), &score_lists),
        criteria,
        average: average(reviews.iter().map(|r| r.weighted)),
        timeline: store::timeline(db, id).await?,
        reviews,
        status: row.working_status(),
        decision: row.decision(),
        body,
        id: row.id,
        call_id: row.call_id,
        protocol: row.protocol,
        revision: row.revision,
        first_submitted_at: row.first_submitted_at,
        submitted_at: row.submitted_at,
        updated_at: row.updated_at,
        decided_by: row.decided_by,
        decision_published_at: row.decision_published_at,
    })
}

/// Stores the caller's scores for a proposal.
pub async fn save_score(
    db: &D1Database,
    session: &Session,
    id: &str,
    input: &ReviewInput,
) -> Result<(), ApiError> {
    let row = stored::find(db, id).await?.ok_or(ApiError::NotFound)?;
    check_open(&row)?;
    let call = stored::call(db, &row.call_id).await?.ok_or_else(|| {
        refused(ProblemCode::CallUnavailable,
            "Bando non disponibile",
            "Il bando di questa proposta non è più pubblicato: la griglia di valutazione non è disponibile.",
        )
    })?;
    input
        .validate(call.criteria.len())
        .map_err(ApiError::Validation)?;
    let weighted = weighted_score(&call.criteria, &input.scores)
        .ok_or_else(|| ApiError::Storage("weighted score of validated scores".into()))?;
    let review = NewReview {
        proposal_id: id,
        reviewer_id: &session.account.id,
        reviewer: &session.account.name,
        scores: &input.scores,
        weighted,
        comment: input.comment.trim(),
        note: input.note.trim(),
    };
    if store::save_review(db, &review, &auth::now_text()).await? {
        Ok(())
    } else {
        Err(reread_refusal(db, id).await)
    }
}

/// Why a guarded write found nothing to change: the proposal changed in the meantime.
async fn reread_refusal(db: &D1Database, id: &str) -> ApiError {
    match stored::find(db, id).await {
        Ok(Some(row)) => check_open(&row).err().unwrap_or_else(published),
        Ok(None) => ApiError::NotFound,
        Err(e) => e,
    }
}

/// Sends the proposal back to its group with a message.
pub async fn ask_changes(
    db: &D1Database,
    session: &Session,
    id: &str,
    request: &ChangesRequest,
) -> Result<(), ApiError> {
    let row = stored::find(db, id).await?.ok_or(ApiError::NotFound)?;
    check_open(&row)?;
    request.validate().map_err(ApiError::Validation)?;
    let message = request.message.trim();
    if store::request_changes(db, id, message, &session.account.name, &auth::now_text()).await? {
        Ok(())
    } else {
        Err(reread_refusal(db, id).await)
    }
}

/// Proposes the outcome; the group sees it only once the call's decisions are published.
pub async fn propose(
    db: &D1Database,
    session: &Session,
    id: &str,
    decision: &Decision,
) -> Result<(), ApiError> {
    let row = stored::find(db, id).await?.ok_or(ApiError::NotFound)?;
    check_open(&row)?;
    decision
        .validate(Cents(row.requested))
        .map_err(ApiError::Validation)?;
    if store::propose_decision(db, id, decision, &session.account.name, &auth::now_text()).await? {
        Ok(())
    } else {
        Err(reread_refusal(db, id).await)
    }
}

/// What publishing answers.
#[derive(Debug, Serialize)]
pub struct Published {
    pub call_id: String,
    /// Decisions published by this request (0 when all were already published).
    pub published: u32,
}

/// Publishes every decision of the call, or refuses while some proposal lacks one.
pub async fn publish_call(
    db: &D1Database,
    session: &Session,
    call_id: &str,
) -> Result<u32, ApiError> {
    store::call_line(db, call_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let count = store::publish(db, call_id, &session.account.name, &auth::now_text()).await?;
    if count == 0 {
        let missing = store::undecided(db, call_id).await?;
        if missing > 0 {
            return Err(missing_decisions(missing));
        }
    }
    Ok(count)
}

/// The refusal while `missing` proposals have no decision.
pub fn missing_decisions(missing: u32) -> ApiError {
    let detail = if missing == 1 {
        "Una proposta non ha ancora una decisione: le decisioni si pubblicano tutte insieme, quando ogni proposta ne ha una.".to_owned()
    } else {
        format!("{missing} proposte non hanno ancora una decisione: le decisioni si pubblicano tutte insieme, quando ogni proposta ne ha una.")
    };
    refused(ProblemCode::DecisionsMissing, "Decisioni mancanti", detail)
}
