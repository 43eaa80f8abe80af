//! The device's idea of today, and dates shown in the reader's language (the browser's `Intl`).

use chrono::{Datelike, NaiveDate};
use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::{i18n::Locale, labels::tag};

/// Today in the phone's local time zone.
pub fn today() -> NaiveDate {
    let now = Date::new_0();
    if cfg!(feature = "ssr") {
        // The worker's clock is UTC: its pages count days in Italian time.
        let iso = String::from(
            now.to_locale_date_string("en-CA", &options(&[("timeZone", "Europe/Rome")])),
        );
        if let Ok(date) = iso.parse() {
            return date;
        }
    }
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    options
}

/// "15 dicembre 2026" / "15 December 2026".
pub fn long_date(date: NaiveDate, locale: Locale) -> String {
    let js =
        Date::new_with_year_month_day(date.year_ce().1, date.month0() as i32, date.day() as i32);
    String::from(js.to_locale_date_string(
        tag(locale),
        &options(&[("day", "numeric"), ("month", "long"), ("year", "numeric")]),
    ))
}

/// "dicembre 2026", for agenda headings.
pub fn month_year(date: NaiveDate, locale: Locale) -> String {
    let js = Date::new_with_year_month_day(date.year_ce().1, date.month0() as i32, 1);
    String::from(js.to_locale_date_string(
        tag(locale),
        &options(&[("month", "long"), ("year", "numeric")]),
    ))
}

/// "22 novembre 2026, 14:05" in local time, from an RFC 3339 instant.
pub fn local_date_time(rfc3339: &str, locale: Locale) -> String {
    let date = Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return String::new();
    }
    let mut pairs = vec![
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ];
    if cfg!(feature = "ssr") {
        // The worker's clock is UTC; its pages are read in Italy.
        pairs.push(("timeZone", "Europe/Rome"));
    }
    String::from(date.to_locale_string(tag(locale), &options(&pairs)))
}

/// "31 marzo 2027 alle ore 12:00"-style date and time in Italian time (Europe/Rome), whatever
/// the phone's own zone: calls open and close, and proposals are received, by Italian clocks.
pub fn rome_date_time(at: chrono::DateTime<chrono::Utc>, locale: Locale) -> String {
    rome_time(at.timestamp_millis() as f64, locale)
}

/// The same for an RFC 3339 instant (a receipt's `submitted_at`); empty if unreadable.
pub fn rome_date_time_text(rfc3339: &str, locale: Locale) -> String {
    let date = Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return String::new();
    }
    rome_time(date.get_time(), locale)
}

fn rome_time(millis: f64, locale: Locale) -> String {
    let date = Date::new(&JsValue::from_f64(millis));
    String::from(date.to_locale_string(
        tag(locale),
        &options(&[
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("timeZone", "Europe/Rome"),
        ]),
    ))
}
