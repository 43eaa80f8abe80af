//! The device's idea of today, and dates shown in the reader's language (the browser's `Intl`).

use chrono::{Datelike, NaiveDate};
use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl::DateTimeFormat, Object, Reflect};
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

/// The ways the app writes a date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// "15 dicembre 2026".
    Day,
    /// "dicembre 2026".
    Month,
    /// "22 novembre 2026, 14:05" in the reader's zone (Italian time on the worker).
    LocalDateTime,
    /// The same, always in Italian time.
    RomeDateTime,
}

impl Style {
    fn options(self) -> Object {
        let rome = ("timeZone", "Europe/Rome");
        let date = [("day", "numeric"), ("month", "long"), ("year", "numeric")];
        let time = [("hour", "2-digit"), ("minute", "2-digit")];
        match self {
            Style::Day => options(&date),
            Style::Month => options(&date[1..]),
            Style::LocalDateTime if !cfg!(feature = "ssr") => {
                options(&[&date[..], &time[..]].concat())
            }
            Style::LocalDateTime | Style::RomeDateTime => {
                options(&[&date[..], &time[..], &[rome]].concat())
            }
        }
    }
}

/// Writes `date` in `style` for `locale`. Building an `Intl.DateTimeFormat` costs far more
/// than using one (a list of deadlines made one per badge), so each is made once and kept.
fn format(style: Style, locale: Locale, date: &Date) -> String {
    thread_local! {
        static FORMATS: RefCell<Vec<(Style, Locale, Function)>> = const { RefCell::new(Vec::new()) };
    }
    let format = FORMATS.with_borrow_mut(|formats| {
        if let Some((_, _, f)) = formats.iter().find(|(s, l, _)| *s == style && *l == locale) {
            return f.clone();
        }
        let locales = Array::of1(&JsValue::from_str(tag(locale)));
        let f = DateTimeFormat::new(&locales, &style.options()).format();
        formats.push((style, locale, f.clone()));
        f
    });
    format
        .call1(&JsValue::UNDEFINED, date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// "15 dicembre 2026" / "15 December 2026".
pub fn long_date(date: NaiveDate, locale: Locale) -> String {
    let js =
        Date::new_with_year_month_day(date.year_ce().1, date.month0() as i32, date.day() as i32);
    format(Style::Day, locale, &js)
}

/// "dicembre 2026", for agenda headings.
pub fn month_year(date: NaiveDate, locale: Locale) -> String {
    let js = Date::new_with_year_month_day(date.year_ce().1, date.month0() as i32, 1);
    format(Style::Month, locale, &js)
}

/// "22 novembre 2026, 14:05" in local time, from an RFC 3339 instant.
pub fn local_date_time(rfc3339: &str, locale: Locale) -> String {
    let date = Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return String::new();
    }
    format(Style::LocalDateTime, locale, &date)
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
    format(
        Style::RomeDateTime,
        locale,
        &Date::new(&JsValue::from_f64(millis)),
    )
}
