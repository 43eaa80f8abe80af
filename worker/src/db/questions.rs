//! D1 access for the questions to the expert: asked by anyone, followed by their code, moved
//! through their statuses by the editors.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sito_core::question::{QuestionStatus, Topic};
use wasm_bindgen::JsValue;
use worker::D1Database;

use crate::error::ApiError;

/// What the asker's receipt is made of.
#[derive(Deserialize)]
pub struct ReceiptRow {
    pub code: String,
    pub status: String,
    #[serde(with = "sito_core::time")]
    pub asked_at: DateTime<Utc>,
}

/// A question to be stored.
pub struct NewQuestion<'a> {
    pub id: &'a str,
    pub code: String,
    pub topic: Topic,
    pub text: &'a str,
    pub nickname: Option<&'a str>,
    pub asked_at: String,
}

/// Stores the question as received, unless its id is already stored.
pub async fn insert(db: &D1Database, new: NewQuestion<'_>) -> Result<(), ApiError> {
    db.prepare(
        "INSERT INTO questions (id, code, topic, text, nickname, status, asked_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, 'received', ?6, ?6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&[
        new.id.into(),
        new.code.into(),
        new.topic.as_ref().into(),
        new.text.into(),
        new.nickname.map_or(JsValue::NULL, JsValue::from_str),
        new.asked_at.into(),
    ])?
    .run()
    .await?;
    Ok(())
}

/// The text and the receipt of the question with id `id`.
pub async fn text_and_receipt(
    db: &D1Database,
    id: &str,
) -> Result<Option<(String, ReceiptRow)>, ApiError> {
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
    Ok(row.map(|r| (r.text, r.receipt)))
}

/// The receipt of the question with `code`.
pub async fn receipt_by_code(db: &D1Database, code: &str) -> Result<Option<ReceiptRow>, ApiError> {
    Ok(db
        .prepare("SELECT code, status, asked_at FROM questions WHERE code = ?1")
        .bind(&[code.into()])?
        .first(None)
        .await?)
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
    #[serde(with = "sito_core::time")]
    pub asked_at: DateTime<Utc>,
}

const DESK_COLUMNS: &str = "q.id, q.code, q.topic, q.text, q.nickname, q.status, q.assigned_to, \
    a.name AS assigned_name, q.answer_md, q.answered_by, q.asked_at \
    FROM questions q LEFT JOIN accounts a ON a.id = q.assigned_to";

/// The questions in `status` (all without one), oldest first.
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

pub async fn desk_get(db: &D1Database, id: &str) -> Result<Option<DeskQuestion>, ApiError> {
    Ok(db
        .prepare(format!("SELECT {DESK_COLUMNS} WHERE q.id = ?1"))
        .bind(&[id.into()])?
        .first(None)
        .await?)
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

/// A move of a question to another status, with what changes along.
pub struct Move<'a> {
    pub status: QuestionStatus,
    pub assigned_to: Option<&'a str>,
    pub answer_md: Option<&'a str>,
    pub answered_by: Option<&'a str>,
    pub now: String,
}

/// Moves the question, in one UPDATE whose WHERE clause admits only the statuses that allow the
/// move; whether a row moved.
pub async fn update_status(db: &D1Database, id: &str, to: Move<'_>) -> Result<bool, ApiError> {
    let touched = db
        .prepare(format!(
            "UPDATE questions SET status = ?2, assigned_to = COALESCE(?3, assigned_to), \
             answer_md = COALESCE(?4, answer_md), answered_by = COALESCE(?5, answered_by), \
             answered_at = CASE WHEN ?4 IS NULL THEN answered_at ELSE ?6 END, updated_at = ?6 \
             WHERE id = ?1 AND {} RETURNING id",
            moves_to(to.status)
        ))
        .bind(&[
            id.into(),
            to.status.as_ref().into(),
            to.assigned_to.map_or(JsValue::NULL, JsValue::from_str),
            to.answer_md.map_or(JsValue::NULL, JsValue::from_str),
            to.answered_by.map_or(JsValue::NULL, JsValue::from_str),
            to.now.into(),
        ])?
        .all()
        .await?
        .results::<serde_json::Value>()?;
    Ok(!touched.is_empty())
}

/// The question's current status (`None`: no such question).
pub async fn current_status(db: &D1Database, id: &str) -> Result<Option<QuestionStatus>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        status: String,
    }
    let row: Option<Row> = db
        .prepare("SELECT status FROM questions WHERE id = ?1")
        .bind(&[id.into()])?
        .first(None)
        .await?;
    row.map(|r| sito_core::stored::parse("question status", &r.status).map_err(ApiError::from))
        .transpose()
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
