//! "Per te" over 5,000 opportunities in the browser (wasm, headless Chromium): the time to read
//! their words once (`prepare`, when the data changes) and to rank them all against a profile
//! that sets every criterion (`rank_prepared`), medians of 21 runs. Ignored by
//! `make test`; `make figures` runs it in release mode and prints the figure (goal: ≤ 20 ms).

#![cfg(target_arch = "wasm32")]

use sito_core::{
    matching::{prepare, rank_prepared, Candidate},
    synthetic::{bench_profile, published},
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[ignore]
fn rank_five_thousand_items() {
    let count = 5_000;
    // The Markdown stands in for the HTML: the words are what ranking reads.
    let items = published(count, str::to_owned);
    let profile = bench_profile();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
    let now = js_sys::Date::now;
    let (mut read, mut ranking) = (Vec::new(), Vec::new());
    let mut matches = 0;
    for _ in 0..21 {
        let started = now();
        let candidates: Vec<Candidate> = items
            .iter()
            .map(|o| Candidate::opportunity(o, today))
            .collect();
        let facts = prepare(&candidates);
        read.push(now() - started);
        let started = now();
        let ranked = rank_prepared(&profile, &candidates, &facts);
        ranking.push(now() - started);
        matches = ranked.iter().filter(|r| r.is_match()).count();
    }
    console_log!("browser (wasm) \"Per te\" ranking of {count} opportunities");
    console_log!(
        "  read the items' words, once per change of the data: {}",
        median(&mut read)
    );
    console_log!(
        "  rank them against a profile (goal 20 ms):          {} ({matches} matches)",
        median(&mut ranking)
    );
    assert!(matches > 0, "the profile matches some synthetic items");
}

/// "12.34 ms (median of 21 runs; min …, max …)".
fn median(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    format!(
        "{:.2} ms (median of {} runs; min {:.2}, max {:.2})",
        times[times.len() / 2],
        times.len(),
        times[0],
        times[times.len() - 1]
    )
}
