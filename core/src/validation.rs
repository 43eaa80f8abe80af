//! Field-level validation errors: a stable code for programs and an Italian message for people.

use serde::{Deserialize, Serialize};

/// One problem with one field of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's name as it appears in the JSON body or the query string.
    pub field: String,
    /// A stable, machine-readable code such as `required` or `too_long`.
    pub code: String,
    /// A sentence in Italian that the UI can show next to the field.
    pub message: String,
}

/// Every field error found in one input; empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{} campi non validi", .0.len())]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn push(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was pushed, otherwise the collected errors.
    pub fn into_result<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// The error for `field`, if any: what a form shows beside that input.
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    /// Checks a required, trimmed text of at most `max` characters.
    pub fn text(&mut self, field: &str, value: &str, max: usize) {
        let len = value.trim().chars().count();
        if len == 0 {
            self.push(field, "required", "Campo obbligatorio.");
        } else if len > max {
            self.push(
                field,
                "too_long",
                format!("Al massimo {max} caratteri (ora sono {len})."),
            );
        }
    }

    /// Checks an optional text of at most `max` characters.
    pub fn optional_text(&mut self, field: &str, value: &str, max: usize) {
        let len = value.chars().count();
        if len > max {
            self.push(
                field,
                "too_long",
                format!("Al massimo {max} caratteri (ora sono {len})."),
            );
        }
    }
}
