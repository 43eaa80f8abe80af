//! The checks of an update, the same as of a first sending.

use super::{BankSubmission, BankUpdate};
use crate::validation::ValidationErrors;

/// Checks an update's fields and consent exactly as [`BankSubmission::validate`] does.
pub fn validate_update(update: &BankUpdate) -> Result<(), ValidationErrors> {
    BankSubmission {
        id: uuid::Uuid::nil(),
        name: update.name.clone(),
        contact: update.contact.clone(),
        profile: update.profile.clone(),
        cv: update.cv.clone(),
        consent: update.consent,
    }
    .validate()
}
