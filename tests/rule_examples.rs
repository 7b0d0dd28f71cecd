//! Executable rule docs: every rule's example in the registry is run through the public API and
//! must report that rule at its default severity, and no other rule but those it lists (with a
//! reason) in `also_reports`. Rules without a runnable example are named here, each with a test
//! that fails when an input could reach them.

mod rules_support;

use std::collections::{BTreeMap, BTreeSet};

use mews_connector_validator::api::demo::DEMO_INTEGRATIONS;
use mews_connector_validator::diagnostic::ExampleKind;
use mews_connector_validator::{Rule, Severity, rules};
use serde_json::Value;

fn entry(rule: Rule) -> Value {
    serde_json::to_value(rule.info()).unwrap()
}

#[test]
fn every_example_reports_its_rule_at_its_severity_and_no_other() {
    let mut wrong = Vec::new();
    for rule in rules::all() {
        let Some(reported) = rules_support::run(&entry(rule)) else {
            continue;
        };
        let id = rule.id();
        let own: Vec<Severity> = reported
            .iter()
            .filter(|(r, _)| r == id)
            .map(|(_, s)| *s)
            .collect();
        if own.is_empty() {
            wrong.push(format!("{id}: not reported; reported {reported:?}"));
        } else if own.iter().any(|s| *s != rule.severity()) {
            wrong.push(format!(
                "{id}: reported as {own:?}, registry says {:?}",
                rule.severity()
            ));
        }
        let also: BTreeSet<&str> = rule
            .info()
            .example
            .also_reports
            .iter()
            .map(|a| a.rule.id())
            .collect();
        let others: BTreeSet<&str> = reported
            .iter()
            .map(|(r, _)| r.as_str())
            .filter(|r| *r != id)
            .collect();
        if let Some(other) = others.difference(&also).next() {
            wrong.push(format!(
                "{id}: also reports {other}, not listed in also_reports"
            ));
        }
        if let Some(listed) = also.difference(&others).next() {
            wrong.push(format!(
                "{id}: lists {listed} in also_reports, which it does not report"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The rules no input can trigger today; each has a test below that fails when one could.
const NOT_RUNNABLE: [&str; 3] = ["one-of", "schema-violation", "schema-unavailable"];

#[test]
fn only_unreachable_rules_lack_a_runnable_example() {
    let none: Vec<&str> = rules::all()
        .filter(|rule| rule.info().example.kind == ExampleKind::None)
        .map(Rule::id)
        .collect();
    assert_eq!(none, NOT_RUNNABLE);
}

fn bundle() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/bundle.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Follows a `$ref` into the bundle's `$defs`.
fn resolve<'a>(bundle: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => bundle
            .pointer(reference.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("dangling {reference}")),
        None => schema,
    }
}

/// Calls `visit` on every schema object inside `schema` (itself included).
fn each_schema<'a>(schema: &'a Value, visit: &mut dyn FnMut(&'a Value)) {
    let Value::Object(map) = schema else {
        return;
    };
    visit(schema);
    for (keyword, value) in map {
        match keyword.as_str() {
            "properties" | "$defs" => {
                for sub in value.as_object().into_iter().flat_map(|m| m.values()) {
                    each_schema(sub, visit);
                }
            }
            "anyOf" | "allOf" | "oneOf" => {
                for sub in value.as_array().into_iter().flatten() {
                    each_schema(sub, visit);
                }
            }
            "items" | "additionalProperties" | "if" | "then" | "else" | "not" => {
                each_schema(value, visit);
            }
            _ => {}
        }
    }
}

/// `one-of` is a value valid under two variants of a `oneOf`. No value is when, for every two
/// variants, one requires a property the other forbids (it allows no other properties).
#[test]
fn no_one_of_of_the_contract_accepts_a_value_under_two_variants() {
    let bundle = bundle();
    let mut one_ofs = 0;
    each_schema(&bundle, &mut |schema| {
        let Some(variants) = schema["oneOf"].as_array() else {
            return;
        };
        one_ofs += 1;
        let variants: Vec<&Value> = variants.iter().map(|v| resolve(&bundle, v)).collect();
        let excludes = |a: &Value, b: &Value| {
            b["additionalProperties"] == Value::Bool(false)
                && a["required"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|required| {
                        let name = required.as_str().unwrap();
                        b["properties"].get(name).is_none()
                    })
        };
        for (i, a) in variants.iter().enumerate() {
            for b in &variants[i + 1..] {
                assert!(
                    excludes(a, b) || excludes(b, a),
                    "a value can match both {} and {}: give `one-of` an example",
                    a["x-schema-id"],
                    b["x-schema-id"]
                );
            }
        }
    });
    assert!(one_ofs > 0, "no oneOf left: is `one-of` still needed?");
}

/// `schema-violation` is any keyword without a rule of its own. The bundle and the checklist
/// schema use none.
#[test]
fn every_keyword_of_the_schemas_has_its_own_rule() {
    const WITH_A_RULE: &[&str] = &[
        "type",
        "required",
        "additionalProperties",
        "enum",
        "const",
        "format",
        "pattern",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        // Combinators and applicators report the errors of the subschemas they apply.
        "anyOf",
        "allOf",
        "oneOf",
        "if",
        "then",
        "else",
        "properties",
        "items",
        "$ref",
    ];
    const ANNOTATIONS: &[&str] = &[
        "$schema",
        "$id",
        "$defs",
        "title",
        "description",
        "deprecated",
        "readOnly",
    ];
    let checklist_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schemas/certification-checklist.schema.json"
    );
    let checklist: Value =
        serde_json::from_str(&std::fs::read_to_string(checklist_path).unwrap()).unwrap();
    let mut unhandled = BTreeMap::new();
    for schema in [bundle(), checklist] {
        each_schema(&schema, &mut |object| {
            for keyword in object.as_object().unwrap().keys() {
                let known = WITH_A_RULE.contains(&keyword.as_str())
                    || ANNOTATIONS.contains(&keyword.as_str())
                    || keyword.starts_with("x-");
                if !known {
                    *unhandled.entry(keyword.clone()).or_insert(0) += 1;
                }
            }
        });
    }
    assert!(
        unhandled.is_empty(),
        "keywords reported as `schema-violation`: {unhandled:?}; give it an example (or the keyword a rule)"
    );
}

/// A deprecated extent flag sent as `false` does not use the deprecated feature: silent.
#[test]
fn a_deprecated_flag_sent_as_false_is_silent() {
    let mut entry = entry(rules::DEPRECATED_PROPERTY);
    let text = entry["example"].as_str().unwrap();
    assert!(text.contains(r#""ResourceCategories": true"#), "{text}");
    entry["example"] = text
        .replace(
            r#""ResourceCategories": true"#,
            r#""ResourceCategories": false"#,
        )
        .into();
    assert_eq!(rules_support::run(&entry), Some(Vec::new()));
}

/// Real, unique `Client` names without a version (seen in recorded bodies): a hint, never a
/// warning, and the body stays valid.
#[test]
fn a_unique_client_name_without_a_version_is_only_a_hint() {
    let mut entry = entry(rules::CLIENT_VERSION_MISSING);
    let text = entry["example"].as_str().unwrap().to_string();
    for name in ["EywaAI", "Mews Sandbox Manager"] {
        entry["example"] = text.replace("Acme PMS Bridge", name).into();
        assert_eq!(
            rules_support::run(&entry),
            Some(vec![("client-version-missing".to_string(), Severity::Info)]),
            "{name}"
        );
    }
}

/// Examples show no real token: the docs' public demo tokens, or a shortened stand-in (`3C9D…7F10`,
/// `3C9D...7F10` where the text must be Latin-1).
#[test]
fn examples_hold_no_secret() {
    let demo: BTreeSet<&str> = DEMO_INTEGRATIONS
        .iter()
        .flat_map(|i| [i.client_token, i.gross_access_token, i.net_access_token])
        .collect();
    let mut checked = 0;
    for rule in rules::all() {
        let example = &rule.info().example;
        let texts = [
            Some(example.text),
            example.checklist,
            example.repeat.map(|r| r.item),
        ];
        for text in texts.into_iter().flatten() {
            for value in token_values(text) {
                checked += 1;
                assert!(
                    demo.contains(value)
                        || value.contains('…')
                        || value.contains("...")
                        || value.trim().is_empty(),
                    "{}: {value} looks like a real token",
                    rule.id()
                );
            }
        }
    }
    assert!(checked > 50, "{checked}");
}

/// The values of `ClientToken`/`AccessToken` fields (also escaped, inside a HAR's `postData`) and
/// of `Authorization` headers in a text.
fn token_values(text: &str) -> Vec<&str> {
    let mut values = Vec::new();
    for key in [
        "\"ClientToken\": \"",
        "\"AccessToken\": \"",
        "\\\"ClientToken\\\": \\\"",
        "\\\"AccessToken\\\": \\\"",
        "Authorization: ",
    ] {
        for (at, _) in text.match_indices(key) {
            let rest = &text[at + key.len()..];
            let end = rest.find(['"', '\\', '\'', '\n']).unwrap_or(rest.len());
            values.push(&rest[..end]);
        }
    }
    values
}
