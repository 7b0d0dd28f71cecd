//! The crate's modules form layers whose imports run one way (see `src/lib.rs`): no module imports
//! one of a higher layer or another module of its own layer except as listed, and no files of one
//! module import each other in a circle. Read from the source text, so a new import that breaks the
//! structure fails here, naming the file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules, by layer (lowest first).
const LAYERS: &[&[&str]] = &[
    &["source", "secret"],
    &["diagnostic"],
    &["rules"],
    &["options", "conditions"],
    &["api", "generate"],
    &["validation", "conformance"],
    &["pipeline"],
    &["input", "checklist", "session", "complete"],
    &["render", "diff"],
    &["wasm", "cli"],
];

/// Imports between modules of one layer that the structure allows: the session review
/// cross-checks a checklist, completions read the checklist schema.
const SAME_LAYER: &[(&str, &str)] = &[("session", "checklist"), ("complete", "checklist")];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without its unit tests (tests may reach anywhere) and without comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text,
    };
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifier at the start of `text`.
fn ident(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every `crate::name` the code refers to, also each name of a `crate::{a, b::c}` group.
fn crate_references(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + 7..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                names.extend(group.split(',').map(|item| ident(item.trim())));
            }
            None => {
                names.insert(ident(rest));
            }
        }
    }
    names.remove("");
    names
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_import_runs_back_up_a_layer() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut wrong = Vec::new();
    for path in &files {
        let relative = path.strip_prefix(src()).unwrap();
        let top = relative.components().next().unwrap().as_os_str();
        let top = top.to_str().unwrap().trim_end_matches(".rs");
        if matches!(top, "lib" | "main" | "bin") {
            continue;
        }
        let own = layer_of(top).unwrap_or_else(|| panic!("{top} is in no layer of this test"));
        for target in crate_references(&code(path)) {
            if target == top {
                continue;
            }
            let Some(layer) = layer_of(&target) else {
                wrong.push(format!(
                    "{}: crate::{target} (use the module path, not a root re-export)",
                    relative.display()
                ));
                continue;
            };
            let allowed = layer < own || (layer == own && SAME_LAYER.contains(&(top, &target)));
            if !allowed {
                wrong.push(format!("{}: imports crate::{target}", relative.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_files_of_a_module_import_each_other_in_no_circle() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    // Per folder: file stem → the sibling stems its code names through `super::`.
    let mut folders: BTreeMap<PathBuf, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for path in &files {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        if stem == "mod" {
            continue;
        }
        let code = code(path);
        let siblings = code
            .match_indices("super::")
            .map(|(at, _)| {
                code[at + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .chain(code.match_indices("use super::{").flat_map(|(at, _)| {
                let list = &code[at + 12..];
                let list = &list[..list.find('}').unwrap_or(0)];
                list.split(',')
                    .map(|item| item.trim().split("::").next().unwrap_or("").to_string())
                    .collect::<Vec<_>>()
            }))
            .collect();
        folders
            .entry(path.parent().unwrap().to_path_buf())
            .or_default()
            .insert(stem, siblings);
    }
    for (folder, graph) in &folders {
        // Depth-first search for a back edge among the folder's files.
        fn visit(
            file: &str,
            graph: &BTreeMap<String, BTreeSet<String>>,
            path: &mut Vec<String>,
            done: &mut BTreeSet<String>,
        ) -> Option<Vec<String>> {
            if let Some(at) = path.iter().position(|f| f == file) {
                let mut circle = path[at..].to_vec();
                circle.push(file.to_string());
                return Some(circle);
            }
            if !done.insert(file.to_string()) {
                return None;
            }
            path.push(file.to_string());
            for next in graph.get(file).into_iter().flatten() {
                if graph.contains_key(next)
                    && let Some(circle) = visit(next, graph, path, done)
                {
                    return Some(circle);
                }
            }
            path.pop();
            None
        }
        let mut done = BTreeSet::new();
        for file in graph.keys() {
            if let Some(circle) = visit(file, graph, &mut Vec::new(), &mut done) {
                panic!("{}: {}", folder.display(), circle.join(" → "));
            }
        }
    }
}
