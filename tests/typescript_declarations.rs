//! The npm package's TypeScript shapes (`src/wasm/types.d.ts`) are what `mews-schema-gen
//! --typescript` generates from the committed JSON Schemas, and they declare every `$defs` entry
//! and every property those schemas have, optional exactly where the schema does not require it.

use std::path::Path;

use mews_connector_validator::generate::typescript::{self, DOCUMENTS, REFRESH};
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn committed() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("src/wasm/types.d.ts")).unwrap()
}

#[test]
fn committed_declarations_are_the_generator_output() {
    let generated = typescript::generate(&Path::new(ROOT).join("schemas")).unwrap();
    assert!(
        generated == committed(),
        "src/wasm/types.d.ts is out of date with schemas/*.schema.json. Regenerate it with:\n  {REFRESH}"
    );
}

/// The text of `export interface NAME` or `export type NAME` up to the next declaration.
fn declaration<'a>(ts: &'a str, name: &str) -> Option<&'a str> {
    let start = [
        format!("export interface {name} {{"),
        format!("export type {name} = "),
    ]
    .iter()
    .find_map(|head| ts.find(head.as_str()))?;
    let rest = &ts[start..];
    let end = rest[1..].find("\nexport ").map_or(rest.len(), |at| at + 1);
    Some(&rest[..end])
}

/// Checks the subschema at `pointer` (declared in `block`) and what it holds, down to the next
/// named subschema, which is checked on its own.
fn check(
    schema: &Value,
    pointer: &str,
    block: &str,
    names: &[(&str, &str)],
    missing: &mut Vec<String>,
) {
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (key, property) in properties {
            let optional = if required.contains(&key.as_str()) {
                ""
            } else {
                "?"
            };
            let line = format!("{key}{optional}: ");
            if !block.lines().any(|l| l.trim_start().starts_with(&line)) {
                missing.push(format!("{pointer}/properties/{key} as `{line}`"));
            }
            let at = format!("{pointer}/properties/{key}");
            if !names.iter().any(|(named, _)| *named == at) {
                check(property, &at, block, names, missing);
            }
        }
    }
    for (keyword, sub) in [
        ("items", &schema["items"]),
        ("additionalProperties", &schema["additionalProperties"]),
    ] {
        let at = format!("{pointer}/{keyword}");
        if sub.is_object() && !names.iter().any(|(named, _)| *named == at) {
            check(sub, &at, block, names, missing);
        }
    }
    for (index, option) in schema["anyOf"].as_array().into_iter().flatten().enumerate() {
        check(
            option,
            &format!("{pointer}/anyOf/{index}"),
            block,
            names,
            missing,
        );
    }
}

#[test]
fn every_def_and_property_of_the_schemas_is_declared() {
    let ts = committed();
    let mut missing = Vec::new();
    for (file, names) in DOCUMENTS {
        let text = std::fs::read_to_string(Path::new(ROOT).join("schemas").join(file)).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        for def in schema["$defs"]
            .as_object()
            .into_iter()
            .flat_map(|defs| defs.keys())
        {
            let pointer = format!("/$defs/{def}");
            if !names.iter().any(|(named, _)| *named == pointer) {
                missing.push(format!("{file}#{pointer}: no TypeScript name"));
            }
        }
        for (pointer, name) in *names {
            let Some(block) = declaration(&ts, name) else {
                missing.push(format!("{file}#{pointer}: no `{name}` declaration"));
                continue;
            };
            let sub = schema.pointer(pointer).unwrap();
            let mut gaps = Vec::new();
            check(sub, pointer, block, names, &mut gaps);
            missing.extend(
                gaps.into_iter()
                    .map(|gap| format!("{file}#{gap} in `{name}`")),
            );
        }
    }
    assert!(missing.is_empty(), "not declared:\n{}", missing.join("\n"));
}

#[test]
fn enums_are_string_literal_unions() {
    let ts = committed();
    for (name, union) in [
        ("Severity", r#""error" | "warning" | "info""#),
        ("Level", r#""off" | Severity"#),
        ("Verdict", r#""ready" | "not-ready""#),
        ("InputKind", r#""body" | "curl" | "http" | "url" | "har""#),
    ] {
        assert!(
            declaration(&ts, name).is_some_and(|text| text.contains(&format!("= {union};"))),
            "{name}"
        );
    }
    let diagnostic = declaration(&ts, "Diagnostic").unwrap();
    assert!(diagnostic.contains("  call?: number;\n") && diagnostic.contains("  fixes?: Fix[];\n"));
    let report = declaration(&ts, "Report").unwrap();
    assert!(report.contains("  operation: OperationRef | null;\n"));
}
