//! `schemas/library.schema.json` (whence the npm package's TypeScript shapes of its options and
//! non-report results) describes what the engine really returns and accepts: every operation, every
//! rule, each kind of paste, progress, completions and a recording's calls.

use std::collections::BTreeSet;

use mews_connector_validator::complete::{Target, completions_utf16};
use mews_connector_validator::session::calls::{recorded_call_body, recorded_calls};
use mews_connector_validator::{Options, Rule, analyze_session, input, operations, rules};
use serde::Serialize;
use serde_json::{Value, json};

const HAR: &str = include_str!("data/chromium-mock-session.har");
const ADDRESS: &str = "/api/connector/v1/customers/getAll";

fn schema() -> Value {
    serde_json::from_str(include_str!("../schemas/library.schema.json")).unwrap()
}

/// The schema's `$defs/DEF`, with the other definitions it refers to.
fn validator(def: &str) -> jsonschema::Validator {
    let mut schema = schema();
    schema["$ref"] = json!(format!("#/$defs/{def}"));
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// Every value, serialized as the wasm bindings do (JSON-compatible), is valid against `def`.
fn assert_valid<T: Serialize>(def: &str, values: impl IntoIterator<Item = T>) {
    let validator = validator(def);
    let mut count = 0;
    for value in values {
        let json = serde_json::to_value(&value).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path().as_str()))
            .collect();
        assert!(errors.is_empty(), "{def}: {json}\n{}", errors.join("\n"));
        count += 1;
    }
    assert!(count > 0, "{def}: nothing checked");
}

fn enum_values(def: &str) -> BTreeSet<String> {
    schema()["$defs"][def]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|value| value.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_operation_and_rule_matches() {
    assert_valid("operation", operations());
    assert_valid("ruleInfo", rules::all().map(Rule::info));
}

#[test]
fn each_kind_of_paste_matches() {
    let pastes = [
        "{}".to_string(),
        format!("curl https://api.mews-demo.com{ADDRESS} --json '{{}}'"),
        format!("POST https://api.mews-demo.com{ADDRESS}\nContent-Type: application/json\n\n{{}}"),
        format!("https://api.mews-demo.com{ADDRESS}"),
        HAR.to_string(),
    ];
    let detected: Vec<_> = pastes.iter().map(|text| input::describe(text)).collect();
    assert_valid("detectedInput", &detected);
    let kinds: BTreeSet<String> = detected
        .iter()
        .map(|found| {
            serde_json::to_value(found.kind)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(kinds, enum_values("inputKind"));
}

#[test]
fn progress_and_recorded_calls_match() {
    let mut seen = Vec::new();
    analyze_session(HAR, None, &Options::default(), &mut |progress| {
        seen.push(progress)
    });
    assert_valid("progress", seen);
    assert_valid("recordedCall", recorded_calls(HAR));
    assert_valid("recordedCallBody", recorded_call_body(HAR, 0));
}

#[test]
fn completions_match_in_every_context() {
    let cases = [
        (Target::Request, "{\"", 2),
        (Target::Request, "{\"Extent\": {\"Customers\": ", 25),
        (Target::Response, "{\"Cursor\": 1", 1),
        (Target::Checklist, "{\"integrationKind\": \"", 21),
        (Target::Request, "{\"Client\": 1 ", 13),
    ];
    let found: Vec<_> = cases
        .iter()
        .map(|&(target, text, cursor)| completions_utf16(target, ADDRESS, text, cursor))
        .collect();
    assert!(
        found
            .iter()
            .any(|completions| !completions.items.is_empty())
    );
    let validator = validator("completions");
    let contexts: BTreeSet<String> = found
        .iter()
        .map(|completions| {
            let json = serde_json::to_value(completions).unwrap();
            assert!(validator.is_valid(&json), "{json}");
            json["context"].as_str().unwrap().to_string()
        })
        .collect();
    let schema = schema();
    let expected: BTreeSet<String> =
        schema["$defs"]["completions"]["properties"]["context"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|value| value.as_str().unwrap().to_string())
            .collect();
    assert_eq!(contexts, expected);
}

#[test]
fn options_are_what_the_engine_accepts() {
    let validator = validator("options");
    let schema = schema();
    let properties: BTreeSet<&String> = schema["$defs"]["options"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let serialized = serde_json::to_value(Options::default()).unwrap();
    assert_eq!(
        properties,
        serialized.as_object().unwrap().keys().collect(),
        "the schema's options are the engine's"
    );
    let mut accepted = vec![json!({}), json!({"date": "2026-11-23"})];
    accepted.extend(
        enum_values("environment")
            .into_iter()
            .map(|e| json!({"environment": e})),
    );
    for level in ["off", "info", "warning", "error"] {
        accepted.push(json!({"rules": {"invalid-json": level}}));
    }
    for options in accepted {
        assert!(validator.is_valid(&options), "{options}");
        serde_json::from_value::<Options>(options.clone()).unwrap();
    }
    for options in [
        json!({"environment": "staging"}),
        json!({"rules": {"invalid-json": "fatal"}}),
        json!({"strict": true}),
    ] {
        assert!(!validator.is_valid(&options), "{options}");
        assert!(serde_json::from_value::<Options>(options).is_err());
    }
}
