//! The worker's modules import one way only (README "Architecture"): no two of its top-level
//! modules use each other, directly or through others, and none uses a module of a layer above
//! its own.

use std::path::Path;

use sito_devtools::modules::ModuleGraph;

/// The worker's top-level modules, bottom layer first. A module may use the layers below its
/// own (and, without a cycle, its own); a new module takes its place here.
const LAYERS: &[&[&str]] = &[
    &["error", "italian_time"],
    &["db", "http"],
    &["auth"],
    &["editorial", "mail"],
    &["service"],
    &["api", "desk_forms", "desk_pages", "pages"],
    &["faults"],
];

fn worker() -> ModuleGraph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../worker/src");
    let graph = ModuleGraph::of_crate(&src, 1).expect("the worker's sources");
    assert!(
        graph.edges.contains_key("api"),
        "no edges read from {}",
        src.display()
    );
    graph
}

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("the module {module} has no layer in LAYERS"))
}

#[test]
fn the_worker_has_no_module_cycles() {
    let graph = worker();
    assert_eq!(
        graph.cycles(),
        Vec::<Vec<String>>::new(),
        "modules that use each other:\n{}",
        graph.lines().join("\n")
    );
}

#[test]
fn every_module_of_the_worker_uses_only_its_own_layer_and_those_below() {
    let upward: Vec<String> = worker()
        .edges
        .iter()
        .flat_map(|(from, to)| to.iter().map(move |to| (from, to)))
        .filter(|(from, to)| layer(to) > layer(from))
        .map(|(from, to)| format!("{from} -> {to}"))
        .collect();
    assert!(upward.is_empty(), "uses of a layer above: {upward:?}");
}
