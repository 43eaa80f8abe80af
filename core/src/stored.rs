//! Values the worker keeps in D1 columns (statuses, kinds, roles, districts), read back into
//! their enums. A column holds an enum's serde name; a value this build does not know is an
//! error that names the column and the value, never a silent default.

use serde::de::DeserializeOwned;

/// A stored column held a value that is none of its enum's names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the stored {column} {value:?} is not one this build knows")]
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
}
