//! RFC 9457 problem details: the one error shape of the API.

use serde::{Deserialize, Serialize};

use crate::{api::ProblemCode, validation::FieldError};

/// Media type of every error answer.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// A problem+json document. `code` is stable and is what clients branch on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    pub code: ProblemCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    /// A problem whose `type` is a stable URI under the API's documentation path.
    pub fn new(status: u16, code: ProblemCode, title: &str) -> Self {
        Self {
            type_uri: code.type_uri(),
            title: title.to_owned(),
            status,
            code,
            detail: None,
            errors: Vec::new(),
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }
}
