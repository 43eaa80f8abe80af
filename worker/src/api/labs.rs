//! Sign-ups for labs and seminars: anyone signs up from the phone (`POST
//! /api/v1/labs/{id}/signups`, idempotent by the id the phone made), asks where it stands now and
//! cancels with the code of the receipt. The place is decided by D1 in the write itself
//! (`db::labs::sign_up`).

use chrono::Utc;
use sito_core::api::ProblemCode;
use sito_core::lab::{
    signup::{normalise_code, signup_code, CancelInput, SignupInput, SignupReceipt, SignupStatus},
    Lab, LabPhase,
};
use sito_core::ContentKind;
use worker::{Env, Request};

use crate::{
    auth,
    db::{
        self,
        labs::{self, NewSignup, PromotionMail, SignupRow},
    },
    error::ApiError,
    http::{json, read_json, ApiResult},
    italian_time::rome_words,
};

/// Sign-ups accepted per address per hour (the `LAB_SIGNUPS_PER_HOUR` variable overrides it).
const SIGNUPS_PER_HOUR: u32 = 30;

fn receipt(row: &SignupRow) -> Result<SignupReceipt, ApiError> {
    let status = labs::status(row)?;
    Ok(SignupReceipt {
        lab_id: row.lab_id.clone(),
        code: row.code.clone(),
        status,
        position: (status == SignupStatus::Waiting).then_some(row.position.unwrap_or(0)),
        signed_up_at: row.signed_up_at,
        lab_cancelled: row.lab_cancelled == 1,
        promoted: false,
    })
}

/// The published lab `id`, or 404.
async fn published(db: &worker::D1Database, id: &str) -> Result<Lab, ApiError> {
    let current = db::content::current(db, ContentKind::Lab, id).await?;
    let body = current
        .filter(|c| !c.deleted)
        .and_then(|c| c.body)
        .ok_or(ApiError::NotFound)?;
    serde_json::from_str(body.get()).map_err(|e| ApiError::Storage(e.to_string()))
}

fn refused(code: ProblemCode, title: &'static str, detail: String) -> ApiError {
    ApiError::Refused {
        status: 422,
        code,
        title,
        detail,
    }
}

/// The lab's dates (or its cancellation) forbid signing up now (`None`: they allow it).
fn closed(lab: &Lab) -> Option<ApiError> {
    match lab.phase(Utc::now()) {
        LabPhase::Open => None,
        LabPhase::NotYetOpen => Some(refused(
            ProblemCode::LabNotOpen,
            "Iscrizioni non ancora aperte",
            format!(
                "Le iscrizioni si aprono il {}.",
                rome_words(lab.signup_opens_at)
            ),
        )),
        LabPhase::Closed => Some(refused(
            ProblemCode::LabClosed,
            "Iscrizioni chiuse",
            format!(
                "Le iscrizioni si sono chiuse il {}.",
                rome_words(lab.signup_closes_at)
            ),
        )),
        LabPhase::Cancelled => Some(refused(
            ProblemCode::LabCancelled,
            "Laboratorio annullato",
            "L'organizzatore ha annullato questo laboratorio.".into(),
        )),
    }
}

/// `POST /api/v1/labs/{id}/signups`. A replay of the same id stores nothing new and answers the
/// sign-up as it stands now; the same id with other details is refused.
pub async fn sign_up(req: Request, env: &Env, lab_id: &str) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let address = format!("lab-signups:{}", auth::client_address(&req, env));
    let input: SignupInput = read_json(req).await?;
    input.validate().map_err(ApiError::Validation)?;
    let id = input.id.to_string();
    let (name, contact) = (input.name.trim(), input.contact.trim());
    if let Some(row) = labs::signup(&db, &id).await? {
        // A cancelled sign-up has no details left to compare: its receipt says it is cancelled.
        let cancelled = labs::status(&row)? == SignupStatus::Cancelled;
        let same = row.lab_id == lab_id
            && (cancelled
                || (row.name.as_deref() == Some(name) && row.contact.as_deref() == Some(contact)));
        return if same {
            json(&receipt(&row)?, 200)
        } else {
            Err(ApiError::Forbidden {
                code: ProblemCode::IdReused,
                detail: "Questo identificativo appartiene a un'altra iscrizione.".into(),
            })
        };
    }
    let lab = published(&db, lab_id).await?;
    if let Some(refusal) = closed(&lab) {
        return Err(refusal);
    }
    let limit = auth::hourly_limit(env, "LAB_SIGNUPS_PER_HOUR", SIGNUPS_PER_HOUR);
    auth::rate_limit(&db, &address, limit, 3600).await?;
    let code = signup_code(auth::random_bytes::<8>()?);
    let at = auth::now_text();
    labs::sign_up(
        &db,
        NewSignup {
            id: &id,
            lab_id,
            code: &code,
            name,
            contact,
            age_band: input.age_band,
            at: &at,
        },
    )
    .await?;
    let row = labs::signup(&db, &id)
        .await?
        .ok_or_else(|| ApiError::Storage("sign-up vanished".into()))?;
    json(&receipt(&row)?, 201)
}

/// `POST /api/v1/labs/{id}/signups/{signup_id}/cancel`: only with the sign-up's own code; a
/// place freed goes to the first of the waiting list in the same batch.
pub async fn cancel(req: Request, env: &Env, lab_id: &str, signup_id: &str) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let input: CancelInput = read_json(req).await?;
    let code = normalise_code(&input.code).ok_or(ApiError::NotFound)?;
    let row = labs::signup(&db, signup_id)
        .await?
        .filter(|row| row.lab_id == lab_id && row.code == code)
        .ok_or(ApiError::NotFound)?;
    if labs::status(&row)? != SignupStatus::Cancelled {
        // The lab as published, for the message to whoever moves up (none if it is gone: then
        // nobody does).
        let lab = published(&db, lab_id).await.ok();
        let texts = lab.as_ref().map(promotion_texts);
        let mail = texts
            .as_ref()
            .map(|(subject, before, after)| PromotionMail {
                subject,
                before,
                after,
            });
        labs::cancel(&db, lab_id, signup_id, &code, &auth::now_text(), mail).await?;
    }
    let row = labs::signup(&db, signup_id)
        .await?
        .ok_or_else(|| ApiError::Storage("sign-up vanished".into()))?;
    json(&receipt(&row)?, 200)
}

/// The message to the first of the waiting list when a place frees up: its subject, and its
/// body before and after their code.
fn promotion_texts(lab: &Lab) -> (String, String, String) {
    let first = lab
        .first_start()
        .map(|at| format!(" Il primo incontro è il {} (ora italiana).", rome_words(at)))
        .unwrap_or_default();
    (
        format!("Si è liberato un posto: sei iscritto a «{}»", lab.title),
        format!(
            "Ciao,\n\nsi è liberato un posto: sei iscritto a «{}» ({}).{first}\n\n\
             Il tuo codice d'iscrizione è ",
            lab.title, lab.organiser
        ),
        ": mostralo all'ingresso. Se non puoi più venire, annulla l'iscrizione dalla pagina del \
         laboratorio su SI.T.O. Giovani: il posto passa al prossimo in lista d'attesa."
            .to_owned(),
    )
}

/// `GET /api/v1/labs/{id}/signups/{signup_id}?code=…`: where the sign-up stands now (a place,
/// its number on the waiting list, cancelled; the lab cancelled), only with its own code.
pub async fn look_up(req: &Request, env: &Env, lab_id: &str, signup_id: &str) -> ApiResult {
    let typed = crate::http::query_pairs(req)?
        .into_iter()
        .find_map(|(key, value)| (key == "code").then_some(value))
        .unwrap_or_default();
    let code = normalise_code(&typed).ok_or(ApiError::NotFound)?;
    let row = labs::signup(&db::database(env)?, signup_id)
        .await?
        .filter(|row| row.lab_id == lab_id && row.code == code)
        .ok_or(ApiError::NotFound)?;
    json(&receipt(&row)?, 200)
}

#[derive(serde::Serialize)]
struct Purged {
    labs: usize,
}

/// `POST /api/v1/admin/labs/purge?older_than_days=`: what the daily cron does, on demand
/// (administrators): deletes the sign-ups' names and contacts of every lab whose last session
/// ended more than the given days ago (by default the period the sign-up form states).
pub async fn purge(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, auth::Need::Admin).await?;
    let mut days = crate::service::labs::PURGE_AFTER_DAYS;
    let mut errors = sito_core::ValidationErrors::default();
    for (key, value) in crate::http::query_pairs(req)? {
        match (key.as_str(), value.parse::<i64>()) {
            ("older_than_days", Ok(n)) if (0..=3650).contains(&n) => days = n,
            ("older_than_days", _) => errors.push(
                "older_than_days",
                "invalid_days",
                "Indica un numero di giorni tra 0 e 3650.",
            ),
            (other, _) => errors.push(
                other,
                "unknown_parameter",
                format!("Parametro sconosciuto: «{other}»."),
            ),
        }
    }
    errors.into_result(()).map_err(ApiError::InvalidQuery)?;
    let labs = crate::service::labs::purge_due(&db, days).await?;
    json(&Purged { labs }, 200)
}
