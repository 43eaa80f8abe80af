//! The module graph of a crate's sources, read from its `use` declarations and the `crate::` and
//! `super::` paths in its code, to check that its layers import one way only: a cycle between
//! two modules (say, handlers that call the error type that calls back into the handlers) is a
//! defect.
//!
//! A module is named by its path from the crate root (`api::review`). The graph is drawn at a
//! chosen depth: at depth 1 every file of `api/` is the module `api`. A module using its own
//! ancestor or descendant (a child's `use super::*`) is one unit and draws no edge.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Who uses whom among a crate's modules.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ModuleGraph {
    /// Module → the modules it uses (at the graph's depth, `::`-joined).
    pub edges: BTreeMap<String, BTreeSet<String>>,
}

impl ModuleGraph {
    /// The graph of the crate whose root (`lib.rs` or `main.rs`) is in `src`, at `depth`.
    pub fn of_crate(src: &Path, depth: usize) -> std::io::Result<Self> {
        let mut files = Vec::new();
        collect_rs(src, &mut files)?;
        let mut sources = Vec::new();
        for file in files {
            let relative = file.strip_prefix(src).unwrap_or(&file);
            let Some(module) = module_of(relative) else {
                continue;
            };
            sources.push((module, std::fs::read_to_string(&file)?));
        }
        Ok(Self::of_sources(&sources, depth))
    }

    /// The graph of sources given as (module path, text) pairs.
    pub fn of_sources(sources: &[(Vec<String>, String)], depth: usize) -> Self {
        let known: BTreeSet<Vec<String>> = sources.iter().map(|(m, _)| m.clone()).collect();
        let mut graph = ModuleGraph::default();
        for (module, text) in sources {
            let from = cut(module, depth);
            for path in referenced_paths(module, text) {
                let target = (0..=path.len())
                    .rev()
                    .map(|n| path[..n].to_vec())
                    .find(|prefix| known.contains(prefix))
                    .unwrap_or_default();
                let to = cut(&target, depth);
                if from.starts_with(&to) || to.starts_with(&from) {
                    continue;
                }
                graph
                    .edges
                    .entry(from.join("::"))
                    .or_default()
                    .insert(to.join("::"));
            }
        }
        graph
    }

    /// Every set of modules that use one another in a circle (strongly connected components of
    /// more than one module), each sorted, in name order.
    pub fn cycles(&self) -> Vec<Vec<String>> {
        let nodes: BTreeSet<&String> = self
            .edges
            .iter()
            .flat_map(|(from, to)| std::iter::once(from).chain(to))
            .collect();
        let reaches = |from: &String| -> BTreeSet<String> {
            let mut seen = BTreeSet::new();
            let mut stack = vec![from.clone()];
            while let Some(node) = stack.pop() {
                for next in self.edges.get(&node).into_iter().flatten() {
                    if seen.insert(next.clone()) {
                        stack.push(next.clone());
                    }
                }
            }
            seen
        };
        let reach: BTreeMap<&String, BTreeSet<String>> =
            nodes.iter().map(|n| (*n, reaches(n))).collect();
        let mut cycles: Vec<Vec<String>> = Vec::new();
        for node in &nodes {
            if !reach[node].contains(*node) || cycles.iter().any(|c| c.contains(node)) {
                continue;
            }
            let component: Vec<String> = nodes
                .iter()
                .filter(|other| reach[node].contains(**other) && reach[**other].contains(*node))
                .map(|other| (*other).clone())
                .collect();
            cycles.push(component);
        }
        cycles
    }

    /// One line per edge, `from -> to`.
    pub fn lines(&self) -> Vec<String> {
        self.edges
            .iter()
            .flat_map(|(from, to)| to.iter().map(move |to| format!("{from} -> {to}")))
            .collect()
    }
}

fn cut(module: &[String], depth: usize) -> Vec<String> {
    module[..module.len().min(depth)].to_vec()
}

fn collect_rs(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_rs(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    Ok(())
}

/// `lib.rs` → the root; `api.rs` and `api/mod.rs` → `api`; `api/review.rs` → `api::review`.
/// Binaries under `bin/` are crates of their own: `None`.
fn module_of(relative: &Path) -> Option<Vec<String>> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.first().is_some_and(|p| p == "bin") {
        return None;
    }
    let last = parts.pop()?;
    let stem = last.strip_suffix(".rs")?;
    match (parts.is_empty(), stem) {
        (true, "lib" | "main") => {}
        (_, "mod") => {}
        _ => parts.push(stem.to_owned()),
    }
    Some(parts)
}

/// The text without comments and without the contents of string and character literals, so
/// that a path in a doc comment or an SQL string is not taken for a use.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && !after_ident && (at(i + 1) == '"' || at(i + 1) == '#') {
            // A raw string: r"…", r#"…"#, …
            let mut j = i + 1;
            while at(j) == '#' {
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            j += 1;
            while j < chars.len() && !(chars[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#')) {
                j += 1;
            }
            out.push_str("\"\"");
            i = j + 1 + hashes;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i += 1;
        } else if c == '\'' && at(i + 1) == '\\' {
            // An escaped character literal: '\n', '\'', '\u{..}'.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '\'' && at(i + 2) == '\'' {
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Every module path (from the crate root) that the source of `module` names.
fn referenced_paths(module: &[String], text: &str) -> Vec<Vec<String>> {
    let code = code_only(text);
    let mut paths = Vec::new();
    for statement in use_statements(&code) {
        for path in expand(&statement) {
            if let Some(absolute) = absolute(module, &path) {
                paths.push(absolute);
            }
        }
    }
    // Paths written in the code itself: `crate::http::json(..)`, `super::content::current(..)`.
    let tokens = tokenize(&code);
    let mut i = 0;
    while i < tokens.len() {
        let starts = matches!(tokens[i].as_str(), "crate" | "super")
            && (i == 0 || tokens[i - 1] != "::")
            && tokens.get(i + 1).is_some_and(|t| t == "::");
        if !starts {
            i += 1;
            continue;
        }
        let mut path = vec![tokens[i].clone()];
        let mut j = i + 1;
        while tokens.get(j).is_some_and(|t| t == "::")
            && tokens.get(j + 1).is_some_and(|t| is_ident(t))
        {
            path.push(tokens[j + 1].clone());
            j += 2;
        }
        if let Some(absolute) = absolute(module, &path) {
            paths.push(absolute);
        }
        i = j;
    }
    paths
}

fn is_ident(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers, `::`, and every other character as a token of its own.
fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut ident = String::from(c);
            while let Some(&n) = chars.peek() {
                if n.is_alphanumeric() || n == '_' {
                    ident.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(ident);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            tokens.push("::".into());
        } else if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
    }
    tokens
}

/// The trees of the `use` declarations (`a::{b, c::*}`), one per declaration.
fn use_statements(code: &str) -> Vec<Vec<String>> {
    let tokens = tokenize(code);
    let mut statements = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let at_start = i == 0 || matches!(tokens[i - 1].as_str(), ";" | "}" | "{" | ")" | "]");
        if tokens[i] == "use" && (at_start || tokens[i - 1] == "pub") {
            let end = tokens[i..]
                .iter()
                .position(|t| t == ";")
                .map_or(tokens.len(), |p| i + p);
            statements.push(tokens[i + 1..end].to_vec());
            i = end;
        }
        i += 1;
    }
    statements
}

/// The paths of one use tree: `a::{b, c::{d, *}}` → `a::b`, `a::c::d`, `a::c::*`.
fn expand(tree: &[String]) -> Vec<Vec<String>> {
    fn walk(tree: &[String], prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        let mut i = 0;
        while i < tree.len() {
            match tree[i].as_str() {
                "::" => i += 1,
                "{" => {
                    let mut depth = 0;
                    let mut start = i + 1;
                    for j in i..tree.len() {
                        match tree[j].as_str() {
                            "{" => depth += 1,
                            "}" => {
                                depth -= 1;
                                if depth == 0 {
                                    walk(&tree[start..j], &path, out);
                                    return;
                                }
                            }
                            "," if depth == 1 => {
                                walk(&tree[start..j], &path, out);
                                start = j + 1;
                            }
                            _ => {}
                        }
                    }
                    return;
                }
                "as" => break,
                "self" if !path.is_empty() => i += 1,
                token => {
                    path.push(token.to_owned());
                    i += 1;
                }
            }
        }
        if !path.is_empty() {
            out.push(path);
        }
    }
    let mut out = Vec::new();
    walk(tree, &[], &mut out);
    out
}

/// A path as written in `module`, from the crate root; `None` for other crates' paths.
fn absolute(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let mut base: Vec<String> = match path.first()?.as_str() {
        "crate" => Vec::new(),
        "super" | "self" => module.to_vec(),
        _ => return None,
    };
    let mut rest = if path[0] == "crate" { &path[1..] } else { path };
    while let Some(first) = rest.first() {
        match first.as_str() {
            "super" => {
                base.pop()?;
            }
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    base.extend(rest.iter().filter(|s| *s != "*").cloned());
    Some(base)
}

#[cfg(test)]
mod tests;
