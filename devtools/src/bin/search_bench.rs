//! Offline search over 5,000 opportunities, natively: index build time and time per query.
//! Prints figures; asserts nothing (`make figures`).

use std::time::Instant;

use sito_core::{
    filter::opportunity_fields, search::SearchIndex, synthetic::synthetic, Content, Opportunity,
    PublishMeta,
};

/// Queries a young person might type, from one word to a few, with and without accents.
pub const QUERIES: [&str; 8] = [
    "tirocinio",
    "servizio civile crema",
    "educatore",
    "magazzino cremona",
    "opportunità formazione",
    "cameriere sala",
    "volontariato estero",
    "tecnico informatico casalmaggiore",
];

fn main() {
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
                    render: sito_core::markdown::render,
                },
            )
        })
        .collect();
    let started = Instant::now();
    let index = SearchIndex::build(items.iter().map(opportunity_fields));
    let build = started.elapsed();
    let rounds = 50;
    let started = Instant::now();
    let mut hits = 0;
    for _ in 0..rounds {
        for q in QUERIES {
            hits += index.search(q).len();
        }
    }
    let per_query = started.elapsed() / (rounds * QUERIES.len() as u32);
    println!("native search over {count} opportunities");
    println!("  index build: {:.1} ms", build.as_secs_f64() * 1e3);
    println!(
        "  per query:   {:.3} ms (mean of {} queries, {} hits in all; budget 5 ms → {:.3} of budget)",
        per_query.as_secs_f64() * 1e3,
        rounds as usize * QUERIES.len(),
        hits,
        per_query.as_secs_f64() * 1e3 / 5.0
    );
}
