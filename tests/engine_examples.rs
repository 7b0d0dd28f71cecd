//! Every operation's docs example is validated. Examples that are themselves wrong upstream have
//! their findings pinned in a snapshot and a one-line justification in
//! `tests/data/example_justifications.json`; an example with findings but no justification, or a
//! justification without findings, fails.

mod engine_support;

use std::collections::BTreeMap;

use engine_support::*;
use mews_connector_validator::{Options, Report, Severity, pipeline};

/// `rule pointer (line:col): message` of every engine error, warnings excluded.
fn findings(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| {
            mews_connector_validator::rules::SCHEMA_RULES
                .iter()
                .any(|r| r.id() == d.rule)
        })
        .map(|d| {
            format!(
                "{} {} ({}:{}): {}",
                d.rule, d.pointer, d.line, d.column, d.message
            )
        })
        .collect()
}

fn justifications(file: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn check_against_justifications(
    found: &BTreeMap<String, Vec<String>>,
    justified: &BTreeMap<String, String>,
) {
    let unjustified: Vec<_> = found
        .keys()
        .filter(|id| !justified.contains_key(*id))
        .collect();
    let stale: Vec<_> = justified
        .keys()
        .filter(|id| !found.contains_key(*id))
        .collect();
    assert!(
        unjustified.is_empty(),
        "examples with findings but no justification: {unjustified:?}\n{found:#?}"
    );
    assert!(
        stale.is_empty(),
        "justifications for examples without findings: {stale:?}"
    );
    assert!(
        justified.values().all(|why| !why.trim().is_empty()),
        "empty justification"
    );
}

#[test]
fn request_examples_validate_or_are_justified() {
    let mut found = BTreeMap::new();
    let mut validated = 0;
    for op in operations() {
        let Some(example) = &op.example else { continue };
        validated += 1;
        let text = serde_json::to_string_pretty(example).unwrap();
        let report = pipeline::validate_request(&op.address, &text, &Options::default());
        let errors = findings(&report);
        if !errors.is_empty() {
            found.insert(op.operation_id.clone(), errors);
        }
    }
    assert!(
        validated >= 190,
        "only {validated} operations have a request example"
    );
    check_against_justifications(&found, &justifications("example_justifications.json"));
    insta::assert_json_snapshot!(found);
}

#[test]
fn response_examples_validate_or_are_justified() {
    let mut found = BTreeMap::new();
    let mut validated = 0;
    for op in operations() {
        let Some(example) = &op.response_example else {
            continue;
        };
        validated += 1;
        let text = serde_json::to_string_pretty(example).unwrap();
        let report = pipeline::validate_response(&op.address, &text, &Options::default());
        let errors = findings(&report);
        if !errors.is_empty() {
            found.insert(op.operation_id.clone(), errors);
        }
    }
    assert!(
        validated >= 150,
        "only {validated} operations have a response example"
    );
    check_against_justifications(
        &found,
        &justifications("response_example_justifications.json"),
    );
    insta::assert_json_snapshot!(found);
}
