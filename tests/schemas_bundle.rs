//! The committed `schemas/bundle.json` compiles with the `jsonschema` crate for every operation,
//! the per-operation files agree with it, and the OpenAPI examples run through both.

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
                invalid_examples.push(format!("{id} {body}: {}", errors.join("; ")));
            }
            checked += 1;
        }
    }
    // The examples are Mews' own; where they break the spec, the engine owner decides what that
    // means. Listed here so a spec refresh that changes them is visible in the test output.
    println!(
        "{checked} examples checked, {} not valid:",
        invalid_examples.len()
    );
    for line in &invalid_examples {
        println!("  {line}");
    }
    assert!(
        checked >= operations.len(),
        "only {checked} examples checked"
    );
}

#[test]
fn request_rules_from_the_docs_are_in_the_bundle() {
    let registry = bundle_registry();
    let catalog = read_json("catalog.json");
    let operation = catalog["operations"]
        .as_array()
        .expect("operations")
        .iter()
        .find(|operation| operation["operationId"] == "accountNotes_getAll")
        .expect("accountNotes_getAll");
    let validator = bundle_validator(
        &registry,
        operation["request"]["def"].as_str().expect("def"),
    );
    let mut example = operation["example"].clone();
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
    let registry = bundle_registry();
    let catalog = read_json("catalog.json");
    let operation = catalog["operations"]
        .as_array()
        .expect("operations")
        .iter()
        .find(|operation| operation["operationId"] == "fiscalMachineCommands_getAll")
        .expect("fiscalMachineCommands_getAll");
    let validator = bundle_validator(
        &registry,
        operation["request"]["def"].as_str().expect("def"),
    );
    let mut example = operation["example"].clone();
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
