//! Offline search over 5,000 opportunities, natively: index build time and time per query.
//! Prints figures; asserts nothing (`make figures`).

use std::time::Instant;

use sito_core::{
    filter::opportunity_fields,
    search::SearchIndex,
    synthetic::{published, BENCH_QUERIES},
};

fn main() {
    let count = 5_000;
    let items = published(count, sito_core::markdown::render);
    let started = Instant::now();
    let index = SearchIndex::build(items.iter().map(opportunity_fields));
    let build = started.elapsed();
    let rounds = 50;
    let started = Instant::now();
    let mut hits = 0;
    for _ in 0..rounds {
        for q in BENCH_QUERIES {
            hits += index.search(q).len();
        }
    }
    let per_query = started.elapsed() / (rounds * BENCH_QUERIES.len() as u32);
    println!("native search over {count} opportunities");
    println!("  index build: {:.1} ms", build.as_secs_f64() * 1e3);
    println!(
        "  per query:   {:.3} ms (mean of {} queries, {} hits in all; budget 5 ms → {:.3} of budget)",
        per_query.as_secs_f64() * 1e3,
        rounds as usize * BENCH_QUERIES.len(),
        hits,
        per_query.as_secs_f64() * 1e3 / 5.0
    );
}
