//! The docs' own request examples (the catalog's `example`s) raise no false errors from the
//! conformance rules. Errors for the docs' sample `Client` name are expected and right: Mews cannot
//! review calls under it.

use std::collections::BTreeMap;

use mews_connector_validator::api::operations;
use mews_connector_validator::conformance::{self, RequestContext};
use mews_connector_validator::source::Document;
use mews_connector_validator::{Diagnostic, Options, Severity};

const EVALUATION_DATE: &str = "2026-11-23";

/// Errors the upstream examples really contain, with why each is right.
const JUSTIFIED_ERRORS: &[(&str, &str, &str, &str)] = &[(
    "resources_getAll",
    "interval-too-long",
    "/CreatedUtc",
    "the example asks for a whole year of CreatedUtc; the schema's x-max-interval-in-months is 3",
)];

/// The `Client` names the docs' examples use, which certification refuses (`client-not-unique`).
const SAMPLE_CLIENTS: &[&str] = &["Sample Client 1.0.0", "MyPOS 1.0"];

fn example_client(operation: &mews_connector_validator::Operation) -> Option<&str> {
    operation.example.as_ref()?.get("Client")?.as_str()
}

fn conformance_findings() -> BTreeMap<&'static str, Vec<Diagnostic>> {
    let options = Options {
        date: Some(EVALUATION_DATE.to_string()),
        ..Options::default()
    };
    let mut found = BTreeMap::new();
    for operation in operations() {
        let Some(example) = &operation.example else {
            continue;
        };
        let text = serde_json::to_string_pretty(example).unwrap();
        let doc = Document::parse(&text).unwrap();
        let findings = conformance::check_request(&RequestContext {
            doc: &doc,
            operation: Some(operation),
            options: &options,
        });
        let diagnostics = mews_connector_validator::pipeline::locate(&text, findings, &options);
        found.insert(operation.operation_id.as_str(), diagnostics);
    }
    found
}

#[test]
fn docs_examples_raise_no_false_conformance_errors() {
    let found = conformance_findings();
    assert!(
        found.len() > 150,
        "only {} examples in the catalog",
        found.len()
    );
    let mut unexpected = Vec::new();
    let mut justified_seen = Vec::new();
    for (id, diagnostics) in &found {
        let operation = operations()
            .iter()
            .find(|op| op.operation_id == *id)
            .unwrap();
        for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            let past_discontinuation = operation
                .discontinued
                .as_deref()
                .is_some_and(|date| date <= EVALUATION_DATE);
            if d.rule == "discontinued-operation" && past_discontinuation {
                continue;
            }
            if d.rule == "client-not-unique"
                && example_client(operation).is_some_and(|name| SAMPLE_CLIENTS.contains(&name))
            {
                continue;
            }
            match JUSTIFIED_ERRORS
                .iter()
                .find(|(op, rule, pointer, _)| op == id && *rule == d.rule && *pointer == d.pointer)
            {
                Some(justified) => justified_seen.push(justified.0),
                None => unexpected.push(format!("{id} {} {}: {}", d.rule, d.pointer, d.message)),
            }
        }
    }
    assert!(
        unexpected.is_empty(),
        "false errors on docs examples:\n{}",
        unexpected.join("\n")
    );
    assert_eq!(
        justified_seen.len(),
        JUSTIFIED_ERRORS.len(),
        "a justified error is gone: update the list"
    );
}

#[test]
fn docs_examples_get_the_expected_warnings_only() {
    let found = conformance_findings();
    let allowed = [
        "client-not-unique",
        "deprecated-property",
        "demo-token",
        "discontinued-operation",
        "interval-too-long",
    ];
    for (id, diagnostics) in &found {
        for d in diagnostics {
            assert!(
                allowed.contains(&d.rule.as_str()),
                "{id}: unexpected {} {}: {}",
                d.rule,
                d.pointer,
                d.message
            );
        }
    }
    // Every example using the docs' sample Client name is told to pick its own.
    let sample_client = found
        .values()
        .filter(|diagnostics| diagnostics.iter().any(|d| d.rule == "client-not-unique"))
        .count();
    assert!(sample_client > 150, "{sample_client}");
    // The public demo tokens of the examples are recognised.
    assert!(
        found
            .values()
            .all(|diagnostics| diagnostics.iter().all(|d| !d.message.contains("E0D439EE")))
    );
    let named = found
        .values()
        .filter(|diagnostics| diagnostics.iter().any(|d| d.rule == "demo-token"))
        .count();
    assert!(named > 150, "{named}");
}

#[test]
fn deprecated_properties_of_examples_are_marked_deprecated_in_the_schema() {
    let found = conformance_findings();
    let availability = &found["availabilityBlocks_add"];
    let rate_ids: Vec<_> = availability
        .iter()
        .filter(|d| d.rule == "deprecated-property")
        .map(|d| d.pointer.as_str())
        .collect();
    assert_eq!(
        rate_ids,
        [
            "/AvailabilityBlocks/0/RateId",
            "/AvailabilityBlocks/1/RateId"
        ]
    );
    assert!(
        availability
            .iter()
            .any(|d| d.message.contains("TemplateRateId"))
    );
}

#[test]
fn deprecated_properties_name_dates_from_the_deprecations_table() {
    let found = conformance_findings();
    let messages: Vec<String> = found
        .iter()
        .flat_map(|(id, diagnostics)| {
            diagnostics
                .iter()
                .filter(|d| d.rule == "deprecated-property")
                .map(move |d| format!("{id} {}: {}", d.pointer, d.message))
        })
        .collect();
    let rate = messages
        .iter()
        .find(|m| m.starts_with("availabilityBlocks_add /AvailabilityBlocks/0/RateId"))
        .unwrap();
    assert!(
        rate.contains("since 2026-06-10; expected `TemplateRateId` instead."),
        "{rate}"
    );
    let extent = messages
        .iter()
        .find(|m| m.starts_with("bills_getAll /Extent:"))
        .unwrap();
    assert!(
        extent.contains("It was discontinued on 2025-01-10"),
        "{extent}"
    );
    // `"ServiceOrders": false` in availabilityBlocks/getAll asks for nothing deprecated.
    assert!(!messages.iter().any(|m| m.contains("/Extent/ServiceOrders")));
}
