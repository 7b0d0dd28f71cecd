//! Hostile inputs through every entry point of the public API, each with the exact rule ids a
//! user gets for it (the distinct ids, sorted), within a bounded time, with every position inside
//! the text it points into and no output showing 12 characters of a token.
//!
//! - Recordings, one test each: out-of-order, merged and concurrent sessions, ANSI and other
//!   control characters, absurd numbers, bogus dates, missing fields, wrong types, truncated and
//!   deeply nested files, 10⁵ entries. Checked through `review`: JSON, readiness JSON and plain.
//! - Tables of cases (`hostile_support`), one per entry point: request and response bodies
//!   (`validate_request_bytes`/`validate_response_bytes`: unknown, huge and control-character
//!   addresses, UTF-16, BOMs, NULs, non-UTF-8, duplicate token keys…), pastes (`validate_input`,
//!   `validate_input_bytes`: Windows cmd `^"` quoting, `-u user:token`, `--data-binary @file`,
//!   bad, huge and duplicate headers…), recordings (HAR and NDJSON fields of every wrong shape,
//!   tokens in query strings and cookies, a hostile checklist beside them) and checklists (wrong
//!   types, unknown operations, huge strings, control characters, absurd loads). Every case is also
//!   rendered in every output format (text, JSON, SARIF, Markdown, GitHub; for recordings JSON,
//!   plain, Markdown, GitHub, JUnit): no token and no raw control character in any.
//!
//! Bounds: each is about 10× what the case took in the debug build on this 2-core machine while
//! another build ran (`HOSTILE_TIMES=1 cargo test --test hostile -- --nocapture` prints them), and
//! at least 2 s. A table case's time covers its review and all its renderings.

mod common;
mod hostile_support;
mod invariants;

use std::time::{Duration, Instant};

use common::*;
use hostile_support::{Input, case};
use invariants::{Lines, assert_no_token_part};
use mews_connector_validator::Report;
use mews_connector_validator::render::{json, plain};
use mews_connector_validator::session::{ReadinessReport, located_in_recording};

const CLIENT_TOKEN: &str = "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D";
const TOKENS: [&str; 3] = [TOKEN, OTHER_TOKEN, CLIENT_TOKEN];

fn seconds(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// Reviews `text` within `bound`, checks that it raises exactly `rules` (distinct, sorted) and
/// what must hold of any session report.
fn review(text: &str, bound: Duration, rules: &[&str]) -> ReadinessReport {
    let started = Instant::now();
    let report = analyze(text, None);
    let elapsed = started.elapsed();
    if std::env::var_os("HOSTILE_TIMES").is_some() {
        eprintln!("{elapsed:>10.1?}  {:?}", std::thread::current().name());
    }
    assert!(elapsed < bound, "took {elapsed:?}, bound {bound:?}");
    let mut found: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    found.sort();
    found.dedup();
    assert_eq!(found, rules, "the rules raised");
    let lines = Lines::of(text);
    for diagnostic in report
        .diagnostics
        .iter()
        .filter(|d| located_in_recording(d))
    {
        lines.assert_inside(diagnostic);
        assert!(
            !diagnostic.message.chars().any(|c| c.is_control()),
            "a raw control character in {:?}",
            diagnostic.message
        );
        assert!(
            !diagnostic.message.contains("-0.") && !diagnostic.message.contains(" -"),
            "a negative figure in {:?}",
            diagnostic.message
        );
    }
    assert!(
        report.diagnostics.len() <= 1001,
        "{}",
        report.diagnostics.len()
    );
    let as_report = Report {
        valid: report.valid,
        operation: None,
        diagnostics: report.diagnostics.clone(),
        deprecations: report.deprecations.clone(),
    };
    assert_no_token_part(
        &TOKENS,
        &[
            ("JSON", &json::render(&as_report)),
            ("readiness JSON", &serde_json::to_string(&report).unwrap()),
            ("plain", &plain::readiness(&report, "recording")),
        ],
    );
    report
}

fn rules_of(report: &ReadinessReport) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.rule.as_str()).collect()
}

fn one(report: &ReadinessReport, rule: &str) -> String {
    let found = of_rule(report, rule);
    assert_eq!(found.len(), 1, "{rule} in {:#?}", report.diagnostics);
    found[0].message.clone()
}

/// A HAR entry of a call of `address` at `ms` after T0, with its JSON body and status.
fn har_entry(ms: i64, address: &str, status: u16, duration: f64) -> serde_json::Value {
    serde_json::json!({
        "startedDateTime": iso(T0 + ms),
        "time": duration,
        "request": {"method": "POST", "url": format!("https://api.mews-demo.com{address}"),
            "postData": {"mimeType": "application/json", "text": body(address, TOKEN, CLIENT).to_string()}},
        "response": {"status": status, "headers": []}
    })
}

fn har(entries: &[serde_json::Value]) -> String {
    serde_json::to_string_pretty(
        &serde_json::json!({"log": {"version": "1.2", "entries": entries}}),
    )
    .unwrap()
}

/// Findings as comparable facts: rule and message (figures included), without call indexes.
fn facts(report: &ReadinessReport) -> Vec<(String, String)> {
    let mut facts: Vec<(String, String)> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule.clone(), d.message.clone()))
        .collect();
    facts.sort();
    facts
}

/// An NDJSON call without a body (the engine's part is then quick: these tests are about timing).
fn bare(ms: i64, status: u16, retry_after: Option<&str>) -> String {
    let headers = match retry_after {
        Some(value) => serde_json::json!({"Retry-After": value}),
        None => serde_json::json!({}),
    };
    serde_json::json!({
        "time": iso(T0 + ms),
        "address": format!("https://api.mews-demo.com{CONFIGURATION}"),
        "status": status,
        "responseHeaders": headers,
    })
    .to_string()
        + "\n"
}

/// `count` bare calls spread evenly over `span_ms` from `from_ms`.
fn bare_evenly(count: usize, from_ms: i64, span_ms: i64) -> Vec<String> {
    (0..count)
        .map(|i| bare(from_ms + span_ms * i as i64 / count as i64, 200, None))
        .collect()
}

/// A fixed shuffle (so a failure reproduces).
fn shuffle<T>(items: &mut [T]) {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

// ---- sessions in any order ---------------------------------------------------------------------

#[test]
fn a_shuffled_recording_has_the_findings_of_the_sorted_one() {
    let mut calls = evenly(450, 0, 60_000);
    calls[100] = calls[100].clone().status(429).retry_after("1");
    calls.push(Call::at(61_000, CATEGORIES).status(400));
    let sorted = review(
        &ndjson(&calls),
        seconds(30),
        &[
            "cache-static-data",
            "demo-token",
            "operation-always-failing",
            "rate-limit-exceeded",
            "retry-after-ignored",
        ],
    );
    shuffle(&mut calls);
    let shuffled = review(
        &ndjson(&calls),
        seconds(30),
        &[
            "cache-static-data",
            "demo-token",
            "operation-always-failing",
            "rate-limit-exceeded",
            "retry-after-ignored",
        ],
    );
    assert!(rules_of(&sorted).contains(&"rate-limit-exceeded"));
    assert!(rules_of(&sorted).contains(&"retry-after-ignored"));
    assert_eq!(facts(&shuffled), facts(&sorted));
    let profile = |report: &ReadinessReport| {
        let p = &report.rate_profiles[0];
        let bursts: Vec<_> = p
            .bursts
            .iter()
            .map(|b| (b.window_start.clone(), b.count))
            .collect();
        (
            p.calls,
            p.peak,
            p.peak_window_start.clone(),
            bursts,
            p.series.clone(),
        )
    };
    assert_eq!(profile(&shuffled), profile(&sorted));
    assert_eq!(shuffled.verdict, sorted.verdict);
    assert_eq!(
        (
            shuffled.summary.first_call.clone(),
            shuffled.summary.last_call.clone()
        ),
        (
            sorted.summary.first_call.clone(),
            sorted.summary.last_call.clone()
        )
    );
}

#[test]
fn a_merged_log_listed_late_half_first_has_its_true_peak() {
    // Two halves of 150 calls per 30 s, the later one listed first (a merged log): the old reorder
    // buffer counted 300 in one window.
    let early = bare_evenly(750, 0, 150_000);
    let late = bare_evenly(750, 300_000, 150_000);
    let text = [late, early].concat().concat();
    let report = review(
        &text,
        seconds(13),
        &["diagnostics-truncated", "invalid-json"],
    );
    assert!(of_rule(&report, "rate-limit-exceeded").is_empty());
    assert_eq!(report.rate_profiles[0].peak, 150);
    assert_eq!(report.summary.first_call.as_deref(), Some(iso(T0).as_str()));
}

#[test]
fn twenty_thousand_shuffled_calls_have_the_peak_of_the_sorted_ones() {
    let mut calls = bare_evenly(20_000, 0, 5_040_000);
    let sorted_peak = review(
        &calls.concat(),
        seconds(171),
        &["diagnostics-truncated", "invalid-json"],
    )
    .rate_profiles[0]
        .peak;
    shuffle(&mut calls);
    let report = review(
        &calls.concat(),
        seconds(171),
        &["diagnostics-truncated", "invalid-json"],
    );
    assert_eq!(report.rate_profiles[0].peak, sorted_peak);
    assert!(sorted_peak < 200, "{sorted_peak}");
    assert!(of_rule(&report, "rate-limit-exceeded").is_empty());
}

#[test]
fn a_har_of_two_tabs_interleaved_out_of_order_is_reviewed_in_time_order() {
    let mut entries: Vec<_> = (0..300)
        .map(|i| har_entry(i * 200, CONFIGURATION, 200, 30.0))
        .collect();
    shuffle(&mut entries);
    let report = review(
        &har(&entries),
        seconds(18),
        &["cache-static-data", "demo-token"],
    );
    assert_eq!(report.rate_profiles[0].peak, 150);
    assert!(of_rule(&report, "rate-limit-exceeded").is_empty());
}

#[test]
fn a_call_sent_while_the_429_was_outstanding_is_concurrent_not_a_retry() {
    // The 429 takes 1 s; a call starts 0.6 s after it (before its response): concurrent. The retry
    // 2.5 s after the response honours Retry-After: 2.
    let mut entries = vec![
        har_entry(0, CONFIGURATION, 429, 1_000.0),
        har_entry(600, CONFIGURATION, 200, 50.0),
        har_entry(3_500, CONFIGURATION, 200, 50.0),
    ];
    entries[0]["response"]["headers"] = serde_json::json!([{"name": "Retry-After", "value": "2"}]);
    let report = review(&har(&entries), seconds(2), &["demo-token"]);
    assert!(
        of_rule(&report, "retry-after-ignored").is_empty(),
        "{:#?}",
        report.diagnostics
    );
    assert!(report.valid, "{:#?}", report.diagnostics);
}

#[test]
fn a_retry_too_soon_after_the_response_end_is_measured_from_that_end() {
    let mut entries = vec![
        har_entry(0, CONFIGURATION, 429, 1_000.0),
        har_entry(1_400, CONFIGURATION, 200, 50.0),
    ];
    entries[0]["response"]["headers"] = serde_json::json!([{"name": "retry-after", "value": "2"}]);
    let report = review(
        &har(&entries),
        seconds(2),
        &["demo-token", "retry-after-ignored"],
    );
    let message = one(&report, "retry-after-ignored");
    assert!(
        message.starts_with(
            "This call came 0.400 s after a 429 response that asked (Retry-After) to wait 2.000 s"
        ),
        "{message}"
    );
}

#[test]
fn concurrent_retries_without_retry_after_are_measured_from_each_response_end() {
    // Waits of 1 s after each response end (responses take 0.5 s): a fixed interval.
    let entries = vec![
        har_entry(0, CONFIGURATION, 429, 500.0),
        har_entry(1_500, CONFIGURATION, 429, 500.0),
        har_entry(3_000, CONFIGURATION, 429, 500.0),
        har_entry(4_500, CONFIGURATION, 200, 500.0),
    ];
    let report = review(
        &har(&entries),
        seconds(2),
        &["demo-token", "fixed-interval-retry"],
    );
    let message = one(&report, "fixed-interval-retry");
    assert!(
        message.contains("waited 1.000 s and then 1.000 s"),
        "{message}"
    );
}

#[test]
fn calls_at_equal_times_keep_their_recorded_order() {
    let calls: Vec<Call> = (0..201).map(|_| Call::at(0, CONFIGURATION)).collect();
    let report = review(
        &ndjson(&calls),
        seconds(19),
        &["cache-static-data", "demo-token", "rate-limit-exceeded"],
    );
    let found = of_rule(&report, "rate-limit-exceeded");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].call, Some(200), "the 201st call as recorded");
}

// ---- control characters, absurd numbers, bogus dates -------------------------------------------

#[test]
fn a_megabyte_url_is_shortened_in_the_table_and_on_its_findings() {
    let address = format!("/api/connector/v1/{}", "a".repeat(1_000_000));
    let text = har(&[
        har_entry(0, &address, 200, 50.0),
        har_entry(1_000, CONFIGURATION, 200, 50.0),
    ]);
    let report = review(&text, seconds(20), &["demo-token", "unknown-operation"]);
    let row = report
        .operations
        .iter()
        .find(|row| row.name.is_none())
        .unwrap();
    assert_eq!(row.address.chars().count(), 201, "200 characters and …");
    assert!(row.address.ends_with("aaa…"));
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.address.as_ref().is_none_or(|a| a.len() < 1_000))
    );
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.len() < 50_000, "{} bytes", json.len());
}

#[test]
fn ansi_escapes_in_an_address_are_escaped_in_messages() {
    let address = "/api/connector/v1/\u{1b}[31mconfiguration/get";
    let mut calls = vec![Call::at(0, CONFIGURATION)];
    let mut bad = Call::at(1_000, CONFIGURATION).status(500);
    bad.address = address.into();
    calls.push(bad);
    let report = review(
        &ndjson(&calls),
        seconds(2),
        &[
            "demo-token",
            "operation-always-failing",
            "unknown-operation",
        ],
    );
    let message = one(&report, "operation-always-failing");
    assert!(message.contains("\\u{1b}[31m"), "{message}");
    assert!(rules_of(&report).contains(&"unknown-operation"));
}

#[test]
fn control_characters_in_client_names_are_escaped() {
    let calls = vec![
        Call::at(0, CONFIGURATION),
        Call::at(1_000, CONFIGURATION).client("Brightkeep\u{7}\u{1b}[2J 3.2.0"),
    ];
    let report = review(
        &ndjson(&calls),
        seconds(2),
        &["demo-token", "multiple-client-names"],
    );
    let message = one(&report, "multiple-client-names");
    assert!(message.contains("\\u{7}\\u{1b}[2J"), "{message}");
}

#[test]
fn an_ansi_retry_after_header_is_no_wait_and_no_crash() {
    let calls = vec![
        Call::at(0, CONFIGURATION)
            .status(429)
            .retry_after("\u{1b}[2J5"),
        Call::at(100, CONFIGURATION).status(429),
    ];
    let report = review(
        &ndjson(&calls),
        seconds(2),
        &["demo-token", "operation-always-failing"],
    );
    assert!(of_rule(&report, "retry-after-ignored").is_empty());
    one(&report, "operation-always-failing");
}

#[test]
fn a_duration_too_large_for_a_number_is_named() {
    let mut entry = har_entry(0, CONFIGURATION, 200, 1.0);
    entry["time"] = serde_json::json!(0);
    let text = har(&[entry]).replace("\"time\": 0", "\"time\": 1e400");
    let report = review(
        &text,
        seconds(2),
        &["session-entry-unreadable", "session-no-calls"],
    );
    let message = one(&report, "session-entry-unreadable");
    assert_eq!(
        message,
        "log.entries[0].time: the number is out of range; the entry is skipped."
    );
    let found = of_rule(&report, "session-entry-unreadable")[0];
    let line = text.lines().nth(found.line as usize - 1).unwrap();
    assert!(
        line[found.column as usize - 1..].starts_with("1e400"),
        "{line}"
    );
}

#[test]
fn huge_durations_and_retry_after_values_are_bounded_to_a_day() {
    let mut entries = vec![
        har_entry(0, CONFIGURATION, 429, 1e308),
        har_entry(86_400_500, CONFIGURATION, 200, 1e308),
    ];
    entries[0]["response"]["headers"] =
        serde_json::json!([{"name": "Retry-After", "value": "1e308"}]);
    let report = review(
        &har(&entries),
        seconds(2),
        &["demo-token", "retry-after-ignored"],
    );
    let message = one(&report, "retry-after-ignored");
    assert!(
        message.contains("came 0.500 s after") && message.contains("wait 86400.000 s"),
        "{message}"
    );
}

#[test]
fn a_bogus_date_skips_the_call_with_the_date_quoted() {
    let text = format!(
        "{{\"time\": \"2026-13-45T99:99:99Z\", \"address\": \"{CONFIGURATION}\"}}\n{}\n",
        Call::at(0, CONFIGURATION).line()
    );
    let report = review(
        &text,
        seconds(21),
        &["demo-token", "session-entry-unreadable"],
    );
    let message = one(&report, "session-entry-unreadable");
    assert!(
        message.starts_with("The call's time `2026-13-45T99:99:99Z` is not an RFC 3339 date-time"),
        "{message}"
    );
    assert_eq!(report.summary.calls, 1);
}

#[test]
fn a_megabyte_date_is_quoted_shortened() {
    let text = format!(
        "{{\"time\": \"{}\", \"address\": \"{CONFIGURATION}\"}}\n",
        "9".repeat(1_000_000)
    );
    let report = review(
        &text,
        seconds(2),
        &["session-entry-unreadable", "session-no-calls"],
    );
    let message = one(&report, "session-entry-unreadable");
    assert!(message.len() < 300, "{}", message.len());
}

#[test]
fn many_fraction_digits_are_a_valid_time() {
    let mut entry = har_entry(0, CONFIGURATION, 200, 1.0);
    entry["startedDateTime"] = "2026-11-23T10:00:00.1234567891234Z".into();
    let report = review(&har(&[entry]), seconds(2), &["demo-token"]);
    assert!(
        of_rule(&report, "session-entry-unreadable").is_empty(),
        "{:#?}",
        report.diagnostics
    );
    assert_eq!(report.summary.calls, 1);
}

// ---- missing fields and wrong types ------------------------------------------------------------

#[test]
fn a_url_of_the_wrong_type_is_named_with_its_file_position() {
    let mut entries: Vec<_> = (0..4)
        .map(|i| har_entry(i * 1_000, CONFIGURATION, 200, 1.0))
        .collect();
    entries[3]["request"]["url"] = serde_json::json!(12345);
    let text = har(&entries);
    let report = review(
        &text,
        seconds(2),
        &["demo-token", "session-entry-unreadable"],
    );
    let found = of_rule(&report, "session-entry-unreadable");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "log.entries[3].request.url: expected a string, found a number; the entry is skipped."
    );
    assert_eq!(found[0].pointer, "/log/entries/3/request/url");
    let line = text.lines().nth(found[0].line as usize - 1).unwrap();
    assert!(
        line[found[0].column as usize - 1..].starts_with("12345"),
        "{line}"
    );
    assert_eq!(report.summary.calls, 3);
}

#[test]
fn a_har_whose_log_is_an_array_says_what_is_wrong() {
    let report = review(
        "{\"log\": []}",
        seconds(2),
        &["session-no-calls", "session-unreadable"],
    );
    let message = one(&report, "session-unreadable");
    assert!(
        message.starts_with("log: expected an object with `entries`, found an array"),
        "{message}"
    );
    assert!(!message.contains("not valid JSON"), "{message}");
    let found = of_rule(&report, "session-unreadable")[0];
    assert_eq!((found.line, found.column), (1, 9));
}

#[test]
fn a_har_whose_entries_are_an_object_says_what_is_wrong() {
    let report = review(
        "{\"log\": {\"entries\": {\"a\": 1}}}",
        seconds(2),
        &["session-no-calls", "session-unreadable"],
    );
    let message = one(&report, "session-unreadable");
    assert!(
        message.starts_with("log.entries: expected an array of entries, found an object"),
        "{message}"
    );
    assert_eq!(of_rule(&report, "session-unreadable")[0].column, 21);
}

#[test]
fn a_har_entry_without_a_request_is_skipped_and_named() {
    let text = format!(
        "{{\"log\": {{\"entries\": [{{\"startedDateTime\": \"{}\"}}]}}}}",
        iso(T0)
    );
    let report = review(
        &text,
        seconds(2),
        &["session-entry-unreadable", "session-no-calls"],
    );
    let message = one(&report, "session-entry-unreadable");
    assert!(
        message.starts_with("log.entries[0].request: missing;"),
        "{message}"
    );
}

#[test]
fn a_header_without_a_value_is_named() {
    let mut entry = har_entry(0, CONFIGURATION, 429, 1.0);
    entry["response"]["headers"] = serde_json::json!([{"name": "Retry-After"}]);
    let report = review(
        &har(&[entry]),
        seconds(2),
        &["session-entry-unreadable", "session-no-calls"],
    );
    let message = one(&report, "session-entry-unreadable");
    assert!(
        message.starts_with("log.entries[0].response.headers[0].value: missing;"),
        "{message}"
    );
}

#[test]
fn an_ndjson_status_of_the_wrong_type_is_named() {
    let line = Call::at(0, CONFIGURATION)
        .line()
        .replace("\"status\":200", "\"status\":\"200\"");
    let report = review(
        &format!("{line}\n"),
        seconds(2),
        &["session-entry-unreadable", "session-no-calls"],
    );
    let found = of_rule(&report, "session-entry-unreadable");
    assert_eq!(found.len(), 1, "{line}");
    assert_eq!(
        found[0].message,
        "Line 1 is not a call record: status: expected a number, found a string."
    );
    assert_eq!(found[0].column as usize, line.find("\"200\"").unwrap() + 1);
}

#[test]
fn an_ndjson_line_that_is_an_array_is_named() {
    let text = format!("{}\n[1, 2]\n", Call::at(0, CONFIGURATION).line());
    let report = review(
        &text,
        seconds(2),
        &["demo-token", "session-entry-unreadable"],
    );
    let message = one(&report, "session-entry-unreadable");
    assert!(
        message.starts_with("Line 2 is not a call record: expected a JSON object, found an array."),
        "{message}"
    );
}

#[test]
fn a_duplicated_member_takes_the_last_value() {
    let mut entry = har_entry(0, CONFIGURATION, 200, 1.0);
    entry["request"]["url"] = "PLACEHOLDER".into();
    let text = har(&[entry]).replace(
        "\"url\": \"PLACEHOLDER\"",
        &format!("\"url\": 5, \"url\": \"https://api.mews-demo.com{CONFIGURATION}\""),
    );
    let report = review(&text, seconds(2), &["demo-token"]);
    assert!(
        of_rule(&report, "session-entry-unreadable").is_empty(),
        "{:#?}",
        report.diagnostics
    );
    assert_eq!(report.summary.calls, 1);
}

#[test]
fn a_truncated_har_is_unreadable_at_its_end() {
    let text = har(&[har_entry(0, CONFIGURATION, 200, 1.0)]);
    let cut = &text[..text.find("\"postData\"").unwrap() + 5];
    let report = review(cut, seconds(2), &["session-no-calls", "session-unreadable"]);
    let message = one(&report, "session-unreadable");
    assert!(
        message.starts_with("The HAR file is not valid JSON: EOF while parsing"),
        "{message}"
    );
}

#[test]
fn deeply_nested_entries_are_unreadable_not_a_stack_overflow() {
    let text = format!("{{\"log\": {{\"entries\": [{}", "[".repeat(100_000));
    let report = review(
        &text,
        seconds(2),
        &["session-no-calls", "session-unreadable"],
    );
    one(&report, "session-unreadable");
}

#[test]
fn a_bom_and_crlf_har_is_read() {
    let text = format!(
        "\u{feff}{}",
        har(&[har_entry(0, CONFIGURATION, 200, 1.0)]).replace('\n', "\r\n")
    );
    let report = review(&text, seconds(21), &["demo-token"]);
    assert!(report.valid, "{:#?}", report.diagnostics);
    assert_eq!(report.summary.calls, 1);
}

// ---- 10⁵ entries: bounded findings ------------------------------------------------------------

#[test]
fn a_hundred_thousand_empty_entries_give_a_thousand_findings_and_a_count() {
    let text = format!(
        "{{\"log\": {{\"entries\": [{}]}}}}",
        vec!["{}"; 100_000].join(",")
    );
    let report = review(
        &text,
        seconds(39),
        &[
            "diagnostics-truncated",
            "session-entry-unreadable",
            "session-no-calls",
        ],
    );
    assert_eq!(report.diagnostics.len(), 1001);
    assert_eq!(report.summary.unreadable, 100_000);
    one(&report, "session-no-calls");
    let message = one(&report, "diagnostics-truncated");
    assert!(
        message.starts_with("99001 more findings are not listed (a report lists at most 1000, the most severe first, the option `limits.maxDiagnostics`): 99001 session-entry-unreadable;"),
        "{message}"
    );
}

#[test]
fn a_hundred_thousand_ndjson_lines_of_other_traffic_are_counted() {
    let line = format!(
        "{{\"time\": \"{}\", \"address\": \"https://app.mews-demo.com/static/app.js\"}}\n",
        iso(T0)
    );
    let report = review(&line.repeat(100_000), seconds(127), &["session-no-calls"]);
    assert_eq!((report.summary.ignored, report.summary.calls), (100_000, 0));
    one(&report, "session-no-calls");
}

#[test]
fn twelve_hundred_ignored_retry_afters_are_capped() {
    let calls: Vec<Call> = (0..1_200)
        .map(|i| {
            Call::at(i * 5_000, CONFIGURATION)
                .status(429)
                .retry_after("10")
        })
        .collect();
    let report = review(
        &ndjson(&calls),
        seconds(89),
        &["diagnostics-truncated", "retry-after-ignored"],
    );
    assert_eq!(report.diagnostics.len(), 1001);
    let message = one(&report, "diagnostics-truncated");
    assert!(message.contains(" retry-after-ignored"), "{message}");
    assert_eq!(report.operations[0].calls, 1_200);
}

// ---- request and response bodies ---------------------------------------------------------------

fn request(address: &str, body: impl Into<Vec<u8>>) -> Input {
    Input::Request(address.into(), body.into())
}

/// configuration/get's body with `member` (raw JSON text) added at its end.
fn configuration_with(member: &str) -> String {
    let mut text = body(CONFIGURATION, TOKEN, CLIENT).to_string();
    text.pop();
    format!("{text},{member}}}")
}

fn valid_body() -> String {
    body(CONFIGURATION, TOKEN, CLIENT).to_string()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn hostile_bodies() {
    let categories = body(CATEGORIES, TOKEN, CLIENT).to_string();
    let mut broken_byte = valid_body().into_bytes();
    broken_byte.insert(broken_byte.len() - 3, 0xff);
    let mut unknown_members = valid_body();
    unknown_members.pop();
    for i in 0..20_000 {
        unknown_members.push_str(&format!(",\"X{i}\":1"));
    }
    unknown_members.push('}');
    let cases = vec![
        case(
            "an unknown address",
            request("/api/connector/v1/reservations/getEverything", valid_body()),
            &["demo-token", "unknown-operation"],
        ),
        case(
            "an address with ESC and BEL",
            request(
                "/api/connector/v1/\u{1b}[2Jconfiguration/get\u{7}",
                valid_body(),
            ),
            &["demo-token", "unknown-operation"],
        ),
        case(
            "a megabyte address",
            request(
                &format!("/api/connector/v1/{}", "a".repeat(1_000_000)),
                valid_body(),
            ),
            &["demo-token", "unknown-operation"],
        )
        .within(12),
        case(
            "an empty address",
            request("", valid_body()),
            &["demo-token", "unknown-operation"],
        ),
        case(
            "an address in capitals with a trailing slash",
            request("/API/Connector/V1/Configuration/Get/", valid_body()),
            &["demo-token", "path-case-mismatch", "trailing-slash"],
        ),
        case(
            "an address whose query string holds a token",
            request(
                &format!("{CONFIGURATION}?AccessToken={OTHER_TOKEN}"),
                valid_body(),
            ),
            &["demo-token"],
        ),
        case(
            "a UTF-16 body with its BOM",
            request(CONFIGURATION, utf16le_with_bom(&valid_body())),
            &["invalid-encoding"],
        ),
        case(
            "a UTF-8 BOM before the body",
            request(CONFIGURATION, format!("\u{feff}{}", valid_body())),
            &["demo-token"],
        ),
        case(
            "a raw NUL inside a string",
            request(CONFIGURATION, configuration_with("\"Note\": \"a\u{0}b\"")),
            &["invalid-json"],
        ),
        case(
            "a raw ESC sequence inside the client name",
            request(
                CONFIGURATION,
                valid_body().replace(CLIENT, "\u{1b}[31mBrightkeep\u{1b}[0m 3.2.0"),
            ),
            &["invalid-json"],
        ),
        case(
            "an invalid UTF-8 byte near the end",
            request(CONFIGURATION, broken_byte),
            &["invalid-encoding"],
        ),
        case(
            "a body nested a hundred thousand deep",
            request(CONFIGURATION, "[".repeat(100_000)),
            &["nesting-too-deep"],
        ),
        case(
            "twenty thousand unknown members",
            request(CONFIGURATION, unknown_members),
            &["demo-token", "too-many-diagnostics", "unknown-property"],
        )
        .within(72),
        case(
            "a megabyte string in an unknown member",
            request(
                CONFIGURATION,
                configuration_with(&format!("\"Padding\": \"{}\"", "x".repeat(1_000_000))),
            ),
            &["demo-token", "unknown-property"],
        )
        .within(45),
        case(
            "a count too large for a number",
            request(
                CATEGORIES,
                categories.replace("\"Count\":", "\"Count\":1e400,\"Was\":"),
            ),
            &["invalid-json"],
        ),
        case(
            "two access tokens under one key",
            request(
                CONFIGURATION,
                configuration_with(&format!("\"AccessToken\": \"{OTHER_TOKEN}\"")),
            ),
            &["demo-token", "duplicate-key"],
        ),
        case(
            "a lone surrogate escape in the client name",
            request(
                CONFIGURATION,
                valid_body().replace(CLIENT, "Bright\\ud800keep 3.2.0"),
            ),
            &["invalid-json"],
        ),
        case(
            "a top-level array of tokens",
            request(CONFIGURATION, format!("[\"{TOKEN}\", \"{CLIENT_TOKEN}\"]")),
            &["not-an-object"],
        ),
        case(
            "an empty body",
            request(CONFIGURATION, ""),
            &["invalid-json"],
        ),
        case(
            "a body cut off inside the access token",
            request(CONFIGURATION, {
                let text = valid_body();
                text[..text.find(TOKEN).unwrap() + TOKEN.len()].to_string()
            }),
            &["invalid-json"],
        ),
        case(
            "an HTML error page as a response",
            Input::Response(
                CONFIGURATION.into(),
                b"<html><body>502 Bad Gateway\x1b[2J</body></html>".to_vec(),
            ),
            &["invalid-json"],
        ),
    ];
    hostile_support::run(cases, &TOKENS);
}

// ---- pasted requests: cURL (POSIX and Windows cmd), HTTP, URLs ---------------------------------

const DEMO_URL: &str = "https://api.mews-demo.com/api/connector/v1/configuration/get";

fn paste(text: impl Into<String>) -> Input {
    Input::Paste(text.into())
}

/// A cURL command posting `body` (in single quotes) to configuration/get, with `extra` options.
fn curl(extra: &str, body: &str) -> String {
    format!("curl -X POST '{DEMO_URL}' -H 'Content-Type: application/json' {extra} -d '{body}'")
}

/// An HTTP request (REST client syntax) with `headers` (each ending in CRLF) and `body`.
fn http(headers: &str, body: &str) -> String {
    format!("POST {DEMO_URL} HTTP/1.1\r\nContent-Type: application/json\r\n{headers}\r\n{body}")
}

#[test]
fn hostile_pastes() {
    let valid = valid_body();
    let no_client = body(CONFIGURATION, TOKEN, "").to_string();
    // As Chromium's "Copy as cURL (cmd)" writes a body: `^\^"` for a quote, `^{` for a brace.
    let cmd_body = valid
        .replace('{', "^{")
        .replace('}', "^}")
        .replace('"', "^\\^\"");
    let mut not_utf8 = http("", &valid).into_bytes();
    not_utf8.insert(not_utf8.len() - 5, 0xc3);
    let cases = vec![
        case(
            "a cURL command with an empty client name",
            paste(curl("", &no_client)),
            &["demo-token", "string-length"],
        ),
        case(
            "an HTTP request with CRLF lines",
            paste(http(
                "",
                &serde_json::to_string_pretty(&body(CONFIGURATION, TOKEN, ""))
                    .unwrap()
                    .replace('\n', "\r\n"),
            )),
            &["demo-token", "string-length"],
        ),
        case(
            "a Windows cmd cURL command with ^\" quoting",
            paste(format!(
                "curl ^\"{DEMO_URL}^\" ^\n  -H ^\"Content-Type: application/json^\" ^\n  --data-raw ^\"{cmd_body}^\""
            )),
            &["demo-token"],
        ),
        case(
            "-u user:token",
            paste(curl(&format!("-u 'connector:{OTHER_TOKEN}'"), &valid)),
            &["authorization-header", "demo-token"],
        ),
        case(
            "--data-binary @file",
            paste(format!(
                "curl '{DEMO_URL}' -H 'Authorization: Bearer {OTHER_TOKEN}' --data-binary @body.json"
            )),
            &["authorization-header", "body-from-file", "content-type"],
        ),
        case(
            "an HTTP header without a colon that holds a token",
            paste(http(
                &format!("Authorization Bearer {OTHER_TOKEN}\r\n"),
                &valid,
            )),
            &["demo-token"],
        ),
        case(
            "an HTTP body that is not UTF-8",
            Input::PasteBytes(not_utf8),
            &["invalid-encoding"],
        ),
        case(
            "a BOM before a cURL command",
            paste(format!("\u{feff}{}", curl("", &valid))),
            &["demo-token"],
        ),
        case(
            "NUL bytes between cURL arguments",
            paste(curl("\u{0}\u{0}", &valid)),
            &["demo-token"],
        ),
        case(
            "a megabyte header",
            paste(http(
                &format!("X-Padding: {}\r\n", "p".repeat(1_000_000)),
                &valid,
            )),
            &["demo-token"],
        ),
        case(
            "two Authorization headers with tokens",
            paste(http(
                &format!(
                    "Authorization: Bearer {OTHER_TOKEN}\r\nAuthorization: Bearer {TOKEN}\r\n"
                ),
                &valid,
            )),
            &["authorization-header", "demo-token"],
        ),
        case(
            "a cURL command cut off inside the body's token",
            paste({
                let text = curl("", &valid);
                text[..text.find(TOKEN).unwrap() + TOKEN.len()].to_string()
            }),
            &["curl-syntax"],
        ),
        case(
            "a HAR export pasted as a request",
            paste(har(&[har_entry(0, CONFIGURATION, 200, 1.0)])),
            &["recorded-session"],
        ),
        case(
            "a cURL URL whose query string holds a token",
            paste(format!(
                "curl '{DEMO_URL}?AccessToken={OTHER_TOKEN}' -H 'Content-Type: application/json' -d '{valid}'"
            )),
            &["demo-token"],
        ),
        case(
            "a GET request",
            paste(http("", &valid).replacen("POST", "GET", 1)),
            &["demo-token", "request-method"],
        ),
        case(
            "ANSI-C quoting with NUL and ESC escapes",
            paste(format!(
                "curl {DEMO_URL} -H $'Content-Type: application/json\\x00\\e[2J' -d '{valid}'"
            )),
            &["content-type", "demo-token"],
        ),
        case(
            "a text/plain content type",
            paste(curl("", &valid).replace("application/json", "text/plain")),
            &["content-type", "demo-token"],
        ),
        case(
            "only terminal escape sequences",
            paste("\u{1b}[2J\u{1b}]0;pwned\u{7}\u{8}\u{8}"),
            &["invalid-json", "unknown-operation"],
        ),
        case(
            "a URL with ESC and CR",
            paste(format!("{DEMO_URL}\u{1b}[31m\r")),
            &["missing-body", "unknown-operation"],
        ),
        case(
            "a cURL command with a thousand continuation lines",
            paste(curl(&"\\\r\n ".repeat(1_000), &valid)),
            &["demo-token"],
        ),
    ];
    hostile_support::run(cases, &TOKENS);
}

// ---- recordings: HAR and NDJSON fields of every wrong shape -------------------------------------

fn session(text: impl Into<String>) -> Input {
    Input::Session(text.into(), None)
}

/// A HAR of one configuration/get call whose entry `edit` changes.
fn har_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut entry = har_entry(0, CONFIGURATION, 200, 10.0);
    edit(&mut entry);
    har(&[entry])
}

#[test]
fn hostile_sessions() {
    let checklist = std::fs::read_to_string("examples/checklist-public.json").unwrap();
    let cases = vec![
        case(
            "a hundred-kilobyte URL",
            session(har_with(|e| {
                e["request"]["url"] = format!(
                    "https://api.mews-demo.com/api/connector/v1/{}",
                    "u".repeat(100_000)
                )
                .into()
            })),
            &["demo-token", "unknown-operation"],
        )
        .within(40),
        case(
            "BEL and CR in a URL",
            session(har_with(|e| {
                e["request"]["url"] =
                    format!("https://api.mews-demo.com{CONFIGURATION}\u{7}\r").into()
            })),
            &["demo-token", "unknown-operation"],
        ),
        case(
            "CR LF in a Retry-After value",
            session(har(&[
                {
                    let mut e = har_entry(0, CONFIGURATION, 429, 10.0);
                    e["response"]["headers"] =
                        serde_json::json!([{"name": "Retry-After", "value": "2\r\nX-Injected: 1"}]);
                    e
                },
                har_entry(100, CONFIGURATION, 200, 10.0),
            ])),
            &["demo-token"],
        ),
        case(
            "a token in the query string",
            session(har_with(|e| {
                e["request"]["url"] =
                    format!("https://api.mews-demo.com{CONFIGURATION}?AccessToken={OTHER_TOKEN}")
                        .into()
            })),
            &["demo-token"],
        ),
        case(
            "tokens in cookies",
            session(har_with(|e| {
                e["request"]["headers"] = serde_json::json!([{"name": "Cookie", "value": format!("session={OTHER_TOKEN}")}]);
                e["request"]["cookies"] =
                    serde_json::json!([{"name": "session", "value": OTHER_TOKEN}]);
                e["response"]["headers"] = serde_json::json!([{"name": "Set-Cookie", "value": format!("session={OTHER_TOKEN}; HttpOnly")}]);
            })),
            &["demo-token"],
        ),
        case(
            "a status that is a string",
            session(har_with(|e| e["response"]["status"] = "429".into())),
            &["session-entry-unreadable", "session-no-calls"],
        ),
        case(
            "a start time that is a number",
            session(har_with(|e| e["startedDateTime"] = T0.into())),
            &["session-entry-unreadable", "session-no-calls"],
        ),
        case(
            "a negative duration",
            session(har_with(|e| e["time"] = (-5.0).into())),
            &["demo-token"],
        ),
        case(
            "statuses 0 and 999",
            session(har(&[
                har_entry(0, CONFIGURATION, 0, 1.0),
                har_entry(1_000, CONFIGURATION, 999, 1.0),
            ])),
            &["demo-token", "operation-always-failing"],
        ),
        case(
            "the years 0001 and 9999",
            session(format!(
                "{}\n{}\n",
                Call::at(0, CONFIGURATION)
                    .line()
                    .replace(&iso(T0), "0001-01-01T00:00:00Z"),
                Call::at(0, CONFIGURATION)
                    .line()
                    .replace(&iso(T0), "9999-12-31T23:59:59Z"),
            )),
            &["demo-token", "session-entry-unreadable"],
        ),
        case(
            "a request body that is a JSON string with a token",
            session(format!(
                "{{\"time\": \"{}\", \"address\": \"{CONFIGURATION}\", \"status\": 200, \"request\": {:?}}}\n",
                iso(T0),
                valid_body()
            )),
            &["demo-token"],
        ),
        case(
            "a body that is not JSON, with a token",
            session(har_with(|e| {
                e["request"]["postData"]["text"] =
                    format!("AccessToken={OTHER_TOKEN}&Client=x").into()
            })),
            &["invalid-json"],
        ),
        case(
            "NUL and binary garbage lines",
            session(format!(
                "{}\n\u{0}\u{0}\u{1}\u{fffd}\u{1b}[2J\n",
                Call::at(0, CONFIGURATION).line()
            )),
            &["demo-token", "session-entry-unreadable"],
        ),
        case(
            "headers that are an object",
            session(har_with(|e| {
                e["response"]["headers"] = serde_json::json!({"Retry-After": "2"})
            })),
            &["session-entry-unreadable", "session-no-calls"],
        ),
        case(
            "entries that are null",
            session("{\"log\": {\"entries\": null}}"),
            &["session-no-calls", "session-unreadable"],
        ),
        case(
            "a hundred thousand HAR entries of other traffic",
            session(har(&vec![
                serde_json::json!({
                    "startedDateTime": iso(T0), "time": 1,
                    "request": {"method": "GET", "url": "https://app.mews-demo.com/static/app.js"},
                    "response": {"status": 200, "headers": []}
                });
                100_000
            ])),
            &["session-no-calls"],
        )
        .within(300),
        case(
            "a garbage checklist beside a recording",
            Input::Session(
                Call::at(0, CONFIGURATION).line() + "\n",
                Some(format!("{{\"client\": \u{1b}[31m \"{OTHER_TOKEN}")),
            ),
            &["checklist-invalid-json", "demo-token"],
        ),
        case(
            "a checklist whose client differs by a control character",
            Input::Session(
                Call::at(0, CONFIGURATION).line() + "\n",
                Some(checklist.replace(CLIENT, "Brightkeep\\u0007 Housekeeping 3.2.0")),
            ),
            &[
                "client-name-not-declared",
                "demo-token",
                "operation-not-tested",
            ],
        ),
    ];
    hostile_support::run(cases, &TOKENS);
}

// ---- certification checklists -------------------------------------------------------------------

/// The public checklist example with `edit` applied to its JSON.
fn checklist_with(edit: impl FnOnce(&mut serde_json::Value)) -> Input {
    let text = std::fs::read_to_string("examples/checklist-public.json").unwrap();
    let mut checklist: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut checklist);
    Input::Checklist(serde_json::to_string_pretty(&checklist).unwrap())
}

#[test]
fn hostile_checklists() {
    let cases = vec![
        case(
            "garbage with NUL and ESC",
            Input::Checklist("{\"client\": \u{0}\u{1b}[31m".into()),
            &["checklist-invalid-json"],
        ),
        case(
            "operations nested a hundred thousand deep",
            Input::Checklist(format!("{{\"operations\": {}", "[".repeat(100_000))),
            &["checklist-invalid-json"],
        ),
        case(
            "operations that are a string",
            checklist_with(|c| c["operations"] = CONFIGURATION.into()),
            &["type-mismatch"],
        ),
        case(
            "a peak load that is a string",
            checklist_with(|c| c["expectedLoad"]["peakRequestsPer30s"] = "40".into()),
            &["type-mismatch"],
        ),
        case(
            "an integration kind that is a number",
            checklist_with(|c| c["integrationKind"] = 1.into()),
            &["enum-value"],
        ),
        case(
            "an unknown operation with an escape sequence",
            checklist_with(|c| {
                c["operations"][0]["address"] =
                    "/api/connector/v1/\u{1b}[2Jconfiguration/get".into()
            }),
            &["checklist-unknown-operation", "pattern"],
        ),
        case(
            "a megabyte purpose",
            checklist_with(|c| c["purpose"] = "p".repeat(1_000_000).into()),
            &[],
        ),
        case(
            "control characters in the client name",
            checklist_with(|c| {
                c["application"]["client"] = "Brightkeep\u{7}\u{1b}]0;x\u{7} 3.2.0".into()
            }),
            &[],
        ),
        case(
            "tokens pasted into the flow and a webhook URL",
            checklist_with(|c| {
                c["flow"] = format!("ClientToken {CLIENT_TOKEN}, AccessToken {TOKEN}").into();
                c["webhookUrl"] = format!("https://hooks.example/mews?token={OTHER_TOKEN}").into();
            }),
            &[],
        ),
        case(
            "a peak load of 1e308",
            checklist_with(|c| c["expectedLoad"]["peakRequestsPer30s"] = 1e308.into()),
            &["checklist-load-above-limit"],
        ),
        case(
            "a peak load of 250.0",
            checklist_with(|c| c["expectedLoad"]["peakRequestsPer30s"] = 250.0.into()),
            &["checklist-load-above-limit"],
        ),
        case(
            "a negative peak load",
            checklist_with(|c| c["expectedLoad"]["peakRequestsPer30s"] = (-5).into()),
            &["number-range"],
        ),
        case(
            "a top-level array",
            Input::Checklist(format!("[\"{TOKEN}\"]")),
            &["type-mismatch"],
        ),
        case(
            "an empty checklist",
            Input::Checklist(String::new()),
            &["checklist-invalid-json"],
        ),
        case(
            "ten thousand copies of one operation",
            checklist_with(|c| c["operations"] = vec![c["operations"][0].clone(); 10_000].into()),
            &["checklist-duplicate-operation", "too-many-diagnostics"],
        )
        .within(90),
    ];
    hostile_support::run(cases, &TOKENS);
}
