//! The device's idea of today, and dates written in the reader's language.
//!
//! Dates are written from the locale's own month names, not by the browser's `Intl`: the first
//! `Intl.DateTimeFormat` of a page costs about 25 ms on a slow phone (four times that with the
//! mobile preset's CPU slowdown), in the middle of hydration. Italian time comes from chrono-tz.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use chrono_tz::Europe::Rome;
use js_sys::Date;
use wasm_bindgen::JsValue;

use crate::i18n::*;

/// Today in the phone's local time zone; on the worker, whose clock is UTC, in Italian time.
pub fn today() -> NaiveDate {
    if cfg!(feature = "ssr") {
        return now().with_timezone(&Rome).date_naive();
    }
    let now = Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Now, as RFC 3339 text (how the store keeps the phone's own times: drafts, CVs, the outbox,
/// the last sync).
pub fn now_iso() -> String {
    String::from(Date::new_0().to_iso_string())
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(Date::now() as i64).unwrap_or_default()
}

fn month_name(month: u32, locale: Locale) -> &'static str {
    match month {
        1 => td_string!(locale, month.january),
        2 => td_string!(locale, month.february),
        3 => td_string!(locale, month.march),
        4 => td_string!(locale, month.april),
        5 => td_string!(locale, month.may),
        6 => td_string!(locale, month.june),
        7 => td_string!(locale, month.july),
        8 => td_string!(locale, month.august),
        9 => td_string!(locale, month.september),
        10 => td_string!(locale, month.october),
        11 => td_string!(locale, month.november),
        _ => td_string!(locale, month.december),
    }
}

/// "15 dicembre 2026" / "15 December 2026".
pub fn long_date(date: NaiveDate, locale: Locale) -> String {
    let month = month_name(date.month(), locale);
    td_string!(
        locale,
        date.day,
        day = date.day(),
        month = month,
        year = date.year()
    )
    .to_string()
}

/// "dicembre 2026", for agenda headings.
pub fn month_year(date: NaiveDate, locale: Locale) -> String {
    let month = month_name(date.month(), locale);
    td_string!(locale, date.month, month = month, year = date.year()).to_string()
}

/// "22 novembre 2026 alle ore 14:05" / "22 November 2026 at 14:05".
fn date_time(at: NaiveDateTime, locale: Locale) -> String {
    let date = long_date(at.date(), locale);
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    td_string!(locale, date.date_time, date = date, time = time).to_string()
}

/// An instant in the phone's local time (Italian time on the worker).
pub fn local_date_time(at: DateTime<Utc>, locale: Locale) -> String {
    if cfg!(feature = "ssr") {
        return rome_date_time(at, locale);
    }
    let js = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let local =
        NaiveDate::from_ymd_opt(js.get_full_year() as i32, js.get_month() + 1, js.get_date())
            .and_then(|d| d.and_hms_opt(js.get_hours(), js.get_minutes(), 0));
    local.map_or_else(String::new, |local| date_time(local, locale))
}

/// In Italian time (Europe/Rome), whatever the phone's own zone: calls open and close, and
/// proposals are received, by Italian clocks.
pub fn rome_date_time(at: DateTime<Utc>, locale: Locale) -> String {
    date_time(at.with_timezone(&Rome).naive_local(), locale)
}

/// The hour and minute in Italian time, `19:30` (a session's end, after its start's date).
pub fn rome_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Rome).format("%H:%M").to_string()
}

/// The same for a time the phone keeps as RFC 3339 text (a draft's `updated_at`); empty if
/// unreadable.
pub fn rome_date_time_text(rfc3339: &str, locale: Locale) -> String {
    sito_core::time::parse(rfc3339).map_or_else(|_| String::new(), |at| rome_date_time(at, locale))
}
