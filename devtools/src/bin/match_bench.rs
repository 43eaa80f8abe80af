//! "Per te" over 5,000 opportunities, natively: the time to read their words once (`prepare`,
//! when the data changes) and to rank them all against a profile that sets every criterion
//! (`rank_prepared`), medians of 21 runs. Prints figures; asserts nothing (`make figures`).

use std::time::Instant;

use sito_core::{
    matching::{prepare, rank_prepared, Candidate},
    synthetic::{bench_profile, published},
};

fn main() {
    let count = 5_000;
    let items = published(count, sito_core::markdown::render);
    let profile = bench_profile();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
    let ms = |started: Instant| started.elapsed().as_secs_f64() * 1e3;
    let (mut read, mut ranking) = (Vec::new(), Vec::new());
    let mut matches = 0;
    for _ in 0..21 {
        let started = Instant::now();
        let candidates: Vec<Candidate> = items
            .iter()
            .map(|o| Candidate::opportunity(o, today))
            .collect();
        let facts = prepare(&candidates);
        read.push(ms(started));
        let started = Instant::now();
        let ranked = rank_prepared(&profile, &candidates, &facts);
        ranking.push(ms(started));
        matches = ranked.iter().filter(|r| r.is_match()).count();
    }
    println!("native \"Per te\" ranking of {count} opportunities");
    println!(
        "  read the items' words, once per change of the data: {}",
        median(&mut read)
    );
    println!(
        "  rank them against a profile:                       {} ({matches} matches)",
        median(&mut ranking)
    );
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
