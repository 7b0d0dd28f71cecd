//! Helpers shared by the engine's integration tests: the catalog, the bundle, a small schema walker
//! that synthesizes valid bodies and finds property schemas, and report summaries.
#![allow(dead_code)] // each test crate uses a different subset

use mews_connector_validator::api::Operation;
use mews_connector_validator::pipeline;
use mews_connector_validator::{Options, Report, Severity};
use serde_json::{Map, Value, json};

/// Every operation; the catalog must hold the whole Connector API.
pub fn operations() -> &'static [Operation] {
    let operations = mews_connector_validator::operations();
    assert_eq!(
        operations.len(),
        200,
        "the catalog must hold all 200 operations"
    );
    operations
}

pub fn bundle() -> &'static Value {
    mews_connector_validator::api::bundle()
}

/// `(rule, pointer)` of every error raised by the engine's own rules (conformance rules are
/// other modules' business and are left out so these tests pin the engine alone).
pub fn engine_errors(report: &Report) -> Vec<(String, String)> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| {
            // Schema findings, and the conformance findings that replace some of them.
            mews_connector_validator::rules::SCHEMA_RULES
                .iter()
                .any(|r| r.id() == d.rule)
                || mews_connector_validator::conformance::SUPERSEDES
                    .iter()
                    .any(|&(by, _)| by.id() == d.rule)
        })
        .map(|d| (d.rule.clone(), d.pointer.clone()))
        .collect()
}

pub fn validate(op: &Operation, body: &Value) -> Report {
    pipeline::validate_request(&op.address, &body.to_string(), &Options::default())
}

/// The schema a `$ref` chain ends at.
pub fn deref(mut schema: &'static Value) -> &'static Value {
    for _ in 0..32 {
        let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let fragment = reference.split_once('#').map_or("", |(_, f)| f);
        match bundle().pointer(fragment) {
            Some(target) => schema = target,
            None => break,
        }
    }
    schema
}

pub fn def(name: &str) -> &'static Value {
    bundle()
        .pointer(&format!("/$defs/{name}"))
        .unwrap_or_else(|| panic!("no $defs/{name} in the bundle"))
}

fn is_null_schema(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

/// The alternatives a value may take (nullable wrappers, variants, allOf parts), dereferenced.
pub fn alternatives(schema: &'static Value) -> Vec<&'static Value> {
    let schema = deref(schema);
    for keyword in ["oneOf", "anyOf", "allOf"] {
        if let Some(branches) = schema.get(keyword).and_then(Value::as_array) {
            return branches
                .iter()
                .filter(|b| !is_null_schema(b))
                .flat_map(alternatives)
                .collect();
        }
    }
    vec![schema]
}

/// The (first non-null) JSON type a schema asks for.
pub fn type_of(schema: &Value) -> Option<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => Some(t),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null"),
        _ => None,
    }
}

pub fn nullable(schema: &'static Value) -> bool {
    let schema = deref(schema);
    match schema.get("type") {
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        _ => ["anyOf", "oneOf"].iter().any(|k| {
            schema
                .get(*k)
                .and_then(Value::as_array)
                .is_some_and(|b| b.iter().any(is_null_schema))
        }),
    }
}

/// The object schema (variant) of `schema` that defines every key of `body`.
pub fn object_for(schema: &'static Value, body: &Value) -> Option<&'static Value> {
    let keys: Vec<&String> = body
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    alternatives(schema).into_iter().find(|alt| {
        let properties = alt.get("properties").and_then(Value::as_object);
        keys.iter()
            .all(|k| properties.is_some_and(|p| p.contains_key(*k)))
    })
}

pub fn required(object: &Value) -> Vec<String> {
    object
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// A valid string for a format.
pub fn sample_for_format(format: &str) -> Option<Value> {
    Some(json!(match format {
        "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "date-time" => "2025-01-01T00:00:00Z",
        "date" => "2025-01-01",
        "email" => "guest@example.com",
        "uri" => "https://example.com/",
        _ => return None,
    }))
}

/// A minimal valid value of `schema`: required properties only, first enum value, first variant.
pub fn synthesize(schema: &'static Value, depth: usize) -> Value {
    let schema = deref(schema);
    if depth > 12 {
        return Value::Null;
    }
    if let Some(value) = schema.get("const") {
        return value.clone();
    }
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.iter().find(|v| !v.is_null()))
    {
        return first.clone();
    }
    if schema.get("allOf").is_some()
        || schema.get("anyOf").is_some()
        || schema.get("oneOf").is_some()
    {
        let parts = alternatives(schema);
        if schema.get("allOf").is_some() && parts.iter().all(|p| type_of(p) == Some("object")) {
            let mut merged = Map::new();
            for part in parts {
                if let Value::Object(o) = synthesize(part, depth + 1) {
                    merged.extend(o);
                }
            }
            return Value::Object(merged);
        }
        return parts
            .first()
            .map_or(Value::Null, |p| synthesize(p, depth + 1));
    }
    match type_of(schema) {
        Some("string") => schema
            .get("format")
            .and_then(Value::as_str)
            .and_then(sample_for_format)
            .unwrap_or_else(|| {
                let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(1);
                json!("x".repeat(usize::try_from(min.max(1)).unwrap()))
            }),
        Some("integer") | Some("number") => {
            let minimum = schema.get("minimum").and_then(Value::as_i64).unwrap_or(1);
            json!(
                minimum.max(1).min(
                    schema
                        .get("maximum")
                        .and_then(Value::as_i64)
                        .unwrap_or(i64::MAX)
                )
            )
        }
        Some("boolean") => json!(true),
        Some("array") => {
            let count = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0);
            let item = schema
                .get("items")
                .map_or(json!("x"), |i| synthesize(i, depth + 1));
            Value::Array((0..count).map(|_| item.clone()).collect())
        }
        _ => {
            let mut object = Map::new();
            let properties = schema.get("properties");
            for name in required(schema) {
                let value = properties
                    .and_then(|p| p.get(&name))
                    .map_or(json!("x"), |p| synthesize(p, depth + 1));
                object.insert(name, value);
            }
            Value::Object(object)
        }
    }
}

/// A body the engine accepts for `op`: its docs example when that is clean, else a synthesized one.
pub fn valid_body(op: &Operation) -> Option<Value> {
    let request = op.request.as_ref()?;
    if let Some(example) = &op.example {
        if example.is_object() && engine_errors(&validate(op, example)).is_empty() {
            return Some(example.clone());
        }
    }
    let synthesized = synthesize(def(&request.def), 0);
    engine_errors(&validate(op, &synthesized))
        .is_empty()
        .then_some(synthesized)
}
