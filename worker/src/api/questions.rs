//! "L'esperto risponde": anyone asks (`POST /api/v1/questions`, idempotent by the phone's id)
//! and follows the question with its code; editors assign, answer, publish or decline.

use serde::{Deserialize, Serialize};
use sito_core::api::ProblemCode;
use sito_core::{
    desk::{SaveAction, SaveEntry},
    question::{
        normalise_code, question_code, AnswerInput, QuestionInput, QuestionReceipt, QuestionStatus,
        Topic,
    },
    ContentKind, ValidationErrors,
};
use wasm_bindgen::JsValue;
use worker::{D1Database, Env, Request};

use crate::{
    api::{desk::can_edit, json, query_pairs, read_json, ApiResult},
    auth::{self, Session},
    db,
    editorial::{self, Actor},
    error::ApiError,
};

/// Questions accepted per address per hour (the `QUESTIONS_PER_HOUR` variable overrides it).
const QUESTIONS_PER_HOUR: u32 = 30;

#[derive(Deserialize)]
struct ReceiptRow {
    code: String,
    /// An unknown stored status fails the read (a storage error).
    status: QuestionStatus,
    asked_at: String,
}

impl ReceiptRow {
    fn receipt(self) -> QuestionReceipt {
        let status = self.status;
        QuestionReceipt {
            answer_id: (status == QuestionStatus::Published).then(|| answer_id(&self.code)),
            code: self.code,
            status,
            asked_at: self.asked_at,
        }
    }
}

/// The id of the published answer to the question with `code`.
pub fn answer_id(code: &str) -> String {
    format!("risposta-{}", code.to_lowercase())
}

/// `POST /api/v1/questions`. A replay of the same id stores nothing new and gets the same
/// receipt; the same id with a different text is refused.
pub async fn ask(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let address = format!("questions:{}", auth::client_address(&req, env));
    let input: QuestionInput = read_json(req).await?;
    input.validate().map_err(ApiError::Validation)?;
    let id = input.id.to_string();
    if let Some((text, receipt)) = existing(&db, &id).await? {
        return if text == input.text.trim() {
            json(&receipt, 200)
        } else {
            Err(ApiError::Forbidden {
                code: ProblemCode::IdReused,
                detail: "Questo identificativo appartiene a un'altra domanda.".into(),
            })
        };
    }
    let limit = auth::hourly_limit(env, "QUESTIONS_PER_HOUR", QUESTIONS_PER_HOUR);
    auth::rate_limit(&db, &address, limit, 3600).await?;
    let code = question_code(auth::random_bytes::<8>()?);
    let now = auth::now();
    let nickname = input
        .nickname
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    db.prepare(
        "INSERT INTO questions (id, code, topic, text, nickname, status, asked_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, 'received', ?6, ?6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&[
        id.as_str().into(),
        code.into(),
        input.topic.as_ref().into(),
        input.text.trim().into(),
        nickname.map_or(JsValue::NULL, JsValue::from_str),
        now.into(),
    ])?
    .run()
    .await?;
    let (_, receipt) = existing(&db, &id)
        .await?
        .ok_or_else(|| ApiError::Storage("question vanished".into()))?;
    json(&receipt, 201)
}

async fn existing(
    db: &D1Database,
    id: &str,
) -> Result<Option<(String, QuestionReceipt)>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        text: String,
        #[serde(flatten)]
        receipt: ReceiptRow,
    }
    let row: Option<Row> = db
        .prepare("SELECT text, code, status, asked_at FROM questions WHERE id = ?1")
        .bind(&[id.into()])?
        .first(None)
        .await?;
    Ok(row.map(|r| (r.text, r.receipt.receipt())))
}

/// `GET /api/v1/questions/{code}`: where a question stands (the code is the only key).
pub async fn follow(env: &Env, code: &str) -> ApiResult {
    let typed = js_sys::decode_uri_component(code)
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_default();
    let code = normalise_code(&typed).ok_or(ApiError::NotFound)?;
    let row: Option<ReceiptRow> = db::database(env)?
        .prepare("SELECT code, status, asked_at FROM questions WHERE code = ?1")
        .bind(&[code.into()])?
        .first(None)
        .await?;
    json(&row.ok_or(ApiError::NotFound)?.receipt(), 200)
}

/// A question as the desk shows it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeskQuestion {
    pub id: String,
    pub code: String,
    pub topic: String,
    pub text: String,
    pub nickname: Option<String>,
    pub status: String,
    pub assigned_to: Option<String>,
    pub assigned_name: Option<String>,
    pub answer_md: Option<String>,
    pub answered_by: Option<String>,
    pub asked_at: String,
}

const DESK_COLUMNS: &str = "q.id, q.code, q.topic, q.text, q.nickname, q.status, q.assigned_to, \
    a.name AS assigned_name, q.answer_md, q.answered_by, q.asked_at \
    FROM questions q LEFT JOIN accounts a ON a.id = q.assigned_to";

pub async fn desk_list(
    db: &D1Database,
    status: Option<QuestionStatus>,
) -> Result<Vec<DeskQuestion>, ApiError> {
    let status = status.map_or(JsValue::NULL, |s| s.as_ref().into());
    Ok(db
        .prepare(format!(
            "SELECT {DESK_COLUMNS} WHERE ?1 IS NULL OR q.status = ?1 ORDER BY q.asked_at LIMIT 500"
        ))
        .bind(&[status])?
        .all()
        .await?
        .results()?)
}

pub async fn desk_get(db: &D1Database, id: &str) -> Result<DeskQuestion, ApiError> {
    let row: Option<DeskQuestion> = db
        .prepare(format!("SELECT {DESK_COLUMNS} WHERE q.id = ?1"))
        .bind(&[id.into()])?
        .first(None)
        .await?;
    row.ok_or(ApiError::NotFound)
}

/// `GET /api/v1/desk/questions?stato=`.
pub async fn list(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, can_edit).await?;
    let mut status = None;
    for (key, value) in query_pairs(req)? {
        if key == "stato" && !value.is_empty() {
            status = Some(value.parse::<QuestionStatus>().ok().ok_or_else(|| {
                let mut errors = ValidationErrors::default();
                errors.push("stato", "unknown", "Stato sconosciuto.");
                ApiError::InvalidQuery(errors)
            })?);
        }
    }
    json(&desk_list(&db, status).await?, 200)
}

#[derive(Deserialize)]
struct Assign {
    /// The account that answers; absent = the caller.
    #[serde(default)]
    account_id: Option<String>,
}

/// `POST /api/v1/desk/questions/{id}/assign`.
pub async fn assign(req: Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, can_edit).await?;
    let input: Assign = read_json(req).await?;
    let to = input
        .account_id
        .unwrap_or_else(|| session.account.id.clone());
    assign_to(&db, id, &to).await?;
    json(&desk_get(&db, id).await?, 200)
}

pub async fn assign_to(db: &D1Database, id: &str, account_id: &str) -> Result<(), ApiError> {
    let staff: Option<serde_json::Value> = db
        .prepare("SELECT id FROM accounts WHERE id = ?1 AND role IN ('admin', 'editor') AND disabled = 0")
        .bind(&[account_id.into()])?
        .first(None)
        .await?;
    if staff.is_none() {
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

/// The condition that a question's current status allows the move to `next`
/// ([`QuestionStatus::allowed_from`]). The names come from the enum, never from a request.
fn moves_to(next: QuestionStatus) -> String {
    let from: Vec<String> = next
        .allowed_from()
        .iter()
        .map(|s| format!("'{}'", s.as_ref()))
        .collect();
    format!("status IN ({})", from.join(", "))
}

/// Moves the question to `status`, in one UPDATE whose WHERE clause admits only the statuses
/// that allow the move: two editors acting at once cannot both pass a check made before the
/// write. When no row moves, the question is either missing (404) or in a status that
/// forbids the move (409).
async fn update_status(
    db: &D1Database,
    id: &str,
    status: QuestionStatus,
    assigned_to: Option<&str>,
    answer: Option<(&str, &str)>,
) -> Result<(), ApiError> {
    let (answer_md, answered_by) = answer.unzip();
    let touched = db
        .prepare(format!(
            "UPDATE questions SET status = ?2, assigned_to = COALESCE(?3, assigned_to), \
             answer_md = COALESCE(?4, answer_md), answered_by = COALESCE(?5, answered_by), \
             answered_at = CASE WHEN ?4 IS NULL THEN answered_at ELSE ?6 END, updated_at = ?6 \
             WHERE id = ?1 AND {} RETURNING id",
            moves_to(status)
        ))
        .bind(&[
            id.into(),
            status.as_ref().into(),
            assigned_to.map_or(JsValue::NULL, JsValue::from_str),
            answer_md.map_or(JsValue::NULL, JsValue::from_str),
            answered_by.map_or(JsValue::NULL, JsValue::from_str),
            auth::now().into(),
        ])?
        .all()
        .await?
        .results::<serde_json::Value>()?;
    if !touched.is_empty() {
        return Ok(());
    }
    Err(match current_status(db, id).await? {
        None => ApiError::NotFound,
        Some(current) => refused_move(current, status),
    })
}

async fn current_status(db: &D1Database, id: &str) -> Result<Option<QuestionStatus>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        status: QuestionStatus,
    }
    let row: Option<Row> = db
        .prepare("SELECT status FROM questions WHERE id = ?1")
        .bind(&[id.into()])?
        .first(None)
        .await?;
    Ok(row.map(|r| r.status))
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

/// `PUT /api/v1/desk/questions/{id}/answer`.
pub async fn answer(req: Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, can_edit).await?;
    let form: AnswerForm = read_json(req).await?;
    save_answer(&db, &session, id, &form).await?;
    json(&desk_get(&db, id).await?, 200)
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
    let asked_on = question
        .asked_at
        .get(..10)
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| ApiError::Storage("asked_at".into()))?;
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

/// `POST /api/v1/desk/questions/{id}/decline`.
pub async fn decline(req: &Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, can_edit).await?;
    decline_question(&db, id).await?;
    json(&desk_get(&db, id).await?, 200)
}

pub async fn decline_question(db: &D1Database, id: &str) -> Result<(), ApiError> {
    update_status(db, id, QuestionStatus::Declined, None, None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_update_guard_admits_only_the_statuses_core_allows() {
        assert_eq!(
            moves_to(QuestionStatus::Declined),
            "status IN ('received', 'assigned', 'answered', 'declined')"
        );
        assert!(!moves_to(QuestionStatus::Assigned).contains("'published'"));
        assert!(moves_to(QuestionStatus::Published).contains("'published'"));
    }
}
