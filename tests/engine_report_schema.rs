//! `schemas/report.schema.json` describes the reports the engine really produces.

mod engine_support;

use engine_support::*;
use mews_connector_validator::render;
use mews_connector_validator::{Options, pipeline};
use serde_json::Value;

fn report_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schemas/report.schema.json"
    ))
    .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

#[test]
fn real_reports_validate_against_the_report_schema() {
    let validator = report_schema();
    let op = operations().iter().find(|op| op.deprecated).unwrap();
    let bodies = [
        (
            op.address.as_str(),
            "{\"ContacPerson\": null, \"Limitation\": {\"Count\": 0}}",
        ),
        (op.address.as_str(), "{,"),
        ("/api/connector/v1/nothing/here", "[]"),
        (operations()[0].address.as_str(), "{}"),
    ];
    for (address, body) in bodies {
        let report = pipeline::validate_request(address, body, &Options::default());
        assert!(!report.diagnostics.is_empty());
        let json: Value = serde_json::from_str(&render::json::render(&report)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{address} {body}: {errors:?}");
    }
}

#[test]
fn the_report_schema_rejects_a_broken_report() {
    let validator = report_schema();
    let report = pipeline::validate_request("/x", "{}", &Options::default());
    let mut json: Value = serde_json::from_str(&render::json::render(&report)).unwrap();
    json["diagnostics"][0]["line"] = Value::from(0);
    assert!(!validator.is_valid(&json));
    json.as_object_mut().unwrap().remove("valid");
    assert!(!validator.is_valid(&json));
}
