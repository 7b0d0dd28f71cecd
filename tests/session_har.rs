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
    assert!(
        failing[0].message.starts_with("The only call of"),
        "{}",
        failing[0].message
    );
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
    let demo_tokens: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "demo-token")
        .collect();
    // Every one of the 4 calls uses the public demo tokens: each notice (ClientToken, AccessToken)
    // is listed once, at the first call, with the count of the calls that repeated it.
    assert_eq!(
        demo_tokens
            .iter()
            .map(|d| (d.call, d.time.is_some()))
            .collect::<Vec<_>>(),
        vec![(Some(0), true), (Some(0), true)]
    );
    for notice in demo_tokens {
        assert!(
            notice
                .message
                .ends_with("(Repeated in 3 later call(s), listed once.)"),
            "{}",
            notice.message
        );
    }
    // Errors are listed for every call they occur in: two calls lack `Extent`.
    let missing: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "missing-required")
        .map(|d| (d.call, d.time.is_some()))
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing.iter().all(|&(call, time)| call.is_some() && time));
}

/// A HAR entry as Firefox and mitmproxy write them: local-offset times, lower-case header names.
fn entry(started: &str, status: u16, headers: &str) -> String {
    let body = common::body(common::CONFIGURATION, common::TOKEN, common::CLIENT).to_string();
    format!(
        r#"{{"startedDateTime": "{started}", "time": 250, "request": {{"method": "POST", "url": "https://api.mews-demo.com{}", "headers": [{{"name": "content-type", "value": "application/json"}}], "postData": {{"mimeType": "application/json", "text": {}}}}}, "response": {{"status": {status}, "headers": [{headers}], "content": {{"size": 0, "mimeType": "application/json"}}}}}}"#,
        common::CONFIGURATION,
        serde_json::to_string(&body).unwrap()
    )
}

#[test]
fn firefox_and_mitmproxy_style_entries_are_read() {
    let retry = r#"{"name": "retry-after", "value": "3"}"#;
    let har = |second_start: &str| {
        format!(
            "{{\"log\": {{\"version\": \"1.2\", \"creator\": {{\"name\": \"Firefox\"}}, \"entries\": [{}, {}]}}}}",
            entry("2026-11-23T11:00:00.000+01:00", 429, retry),
            entry(second_start, 200, "")
        )
    };
    // 429 answered at 10:00:00.250Z; Retry-After 3 s → not before 10:00:03.250Z.
    let early = analyze(&har("2026-11-23T10:00:02.000Z"), None);
    assert_eq!(early.summary.calls, 2);
    assert_eq!(of_rule(&early, "retry-after-ignored").len(), 1);
    let patient = analyze(&har("2026-11-23T11:00:03.250+01:00"), None);
    assert!(of_rule(&patient, "retry-after-ignored").is_empty());
    // 3.1 s after the request started is 2.85 s after the response ended: the entry's `time`
    // (250 ms) counts.
    let short = analyze(&har("2026-11-23T10:00:03.100Z"), None);
    assert_eq!(of_rule(&short, "retry-after-ignored").len(), 1);
}

#[test]
fn retry_after_is_read_by_its_name_among_the_other_headers() {
    let har = |headers: &str| {
        format!(
            "{{\"log\": {{\"version\": \"1.2\", \"creator\": {{\"name\": \"Firefox\"}}, \"entries\": [{}, {}]}}}}",
            entry("2026-11-23T10:00:00.000Z", 429, headers),
            entry("2026-11-23T10:00:01.000Z", 200, "")
        )
    };
    let length = r#"{"name": "content-length", "value": "60"}"#;
    // No Retry-After: the other header's value is no wait to keep.
    let unasked = analyze(&har(length), None);
    assert_eq!(unasked.summary.calls, 2);
    assert!(of_rule(&unasked, "retry-after-ignored").is_empty());
    // After another header, the Retry-After of 30 s is the wait asked.
    let asked = analyze(
        &har(&format!(
            r#"{length}, {{"name": "Retry-After", "value": "30"}}"#
        )),
        None,
    );
    let ignored = of_rule(&asked, "retry-after-ignored");
    assert_eq!(ignored.len(), 1);
    assert!(
        ignored[0].message.contains("to wait 30.000 s"),
        "{}",
        ignored[0].message
    );
}

#[test]
fn the_table_counts_the_findings_the_list_shows() {
    let report = analyze(RECORDED, None);
    let per_row: usize = report.operations.iter().map(|row| row.diagnostics).sum();
    let listed_about_calls = report
        .diagnostics
        .iter()
        .filter(|d| d.call.is_some())
        .count();
    // The demo-token notices of the four calls are listed once (with a count), so counted once.
    assert_eq!(per_row, listed_about_calls);
    assert_eq!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "demo-token")
            .count(),
        2
    );
}
