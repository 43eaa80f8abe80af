//! The module graph read from small sources.

use super::*;

fn module(path: &str) -> Vec<String> {
    path.split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn graph(sources: &[(&str, &str)], depth: usize) -> ModuleGraph {
    let sources: Vec<(Vec<String>, String)> = sources
        .iter()
        .map(|(m, t)| (module(m), (*t).to_owned()))
        .collect();
    ModuleGraph::of_sources(&sources, depth)
}

#[test]
fn a_use_tree_expands_into_its_paths() {
    let tree = tokenize("crate::{a::{b, c::*}, d as e, f::{self, g}}");
    let paths: Vec<String> = expand(&tree).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        [
            "crate::a::b",
            "crate::a::c::*",
            "crate::d",
            "crate::f",
            "crate::f::g"
        ]
    );
}

#[test]
fn paths_resolve_from_the_module_that_writes_them() {
    let m = module("desk_pages::review");
    assert_eq!(
        absolute(&m, &module("super::layout")),
        Some(module("desk_pages::layout"))
    );
    assert_eq!(
        absolute(&m, &module("self::x")),
        Some(module("desk_pages::review::x"))
    );
    assert_eq!(
        absolute(&m, &module("crate::db::review")),
        Some(module("db::review"))
    );
    assert_eq!(absolute(&m, &module("sito_core::api")), None);
}

#[test]
fn a_cycle_through_an_inline_path_is_found_and_comments_and_strings_are_not_uses() {
    let g = graph(
        &[
            ("", "mod api; mod error;"),
            (
                "api",
                "use crate::error::ApiError;\n// crate::db::x\nfn f() {}",
            ),
            (
                "api::review",
                "fn g() -> &'static str { '\"'; r#\"crate::db::y\"# }",
            ),
            ("error", "fn h() { crate::api::text_response(); }"),
            ("db", "use crate::error::ApiError;"),
        ],
        1,
    );
    assert_eq!(g.lines(), ["api -> error", "db -> error", "error -> api"]);
    assert_eq!(g.cycles(), [vec!["api".to_owned(), "error".to_owned()]]);
}

#[test]
fn a_module_and_its_children_are_one_unit_at_the_depth_and_a_chain_is_no_cycle() {
    let g = graph(
        &[
            ("", "mod api;"),
            ("api", "mod review; use self::review::*;"),
            (
                "api::review",
                "use super::*; use crate::service::review::detail;",
            ),
            ("service", "pub mod review;"),
            ("service::review", "pub use crate::db::review::Line;"),
            ("db", "pub mod review;"),
            ("db::review", "use super::proposals::Row;"),
            ("db::proposals", ""),
        ],
        1,
    );
    assert_eq!(g.lines(), ["api -> service", "service -> db"]);
    assert!(g.cycles().is_empty());
    let deeper = graph(
        &[
            ("routes::editor", "use super::review::Panel;"),
            ("routes::review", "use crate::routes::editor::Step;"),
            ("routes", "mod editor; mod review;"),
        ],
        2,
    );
    assert_eq!(
        deeper.cycles(),
        [vec![
            "routes::editor".to_owned(),
            "routes::review".to_owned()
        ]]
    );
}
