//! The shipped example checklists validate; mutations of them give exact, located diagnostics.

use mews_connector_validator::checklist::validate_checklist;
use mews_connector_validator::{Diagnostic, Options, Report};

const PUBLIC: &str = include_str!("../examples/checklist-public.json");
const PRIVATE: &str = include_str!("../examples/checklist-private.json");

fn options() -> Options {
    Options {
        date: Some("2026-11-23".into()),
        ..Options::default()
    }
}

fn check(text: &str) -> Report {
    validate_checklist(text, &options())
}

fn mutate(text: &str, change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    change(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

fn rules(report: &Report) -> Vec<(&str, &str)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.rule.as_str(), d.pointer.as_str()))
        .collect()
}

/// Line and column (1-based) where `needle` starts in `text`.
fn position_of(text: &str, needle: &str) -> (u32, u32) {
    let offset = text.find(needle).unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line as u32, column as u32)
}

fn at(d: &Diagnostic) -> (u32, u32) {
    (d.line, d.column)
}

#[test]
fn the_example_checklists_are_valid() {
    for (name, text) in [("public", PUBLIC), ("private", PRIVATE)] {
        let report = check(text);
        assert!(
            report.diagnostics.is_empty(),
            "{name}: {:#?}",
            report.diagnostics
        );
        assert!(report.valid);
    }
}

#[test]
fn the_examples_match_the_published_schema_file() {
    let schema: serde_json::Value = serde_json::from_str(include_str!(
        "../schemas/certification-checklist.schema.json"
    ))
    .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for text in [PUBLIC, PRIVATE] {
        assert!(validator.is_valid(&serde_json::from_str(text).unwrap()));
    }
}

#[test]
fn a_missing_field_is_located_at_the_enclosing_object() {
    let text = mutate(PUBLIC, |v| {
        v["partner"].as_object_mut().unwrap().remove("id");
    });
    let report = check(&text);
    assert_eq!(rules(&report), vec![("missing-required", "/partner/id")]);
    assert_eq!(
        at(&report.diagnostics[0]),
        position_of(&text, "{\n    \"company\"")
    );
    assert!(
        report.diagnostics[0]
            .message
            .contains("Missing required property \"id\""),
        "{}",
        report.diagnostics[0].message
    );
}

#[test]
fn a_wrong_value_is_located_at_the_value() {
    let text = mutate(PUBLIC, |v| v["integrationKind"] = "marketplace".into());
    let report = check(&text);
    assert_eq!(rules(&report), vec![("enum-value", "/integrationKind")]);
    assert_eq!(
        at(&report.diagnostics[0]),
        position_of(&text, "\"marketplace\"")
    );
    assert!(
        report.diagnostics[0].message.contains("\"marketplace\""),
        "{}",
        report.diagnostics[0].message
    );
}

#[test]
fn an_unknown_field_is_located_at_its_key() {
    let text = mutate(PUBLIC, |v| v["expectedLoad"]["perMinute"] = 5.into());
    let report = check(&text);
    assert_eq!(
        rules(&report),
        vec![("unknown-property", "/expectedLoad/perMinute")]
    );
    assert_eq!(
        at(&report.diagnostics[0]),
        position_of(&text, "\"perMinute\"")
    );
}

#[test]
fn invalid_json_is_located() {
    let text = "{\n  \"integrationKind\": \"public\",\n}";
    let report = check(text);
    assert_eq!(rules(&report), vec![("checklist-invalid-json", "")]);
    assert_eq!(
        at(&report.diagnostics[0]),
        position_of(text, ",\n}"),
        "at the trailing comma"
    );
}

#[test]
fn unknown_deprecated_discontinued_and_duplicate_operations() {
    let text = mutate(PUBLIC, |v| {
        let ops = v["operations"].as_array_mut().unwrap();
        ops.push(serde_json::json!({"address": "/api/connector/v1/Configuration/get", "purpose": "typo"}));
        ops.push(serde_json::json!({"address": "/api/connector/v1/reservations/getAll", "purpose": "old"}));
        ops.push(serde_json::json!({"address": "/api/connector/v1/routingRules/getAll", "purpose": "old"}));
        ops.push(serde_json::json!({"address": "/api/connector/v1/configuration/get", "purpose": "again"}));
    });
    let report = check(&text);
    assert_eq!(
        rules(&report),
        vec![
            ("checklist-unknown-operation", "/operations/5/address"),
            ("checklist-discontinued-operation", "/operations/6/address"),
            ("checklist-deprecated-operation", "/operations/7/address"),
            ("checklist-duplicate-operation", "/operations/8/address"),
        ]
    );
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages[0].contains("Did you mean `/api/connector/v1/configuration/get`"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("discontinued on 2025-05-10"),
        "{}",
        messages[1]
    );
    assert!(
        messages[1].contains("`/api/connector/v1/reservations/getAll/2023-06-06`"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].contains("will be discontinued on 2027-01-10"),
        "{}",
        messages[2]
    );
    assert!(!report.valid);
}

#[test]
fn a_deprecated_operation_becomes_discontinued_on_its_date() {
    let text = mutate(PUBLIC, |v| {
        v["operations"] = serde_json::json!([{"address": "/api/connector/v1/routingRules/getAll", "purpose": "x"}]);
    });
    let on = |date: &str| {
        let options = Options {
            date: Some(date.into()),
            ..Options::default()
        };
        validate_checklist(&text, &options)
            .diagnostics
            .into_iter()
            .map(|d| d.rule)
            .collect::<Vec<_>>()
    };
    assert_eq!(on("2027-01-09"), vec!["checklist-deprecated-operation"]);
    assert_eq!(on("2027-01-10"), vec!["checklist-discontinued-operation"]);
}

#[test]
fn expected_load_above_the_limit_is_an_error_and_200_is_not() {
    let text = mutate(PUBLIC, |v| {
        v["expectedLoad"]["peakRequestsPer30s"] = 201.into()
    });
    assert_eq!(
        rules(&check(&text)),
        vec![(
            "checklist-load-above-limit",
            "/expectedLoad/peakRequestsPer30s"
        )]
    );
    let text = mutate(PUBLIC, |v| {
        v["expectedLoad"]["peakRequestsPer30s"] = 200.into()
    });
    assert!(check(&text).diagnostics.is_empty());
}

#[test]
fn a_private_checklist_needs_the_private_journey_items() {
    let text = mutate(PRIVATE, |v| {
        v.as_object_mut().unwrap().remove("privateIntegration");
        v["demoProperty"]["requested"] = false.into();
    });
    let report = check(&text);
    assert_eq!(
        rules(&report),
        vec![
            ("checklist-private-items-missing", "/privateIntegration"),
            ("checklist-private-items-missing", "/demoProperty/requested"),
        ]
    );
    // A public checklist without them is fine.
    let public = mutate(PUBLIC, |v| v["demoProperty"]["requested"] = false.into());
    assert!(check(&public).diagnostics.is_empty());
}

#[test]
fn a_placeholder_client_name_is_an_error() {
    let text = mutate(PUBLIC, |v| {
        v["application"]["client"] = "Sample Client 1.0.0".into()
    });
    let report = check(&text);
    assert_eq!(
        rules(&report),
        vec![("placeholder-client-name", "/application/client")]
    );
    assert_eq!(
        at(&report.diagnostics[0]),
        position_of(&text, "\"Sample Client 1.0.0\"")
    );
}

#[test]
fn more_than_one_webhook_url_is_its_own_error() {
    let text = mutate(PUBLIC, |v| {
        v["webhookUrl"] = serde_json::json!(["https://a.example/h", "https://b.example/h"]);
    });
    assert_eq!(
        rules(&check(&text)),
        vec![("checklist-multiple-webhook-urls", "/webhookUrl")]
    );
}

#[test]
fn severity_overrides_apply() {
    let text = mutate(PUBLIC, |v| {
        v["expectedLoad"]["peakRequestsPer30s"] = 500.into()
    });
    let mut options = options();
    options.rules.insert(
        "checklist-load-above-limit".into(),
        mews_connector_validator::Level::Off,
    );
    assert!(validate_checklist(&text, &options).diagnostics.is_empty());
}

#[test]
fn every_diagnostic_has_docs_and_a_position() {
    let text = mutate(PRIVATE, |v| {
        v["operations"] = serde_json::json!([{"address": "/x", "purpose": ""}]);
        v["contact"] = serde_json::json!({"name": "A", "email": "no-at-sign"});
    });
    let report = check(&text);
    assert!(report.diagnostics.len() >= 3, "{:#?}", report.diagnostics);
    for d in &report.diagnostics {
        assert!(
            d.docs.starts_with("https://docs.mews.com/connector-api/"),
            "{d:?}"
        );
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
    }
}

#[test]
fn a_checklist_with_thousands_of_unknown_fields_is_capped() {
    let fields: Vec<String> = (0..20_000).map(|i| format!("\"field{i}\": {i}")).collect();
    let text = format!("{{{}}}", fields.join(", "));
    let report = check(&text);
    assert!(!report.valid);
    assert_eq!(
        report.diagnostics.len(),
        mews_connector_validator::Options::default()
            .limits
            .max_diagnostics
            + 1
    );
    assert_eq!(
        report.diagnostics.last().map(|d| d.rule.as_str()),
        Some("too-many-diagnostics")
    );
}
