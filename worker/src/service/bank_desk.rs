//! The CV bank as operators use it, from the JSON API and the desk page alike: the search, with
//! each candidate scored against a published opportunity or recruiting day as the phone ranks
//! (`sito_core::bank::search`), proposals, and the operator's own proposals with the contacts
//! of the accepted ones. Every read of a profile is a view the young person sees and an audit
//! line.

use chrono::Utc;
use sito_core::{
    api::ProblemCode,
    bank::{
        search::{self, education_at_least, fts_match, levels_at_least, RESULTS_MAX},
        CandidateView, NewProposal, OperatorProposal, ProposalKind, ProposalStatus, SearchQuery,
        SearchResults,
    },
    matching::{Candidate, Profile},
    recruiting::RecruitingDay,
    stored, Opportunity, ValidationErrors,
};
use worker::D1Database;

use crate::{
    auth::{self, Session},
    db::bank_desk::{self as db, Filters, OperatorRow, Reader},
    error::ApiError,
};

/// The content kind of a recruiting day as stored.
pub const RECRUITING_DAY: &str = "recruiting_day";

/// How many candidates are read to be scored before the best [`RESULTS_MAX`] are kept.
const SCORED_MAX: u32 = 200;

fn storage(e: impl std::fmt::Display) -> ApiError {
    ApiError::Storage(e.to_string())
}

fn reader<'a>(session: &'a Session, at: &'a str) -> Reader<'a> {
    Reader {
        account_id: &session.account.id,
        name: &session.account.name,
        email: &session.account.email,
        at,
    }
}

/// What a search is scored against.
enum Target {
    Opportunity(Box<Opportunity>),
    Day(Box<RecruitingDay>, String),
}

async fn target(database: &D1Database, id: &str) -> Result<Target, ApiError> {
    if let Some(body) = db::published_body(database, "opportunity", id).await? {
        return Ok(Target::Opportunity(
            serde_json::from_str(&body).map_err(storage)?,
        ));
    }
    if let Some(body) = db::published_body(database, RECRUITING_DAY, id).await? {
        let day: RecruitingDay = serde_json::from_str(&body).map_err(storage)?;
        let roles = day.texts();
        return Ok(Target::Day(Box::new(day), roles));
    }
    let mut errors = ValidationErrors::default();
    errors.push(
        "for",
        "not_published",
        "Nessuna opportunità o recruiting day pubblicato con questo identificativo.",
    );
    Err(ApiError::InvalidQuery(errors))
}

/// Searches the unexpired profiles; with `for`, scores them and keeps the best.
pub async fn search(
    database: &D1Database,
    session: &Session,
    query: &SearchQuery,
) -> Result<SearchResults, ApiError> {
    let target = match &query.for_item {
        Some(id) => Some(target(database, id).await?),
        None => None,
    };
    let now = auth::now();
    let at = sito_core::time::format(&now);
    let filters = Filters {
        now: &at,
        district: query.district.map(|d| d.into()),
        available_on: query.available_on.map(|d| d.to_string()),
        language: query.language.map(|l| l.into()),
        levels: query.level.map(levels_at_least).unwrap_or_default(),
        education: query.education.map(education_at_least).unwrap_or_default(),
        sector: query.sector.map(|s| s.into()),
        fts: query.q.as_deref().and_then(fts_match),
        limit: if target.is_some() {
            SCORED_MAX
        } else {
            RESULTS_MAX as u32
        },
    };
    let rows = db::search(database, &filters).await?;
    let profiles: Vec<Profile> = rows
        .iter()
        .map(|r| serde_json::from_str(&r.profile).map_err(storage))
        .collect::<Result<_, _>>()?;
    let scored = match &target {
        Some(Target::Opportunity(o)) => {
            search::score(&profiles, &Candidate::opportunity(o, now.date_naive()))
        }
        Some(Target::Day(day, roles)) => search::score(&profiles, &day.candidate(roles, now)),
        None => (0..profiles.len())
            .map(|index| search::Scored {
                index,
                points: 0,
                reasons: Vec::new(),
                excluded: false,
            })
            .collect(),
    };
    let mut candidates = Vec::new();
    for s in scored.into_iter().take(RESULTS_MAX) {
        let row = &rows[s.index];
        candidates.push(CandidateView {
            id: row.id.clone(),
            profile: profiles[s.index].clone(),
            has_cv: row.has_cv == 1,
            points: s.points,
            reasons: s.reasons,
            excluded: s.excluded,
            expires_at: stored::time("bank expires_at", &row.expires_at)?,
        });
    }
    let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
    let query_json = serde_json::to_string(query).map_err(storage)?;
    let item = query.for_item.as_deref().unwrap_or("");
    db::record_search(database, &reader(session, &at), &ids, item, &query_json).await?;
    Ok(SearchResults { candidates })
}

fn operator_view(row: OperatorRow) -> Result<OperatorProposal, ApiError> {
    let p = row.proposal;
    Ok(OperatorProposal {
        kind: stored::parse::<ProposalKind>("bank proposal kind", &p.kind)?,
        status: stored::parse::<ProposalStatus>("bank proposal status", &p.status)?,
        sent_at: stored::time("bank proposal sent_at", &p.sent_at)?,
        slot: p
            .slot
            .as_deref()
            .map(|t| stored::time("bank proposal slot", t))
            .transpose()?,
        id: p.id,
        profile_id: p.profile_id,
        item_id: p.item_id,
        title: p.title,
        message: p.message,
        name: row.name,
        contact: row.contact,
    })
}

/// Proposes the profile an opportunity or a recruiting day. A replay of the same id with the
/// same details answers the proposal (`false`); other details are refused.
pub async fn propose(
    database: &D1Database,
    session: &Session,
    input: &NewProposal,
) -> Result<(OperatorProposal, bool), ApiError> {
    input.validate().map_err(ApiError::Validation)?;
    let id = input.id.to_string();
    let kind: &str = input.kind.into();
    let message = input.message.trim();
    if let Some(row) = db::proposal(database, &id).await? {
        let same = row.account_id == session.account.id
            && row.proposal.profile_id == input.profile_id
            && row.proposal.kind == kind
            && row.proposal.item_id == input.item_id
            && row.proposal.message == message;
        return if same {
            Ok((operator_view(row)?, false))
        } else {
            Err(ApiError::Forbidden {
                code: ProblemCode::IdReused,
                detail: "Questo identificativo appartiene a un'altra proposta.".into(),
            })
        };
    }
    let at = auth::now_text();
    if crate::db::bank::profile(database, &input.profile_id, &at)
        .await?
        .is_none()
    {
        return Err(ApiError::NotFound);
    }
    let Some(title) = db::published_title(database, kind, &input.item_id).await? else {
        let mut errors = ValidationErrors::default();
        errors.push(
            "item_id",
            "not_published",
            match input.kind {
                ProposalKind::Opportunity => "Questa opportunità non è pubblicata.",
                ProposalKind::RecruitingDay => "Questo recruiting day non è pubblicato.",
            },
        );
        return Err(ApiError::Validation(errors));
    };
    let new = db::NewProposal {
        id: &id,
        profile_id: &input.profile_id,
        kind,
        item_id: &input.item_id,
        title: &title,
        message,
    };
    let stored = db::propose(database, &reader(session, &at), &new).await?;
    let row = db::proposal(database, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((operator_view(row)?, stored))
}

/// The operator's own proposals, newest first; the accepted ones with name and contact.
pub async fn own_proposals(
    database: &D1Database,
    session: &Session,
) -> Result<Vec<OperatorProposal>, ApiError> {
    let at = Utc::now();
    let at = sito_core::time::format(&at);
    db::own_proposals(database, &reader(session, &at))
        .await?
        .into_iter()
        .map(operator_view)
        .collect()
}
