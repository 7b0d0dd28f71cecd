//! Rate limit, retries, client names and hosts across the calls of generated sessions.

mod common;

use common::*;

#[test]
fn exactly_200_calls_in_30_seconds_is_within_the_limit() {
    let report = analyze(&ndjson(&evenly(200, 0, 29_999)), None);
    assert!(of_rule(&report, "rate-limit-exceeded").is_empty());
    assert_eq!(report.rate_profiles.len(), 1);
    assert_eq!(report.rate_profiles[0].peak, 200);
    assert_eq!(report.rate_profiles[0].access_token, "C66E…");
    assert_eq!(report.summary.calls, 200);
}

#[test]
fn call_201_within_30_seconds_exceeds_the_limit_once() {
    let report = analyze(&ndjson(&evenly(201, 0, 29_999)), None);
    let found = of_rule(&report, "rate-limit-exceeded");
    assert_eq!(found.len(), 1, "{found:#?}");
    let burst = found[0];
    assert_eq!(burst.call, Some(200));
    assert_eq!(burst.line, 201, "located at the 201st line");
    assert!(
        burst.message.contains("Found 201 requests"),
        "{}",
        burst.message
    );
    assert!(
        burst.message.contains("2026-11-23T10:00:00"),
        "{}",
        burst.message
    );
    assert!(!burst.message.contains(TOKEN), "the token is masked");
    assert!(!report.valid);
    let profile = &report.rate_profiles[0];
    assert_eq!((profile.peak, profile.bursts.len()), (201, 1));
    assert_eq!(profile.bursts[0].count, 201);
    // The operation's row counts the findings the list shows about its calls: the two demo-token
    // notices (listed once each, with the count of the 200 later calls), the burst, and the
    // configuration fetched 201 times with the same body (`cache-static-data`).
    let listed_about_calls = report
        .diagnostics
        .iter()
        .filter(|d| d.call.is_some())
        .count();
    assert_eq!(listed_about_calls, 2 + 1 + 1);
    assert_eq!(report.operations[0].diagnostics, listed_about_calls);
}

#[test]
fn the_window_slides_a_call_exactly_30_seconds_later_starts_a_new_one() {
    let mut calls = evenly(200, 0, 1_000);
    calls.push(Call::at(30_000, CONFIGURATION));
    let report = analyze(&ndjson(&calls), None);
    assert!(of_rule(&report, "rate-limit-exceeded").is_empty());
    assert_eq!(report.rate_profiles[0].peak, 200);

    // But one millisecond earlier the first call is still in the window.
    calls.last_mut().unwrap().ms = T0 + 29_999;
    let report = analyze(&ndjson(&calls), None);
    assert_eq!(of_rule(&report, "rate-limit-exceeded").len(), 1);
}

#[test]
fn limits_are_per_access_token() {
    let mut calls = evenly(150, 0, 10_000);
    calls.extend(
        evenly(150, 0, 10_000)
            .into_iter()
            .map(|c| c.token(OTHER_TOKEN)),
    );
    let report = analyze(&ndjson(&calls), None);
    assert!(of_rule(&report, "rate-limit-exceeded").is_empty());
    let peaks: Vec<_> = report.rate_profiles.iter().map(|p| p.peak).collect();
    assert_eq!(peaks, vec![150, 150]);
}

#[test]
fn two_separate_bursts_are_two_errors() {
    let mut calls = evenly(250, 0, 10_000);
    calls.extend(evenly(220, 120_000, 10_000));
    let report = analyze(&ndjson(&calls), None);
    let counts: Vec<_> = report.rate_profiles[0]
        .bursts
        .iter()
        .map(|b| b.count)
        .collect();
    assert_eq!(counts, vec![250, 220]);
    assert_eq!(of_rule(&report, "rate-limit-exceeded").len(), 2);
}

#[test]
fn out_of_order_entries_are_counted_in_time_order() {
    let mut calls = evenly(201, 0, 29_999);
    calls.reverse();
    let report = analyze(&ndjson(&calls), None);
    assert_eq!(report.rate_profiles[0].peak, 201);
    assert_eq!(of_rule(&report, "rate-limit-exceeded").len(), 1);
}

#[test]
fn the_series_has_one_bucket_per_active_second() {
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(400, CONFIGURATION),
        Call::at(2_100, CONFIGURATION),
    ];
    let report = analyze(&ndjson(&calls), None);
    let series: Vec<_> = report.rate_profiles[0]
        .series
        .iter()
        .map(|b| (b.second - T0 / 1000, b.requests, b.window_peak))
        .collect();
    assert_eq!(series, vec![(0, 2, 2), (2, 1, 3)]);
}

#[test]
fn a_call_before_retry_after_elapsed_is_an_error() {
    let calls = vec![
        Call::at(0, CONFIGURATION).status(429).retry_after("10"),
        Call::at(2_000, CONFIGURATION),
    ];
    let report = analyze(&ndjson(&calls), None);
    let found = of_rule(&report, "retry-after-ignored");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].call, found[0].line), (Some(1), 2));
    assert!(found[0].message.contains("2.000 s"), "{}", found[0].message);
    assert!(
        found[0].message.contains("10.000 s"),
        "{}",
        found[0].message
    );
}

#[test]
fn waiting_out_retry_after_is_fine() {
    let calls = vec![
        Call::at(0, CONFIGURATION).status(429).retry_after("10"),
        Call::at(10_000, CONFIGURATION),
    ];
    let report = analyze(&ndjson(&calls), None);
    assert!(of_rule(&report, "retry-after-ignored").is_empty());
    assert!(of_rule(&report, "fixed-interval-retry").is_empty());
}

#[test]
fn retry_after_as_an_http_date_is_honoured() {
    let calls = vec![
        Call::at(0, CONFIGURATION)
            .status(429)
            .retry_after("Mon, 23 Nov 2026 10:00:05 GMT"),
        Call::at(3_000, CONFIGURATION),
    ];
    let report = analyze(&ndjson(&calls), None);
    assert_eq!(of_rule(&report, "retry-after-ignored").len(), 1);
}

#[test]
fn fixed_interval_retries_without_retry_after_are_a_warning() {
    let calls = vec![
        Call::at(0, CONFIGURATION).status(429),
        Call::at(1_000, CONFIGURATION).status(429),
        Call::at(2_000, CONFIGURATION).status(429),
        Call::at(3_000, CONFIGURATION),
    ];
    let report = analyze(&ndjson(&calls), None);
    let found = of_rule(&report, "fixed-interval-retry");
    assert_eq!(found.len(), 1, "one warning per run of retries");
    assert_eq!(found[0].call, Some(2));
    assert_eq!(
        found[0].severity,
        mews_connector_validator::Severity::Warning
    );
}

#[test]
fn exponential_backoff_is_not_a_fixed_interval() {
    let calls = vec![
        Call::at(0, CONFIGURATION).status(429),
        Call::at(1_000, CONFIGURATION).status(429),
        Call::at(3_000, CONFIGURATION).status(429),
        Call::at(7_000, CONFIGURATION),
    ];
    let report = analyze(&ndjson(&calls), None);
    assert!(of_rule(&report, "fixed-interval-retry").is_empty());
    assert!(of_rule(&report, "retry-after-ignored").is_empty());
}

#[test]
fn more_than_one_client_name_is_an_error() {
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(1_000, CONFIGURATION).client("brightkeep-dev"),
    ];
    let report = analyze(&ndjson(&calls), None);
    let found = of_rule(&report, "multiple-client-names");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("\"brightkeep-dev\" (1 calls)"),
        "{}",
        found[0].message
    );
    assert_eq!(report.summary.client_names.len(), 2);
}

#[test]
fn a_new_client_name_on_every_call_names_five_and_counts_the_rest() {
    let calls: Vec<Call> = (0..40)
        .map(|i| Call::at(i * 1_000, CONFIGURATION).client(&format!("Brightkeep build {i} 1.0")))
        .collect();
    let report = analyze(&ndjson(&calls), None);
    let found = of_rule(&report, "multiple-client-names");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.starts_with("Found 40 `Client` names"),
        "{}",
        found[0].message
    );
    assert!(
        found[0].message.contains(" and 35 more;"),
        "{}",
        found[0].message
    );
    assert_eq!(found[0].message.matches("(1 calls)").count(), 5);
}

#[test]
fn a_placeholder_client_name_is_an_error() {
    let calls = vec![Call::at(0, CONFIGURATION).client("Sample Client 1.0.0")];
    let report = analyze(&ndjson(&calls), None);
    assert_eq!(of_rule(&report, "placeholder-client-name").len(), 1);
    assert!(!report.valid);
}

#[test]
fn production_calls_in_a_demo_review_are_an_error() {
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(1_000, CONFIGURATION).host("https://api.mews.com"),
        Call::at(2_000, CONFIGURATION).host("https://api.mews.com"),
    ];
    let report = analyze(&ndjson(&calls), None);
    let found = of_rule(&report, "production-host-in-demo");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].call, found[0].line), (Some(1), 2));
    assert!(
        found[0].message.starts_with("2 calls"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_operation_that_never_succeeds_is_a_warning() {
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(1_000, CATEGORIES).status(400),
        Call::at(2_000, CATEGORIES).status(408),
    ];
    let report = analyze(&ndjson(&calls), None);
    let found = of_rule(&report, "operation-always-failing");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains(CATEGORIES));
    assert!(
        found[0].message.starts_with("All 2 calls of"),
        "{}",
        found[0].message
    );
    let row = report
        .operations
        .iter()
        .find(|r| r.address == CATEGORIES)
        .unwrap();
    assert_eq!((row.calls, row.successes, row.failures), (2, 0, 2));
}

#[test]
fn other_traffic_is_ignored_and_counted() {
    let mut text = ndjson(&[Call::at(0, CONFIGURATION)]);
    text.push_str(&format!(
        "{{\"time\": \"{}\", \"address\": \"https://app.mews-demo.com/static/app.js\", \"status\": 200}}\n",
        iso(T0 + 10)
    ));
    let report = analyze(&text, None);
    assert_eq!((report.summary.calls, report.summary.ignored), (1, 1));
}

#[test]
fn a_clean_session_is_ready() {
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(5_000, CONFIGURATION).status(429).retry_after("2"),
        Call::at(7_500, CONFIGURATION),
    ];
    let report = analyze(&ndjson(&calls), None);
    assert!(report.valid, "{:#?}", report.diagnostics);
    assert_eq!(
        report.verdict,
        mews_connector_validator::session::Verdict::Ready
    );
    assert_eq!(report.counts.errors, 0);
}

#[test]
fn request_findings_beyond_the_first_thousand_are_counted_not_listed() {
    // Every call sends an empty `Client`: errors, which are listed per call (infos and warnings
    // are listed once with a count).
    let calls: Vec<Call> = evenly(1200, 0, 1_200_000)
        .into_iter()
        .map(|call| call.client(""))
        .collect();
    let report = analyze(&ndjson(&calls), None);
    // A report lists at most 1000 findings and one summary of the rest.
    let truncated = of_rule(&report, "diagnostics-truncated");
    assert_eq!(truncated.len(), 1);
    assert_eq!(report.diagnostics.len(), 1000 + 1);
    // Request findings: raised by the engine's schema and conformance rules for a call.
    let listed: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.call.is_some())
        .filter(|d| {
            mews_connector_validator::rules::SCHEMA_RULES
                .iter()
                .chain(mews_connector_validator::rules::CONFORMANCE_RULES)
                .any(|rule| rule.id() == d.rule)
        })
        .map(|d| d.rule.as_str())
        .collect();
    // Per call: one error (the empty `Client`) and two demo-token notices, listed once with a
    // count. The report is full of errors (the few session findings among them): the notices and
    // their repeats are counted, not listed.
    assert!(listed.iter().all(|rule| *rule == "string-length"));
    let session_findings = report.diagnostics.len() - 1 - listed.len();
    assert!(session_findings < 5, "{session_findings}");
    let unlisted_errors = 1200 - listed.len();
    assert!(
        truncated[0].message.starts_with(&format!(
            "{} more findings are not listed (a report lists at most 1000, the most severe first, the option `limits.maxDiagnostics`): 2400 demo-token, {unlisted_errors} string-length, 1 cache-static-data;",
            unlisted_errors + 2400 + 1
        )),
        "{}",
        truncated[0].message
    );
    // The table counts what the list shows about the calls, plus the 202 errors and the
    // `cache-static-data` warning only counted.
    let listed_about_calls = report
        .diagnostics
        .iter()
        .filter(|d| d.call.is_some())
        .count();
    assert_eq!(
        report.operations[0].diagnostics,
        listed_about_calls + 202 + 1
    );
}

#[test]
fn each_host_is_listed_once_in_the_order_first_called() {
    // A path without a host (NDJSON allows it) adds none.
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(1_000, CONFIGURATION).host(""),
        Call::at(2_000, CONFIGURATION).host("https://api.mews.com"),
        Call::at(3_000, CONFIGURATION),
        Call::at(4_000, CONFIGURATION).host("https://api.mews.com"),
    ];
    let report = analyze(&ndjson(&calls), None);
    assert_eq!(report.summary.calls, 5);
    assert_eq!(
        report.summary.hosts,
        vec!["api.mews-demo.com", "api.mews.com"]
    );
}
