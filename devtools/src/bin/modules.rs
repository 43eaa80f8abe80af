//! Prints the module graph of a crate's sources and its cycles:
//! `cargo run -p sito-devtools --bin modules -- worker/src [depth]` (depth 1 by default).
//! Exits with 1 when modules use one another in a circle.

use std::path::PathBuf;

use sito_devtools::modules::ModuleGraph;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(src) = args.next().map(PathBuf::from) else {
        eprintln!("usage: modules <crate src dir> [depth]");
        std::process::exit(2);
    };
    let depth = match args.next().map(|d| d.parse::<usize>()) {
        None => 1,
        Some(Ok(d)) if d > 0 => d,
        Some(_) => {
            eprintln!("the depth is a whole number from 1");
            std::process::exit(2);
        }
    };
    let graph = match ModuleGraph::of_crate(&src, depth) {
        Ok(graph) => graph,
        Err(e) => {
            eprintln!("{}: {e}", src.display());
            std::process::exit(2);
        }
    };
    for line in graph.lines() {
        println!("{line}");
    }
    let cycles = graph.cycles();
    for cycle in &cycles {
        println!("cycle: {}", cycle.join(", "));
    }
    if !cycles.is_empty() {
        std::process::exit(1);
    }
}
