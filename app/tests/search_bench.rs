//! Offline search over 5,000 opportunities in the browser (wasm, headless Chromium). Ignored by
//! `make test`; `make figures` runs it in release mode and prints the figures.

#![cfg(target_arch = "wasm32")]

use sito_core::{
    filter::opportunity_fields,
    search::SearchIndex,
    synthetic::{published, BENCH_QUERIES},
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[ignore]
fn search_over_five_thousand_items() {
    let count = 5_000;
    // The Markdown stands in for the HTML: the words are what the index sees.
    let items = published(count, str::to_owned);
    let now = js_sys::Date::now;
    let started = now();
    let index = SearchIndex::build(items.iter().map(opportunity_fields));
    let build = now() - started;
    let rounds = 50;
    let started = now();
    let mut hits = 0;
    for _ in 0..rounds {
        for q in BENCH_QUERIES {
            hits += index.search(q).len();
        }
    }
    let per_query = (now() - started) / f64::from(rounds * BENCH_QUERIES.len() as u32);
    console_log!("browser (wasm) search over {count} opportunities");
    console_log!("  index build: {build:.1} ms");
    console_log!(
        "  per query:   {per_query:.3} ms (mean of {} queries, {hits} hits; budget 5 ms → {:.3} of budget)",
        rounds * BENCH_QUERIES.len() as u32,
        per_query / 5.0
    );
    assert!(hits > 0, "the queries find the synthetic items");
}
