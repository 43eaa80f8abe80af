//! Times as Italians read and type them: the desk and the messages speak Italian time
//! (Europe/Rome, with summer time); D1 stores UTC.

/// `datetime-local` as typed in Italy → UTC (the desk's times are Italian time).
pub fn rome_to_utc(local: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::TimeZone;
    let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").ok()?;
    chrono_tz::Europe::Rome
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// A time as Italian time, `22/11/2026 10:30`.
pub fn rome(utc: chrono::DateTime<chrono::Utc>) -> String {
    utc.with_timezone(&chrono_tz::Europe::Rome)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// A stored UTC time as the value of a `datetime-local` input in Italian time.
pub fn rome_input(utc: chrono::DateTime<chrono::Utc>) -> String {
    utc.with_timezone(&chrono_tz::Europe::Rome)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// "31/03/2027 alle 12:00", for messages.
pub fn rome_words(utc: chrono::DateTime<chrono::Utc>) -> String {
    utc.with_timezone(&chrono_tz::Europe::Rome)
        .format("%d/%m/%Y alle %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desk_times_are_italian_time_in_winter_and_in_summer() {
        let utc = |local| rome_to_utc(local).map(|t| t.to_rfc3339());
        assert_eq!(
            utc("2026-11-22T10:30").as_deref(),
            Some("2026-11-22T09:30:00+00:00")
        );
        assert_eq!(
            utc("2026-07-01T10:30").as_deref(),
            Some("2026-07-01T08:30:00+00:00")
        );
        assert_eq!(utc("22/11/2026"), None);
        let stored = |text| sito_core::time::parse(text).unwrap();
        assert_eq!(rome(stored("2026-07-01T08:30:00.000Z")), "01/07/2026 10:30");
        assert_eq!(rome(stored("2026-11-22T09:30:00Z")), "22/11/2026 10:30");
    }
}
