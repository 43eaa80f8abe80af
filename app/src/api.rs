//! The app's one client of the worker's API: every request the app makes is a function here,
//! its address built by `sito_core::api::paths`, its answer read as the core type it is, and
//! any failure one [`ApiError`]. Callers branch on the error's status or [`ProblemCode`], never
//! on its text.

use gloo_net::http::{Request, Response};
use serde::{de::DeserializeOwned, Serialize};
use sito_core::{
    account::{AccountView, SignIn, SignUp, SignUpSent},
    api::{paths, ProblemCode},
    appointment::{AppointmentTopic, BookingReceipt, CancelInput, FreeSlots},
    proposal::{status::ProposalPage, ProposalReceipt, ProposalView},
    question::{QuestionInput, QuestionReceipt},
    FieldError, Problem, PullResponse,
};

use crate::{
    i18n::*,
    store::{AppointmentJson, BankJson, ProposalJson},
};

/// Why a call to the API brought no answer the app can use.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// No answer at all: the phone is offline, or the connection dropped.
    #[error("rete non raggiungibile")]
    Offline,
    /// The server refused with problem+json; its `status` is the answer's HTTP status.
    #[error("{}", .0.detail.as_deref().unwrap_or(&.0.title))]
    Problem(Problem),
    /// An answer that is neither the one asked for nor a problem (a proxy's error page).
    #[error("il server ha risposto {0}")]
    Status(u16),
    /// A successful answer whose body does not read as the expected type.
    #[error("risposta non valida ({status}): {reason}")]
    Unreadable { status: u16, reason: String },
    /// The request could not be made (its body could not be written).
    #[error("richiesta non valida: {0}")]
    Unsent(String),
}

impl ApiError {
    /// The HTTP status of the answer, if there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(p) => Some(p.status),
            ApiError::Status(s) | ApiError::Unreadable { status: s, .. } => Some(*s),
            ApiError::Offline | ApiError::Unsent(_) => None,
        }
    }

    /// The problem's stable code, when the server gave one.
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            ApiError::Problem(p) => Some(p.code),
            _ => None,
        }
    }

    /// The field errors of a refusal, shown beside the fields they name.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            ApiError::Problem(p) => p.errors.clone(),
            _ => Vec::new(),
        }
    }

    /// The sentence to show (the server's own Italian detail when it gave one).
    pub fn text(&self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            ApiError::Offline => t_string!(i18n, account.offline).to_owned(),
            ApiError::Problem(p) => p.detail.clone().unwrap_or_else(|| p.title.clone()),
            ApiError::Status(s) | ApiError::Unreadable { status: s, .. } => {
                t_string!(i18n, account.server_error, status = *s).to_string()
            }
            ApiError::Unsent(_) => t_string!(i18n, account.server_error, status = 0).to_string(),
        }
    }
}

/// Sends a request; a successful answer comes back as it is, anything else as an [`ApiError`].
async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let request = request.map_err(|e| ApiError::Unsent(e.to_string()))?;
    let response = request.send().await.map_err(|_| ApiError::Offline)?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    match response.binary().await {
        Ok(body) => match serde_json::from_slice::<Problem>(&body) {
            // The answer's own status is the one that counts.
            Ok(problem) => Err(ApiError::Problem(Problem { status, ..problem })),
            Err(_) => Err(ApiError::Status(status)),
        },
        Err(_) => Err(ApiError::Status(status)),
    }
}

/// Sends a request and reads its JSON answer as a `T`. Bytes, not text: a page of a thousand
/// items crosses into the wasm as one copy, without being decoded to a JavaScript string and
/// encoded back.
async fn fetch<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    let response = send(request).await?;
    let status = response.status();
    let body = response.binary().await.map_err(|_| ApiError::Offline)?;
    serde_json::from_slice(&body).map_err(|e| ApiError::Unreadable {
        status,
        reason: e.to_string(),
    })
}

fn post_json(url: &str, body: &impl Serialize) -> Result<Request, gloo_net::Error> {
    Request::post(url).json(body)
}

/// One page of at most `limit` changes of the content feed after `since`, from `origin` (empty
/// for the page's own).
pub async fn pull(origin: &str, since: u64, limit: u32) -> Result<PullResponse, ApiError> {
    fetch(Request::get(&format!("{origin}{}", paths::sync_page(since, limit))).build()).await
}

/// Sends a question to the expert; the receipt carries the code to follow it by.
pub async fn ask(question: &QuestionInput) -> Result<QuestionReceipt, ApiError> {
    fetch(post_json(&paths::questions(), question)).await
}

/// Where a question stands, by its code.
pub async fn question(code: &str) -> Result<QuestionReceipt, ApiError> {
    fetch(Request::get(&paths::question(code)).build()).await
}

/// Sends a sign-up for a lab, as the JSON text the outbox keeps; the receipt comes back as
/// text too, read only by the labs page.
pub async fn lab_sign_up(lab_id: &str, body: &str) -> Result<String, ApiError> {
    let request = Request::post(&paths::lab_signups(lab_id))
        .header("content-type", "application/json")
        .body(body);
    send(request)
        .await?
        .text()
        .await
        .map_err(|_| ApiError::Offline)
}

/// Where a sign-up stands now, asked with its code: its receipt.
pub async fn lab_signup(
    lab_id: &str,
    signup_id: &str,
    code: &str,
) -> Result<sito_core::lab::signup::SignupReceipt, ApiError> {
    fetch(Request::get(&paths::lab_signup(lab_id, signup_id, code)).build()).await
}

/// Cancels a sign-up with its code; the cancelled receipt comes back as JSON text.
pub async fn cancel_lab_signup(
    lab_id: &str,
    signup_id: &str,
    code: &str,
) -> Result<String, ApiError> {
    let body = sito_core::lab::signup::CancelInput {
        code: code.to_owned(),
    };
    send(post_json(
        &paths::lab_signup_cancel(lab_id, signup_id),
        &body,
    ))
    .await?
    .text()
    .await
    .map_err(|_| ApiError::Offline)
}

/// Submits one revision of a proposal.
pub async fn submit_proposal(proposal: &ProposalJson) -> Result<ProposalReceipt, ApiError> {
    let request = Request::post(&paths::proposals())
        .header("content-type", "application/json")
        .body(proposal.as_str());
    fetch(request).await
}

/// Books a desk appointment; the receipt comes back as the server's JSON text, which the outbox
/// keeps as it is.
pub async fn book(booking: &AppointmentJson) -> Result<AppointmentJson, ApiError> {
    let request = Request::post(&paths::appointments())
        .header("content-type", "application/json")
        .body(booking.as_str());
    let response = send(request).await?;
    // Bytes, as `fetch` reads them: the everyday pages' wasm then needs no other reader. The
    // app reads the receipt when it shows it (`OutboxEntry::appointment_receipt`).
    let body = response.binary().await.map_err(|_| ApiError::Offline)?;
    Ok(AppointmentJson::receipt(
        String::from_utf8_lossy(&body).into_owned(),
    ))
}

/// Sends a candidate profile to the CV bank, as the JSON text the outbox keeps; the receipt
/// comes back as the server's JSON text, read only where it is shown.
pub async fn bank_send(profile: &BankJson) -> Result<BankJson, ApiError> {
    let request = Request::post(&paths::bank_profiles())
        .header("content-type", "application/json")
        .body(profile.as_str());
    let body = send(request)
        .await?
        .binary()
        .await
        .map_err(|_| ApiError::Offline)?;
    Ok(BankJson::receipt(
        String::from_utf8_lossy(&body).into_owned(),
    ))
}

/// Answers a proposal from the CV bank's operators (JSON text in, the proposal's JSON text out).
pub async fn bank_answer(
    profile_id: &str,
    proposal_id: &str,
    body: &str,
) -> Result<String, ApiError> {
    let request = Request::post(&paths::bank_answer(profile_id, proposal_id))
        .header("content-type", "application/json")
        .body(body);
    let body = send(request)
        .await?
        .binary()
        .await
        .map_err(|_| ApiError::Offline)?;
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// What the CV bank holds about a profile, asked with its code.
pub async fn bank_record(id: &str, code: &str) -> Result<sito_core::bank::BankRecord, ApiError> {
    fetch(Request::get(&paths::bank_profile_with_code(id, code)).build()).await
}

/// Updates a profile in the CV bank and renews its 12 months.
pub async fn bank_update(
    id: &str,
    update: &sito_core::bank::BankUpdate,
) -> Result<sito_core::bank::BankReceipt, ApiError> {
    fetch(Request::put(&paths::bank_profile(id)).json(update)).await
}

/// Deletes a profile from the CV bank at once, with its code.
pub async fn bank_delete(id: &str, code: &str) -> Result<sito_core::bank::Deleted, ApiError> {
    let body = sito_core::bank::CodeOnly {
        code: code.to_owned(),
    };
    fetch(post_json(&paths::bank_profile_delete(id), &body)).await
}

/// The desk's free slots, of one topic or all.
pub async fn appointment_slots(topic: Option<AppointmentTopic>) -> Result<FreeSlots, ApiError> {
    fetch(Request::get(&paths::appointment_slots(topic)).build()).await
}

/// Cancels a booking with its code.
pub async fn cancel_appointment(id: &str, code: &str) -> Result<BookingReceipt, ApiError> {
    fetch(post_json(
        &paths::appointment_cancel(id),
        &CancelInput {
            code: code.to_owned(),
        },
    ))
    .await
}

/// One page of the signed-in group's proposals, after the cursor of the previous one.
pub async fn proposals(after: Option<u64>) -> Result<ProposalPage, ApiError> {
    let url = after.map_or_else(paths::proposals, paths::proposals_after);
    fetch(Request::get(&url).build()).await
}

/// One proposal of the signed-in group.
pub async fn proposal(id: &str) -> Result<ProposalView, ApiError> {
    fetch(Request::get(&paths::proposal(id)).build()).await
}

/// The group withdraws its proposal; the answer is the proposal as it now stands.
pub async fn withdraw(id: &str) -> Result<ProposalView, ApiError> {
    fetch(Request::post(&paths::proposal_withdraw(id)).build()).await
}

/// Who is signed in on this browser.
pub async fn session() -> Result<AccountView, ApiError> {
    fetch(Request::get(&paths::session()).build()).await
}

/// Signs in.
pub async fn sign_in(input: &SignIn) -> Result<AccountView, ApiError> {
    fetch(post_json(&paths::session(), input)).await
}

/// Signs out.
pub async fn sign_out() -> Result<(), ApiError> {
    send(Request::delete(&paths::session()).build())
        .await
        .map(|_| ())
}

/// A group signs up; the next step is in the message sent to its address.
pub async fn sign_up(input: &SignUp) -> Result<SignUpSent, ApiError> {
    fetch(post_json(&paths::accounts(), input)).await
}

/// Activates a group's account with the token of its sign-up link, and signs it in.
pub async fn confirm_sign_up(token: &str) -> Result<AccountView, ApiError> {
    fetch(Request::post(&paths::sign_up(token)).build()).await
}
