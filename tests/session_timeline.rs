//! The deprecation timeline of readiness and checklist reports, on generated recordings of real
//! catalog operations: deprecated operations called and deprecated properties sent (the docs'
//! own examples), in and out of the 12-month horizon, rendered and schema-checked.

mod common;

use common::*;
use mews_connector_validator::diagnostic::{Deprecation, DeprecationKind, DeprecationStatus};
use mews_connector_validator::render::{json, markdown, plain, text};
use mews_connector_validator::session::{ReadinessReport, analyze_session};
use mews_connector_validator::{Level, Options, operations, validate_checklist};

/// Deprecated, discontinued on 2027-01-10, replaced by billingAutomations/getAll.
const ROUTING_RULES: &str = "/api/connector/v1/routingRules/getAll";
/// Its docs example asks for `Extent.RateGroups` (`RateExtent`), discontinued on 2026-01-10.
const RATES: &str = "/api/connector/v1/rates/getAll";
/// Its docs example sends `RateId` in both blocks (`AvailabilityBlockAddParameters`), deprecated on
/// 2026-06-10 for `TemplateRateId`, no discontinuation date.
const BLOCKS: &str = "/api/connector/v1/availabilityBlocks/add";
const PUBLIC: &str = include_str!("../examples/checklist-public.json");

fn on(date: &str) -> Options {
    Options {
        date: Some(date.to_string()),
        ..Options::default()
    }
}

fn review(calls: &[Call], options: &Options) -> ReadinessReport {
    analyze_session(&ndjson(calls), None, options, &mut |_| {})
}

/// Three calls of routingRules/getAll, one of rates/getAll, two of availabilityBlocks/add and
/// current operations around them.
fn mixed() -> Vec<Call> {
    vec![
        Call::at(0, CONFIGURATION),
        Call::at(1_000, ROUTING_RULES),
        Call::at(2_000, RATES),
        Call::at(3_000, ROUTING_RULES),
        Call::at(4_000, BLOCKS),
        Call::at(5_000, CATEGORIES),
        Call::at(6_000, BLOCKS),
        Call::at(7_000, ROUTING_RULES),
    ]
}

fn entry<'r>(report: &'r [Deprecation], address: &str) -> Option<&'r Deprecation> {
    report.iter().find(|e| e.address == address)
}

fn status_of(report: &ReadinessReport, address: &str) -> Option<DeprecationStatus> {
    entry(&report.deprecations, address).map(|e| e.status)
}

#[test]
fn the_catalog_dates_these_operations_and_properties() {
    let routing = operations()
        .iter()
        .find(|op| op.address == ROUTING_RULES)
        .unwrap();
    assert!(routing.deprecated);
    assert_eq!(routing.discontinued.as_deref(), Some("2027-01-10"));
    let listed = mews_connector_validator::api::catalog::deprecated_properties();
    assert!(listed.iter().any(|p| p.def == "RateExtent"
        && p.property == "RateGroups"
        && p.discontinued.as_deref() == Some("2026-01-10")));
    assert!(
        listed
            .iter()
            .any(|p| p.def == "AvailabilityBlockAddParameters"
                && p.property == "RateId"
                && p.deprecated.as_deref() == Some("2026-06-10")
                && p.discontinued.is_none())
    );
}

#[test]
fn used_deprecated_operations_and_properties_are_listed_with_dates_and_replacements() {
    let report = review(&mixed(), &on("2026-06-01"));
    let addresses: Vec<(&str, Option<&str>)> = report
        .deprecations
        .iter()
        .map(|e| (e.address.as_str(), e.property.as_deref()))
        .collect();
    // By discontinuation date, then the undated.
    assert_eq!(
        addresses,
        [
            (RATES, Some("RateGroups")),
            (ROUTING_RULES, None),
            (BLOCKS, Some("RateId")),
        ]
    );
    let routing = entry(&report.deprecations, ROUTING_RULES).unwrap();
    let routing_docs = &operations()
        .iter()
        .find(|op| op.address == ROUTING_RULES)
        .unwrap()
        .docs;
    assert_eq!(
        *routing,
        Deprecation {
            kind: DeprecationKind::Operation,
            address: ROUTING_RULES.to_string(),
            property: None,
            pointer: None,
            schema_type: None,
            deprecated: None,
            discontinued: Some("2027-01-10".to_string()),
            replacement: Some("/api/connector/v1/billingAutomations/getAll".to_string()),
            docs: routing_docs.clone(),
            uses: 3,
            status: DeprecationStatus::DiscontinuedWithin12Months,
        }
    );
    let blocks = entry(&report.deprecations, BLOCKS).unwrap();
    assert_eq!(blocks.kind, DeprecationKind::Property);
    assert_eq!(
        blocks.pointer.as_deref(),
        Some("/AvailabilityBlocks/0/RateId")
    );
    assert_eq!(
        blocks.schema_type.as_deref(),
        Some("AvailabilityBlockAddParameters")
    );
    assert_eq!(blocks.deprecated.as_deref(), Some("2026-06-10"));
    assert_eq!(blocks.replacement.as_deref(), Some("TemplateRateId"));
    // Two calls, each sending it in two blocks.
    assert_eq!(blocks.uses, 4);
    assert_eq!(blocks.status, DeprecationStatus::DeprecatedNoDate);
    assert!(blocks.docs.starts_with("https://docs.mews.com/"));
    let rates = entry(&report.deprecations, RATES).unwrap();
    assert_eq!(rates.pointer.as_deref(), Some("/Extent/RateGroups"));
    assert_eq!(rates.schema_type.as_deref(), Some("RateExtent"));
    assert_eq!(rates.status, DeprecationStatus::Discontinued);
    // The properties are the ones the deprecated-property rule reports.
    let reported: Vec<&str> = of_rule(&report, "deprecated-property")
        .iter()
        .map(|d| d.pointer.as_str())
        .collect();
    assert!(reported.contains(&"/Extent/RateGroups"), "{reported:?}");
    assert!(
        reported.contains(&"/AvailabilityBlocks/1/RateId"),
        "{reported:?}"
    );
}

#[test]
fn the_horizon_is_exactly_twelve_months() {
    let calls = mixed();
    let at = |date: &str| review(&calls, &on(date));
    use DeprecationStatus::*;
    // routingRules/getAll: discontinued 2027-01-10.
    assert_eq!(status_of(&at("2026-01-09"), ROUTING_RULES), None);
    assert_eq!(
        status_of(&at("2026-01-10"), ROUTING_RULES),
        Some(DiscontinuedWithin12Months)
    );
    assert_eq!(
        status_of(&at("2027-01-09"), ROUTING_RULES),
        Some(DiscontinuedWithin12Months)
    );
    assert_eq!(
        status_of(&at("2027-01-10"), ROUTING_RULES),
        Some(Discontinued)
    );
    // rates/getAll's Extent.RateGroups: discontinued 2026-01-10.
    assert_eq!(status_of(&at("2025-01-09"), RATES), None);
    assert_eq!(
        status_of(&at("2025-01-10"), RATES),
        Some(DiscontinuedWithin12Months)
    );
    assert_eq!(status_of(&at("2026-01-10"), RATES), Some(Discontinued));
    // availabilityBlocks/add's RateId: deprecated 2026-06-10, no discontinuation date.
    assert_eq!(status_of(&at("2025-06-09"), BLOCKS), None);
    assert_eq!(status_of(&at("2025-06-10"), BLOCKS), Some(DeprecatedNoDate));
    assert_eq!(status_of(&at("2030-01-01"), BLOCKS), Some(DeprecatedNoDate));
}

#[test]
fn the_timeline_does_not_follow_rule_severities() {
    let mut options = on("2026-01-10");
    for rule in ["deprecated-operation", "deprecated-property"] {
        options.rules.insert(rule.to_string(), Level::Off);
    }
    let report = review(&mixed(), &options);
    assert!(of_rule(&report, "deprecated-property").is_empty());
    assert_eq!(report.deprecations.len(), 3);
}

#[test]
fn without_a_usable_evaluation_date_the_session_dates_itself_by_its_last_call() {
    // The calls are on 2026-11-23: routingRules/getAll (2027-01-10) is within 12 months of them.
    // A malformed date is reported, and not used.
    let report = review(&mixed(), &on("23/11/2026"));
    assert_eq!(of_rule(&report, "invalid-date-option").len(), 8);
    assert_eq!(
        status_of(&report, ROUTING_RULES),
        Some(DeprecationStatus::DiscontinuedWithin12Months)
    );
    assert_eq!(
        status_of(&report, RATES),
        Some(DeprecationStatus::Discontinued)
    );
}

#[test]
fn a_session_of_current_operations_has_an_empty_timeline() {
    let report = review(
        &[Call::at(0, CONFIGURATION), Call::at(1_000, CATEGORIES)],
        &on("2026-11-23"),
    );
    assert!(report.deprecations.is_empty());
    let rendered: serde_json::Value = serde_json::from_str(&json::readiness(&report)).unwrap();
    assert_eq!(rendered["deprecations"], serde_json::json!([]));
    assert!(
        markdown::readiness(&report, "calls.ndjson")
            .contains("## Deprecation timeline\n\nNo deprecated operation or property is used")
    );
    assert!(!plain::readiness(&report, "calls.ndjson").contains("deprecation timeline"));
}

/// The public example checklist with routingRules/getAll listed too.
fn checklist_with_routing_rules() -> String {
    let mut checklist: serde_json::Value = serde_json::from_str(PUBLIC).unwrap();
    checklist["operations"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"address": ROUTING_RULES, "purpose": "Routing of folio items."}));
    serde_json::to_string_pretty(&checklist).unwrap()
}

#[test]
fn a_checklist_listing_a_deprecated_operation_has_it_on_its_timeline() {
    let text = checklist_with_routing_rules();
    let report = validate_checklist(&text, &on("2026-11-23"));
    assert_eq!(report.deprecations.len(), 1, "{:?}", report.deprecations);
    let routing = &report.deprecations[0];
    assert_eq!(routing.address, ROUTING_RULES);
    assert_eq!(routing.uses, 1);
    assert_eq!(
        routing.status,
        DeprecationStatus::DiscontinuedWithin12Months
    );
    assert!(
        validate_checklist(&text, &on("2025-11-23"))
            .deprecations
            .is_empty()
    );
    // The public example lists current operations only: no timeline, and no field.
    let public = validate_checklist(PUBLIC, &on("2026-11-23"));
    assert!(public.deprecations.is_empty());
    assert!(!json::render(&public).contains("deprecations"));
    // Rendered in every format.
    let rendered = markdown::report(&report, "checklist.json");
    assert!(rendered.contains("## Deprecation timeline"), "{rendered}");
    assert!(rendered.contains("| operation | [`/api/connector/v1/routingRules/getAll`]("));
    let rendered = text::render(&report, "checklist.json", &text);
    assert!(
        rendered.contains(
            "deprecation timeline:\n  operation /api/connector/v1/routingRules/getAll: discontinued on 2027-01-10 (discontinued within 12 months); use /api/connector/v1/billingAutomations/getAll; 1 use\n"
        ),
        "{rendered}"
    );
    // A session's own checklist report carries the same timeline.
    let session = analyze_session(
        &ndjson(&mixed()),
        Some(&text),
        &on("2026-11-23"),
        &mut |_| {},
    );
    assert_eq!(session.checklist.unwrap().deprecations, report.deprecations);
}

fn validator(schema: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(schema).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn errors(validator: &jsonschema::Validator, json: &str) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(json).unwrap();
    validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path().as_str()))
        .collect()
}

#[test]
fn the_json_timelines_match_the_schemas() {
    let readiness = validator(include_str!("../schemas/readiness-report.schema.json"));
    let checklist = checklist_with_routing_rules();
    for date in ["2025-06-01", "2026-01-10", "2027-06-01"] {
        let report = analyze_session(&ndjson(&mixed()), Some(&checklist), &on(date), &mut |_| {});
        assert!(!report.deprecations.is_empty());
        let found = errors(&readiness, &json::readiness(&report));
        assert!(found.is_empty(), "{date}: {found:#?}");
    }
    let report = validator(include_str!("../schemas/report.schema.json"));
    let checked = validate_checklist(&checklist, &on("2026-11-23"));
    assert!(!checked.deprecations.is_empty());
    let found = errors(&report, &json::render(&checked));
    assert!(found.is_empty(), "{found:#?}");
    // The schema holds the field to its shape.
    let mut broken: serde_json::Value = serde_json::from_str(&json::render(&checked)).unwrap();
    broken["deprecations"][0]["status"] = "soon".into();
    assert!(!report.is_valid(&broken));
}

#[test]
fn the_sections_render_in_markdown_and_text() {
    let report = review(&mixed(), &on("2026-01-10"));
    let rendered = markdown::readiness(&report, "calls.ndjson");
    let start = rendered.find("## Deprecation timeline").unwrap();
    let end = start + rendered[start..].find("\n## ").unwrap();
    insta::assert_snapshot!("markdown", &rendered[start..end]);
    let rendered = plain::readiness(&report, "calls.ndjson");
    let start = rendered.find("deprecation timeline:").unwrap();
    let end = rendered
        .rfind("\nnot ready")
        .or(rendered.rfind("\nready"))
        .unwrap();
    insta::assert_snapshot!("text", &rendered[start..end]);
}

#[test]
fn the_json_reports_carry_every_timeline_entry() {
    let checklist = checklist_with_routing_rules();
    let checked = validate_checklist(&checklist, &on("2026-11-23"));
    let rendered: serde_json::Value = serde_json::from_str(&json::render(&checked)).unwrap();
    assert_eq!(
        rendered["deprecations"],
        serde_json::to_value(&checked.deprecations).unwrap()
    );
    let session = analyze_session(
        &ndjson(&mixed()),
        Some(&checklist),
        &on("2026-11-23"),
        &mut |_| {},
    );
    assert_eq!(session.deprecations.len(), 3);
    let rendered: serde_json::Value = serde_json::from_str(&json::readiness(&session)).unwrap();
    assert_eq!(
        rendered["deprecations"],
        serde_json::to_value(&session.deprecations).unwrap()
    );
    assert_eq!(
        rendered["checklist"]["deprecations"],
        serde_json::to_value(&checked.deprecations).unwrap()
    );
}
