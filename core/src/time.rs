//! Instants on the wire and in D1: `DateTime<Utc>` in the types, RFC 3339 text outside them.
//!
//! The worker has always written its times as JavaScript's `Date.toISOString()` does
//! (`2026-11-22T09:30:00.123Z`: UTC, milliseconds, `Z`); that is the text [`format`] writes, so
//! the JSON on the wire and the text in D1 stay as they were. [`parse`] reads any RFC 3339 text,
//! with or without fractions and with any offset, because D1 also holds times written as
//! `2026-11-22T09:30:00Z` (the seeders, older calls) and `2026-11-22T09:30:00+00:00` (scheduled
//! publications). Anything else is an error, never a default.
//!
//! Use it as `#[serde(with = "sito_core::time")]`, or `sito_core::time::option` for an
//! `Option<DateTime<Utc>>`.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{de, Deserializer, Serializer};

/// `2026-11-22T09:30:00.123Z`.
pub fn format(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Any RFC 3339 text, as UTC.
pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(text).map(|at| at.with_timezone(&Utc))
}

pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(at))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    deserializer.deserialize_str(Rfc3339)
}

struct Rfc3339;

impl de::Visitor<'_> for Rfc3339 {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 time such as 2026-11-22T09:30:00.000Z")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
        parse(text).map_err(|e| E::custom(format_args!("{text:?} is not an RFC 3339 time: {e}")))
    }
}

/// The same for an optional time (`null` or absent is `None`).
pub mod option {
    use super::*;
    use serde::Deserialize;

    pub fn serialize<S: Serializer>(
        at: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => super::serialize(at, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        #[derive(Deserialize)]
        struct Text(#[serde(with = "super")] DateTime<Utc>);
        Ok(Option::<Text>::deserialize(deserializer)?.map(|Text(at)| at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Stamped {
        #[serde(with = "crate::time")]
        at: DateTime<Utc>,
        #[serde(
            default,
            with = "crate::time::option",
            skip_serializing_if = "Option::is_none"
        )]
        due: Option<DateTime<Utc>>,
    }

    #[test]
    fn a_time_goes_out_as_the_worker_has_always_written_it() {
        // What `new Date(…).toISOString()` writes: milliseconds and `Z`.
        for text in [
            "2026-11-22T09:30:00.123Z",
            "2026-11-22T09:30:00.000Z",
            "2027-07-01T23:59:59.999Z",
        ] {
            let json = format!(r#"{{"at":"{text}"}}"#);
            let read: Stamped = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::to_string(&read).unwrap(), json);
        }
        let due = r#"{"at":"2026-11-22T09:30:00.000Z","due":"2026-12-01T08:00:00.000Z"}"#;
        let read: Stamped = serde_json::from_str(due).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), due);
    }

    #[test]
    fn a_time_without_milliseconds_or_with_an_offset_is_the_same_instant() {
        let at = parse("2026-11-22T09:30:00.000Z").unwrap();
        assert_eq!(parse("2026-11-22T09:30:00Z"), Ok(at));
        assert_eq!(parse("2026-11-22T09:30:00+00:00"), Ok(at));
        assert_eq!(parse("2026-11-22T10:30:00+01:00"), Ok(at));
        assert_eq!(
            format(&parse("2026-07-01T10:30:00.5+02:00").unwrap()),
            "2026-07-01T08:30:00.500Z"
        );
        let read: Stamped =
            serde_json::from_str(r#"{"at":"2026-11-22T09:30:00Z","due":null}"#).unwrap();
        assert_eq!(read, Stamped { at, due: None });
    }

    #[test]
    fn text_that_is_not_a_time_is_an_error() {
        for text in [
            "",
            "ieri",
            "2026-11-22",
            "22/11/2026 10:30",
            "2026-11-22T09:30:00",
        ] {
            assert!(parse(text).is_err(), "{text:?} read as a time");
            let json = format!(r#"{{"at":"{text}"}}"#);
            let error = serde_json::from_str::<Stamped>(&json).unwrap_err();
            assert!(
                error.to_string().contains("is not an RFC 3339 time"),
                "{error}"
            );
        }
        assert!(serde_json::from_str::<Stamped>(r#"{"at":1764000000000}"#).is_err());
    }
}
