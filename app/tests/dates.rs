//! Dates as a reader sees them, in a real browser: Italian and English month names, and Italian
//! time for deadlines whatever the phone's zone.

#![cfg(target_arch = "wasm32")]

use chrono::{NaiveDate, TimeZone, Utc};
use sito_app::{dates, i18n::Locale};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_day_reads_as_in_each_language() {
    let day = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
    assert_eq!(dates::long_date(day, Locale::it), "15 dicembre 2026");
    assert_eq!(dates::long_date(day, Locale::en), "15 December 2026");
    let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert_eq!(dates::long_date(first, Locale::it), "1 gennaio 2027");
    assert_eq!(dates::month_year(first, Locale::it), "gennaio 2027");
}

#[wasm_bindgen_test]
fn calls_close_by_the_italian_clock_in_winter_and_in_summer() {
    let winter = Utc.with_ymd_and_hms(2027, 3, 31, 10, 0, 0).unwrap();
    assert_eq!(
        dates::rome_date_time(winter, Locale::it),
        "31 marzo 2027 alle ore 12:00",
        "summer time has begun on 28 March: UTC+2"
    );
    let december = Utc.with_ymd_and_hms(2026, 12, 15, 22, 59, 0).unwrap();
    assert_eq!(
        dates::rome_date_time(december, Locale::it),
        "15 dicembre 2026 alle ore 23:59"
    );
    assert_eq!(
        dates::rome_date_time_text("2026-12-15T23:30:00Z", Locale::en),
        "16 December 2026 at 00:30",
        "past midnight in Italy is the next day"
    );
    assert_eq!(dates::rome_date_time_text("non una data", Locale::it), "");
}
