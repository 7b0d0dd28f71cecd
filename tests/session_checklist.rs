//! Cross-check of a session with the checklist: coverage gaps, undeclared operations, declared
//! load and client name.

mod common;

use common::*;

const PUBLIC: &str = include_str!("../examples/checklist-public.json");

/// The public example checklist with its operations replaced by `addresses`.
fn checklist(addresses: &[&str], peak: u64) -> String {
    let mut value: serde_json::Value = serde_json::from_str(PUBLIC).unwrap();
    value["operations"] = addresses
        .iter()
        .map(|a| serde_json::json!({"address": a, "purpose": "tested"}))
        .collect();
    value["expectedLoad"]["peakRequestsPer30s"] = peak.into();
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn a_session_covering_exactly_the_declared_operations_is_ready() {
    let calls = vec![Call::at(0, CONFIGURATION), Call::at(1_000, CATEGORIES)];
    let list = checklist(&[CONFIGURATION, CATEGORIES], 40);
    let report = analyze(&ndjson(&calls), Some(&list));
    let session_rules: Vec<_> = report
        .diagnostics
        .iter()
        .chain(report.checklist.iter().flat_map(|c| c.diagnostics.iter()))
        .filter(|d| {
            mews_connector_validator::rules::SESSION_RULES
                .iter()
                .any(|r| r.id() == d.rule)
        })
        .collect();
    assert!(session_rules.is_empty(), "{session_rules:#?}");
    assert!(report.operations.iter().all(|r| r.declared == Some(true)));
    assert_eq!(report.rate_profiles[0].declared_peak, Some(40));
    assert!(report.valid, "{:#?}", report.diagnostics);
}

#[test]
fn a_listed_operation_without_a_successful_call_is_not_tested() {
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(1_000, CATEGORIES).status(400),
    ];
    let list = checklist(
        &[
            CONFIGURATION,
            CATEGORIES,
            "/api/connector/v1/resources/update",
        ],
        40,
    );
    let report = analyze(&ndjson(&calls), Some(&list));
    let found = of_rule(&report, "operation-not-tested");
    let messages: Vec<_> = found
        .iter()
        .map(|d| (d.pointer.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert_eq!(messages[0].0, "/operations/1/address");
    assert!(messages[0].1.contains("1 calls, none successful"));
    assert_eq!(messages[1].0, "/operations/2/address");
    assert!(messages[1].1.contains("no call"));
    // Located in the checklist, at the listed address.
    let line = list
        .lines()
        .position(|l| l.contains("\"address\": \"/api/connector/v1/resources/update\""))
        .unwrap() as u32
        + 1;
    assert_eq!(found[1].line, line);
    assert!(
        report
            .checklist
            .as_ref()
            .unwrap()
            .diagnostics
            .iter()
            .any(|d| d.rule == "operation-not-tested")
    );
    assert!(!report.valid);
}

#[test]
fn a_called_operation_missing_from_the_checklist_is_not_declared() {
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(1_000, CATEGORIES),
        Call::at(2_000, CATEGORIES),
    ];
    let report = analyze(&ndjson(&calls), Some(&checklist(&[CONFIGURATION], 40)));
    let found = of_rule(&report, "operation-not-declared");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].call, found[0].line),
        (Some(1), 2),
        "at the first call"
    );
    assert!(found[0].message.contains("called 2 times"));
    let row = report
        .operations
        .iter()
        .find(|r| r.address == CATEGORIES)
        .unwrap();
    assert_eq!(row.declared, Some(false));
}

#[test]
fn a_measured_peak_above_the_declared_load_is_a_warning() {
    let calls = evenly(60, 0, 20_000);
    let report = analyze(&ndjson(&calls), Some(&checklist(&[CONFIGURATION], 40)));
    let found = of_rule(&report, "load-above-declared");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("Measured 60 requests"),
        "{}",
        found[0].message
    );
    assert_eq!(found[0].call, Some(59));

    let report = analyze(&ndjson(&calls), Some(&checklist(&[CONFIGURATION], 60)));
    assert!(of_rule(&report, "load-above-declared").is_empty());
}

#[test]
fn a_declared_load_written_as_a_whole_decimal_or_an_exponent_is_that_number() {
    let calls = evenly(60, 0, 20_000);
    let written_as = |number: &str| {
        checklist(&[CONFIGURATION], 60).replace(
            "\"peakRequestsPer30s\": 60",
            &format!("\"peakRequestsPer30s\": {number}"),
        )
    };
    for number in ["60.0", "6e1", "6.0E1"] {
        let report = analyze(&ndjson(&calls), Some(&written_as(number)));
        assert_eq!(report.rate_profiles[0].declared_peak, Some(60), "{number}");
        assert!(
            of_rule(&report, "load-above-declared").is_empty(),
            "{number}"
        );
    }
    // Not a whole number of requests: there is no declared peak to compare with.
    for number in ["59.5", "-60.0"] {
        let report = analyze(&ndjson(&calls), Some(&written_as(number)));
        assert_eq!(report.rate_profiles[0].declared_peak, None, "{number}");
    }
}

#[test]
fn calls_must_use_the_declared_client_name() {
    let calls = vec![Call::at(0, CONFIGURATION).client("Brightkeep Housekeeping 3.1.9")];
    let report = analyze(&ndjson(&calls), Some(&checklist(&[CONFIGURATION], 40)));
    let found = of_rule(&report, "client-name-not-declared");
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .message
            .contains("\"Brightkeep Housekeeping 3.2.0\"")
    );
}

#[test]
fn checklist_problems_make_the_session_not_ready() {
    let calls = vec![Call::at(0, CONFIGURATION)];
    let report = analyze(&ndjson(&calls), Some("{\"integrationKind\": \"public\"}"));
    let checklist = report.checklist.as_ref().unwrap();
    assert!(!checklist.valid);
    assert!(!report.valid);
    assert_eq!(
        report.counts.errors,
        checklist.diagnostics.len()
            + report
                .diagnostics
                .iter()
                .filter(|d| d.severity == mews_connector_validator::Severity::Error)
                .count()
    );
}
