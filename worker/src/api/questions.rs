//! "L'esperto risponde": anyone asks (`POST /api/v1/questions`, idempotent by the phone's id)
//! and follows the question with its code; editors assign, answer, publish or decline
//! (`service::questions`, which the desk shares).

use serde::Deserialize;
use sito_core::api::ProblemCode;
use sito_core::{
    question::{normalise_code, question_code, QuestionInput, QuestionStatus},
    ValidationErrors,
};
use worker::{Env, Request};

use crate::{
    auth::{self, Need},
    db::{
        self,
        questions::{self, NewQuestion},
    },
    error::ApiError,
    http::{json, query_pairs, read_json, ApiResult},
    service::questions::{self as service, AnswerForm},
};

/// Questions accepted per address per hour (the `QUESTIONS_PER_HOUR` variable overrides it).
const QUESTIONS_PER_HOUR: u32 = 30;

/// `POST /api/v1/questions`. A replay of the same id stores nothing new and gets the same
/// receipt; the same id with a different text is refused.
pub async fn ask(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let address = format!("questions:{}", auth::client_address(&req, env));
    let input: QuestionInput = read_json(req).await?;
    input.validate().map_err(ApiError::Validation)?;
    let id = input.id.to_string();
    if let Some((text, receipt)) = service::existing(&db, &id).await? {
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
    let now = auth::now_text();
    let nickname = input
        .nickname
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    questions::insert(
        &db,
        NewQuestion {
            id: &id,
            code,
            topic: input.topic,
            text: input.text.trim(),
            nickname,
            asked_at: now,
        },
    )
    .await?;
    let (_, receipt) = service::existing(&db, &id)
        .await?
        .ok_or_else(|| ApiError::Storage("question vanished".into()))?;
    json(&receipt, 201)
}

/// `GET /api/v1/questions/{code}`: where a question stands (the code is the only key).
pub async fn follow(env: &Env, code: &str) -> ApiResult {
    let typed = js_sys::decode_uri_component(code)
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_default();
    let code = normalise_code(&typed).ok_or(ApiError::NotFound)?;
    let row = questions::receipt_by_code(&db::database(env)?, &code).await?;
    json(&service::receipt(row.ok_or(ApiError::NotFound)?)?, 200)
}

/// `GET /api/v1/desk/questions?stato=`.
pub async fn list(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Editor).await?;
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
    json(&service::desk_list(&db, status).await?, 200)
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
    let session = auth::require(&req, &db, Need::Editor).await?;
    let input: Assign = read_json(req).await?;
    let to = input
        .account_id
        .unwrap_or_else(|| session.account.id.clone());
    service::assign_to(&db, id, &to).await?;
    json(&service::desk_get(&db, id).await?, 200)
}

/// `PUT /api/v1/desk/questions/{id}/answer`.
pub async fn answer(req: Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let session = auth::require(&req, &db, Need::Editor).await?;
    let form: AnswerForm = read_json(req).await?;
    service::save_answer(&db, &session, id, &form).await?;
    json(&service::desk_get(&db, id).await?, 200)
}

/// `POST /api/v1/desk/questions/{id}/decline`.
pub async fn decline(req: &Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Editor).await?;
    service::decline_question(&db, id).await?;
    json(&service::desk_get(&db, id).await?, 200)
}
