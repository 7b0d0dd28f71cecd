//! Address resolution over the whole catalog: exact paths and full URLs resolve; case and
//! trailing-slash variants are errors naming the real address, and the body is still checked.

mod engine_support;

use engine_support::*;
use mews_connector_validator::{Options, pipeline};

#[test]
fn every_operation_resolves_from_its_path_and_its_url() {
    for op in operations() {
        for address in [
            op.address.clone(),
            format!("https://api.mews-demo.com{}", op.address),
            format!("https://api.mews.com{}?trace=1#x", op.address),
        ] {
            let report = pipeline::validate_request(&address, "{}", &Options::default());
            assert_eq!(
                report.operation.as_ref().map(|o| &o.address),
                Some(&op.address),
                "{address}"
            );
            assert!(
                !report.diagnostics.iter().any(|d| [
                    "unknown-operation",
                    "path-case-mismatch",
                    "trailing-slash"
                ]
                .contains(&d.rule.as_str())),
                "{address}"
            );
        }
    }
}

#[test]
fn case_and_trailing_slash_variants_name_the_real_address() {
    for op in operations() {
        let upper = op.address.to_uppercase();
        let report = pipeline::validate_request(&upper, "{}", &Options::default());
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.rule == "path-case-mismatch")
            .expect(&upper);
        assert!(d.message.contains(&op.address));
        let slash = format!("{}/", op.address);
        let report = pipeline::validate_request(&slash, "{}", &Options::default());
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.rule == "trailing-slash")
            .expect(&slash);
        assert!(d.message.contains(&op.address));
        // The body is still checked against the operation.
        if op.request.is_some() {
            assert!(
                report
                    .diagnostics
                    .iter()
                    .any(|d| d.rule == "missing-required"),
                "{slash}"
            );
        }
    }
}

#[test]
fn deprecated_and_restricted_operations_say_so() {
    let deprecated = operations()
        .iter()
        .filter(|op| op.deprecated)
        .collect::<Vec<_>>();
    assert!(!deprecated.is_empty());
    for op in deprecated {
        let report = pipeline::validate_request(&op.address, "{}", &Options::default());
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.rule == "deprecated-operation")
            .unwrap();
        assert_eq!(d.severity, mews_connector_validator::Severity::Warning);
        if let Some(replacement) = &op.replacement {
            assert!(d.message.contains(replacement.as_str()));
        }
        if let Some(date) = &op.discontinued {
            assert!(d.message.contains(date.as_str()));
        }
    }
    for op in operations().iter().filter(|op| op.restricted) {
        let report = pipeline::validate_response(&op.address, "{}", &Options::default());
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.rule == "restricted-operation")
        );
    }
}

#[test]
fn an_address_alone_gets_its_own_findings_and_no_body_findings() {
    let deprecated = mews_connector_validator::operations()
        .iter()
        .find(|op| op.deprecated)
        .expect("a deprecated operation");
    let report = pipeline::check_address(&format!("{}/", deprecated.address), &Options::default());
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(rules, ["deprecated-operation", "trailing-slash"]);
    assert_eq!(
        report.operation.as_ref().map(|op| op.address.as_str()),
        Some(deprecated.address.as_str())
    );
}
