//! The app's modules import one way only (README "Architecture"): no two of them use each other,
//! directly or through others, down to the modules of a screen (`routes::proposals::editor`).

use std::path::Path;

use sito_devtools::modules::ModuleGraph;

#[test]
fn the_app_has_no_module_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    let graph = ModuleGraph::of_crate(&src, 3).expect("the app's sources");
    assert!(
        graph.edges.contains_key("outbox"),
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
