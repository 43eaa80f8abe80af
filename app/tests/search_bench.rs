//! Offline search over 5,000 opportunities in the browser (wasm, headless Chromium). Ignored by
//! `make test`; `make figures` runs it in release mode and prints the figures.

#![cfg(target_arch = "wasm32")]

use sito_core::{
    filter::opportunity_fields, search::SearchIndex, synthetic::synthetic, Content, Opportunity,
    PublishMeta,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const QUERIES: [&str; 8] = [
    "tirocinio",
    "servizio civile crema",
    "educatore",
    "magazzino cremona",
    "opportunità formazione",
    "cameriere sala",
    "volontariato estero",
    "tecnico informatico casalmaggiore",
];

fn now() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
#[ignore]
fn search_over_five_thousand_items() {
    let count = 5_000;
    let items: Vec<Opportunity> = (0..count)
        .map(|n| {
            let (id, input) = synthetic(n);
            Opportunity::publish(
                id,
                input,
                PublishMeta {
                    version: 1,
                    updated_at: "2026-11-22T00:00:00Z",
                    published_by: "bench",
                    render: |md| md.to_owned(),
                },
            )
        })
        .collect();
    let started = now();
    let index = SearchIndex::build(items.iter().map(opportunity_fields));
    let build = now() - started;
    let rounds = 50;
    let started = now();
    let mut hits = 0;
    for _ in 0..rounds {
        for q in QUERIES {
            hits += index.search(q).len();
        }
    }
    let per_query = (now() - started) / f64::from(rounds * QUERIES.len() as u32);
    console_log!("browser (wasm) search over {count} opportunities");
    console_log!("  index build: {build:.1} ms");
    console_log!(
        "  per query:   {per_query:.3} ms (mean of {} queries, {hits} hits; budget 5 ms → {:.3} of budget)",
        rounds * QUERIES.len() as u32,
        per_query / 5.0
    );
    assert!(hits > 0, "the queries find the synthetic items");
}
