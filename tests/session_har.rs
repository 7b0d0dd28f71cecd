//! A HAR recorded by headless Chromium (Playwright `recordHar`) against a local mock of the
//! Connector API (`tests/data/record_har.mjs`): the page load is ignored, the four API calls are
//! reviewed, the 429 was waited out as its `Retry-After` asked.

mod common;

use common::{analyze, of_rule};

const RECORDED: &str = include_str!("data/chromium-mock-session.har");

#[test]
fn reads_the_calls_of_a_real_chromium_har() {
    let report = analyze(RECORDED, None);
    let summary = &report.summary;
    assert_eq!(summary.format.as_deref(), Some("har"));
    assert_eq!(
        (
            summary.entries,
            summary.calls,
            summary.ignored,
            summary.unreadable
        ),
        (5, 4, 1, 0)
    );
    assert_eq!(summary.client_names, vec!["Brightkeep Housekeeping 3.2.0"]);
    assert_eq!(summary.hosts, vec!["127.0.0.1"]);

    let rows: Vec<_> = report
        .operations
        .iter()
        .map(|r| (r.address.as_str(), r.calls, r.successes, r.failures))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("/api/connector/v1/configuration/get", 1, 1, 0),
            ("/api/connector/v1/resourceCategories/getAll", 1, 0, 1),
            ("/api/connector/v1/resources/getAll", 2, 1, 1),
        ]
    );
    let profile = &report.rate_profiles[0];
    assert_eq!(
        (profile.access_token.as_str(), profile.calls, profile.peak),
        ("C66E…", 4, 4)
    );
}

#[test]
fn the_recorded_retry_honoured_retry_after() {
    let report = analyze(RECORDED, None);
    assert!(of_rule(&report, "retry-after-ignored").is_empty());
    assert!(of_rule(&report, "fixed-interval-retry").is_empty());
}

#[test]
fn the_mock_rejected_operation_is_reported_at_its_entry() {
    let report = analyze(RECORDED, None);
    let failing = of_rule(&report, "operation-always-failing");
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0].pointer, "/log/entries/4");
    assert_eq!(failing[0].line, 1, "Playwright writes the HAR on one line");
    let offset = RECORDED.find("{\"pageref\"").unwrap();
    let fifth = RECORDED[offset + 1..]
        .match_indices("{\"pageref\"")
        .nth(3)
        .map(|(i, _)| offset + 1 + i)
        .unwrap();
    assert_eq!(
        failing[0].column as usize,
        fifth + 1,
        "column of the fifth entry"
    );
}

#[test]
fn request_diagnostics_keep_the_call_index_and_time() {
    let report = analyze(RECORDED, None);
    let per_call: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "demo-token")
        .map(|d| (d.call, d.time.is_some()))
        .collect();
    // Every call uses the public demo tokens: two findings (ClientToken, AccessToken) per call.
    assert_eq!(
        per_call,
        vec![
            (Some(0), true),
            (Some(0), true),
            (Some(1), true),
            (Some(1), true),
            (Some(2), true),
            (Some(2), true),
            (Some(3), true),
            (Some(3), true)
        ]
    );
}
