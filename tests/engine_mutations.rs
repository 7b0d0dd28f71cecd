//! Mutation tests over every operation: start from a body the engine accepts (the docs example,
//! or one synthesized from the schema), break one thing, and expect exactly one error: the rule
//! for that break, at the pointer of the broken value.

mod engine_support;

use engine_support::*;
use mews_connector_validator::api::Operation;
use serde_json::{Value, json};

struct Mutation {
    what: String,
    body: Value,
    rule: &'static str,
    pointer: String,
}

fn set(base: &Value, pointer: &str, value: Value) -> Value {
    let mut body = base.clone();
    if let Some(slot) = body.pointer_mut(pointer) {
        *slot = value;
    }
    body
}

/// A value whose JSON type is none of those the schema allows.
fn wrong_type(schema: &Value) -> Option<Value> {
    Some(match type_of(schema)? {
        "string" => json!(12345),
        "boolean" => json!("true"),
        "integer" | "number" => json!("12"),
        "array" => json!({"not": "an array"}),
        "object" => json!([1]),
        _ => return None,
    })
}

/// An update value object: `Value` is its only property.
fn is_update_value(schema: &Value) -> bool {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|properties| properties.len() == 1 && properties.contains_key("Value"))
}

fn mutations(op: &Operation, base: &Value) -> Vec<Mutation> {
    let mut out = Vec::new();
    let Some(request) = &op.request else {
        return out;
    };
    let Some(object) = object_for(def(&request.def), base) else {
        return out;
    };
    let Some(members) = base.as_object() else {
        return out;
    };
    for name in required(object) {
        if members.contains_key(&name) {
            let mut body = base.clone();
            body.as_object_mut().unwrap().remove(&name);
            out.push(Mutation {
                what: format!("remove {name}"),
                body,
                rule: "missing-required",
                pointer: format!("/{name}"),
            });
        }
    }
    for name in members.keys() {
        let pointer = format!("/{name}");
        let Some(schema) = object.pointer(&format!("/properties/{name}")) else {
            continue;
        };
        let variants = alternatives(schema);
        let [property] = variants.as_slice() else {
            continue; // a union of variants: no single expectation
        };
        if let Some(value) = wrong_type(property) {
            out.push(Mutation {
                what: format!("wrong type for {name}"),
                body: set(base, &pointer, value),
                // A bare value where `{"Value": …}` belongs gets the conformance rule with the fix.
                rule: if is_update_value(property) {
                    "update-value-shape"
                } else {
                    "type-mismatch"
                },
                pointer: pointer.clone(),
            });
        }
        if !nullable(schema) {
            out.push(Mutation {
                what: format!("null {name}"),
                body: set(base, &pointer, Value::Null),
                rule: "null-not-allowed",
                pointer: pointer.clone(),
            });
        }
        if property.get("enum").is_some() {
            out.push(Mutation {
                what: format!("bad enum {name}"),
                body: set(base, &pointer, json!("NotAnAllowedValue")),
                rule: "enum-value",
                pointer: pointer.clone(),
            });
        }
        if let Some(format) = property.get("format").and_then(Value::as_str) {
            if sample_for_format(format).is_some() {
                out.push(Mutation {
                    what: format!("bad {format} {name}"),
                    body: set(base, &pointer, json!("2025-13-45 not valid")),
                    rule: if format == "date-time" {
                        "datetime-format"
                    } else {
                        "format"
                    },
                    pointer: pointer.clone(),
                });
            }
        }
        if type_of(property) == Some("array") {
            let items = property.get("items").map(alternatives);
            let item = items.as_deref().and_then(|i| i.first().copied());
            if let (Some(max), Some(item)) =
                (property.get("maxItems").and_then(Value::as_u64), item)
            {
                let unique = property.get("uniqueItems") == Some(&json!(true));
                if !unique && max < 5000 {
                    let value = synthesize(item, 0);
                    out.push(Mutation {
                        what: format!("{} items in {name}", max + 1),
                        body: set(
                            base,
                            &pointer,
                            Value::Array(vec![value; usize::try_from(max + 1).unwrap()]),
                        ),
                        rule: "max-items",
                        pointer: pointer.clone(),
                    });
                }
            }
            if let Some(format) = item.and_then(|i| i.get("format")).and_then(Value::as_str) {
                if sample_for_format(format).is_some()
                    && property.get("maxItems").and_then(Value::as_u64) != Some(0)
                {
                    out.push(Mutation {
                        what: format!("bad {format} item in {name}"),
                        body: set(base, &pointer, json!(["not valid"])),
                        rule: if format == "date-time" {
                            "datetime-format"
                        } else {
                            "format"
                        },
                        pointer: format!("{pointer}/0"),
                    });
                }
            }
        }
    }
    if base.pointer("/Limitation/Count").is_some() {
        for count in [0, 1001] {
            out.push(Mutation {
                what: format!("Limitation.Count {count}"),
                body: set(base, "/Limitation/Count", json!(count)),
                rule: "limitation-count-range",
                pointer: "/Limitation/Count".to_string(),
            });
        }
    }
    out
}

#[test]
fn every_operation_reports_each_break_exactly() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut without_base = Vec::new();
    let mut rules_seen = std::collections::BTreeSet::new();
    for op in operations() {
        let Some(base) = valid_body(op) else {
            without_base.push(op.operation_id.clone());
            continue;
        };
        for mutation in mutations(op, &base) {
            checked += 1;
            let found = engine_errors(&validate(op, &mutation.body));
            let expected = vec![(mutation.rule.to_string(), mutation.pointer.clone())];
            if found == expected {
                rules_seen.insert(mutation.rule);
            } else {
                failures.push(format!(
                    "{} — {}: expected {expected:?}, found {found:?}",
                    op.operation_id, mutation.what
                ));
            }
        }
    }
    println!(
        "{checked} mutations over {} operations",
        operations().len() - without_base.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} mutations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 1000, "only {checked} mutations generated");
    assert!(
        without_base.is_empty(),
        "no valid base body for: {without_base:?}"
    );
    assert!(
        without_base.is_empty(),
        "no valid base body for: {without_base:?}"
    );
    for rule in [
        "missing-required",
        "type-mismatch",
        "null-not-allowed",
        "enum-value",
        "format",
        "datetime-format",
        "max-items",
        "limitation-count-range",
    ] {
        assert!(rules_seen.contains(rule), "no mutation exercised {rule}");
    }
}
