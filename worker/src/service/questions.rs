//! The questions to the expert as both the JSON API and the desk use them: the receipt a
//! question's asker follows, the desk's list and detail, and the editors' moves (assign,
//! answer and publish, decline).

use serde::Deserialize;
use sito_core::api::ProblemCode;
use sito_core::{
    desk::{SaveAction, SaveEntry},
    question::{AnswerInput, QuestionReceipt, QuestionStatus, Topic},
    ContentKind, ValidationErrors,
};
use worker::D1Database;

pub use crate::db::questions::DeskQuestion;
use crate::{
    auth::{self, Session},
    db::{
        accounts,
        questions::{self, Move, ReceiptRow},
    },
    editorial::{self, Actor},
    error::ApiError,
};

/// The asker's receipt from its stored row.
pub fn receipt(row: ReceiptRow) -> Result<QuestionReceipt, ApiError> {
    let status: QuestionStatus = sito_core::stored::parse("question status", &row.status)?;
    Ok(QuestionReceipt {
        answer_id: (status == QuestionStatus::Published).then(|| answer_id(&row.code)),
        code: row.code,
        status,
        asked_at: row.asked_at,
    })
}

/// The id of the published answer to the question with `code`.
pub fn answer_id(code: &str) -> String {
    format!("risposta-{}", code.to_lowercase())
}

/// The text and the receipt of the question with id `id`.
pub async fn existing(
    db: &D1Database,
    id: &str,
) -> Result<Option<(String, QuestionReceipt)>, ApiError> {
    let row = questions::text_and_receipt(db, id).await?;
    row.map(|(text, row)| Ok((text, receipt(row)?))).transpose()
}

pub async fn desk_list(
    db: &D1Database,
    status: Option<QuestionStatus>,
) -> Result<Vec<DeskQuestion>, ApiError> {
    questions::desk_list(db, status).await
}

pub async fn desk_get(db: &D1Database, id: &str) -> Result<DeskQuestion, ApiError> {
    questions::desk_get(db, id).await?.ok_or(ApiError::NotFound)
}

pub async fn assign_to(db: &D1Database, id: &str, account_id: &str) -> Result<(), ApiError> {
    if !accounts::is_active_editor(db, account_id).await? {
        let mut errors = ValidationErrors::default();
        errors.push(
            "account_id",
            "not_editor",
            "Si assegna solo a un redattore attivo.",
        );
        return Err(ApiError::Validation(errors));
    }
    update_status(db, id, QuestionStatus::Assigned, Some(account_id), None).await
}

/// Moves the question to `status`, in one guarded UPDATE ([`questions::update_status`]): two
/// editors acting at once cannot both pass a check made before the write. When no row moves,
/// the question is either missing (404) or in a status that forbids the move (409).
async fn update_status(
    db: &D1Database,
    id: &str,
    status: QuestionStatus,
    assigned_to: Option<&str>,
    answer: Option<(&str, &str)>,
) -> Result<(), ApiError> {
    let (answer_md, answered_by) = answer.unzip();
    let to = Move {
        status,
        assigned_to,
        answer_md,
        answered_by,
        now: auth::now_text(),
    };
    if questions::update_status(db, id, to).await? {
        return Ok(());
    }
    Err(match questions::current_status(db, id).await? {
        None => ApiError::NotFound,
        Some(current) => refused_move(current, status),
    })
}

/// The 409 for a move the question's current status does not allow (such as declining a
/// question whose answer is already public), with a detail the desk shows as it is.
fn refused_move(current: QuestionStatus, next: QuestionStatus) -> ApiError {
    ApiError::Refused {
        status: 409,
        code: ProblemCode::QuestionStatusConflict,
        title: "La domanda è in un altro stato",
        detail: current.refusal_it(next),
    }
}

/// What the editor sends to answer.
#[derive(Debug, Clone, Deserialize)]
pub struct AnswerForm {
    pub topic: Topic,
    /// The question as it will be published (names and personal details removed).
    pub question: String,
    pub answer_md: String,
    pub answered_by: String,
    /// Publish now, or keep the answer for review.
    #[serde(default)]
    pub publish: bool,
}

pub async fn save_answer(
    db: &D1Database,
    session: &Session,
    id: &str,
    form: &AnswerForm,
) -> Result<(), ApiError> {
    let question = desk_get(db, id).await?;
    let status = if form.publish {
        QuestionStatus::Published
    } else {
        QuestionStatus::Answered
    };
    // Refuse early what the status already forbids, before anything is published; the
    // guarded update at the end still decides.
    let current: QuestionStatus = sito_core::stored::parse("question status", &question.status)?;
    if !current.can_move_to(status) {
        return Err(refused_move(current, status));
    }
    let asked_on = question.asked_at.date_naive();
    let input = AnswerInput {
        topic: form.topic,
        question: form.question.clone(),
        nickname: question.nickname.clone(),
        answer_md: form.answer_md.clone(),
        answered_by: form.answered_by.clone(),
        asked_on,
    };
    let value = serde_json::to_value(&input).map_err(|e| ApiError::Storage(e.to_string()))?;
    if form.publish {
        let entry_id = answer_id(&question.code);
        let base = editorial::load(db, ContentKind::Answer, &entry_id)
            .await?
            .map_or(0, |e| e.version);
        let actor = Actor {
            name: &session.account.name,
            audit_name: &session.account.email,
        };
        let save = SaveEntry {
            action: SaveAction::Publish,
            publish_at: None,
            input: value,
        };
        editorial::save(db, &actor, ContentKind::Answer, &entry_id, base, &save).await?;
    } else {
        <sito_core::Answer as sito_core::Content>::validate(&input)
            .map_err(ApiError::Validation)?;
    }
    update_status(
        db,
        id,
        status,
        None,
        Some((&form.answer_md, &form.answered_by)),
    )
    .await
}

pub async fn decline_question(db: &D1Database, id: &str) -> Result<(), ApiError> {
    update_status(db, id, QuestionStatus::Declined, None, None).await
}
