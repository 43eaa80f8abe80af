//! The groups' side of proposals: submit (idempotent by id and revision), list and read their
//! own, withdraw before the deadline. A group never learns that another group's proposal exists:
//! every read and write of one it does not own is "not found".

use chrono::Utc;
use sito_core::api::ProblemCode;
use sito_core::{
    call::CallPhase,
    proposal::{
        deadline_error,
        status::{ProposalPage, MAX_PROPOSALS_PER_PAGE, PROPOSALS_PER_PAGE},
        ProposalReceipt, ProposalStatus, ProposalSubmission, ProposalSummary, ProposalView,
        MAX_BODY_BYTES,
    },
    sync::PageQuery,
    Call, ValidationErrors,
};
use worker::{D1Database, Env, Request};

use crate::{
    auth::{self, Need, Session},
    db::{
        self,
        proposals::{self as stored, ProposalRow, Submitted},
    },
    error::ApiError,
    http::{json, query_pairs, read_json_within, ApiResult},
    italian_time::rome_words,
};

fn refused(status: u16, code: ProblemCode, title: &'static str, detail: String) -> ApiError {
    ApiError::Refused {
        status,
        code,
        title,
        detail,
    }
}

fn receipt(row: &ProposalRow) -> Result<ProposalReceipt, ApiError> {
    Ok(ProposalReceipt {
        id: row
            .id
            .parse()
            .map_err(|_| ApiError::Storage("proposal id".into()))?,
        protocol: row.protocol.clone(),
        revision: row.revision,
        submitted_at: row.submitted_at,
        status: row.group_status(),
    })
}

/// The call's dates forbid this now (`None`: they allow it).
fn closed(call: &Call) -> Option<ApiError> {
    let phase = call.phase(Utc::now());
    let detail = deadline_error(call, phase, rome_words)?;
    Some(match phase {
        CallPhase::NotYetOpen => refused(
            422,
            ProblemCode::CallNotOpen,
            "Bando non ancora aperto",
            detail,
        ),
        _ => refused(422, ProblemCode::CallClosed, "Bando chiuso", detail),
    })
}

/// `POST /api/v1/proposals`.
pub async fn submit(req: Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, Need::Group).await?;
    let submission: ProposalSubmission = read_json_within(req, MAX_BODY_BYTES).await?;
    let ProposalSubmission {
        id,
        revision,
        call_id,
        mut body,
    } = submission;
    let id = id.to_string();
    if revision == 0 {
        let mut errors = ValidationErrors::default();
        errors.push("revision", "zero", "La prima revisione è la 1.");
        return Err(ApiError::Validation(errors));
    }
    // What the group is comes from its account, not from the form.
    if let Some(group) = &session.account.group {
        body.group.kind = group.kind;
    }
    // Serialised once: stored as it is, and hashed with the call to tell a replay from a change.
    let stored_body = serde_json::to_string(&body).map_err(|e| ApiError::Storage(e.to_string()))?;
    let hash = auth::token_hash(&format!("{call_id}\n{stored_body}"));
    let existing = stored::find(&db, &id).await?;
    if let Some(row) = &existing {
        if row.account_id != session.account.id {
            return Err(ApiError::NotFound);
        }
        if revision == row.revision && row.body_hash == hash && row.call_id == call_id {
            // A replay: the outbox did not hear the first answer.
            return json(&receipt(row)?, 200);
        }
        if revision <= row.revision || row.call_id != call_id {
            return Err(refused(
                409,
                ProblemCode::RevisionConflict,
                "Revisione già inviata",
                format!(
                    "La revisione {revision} di questa proposta è già stata inviata con un contenuto diverso (ora è alla revisione {}).",
                    row.revision
                ),
            ));
        }
        if row.decision_published_at.is_some() || !row.working_status().open_to_resubmission() {
            return Err(refused(
                409,
                ProblemCode::AlreadySubmitted,
                "Proposta già inviata",
                "La proposta è già stata inviata: per modificarla ritirala prima, finché il bando è aperto.".into(),
            ));
        }
    }
    let call = stored::call(&db, &call_id).await?.ok_or_else(|| {
        refused(
            404,
            ProblemCode::CallNotFound,
            "Bando non trovato",
            format!("Non esiste un bando pubblicato con codice «{call_id}»."),
        )
    })?;
    // Answering the reviewers' request for changes is allowed after the deadline; nothing else.
    let answering_changes = existing
        .as_ref()
        .is_some_and(|r| r.working_status() == ProposalStatus::ChangesRequested);
    if !answering_changes {
        if let Some(error) = closed(&call) {
            return Err(error);
        }
    }
    let totals = body.validate(&call).map_err(ApiError::Validation)?;
    let now = auth::now();
    let at = sito_core::time::format(&now);
    let written = Submitted {
        id: &id,
        account_id: &session.account.id,
        call_id: &call_id,
        revision,
        body: &stored_body,
        body_hash: &hash,
        title: body.title.trim(),
        group_name: body.group.name.trim(),
        total: totals.total.0,
        requested: totals.requested.0,
        now: &at,
    };
    let write = match &existing {
        None => stored::insert_submitted(&db, &written)?,
        Some(row) => stored::update_resubmitted(&db, row.revision, &written)?,
    };
    // The event is written only if this request's write changed a row: a racing replay adds
    // nothing to the timeline.
    let event = stored::event_after_write(&db, &id, &at, ProposalStatus::Submitted, None, "group")?;
    db.batch(vec![write, event]).await?;
    let row = stored::find(&db, &id)
        .await?
        .ok_or_else(|| ApiError::Storage("proposal vanished".into()))?;
    if row.revision != revision || row.body_hash != hash {
        return Err(refused(
            409,
            ProblemCode::RevisionConflict,
            "Revisione già inviata",
            "La proposta è cambiata mentre la inviavi (un altro invio, o una decisione dei valutatori): ricarica e riprova.".into(),
        ));
    }
    let status = if existing.is_none() && row.submitted_at == now {
        201
    } else {
        200
    };
    json(&receipt(&row)?, status)
}

/// `GET /api/v1/proposals?after=&limit=`: one page of the signed-in group's own proposals
/// ([`ProposalPage`]: the most recently first submitted first, paged by protocol number).
pub async fn list(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    let session = signed_in_group(req, &db).await?;
    let pairs = query_pairs(req)?;
    let page = PageQuery::from_query(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        "after",
        PROPOSALS_PER_PAGE,
        MAX_PROPOSALS_PER_PAGE,
    )
    .map_err(ApiError::InvalidQuery)?;
    // One more than the page, to know whether another follows.
    let mut rows =
        stored::page_of_account(&db, &session.account.id, page.cursor, page.limit + 1).await?;
    let more = rows.len() > page.limit as usize;
    rows.truncate(page.limit as usize);
    let cursor = rows.last().filter(|_| more).map(|r| r.protocol_seq);
    let mut titles: Vec<(String, String)> = Vec::new();
    let mut summaries = Vec::with_capacity(rows.len());
    for row in rows {
        let call_title = match titles.iter().find(|(id, _)| *id == row.call_id) {
            Some((_, title)) => title.clone(),
            None => {
                let title = stored::call(&db, &row.call_id)
                    .await?
                    .map_or_else(|| row.call_id.clone(), |c| c.title);
                titles.push((row.call_id.clone(), title.clone()));
                title
            }
        };
        summaries.push(ProposalSummary {
            id: receipt(&row)?.id,
            call_title,
            status: row.group_status(),
            call_id: row.call_id,
            protocol: row.protocol,
            title: row.title,
            revision: row.revision,
            submitted_at: row.submitted_at,
        });
    }
    json(
        &ProposalPage {
            proposals: summaries,
            cursor,
            more,
        },
        200,
    )
}

/// Reading needs a group's session; reads are GETs, so no Origin check.
async fn signed_in_group(req: &Request, db: &D1Database) -> Result<Session, ApiError> {
    let session = auth::signed_in(req, db).await?;
    session.must_or(Need::Group, |_| {
        "Le proposte si consultano con l'account del gruppo che le ha inviate.".into()
    })?;
    Ok(session)
}

async fn view(db: &D1Database, row: &ProposalRow) -> Result<ProposalView, ApiError> {
    let call = stored::call(db, &row.call_id).await?;
    let open = call
        .as_ref()
        .is_some_and(|c| c.phase(Utc::now()) == CallPhase::Open);
    let published = row.decision_published_at.is_some();
    let status = row.working_status();
    Ok(ProposalView {
        id: receipt(row)?.id,
        call_id: row.call_id.clone(),
        call_title: call.map_or_else(|| row.call_id.clone(), |c| c.title),
        protocol: row.protocol.clone(),
        revision: row.revision,
        status: row.group_status(),
        submitted_at: row.submitted_at,
        body: row.body()?,
        timeline: stored::timeline(db, &row.id).await?,
        can_withdraw: open && !published && status != ProposalStatus::Withdrawn,
        can_resubmit: !published
            && match status {
                ProposalStatus::ChangesRequested => true,
                ProposalStatus::Withdrawn => open,
                _ => false,
            },
    })
}

/// `GET /api/v1/proposals/{id}`.
pub async fn get(req: &Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = signed_in_group(req, &db).await?;
    let row = stored::own(&db, id, &session.account.id).await?;
    json(&view(&db, &row).await?, 200)
}

/// `POST /api/v1/proposals/{id}/withdraw`: only while the call is open.
pub async fn withdraw(req: &Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(req, &db, Need::Group).await?;
    let row = stored::own(&db, id, &session.account.id).await?;
    if row.working_status() == ProposalStatus::Withdrawn {
        return json(&view(&db, &row).await?, 200);
    }
    if row.decision_published_at.is_some() {
        return Err(refused(
            409,
            ProblemCode::Decided,
            "Decisione già pubblicata",
            "La decisione su questa proposta è già stata pubblicata: non si può più ritirare."
                .into(),
        ));
    }
    let call = stored::call(&db, &row.call_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if let Some(error) = closed(&call) {
        return Err(error);
    }
    let now = auth::now_text();
    let update = stored::withdraw(&db, id, &now)?;
    let event = stored::event_after_write(&db, id, &now, ProposalStatus::Withdrawn, None, "group")?;
    db.batch(vec![update, event]).await?;
    let row = stored::own(&db, id, &session.account.id).await?;
    json(&view(&db, &row).await?, 200)
}
