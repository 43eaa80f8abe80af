//! The device's idea of today, and times shown to people.

use chrono::NaiveDate;

/// Today in the phone's local time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// "22 novembre 2026 alle 14:05" in local time, from an RFC 3339 instant.
pub fn local_date_time(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return String::new();
    }
    let day = NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .map(sito_core::dates::format_it)
    .unwrap_or_default();
    format!(
        "{day} alle {:02}:{:02}",
        date.get_hours(),
        date.get_minutes()
    )
}
