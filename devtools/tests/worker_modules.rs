//! The worker's modules import one way only (README "Architecture"): no two of its top-level
//! modules use each other, directly or through others.

use std::path::Path;

use sito_devtools::modules::ModuleGraph;

#[test]
fn the_worker_has_no_module_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../worker/src");
    let graph = ModuleGraph::of_crate(&src, 1).expect("the worker's sources");
    assert!(
        graph.edges.contains_key("api"),
        "no edges read from {}",
        src.display()
    );
    assert_eq!(
        graph.cycles(),
        Vec::<Vec<String>>::new(),
        "modules that use each other:\n{}",
        graph.lines().join("\n")
    );
}
