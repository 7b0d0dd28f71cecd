//! Writes the generated files into the output folder.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{Value, json};

use crate::generate::bundle::{self, Bundle};
use crate::generate::conditions::Leftovers;
use crate::generate::convert::DEFS_PREFIX;
use crate::generate::openapi::Spec;

pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";
pub const BUNDLE_ID: &str = "urn:mews-connector-validator:bundle";
/// The requirement sentences of the docs that are not conditions (see `generate::conditions`).
pub const LEFTOVERS_FILE: &str = "conditions-unrecognised.json";
/// Base of the per-operation files' `$id`s: an identifier, not a download location.
pub const SCHEMA_ID_BASE: &str = "https://mews-connector-validator/schemas/";

/// Sizes in bytes of what was written, for the summary.
#[derive(Debug, Default)]
pub struct Written {
    pub bundle: usize,
    pub catalog: usize,
    pub operation_files: usize,
    pub operation_bytes: usize,
}

pub fn write_all(
    out: &Path,
    spec: &Spec,
    bundle: &Bundle,
    catalog: &Value,
    leftovers: &Leftovers,
) -> Result<Written, String> {
    let mut written = Written::default();
    let document = json!({"$schema": DRAFT_2020_12, "$id": BUNDLE_ID, "$defs": bundle.defs});
    // Compact: the engine embeds it in the wasm.
    written.bundle = write(&out.join("bundle.json"), &(document.to_string() + "\n"))?;
    written.catalog = write(&out.join("catalog.json"), &pretty(catalog))?;
    let leftovers = serde_json::to_value(leftovers)
        .map_err(|error| format!("cannot serialize the leftover conditions: {error}"))?;
    write(&out.join(LEFTOVERS_FILE), &pretty(&leftovers))?;
    for (folder, defs) in [
        ("requests", &bundle.requests),
        ("responses", &bundle.responses),
    ] {
        let dir = out.join(folder);
        std::fs::create_dir_all(&dir)
            .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
        let mut expected = BTreeSet::new();
        for (operation, def) in spec.operations.iter().zip(defs.iter()) {
            let Some(def) = def else { continue };
            let file = format!("{}.schema.json", operation.operation_id);
            let schema = operation_schema(bundle, folder, &file, def);
            written.operation_bytes += write(&dir.join(&file), &pretty(&schema))?;
            written.operation_files += 1;
            expected.insert(file);
        }
        remove_stale(&dir, &expected)?;
    }
    Ok(written)
}

/// A self-contained schema: `$ref` to the body's def plus every def it reaches.
pub fn operation_schema(bundle: &Bundle, folder: &str, file: &str, def: &str) -> Value {
    let defs: serde_json::Map<String, Value> = bundle::reachable(&bundle.defs, def)
        .into_iter()
        .filter_map(|name| bundle.defs.get(&name).map(|schema| (name, schema.clone())))
        .collect();
    json!({
        "$schema": DRAFT_2020_12,
        "$id": format!("{SCHEMA_ID_BASE}{folder}/{file}"),
        "$ref": format!("{DEFS_PREFIX}{def}"),
        "$defs": defs,
    })
}

fn pretty(value: &Value) -> String {
    // serde_json's Map is a BTreeMap here (no `preserve_order`): keys come out sorted.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

fn write(path: &Path, text: &str) -> Result<usize, String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
    }
    std::fs::write(path, text)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    Ok(text.len())
}

/// Removes `*.schema.json` files of operations the spec no longer has.
fn remove_stale(dir: &Path, expected: &BTreeSet<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".schema.json") && !expected.contains(&name) {
            std::fs::remove_file(entry.path())
                .map_err(|error| format!("cannot remove {}: {error}", entry.path().display()))?;
        }
    }
    Ok(())
}
