//! Talking to the API from the proposal tool: the JSON answer, or why there was none (offline,
//! the server's problem+json in Italian, or a bare status).

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use sito_core::{FieldError, Problem};

use crate::i18n::*;

/// Why a call to the API did not work.
#[derive(Debug, Clone)]
pub enum ApiFailure {
    Offline,
    Problem(Problem),
    Status(u16),
}

impl ApiFailure {
    /// The sentence to show (the server's own Italian detail when it gave one).
    pub fn text(&self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            ApiFailure::Offline => t_string!(i18n, account.offline).to_owned(),
            ApiFailure::Problem(p) => p.detail.clone().unwrap_or_else(|| p.title.clone()),
            ApiFailure::Status(s) => t_string!(i18n, account.server_error, status = *s).to_string(),
        }
    }

    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            ApiFailure::Problem(p) => p.errors.clone(),
            _ => Vec::new(),
        }
    }
}

pub(super) async fn read_failure(response: Response) -> ApiFailure {
    let status = response.status();
    match response.json::<Problem>().await {
        Ok(problem) => ApiFailure::Problem(problem),
        Err(_) => ApiFailure::Status(status),
    }
}

/// Sends a request and reads the JSON answer, or the problem+json refusal.
pub async fn fetch_json<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<T, ApiFailure> {
    let request = request.map_err(|_| ApiFailure::Status(0))?;
    let response = request.send().await.map_err(|_| ApiFailure::Offline)?;
    if !response.ok() {
        return Err(read_failure(response).await);
    }
    let status = response.status();
    response
        .json::<T>()
        .await
        .map_err(|_| ApiFailure::Status(status))
}
