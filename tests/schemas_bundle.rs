//! The committed `schemas/bundle.json` compiles with the `jsonschema` crate for every operation,
//! the per-operation files agree with it, and the OpenAPI examples run through both.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{Value, json};

const BUNDLE_ID: &str = "urn:mews-connector-validator:bundle";

fn read_json(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn bundle_registry() -> jsonschema::Registry<'static> {
    jsonschema::Registry::new()
        .draft(jsonschema::Draft::Draft202012)
        .add(BUNDLE_ID, read_json("bundle.json"))
        .expect("bundle id is a URI")
        .prepare()
        .expect("bundle registers")
}

fn bundle_validator(registry: &jsonschema::Registry<'_>, def: &str) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .with_registry(registry)
        .should_validate_formats(true)
        .build(&json!({"$ref": format!("{BUNDLE_ID}#/$defs/{def}")}))
        .unwrap_or_else(|error| panic!("{def}: {error}"))
}

fn file_validator(schema_file: &str) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&read_json(schema_file))
        .unwrap_or_else(|error| panic!("{schema_file}: {error}"))
}

#[test]
fn every_operation_compiles_and_its_examples_run_through_bundle_and_files() {
    let catalog = read_json("catalog.json");
    let operations = catalog["operations"].as_array().expect("operations list");
    assert!(!operations.is_empty(), "the catalog lists no operations");
    let registry = bundle_registry();
    let mut checked = 0;
    let mut invalid_examples = Vec::new();
    for operation in operations {
        let id = operation["operationId"].as_str().expect("operationId");
        for (body, example) in [("request", "example"), ("response", "responseExample")] {
            let Some(schema) = operation[body].as_object() else {
                continue;
            };
            let def = schema["def"].as_str().expect("def");
            let from_bundle = bundle_validator(&registry, def);
            let from_file = file_validator(schema["schema"].as_str().expect("schema path"));
            let Some(example) = operation.get(example).filter(|example| !example.is_null()) else {
                continue;
            };
            let errors: Vec<String> = from_bundle
                .iter_errors(example)
                .map(|error| format!("{} {error}", error.instance_path()))
                .collect();
            assert_eq!(
                from_file.is_valid(example),
                errors.is_empty(),
                "{id} {body}: the per-operation file and the bundle disagree"
            );
            if !errors.is_empty() {
                invalid_examples.push((id.to_string(), body, errors.join("; ")));
            }
            checked += 1;
        }
    }
    // The examples are Mews' own; those that break the spec are each justified, one line, in
    // tests/data/ (the engine's example tests read the same files). Checked here with the
    // `jsonschema` crate alone: the exact list, so a spec refresh that breaks or fixes one fails.
    for (body, file) in [
        ("request", "example_justifications.json"),
        ("response", "response_example_justifications.json"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(file);
        let justified: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let justified: BTreeSet<&str> = justified
            .as_object()
            .expect("operationId → reason")
            .keys()
            .map(String::as_str)
            .collect();
        let invalid: BTreeSet<&str> = invalid_examples
            .iter()
            .filter(|(_, kind, _)| *kind == body)
            .map(|(id, _, _)| id.as_str())
            .collect();
        let unjustified: Vec<String> = invalid_examples
            .iter()
            .filter(|(id, kind, _)| *kind == body && !justified.contains(id.as_str()))
            .map(|(id, _, errors)| format!("{id}: {errors}"))
            .collect();
        let stale: Vec<_> = justified.difference(&invalid).collect();
        assert!(
            unjustified.is_empty() && stale.is_empty(),
            "{body} examples not valid but not justified in tests/data/{file}:\n  {}\njustified but valid: {stale:?}",
            unjustified.join("\n  ")
        );
    }
    assert!(
        checked >= operations.len(),
        "only {checked} examples checked"
    );
}

/// The request validator of an operation, compiled from the bundle, and the docs' example body.
fn request_validator_and_example(operation_id: &str) -> (jsonschema::Validator, Value) {
    let registry = bundle_registry();
    let catalog = read_json("catalog.json");
    let operation = catalog["operations"]
        .as_array()
        .expect("operations")
        .iter()
        .find(|operation| operation["operationId"] == operation_id)
        .expect("operation in the catalog");
    let validator = bundle_validator(
        &registry,
        operation["request"]["def"].as_str().expect("def"),
    );
    (validator, operation["example"].clone())
}

#[test]
fn request_rules_from_the_docs_are_in_the_bundle() {
    let (validator, mut example) = request_validator_and_example("accountNotes_getAll");
    assert!(validator.is_valid(&example));
    example["LanguageCode"] = json!("en-US");
    example["CultureCode"] = json!(null);
    assert!(
        validator.is_valid(&example),
        "LanguageCode/CultureCode are allowed"
    );
    example["Limitation"]["Count"] = json!(1001);
    assert!(!validator.is_valid(&example), "Count above 1000");
    example["Limitation"]["Count"] = json!(0);
    assert!(!validator.is_valid(&example), "Count below 1");
    example["Limitation"]["Count"] = json!(1000);
    example["Unknown"] = json!(1);
    assert!(!validator.is_valid(&example), "additionalProperties: false");
}

#[test]
fn one_of_request_branches_accept_language_codes() {
    let (validator, mut example) = request_validator_and_example("fiscalMachineCommands_getAll");
    example["LanguageCode"] = json!("cs-CZ");
    assert!(
        validator.is_valid(&example),
        "{:?}",
        validator
            .iter_errors(&example)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_engine_reads_the_catalog_it_embeds() {
    use mews_connector_validator::api::catalog;
    let committed = read_json("catalog.json");
    let operations = catalog::operations();
    assert_eq!(
        operations.len(),
        committed["operations"].as_array().map_or(0, Vec::len),
        "catalog.json does not deserialize into mews_connector_validator::api::catalog::Operation"
    );
    let versioned = operations
        .iter()
        .find(|operation| operation.address == "/api/connector/v1/reservations/getAll/2023-06-06")
        .expect("versioned reservations operation");
    assert_eq!(versioned.version, "2023-06-06");
    assert_eq!(
        versioned.docs,
        "https://docs.mews.com/connector-api/operations/reservations#get-all-reservations-ver-2023-06-06"
    );
    assert_eq!(
        catalog::type_docs("AccountNote"),
        Some("https://docs.mews.com/connector-api/operations/accountnotes#account-note")
    );
    assert_eq!(catalog::bundle()["$id"], BUNDLE_ID);
}

/// Facts the docs state outside the OpenAPI document, as the catalog must carry them.
#[test]
fn catalog_carries_what_the_docs_add_to_the_spec() {
    let catalog = read_json("catalog.json");
    let operations = catalog["operations"].as_array().expect("operations");
    let find = |address: &str| {
        operations
            .iter()
            .find(|operation| operation["address"] == address)
            .unwrap_or_else(|| panic!("{address} missing"))
    };
    // deprecations/README.md lists it; the OpenAPI document does not mark it.
    let add_credit_card = find("/api/connector/v1/payments/addCreditCard");
    assert_eq!(add_credit_card["deprecated"], true);
    assert_eq!(add_credit_card["discontinued"], "2028-01-10");
    assert_eq!(add_credit_card["replacement"], Value::Null);
    let routing_rules = find("/api/connector/v1/routingRules/getAll");
    assert_eq!(routing_rules["deprecated"], true);
    assert_eq!(routing_rules["discontinued"], "2027-01-10");
    assert_eq!(
        routing_rules["replacement"],
        "/api/connector/v1/billingAutomations/getAll"
    );
    let old_reservations = find("/api/connector/v1/reservations/getAll");
    assert_eq!(
        old_reservations["replacement"],
        "/api/connector/v1/reservations/getAll/2023-06-06"
    );
    assert_eq!(old_reservations["version"], "v1");
    assert_eq!(
        old_reservations["docs"],
        "https://docs.mews.com/connector-api/operations/reservations#get-all-reservations-ver-2017-04-12"
    );
    // Restricted by a `> ### Restricted!` notice in the docs only.
    for address in [
        "/api/connector/v1/cancellationPolicies/getAll",
        "/api/connector/v1/commands/addPaymentTerminal",
    ] {
        assert_eq!(find(address)["restricted"], true, "{address}");
    }
    assert_eq!(
        find("/api/connector/v1/accountNotes/getAll")["restricted"],
        false
    );
    let properties = catalog["deprecatedProperties"]
        .as_array()
        .expect("properties");
    assert!(
        properties.contains(&json!({"def": "AvailabilityBlockAddParameters",
        "property": "RateId", "replacement": "TemplateRateId", "deprecated": "2026-06-10",
        "discontinued": null}))
    );
    // "Extent `Rates` in Get all availability blocks": a property of the request's Extent.
    assert!(
        properties
            .iter()
            .any(|entry| entry["def"] == "AvailabilityBlockExtent"
                && entry["property"] == "Rates"
                && entry["discontinued"] == "2026-01-10")
    );
}
