//! Values the worker keeps in D1 columns (statuses, kinds, roles, districts, times), read back
//! into their types. A column holds an enum's serde name or a time's RFC 3339 text
//! ([`crate::time`]); a value this build cannot read is an error that names the column and the
//! value, never a silent default.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

/// A stored column held a value that is none of its enum's names, or no time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the stored {column} {value:?} is not one this build can read")]
pub struct UnknownStoredValue {
    pub column: &'static str,
    pub value: String,
}

/// Reads `value`, stored in `column`, as the enum whose serde name it is.
pub fn parse<T: DeserializeOwned>(
    column: &'static str,
    value: &str,
) -> Result<T, UnknownStoredValue> {
    serde_json::from_value(serde_json::Value::from(value)).map_err(|_| UnknownStoredValue {
        column,
        value: value.to_owned(),
    })
}

/// Reads `value`, stored in `column`, as the time its RFC 3339 text says.
pub fn time(column: &'static str, value: &str) -> Result<DateTime<Utc>, UnknownStoredValue> {
    crate::time::parse(value).map_err(|_| UnknownStoredValue {
        column,
        value: value.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{opportunity::District, proposal::ProposalStatus};

    #[test]
    fn a_stored_name_reads_back_and_an_unknown_one_is_refused() {
        assert_eq!(parse("status", "in_review"), Ok(ProposalStatus::InReview));
        assert_eq!(parse("district", "province"), Ok(District::Province));
        assert_eq!(
            parse::<ProposalStatus>("status", "archived"),
            Err(UnknownStoredValue {
                column: "status",
                value: "archived".into()
            })
        );
        // The URL slug is not the stored name.
        assert!(parse::<District>("district", "provincia").is_err());
    }

    #[test]
    fn a_stored_time_reads_in_any_rfc_3339_form_and_anything_else_is_refused() {
        let at = time("updated_at", "2026-11-22T09:30:00.000Z").unwrap();
        assert_eq!(time("publish_at", "2026-11-22T09:30:00+00:00"), Ok(at));
        assert_eq!(time("updated_at", "2026-11-22T09:30:00Z"), Ok(at));
        assert_eq!(
            time("asked_at", "2026-11-22 09:30:00"),
            Err(UnknownStoredValue {
                column: "asked_at",
                value: "2026-11-22 09:30:00".into()
            })
        );
    }
}
