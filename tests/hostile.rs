//! Hostile inputs through the public API: each gives its exact finding, within a bounded time
//! (about 10× what it takes in a debug build here), with every finding inside the text and no
//! output showing 12 characters of a token. Sessions: out-of-order and concurrent recordings,
//! control characters, absurd numbers, bogus dates, missing fields, wrong types, 10⁵ entries.
//! Bodies, pastes and checklists: what must already hold.

mod common;
mod invariants;

use std::time::{Duration, Instant};

use common::*;
use invariants::{assert_inside, assert_no_token_part};
use mews_connector_validator::render::{json, plain, text};
use mews_connector_validator::session::{ReadinessReport, located_in_recording};
use mews_connector_validator::{
    Options, Report, validate_checklist, validate_input, validate_request_bytes,
};

const CLIENT_TOKEN: &str = "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D";
const TOKENS: [&str; 3] = [TOKEN, OTHER_TOKEN, CLIENT_TOKEN];

fn seconds(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// Reviews `text` within `bound` and checks what must hold of any session report.
fn review(text: &str, bound: Duration) -> ReadinessReport {
    let started = Instant::now();
    let report = analyze(text, None);
    let elapsed = started.elapsed();
    assert!(elapsed < bound, "took {elapsed:?}, bound {bound:?}");
    for diagnostic in report
        .diagnostics
        .iter()
        .filter(|d| located_in_recording(d))
    {
        assert_inside(text, diagnostic);
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

/// Checks a body's or paste's report: inside the text, no token in the JSON or text rendering.
fn check_report(text_of_input: &str, report: &Report) {
    for diagnostic in &report.diagnostics {
        assert_inside(text_of_input, diagnostic);
    }
    assert_no_token_part(
        &TOKENS,
        &[
            ("JSON", &json::render(report)),
            ("text", &text::render(report, "input", text_of_input)),
        ],
    );
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
    let sorted = review(&ndjson(&calls), seconds(20));
    shuffle(&mut calls);
    let shuffled = review(&ndjson(&calls), seconds(20));
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
    let report = review(&text, seconds(30));
    assert!(of_rule(&report, "rate-limit-exceeded").is_empty());
    assert_eq!(report.rate_profiles[0].peak, 150);
    assert_eq!(report.summary.first_call.as_deref(), Some(iso(T0).as_str()));
}

#[test]
fn twenty_thousand_shuffled_calls_have_the_peak_of_the_sorted_ones() {
    let mut calls = bare_evenly(20_000, 0, 5_040_000);
    let sorted_peak = review(&calls.concat(), seconds(60)).rate_profiles[0].peak;
    shuffle(&mut calls);
    let report = review(&calls.concat(), seconds(60));
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
    let report = review(&har(&entries), seconds(20));
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
    let report = review(&har(&entries), seconds(10));
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
    let report = review(&har(&entries), seconds(10));
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
    let report = review(&har(&entries), seconds(10));
    let message = one(&report, "fixed-interval-retry");
    assert!(
        message.contains("waited 1.000 s and then 1.000 s"),
        "{message}"
    );
}

#[test]
fn calls_at_equal_times_keep_their_recorded_order() {
    let calls: Vec<Call> = (0..201).map(|_| Call::at(0, CONFIGURATION)).collect();
    let report = review(&ndjson(&calls), seconds(20));
    let found = of_rule(&report, "rate-limit-exceeded");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].call, Some(200), "the 201st call as recorded");
}

// ---- control characters, absurd numbers, bogus dates -------------------------------------------

#[test]
fn ansi_escapes_in_an_address_are_escaped_in_messages() {
    let address = "/api/connector/v1/\u{1b}[31mconfiguration/get";
    let mut calls = vec![Call::at(0, CONFIGURATION)];
    let mut bad = Call::at(1_000, CONFIGURATION).status(500);
    bad.address = address.into();
    calls.push(bad);
    let report = review(&ndjson(&calls), seconds(10));
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
    let report = review(&ndjson(&calls), seconds(10));
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
    let report = review(&ndjson(&calls), seconds(10));
    assert!(of_rule(&report, "retry-after-ignored").is_empty());
    one(&report, "operation-always-failing");
}

#[test]
fn a_duration_too_large_for_a_number_is_named() {
    let mut entry = har_entry(0, CONFIGURATION, 200, 1.0);
    entry["time"] = serde_json::json!(0);
    let text = har(&[entry]).replace("\"time\": 0", "\"time\": 1e400");
    let report = review(&text, seconds(10));
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
    let report = review(&har(&entries), seconds(10));
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
    let report = review(&text, seconds(10));
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
    let report = review(&text, seconds(10));
    let message = one(&report, "session-entry-unreadable");
    assert!(message.len() < 300, "{}", message.len());
}

#[test]
fn many_fraction_digits_are_a_valid_time() {
    let mut entry = har_entry(0, CONFIGURATION, 200, 1.0);
    entry["startedDateTime"] = "2026-11-23T10:00:00.1234567891234Z".into();
    let report = review(&har(&[entry]), seconds(10));
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
    let report = review(&text, seconds(10));
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
    let report = review("{\"log\": []}", seconds(5));
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
    let report = review("{\"log\": {\"entries\": {\"a\": 1}}}", seconds(5));
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
    let report = review(&text, seconds(5));
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
    let report = review(&har(&[entry]), seconds(5));
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
    let report = review(&format!("{line}\n"), seconds(5));
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
    let report = review(&text, seconds(5));
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
    let report = review(&text, seconds(5));
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
    let report = review(cut, seconds(5));
    let message = one(&report, "session-unreadable");
    assert!(
        message.starts_with("The HAR file is not valid JSON: EOF while parsing"),
        "{message}"
    );
}

#[test]
fn deeply_nested_entries_are_unreadable_not_a_stack_overflow() {
    let text = format!("{{\"log\": {{\"entries\": [{}", "[".repeat(100_000));
    let report = review(&text, seconds(10));
    one(&report, "session-unreadable");
}

#[test]
fn a_bom_and_crlf_har_is_read() {
    let text = format!(
        "\u{feff}{}",
        har(&[har_entry(0, CONFIGURATION, 200, 1.0)]).replace('\n', "\r\n")
    );
    let report = review(&text, seconds(5));
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
    let report = review(&text, seconds(30));
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
    let report = review(&line.repeat(100_000), seconds(30));
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
    let report = review(&ndjson(&calls), seconds(120));
    assert_eq!(report.diagnostics.len(), 1001);
    let message = one(&report, "diagnostics-truncated");
    assert!(message.contains(" retry-after-ignored"), "{message}");
    assert_eq!(report.operations[0].calls, 1_200);
}

// ---- bodies, pastes and checklists (what must already hold) ------------------------------------

fn options() -> Options {
    Options {
        date: Some("2026-12-01".into()),
        ..Options::default()
    }
}

fn timed<T>(bound: Duration, run: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = run();
    assert!(started.elapsed() < bound, "took {:?}", started.elapsed());
    result
}

fn has_rule(report: &Report, rule: &str) {
    assert!(
        report.diagnostics.iter().any(|d| d.rule == rule),
        "{rule} in {:#?}",
        report.diagnostics
    );
}

#[test]
fn an_invalid_utf8_body_is_reported_at_its_byte() {
    let mut bytes = body(CONFIGURATION, TOKEN, CLIENT).to_string().into_bytes();
    let at = bytes.len() - 3;
    bytes.insert(at, 0xff);
    let report = timed(seconds(5), || {
        validate_request_bytes(CONFIGURATION, &bytes, &options())
    });
    has_rule(&report, "invalid-encoding");
    check_report(&String::from_utf8_lossy(&bytes), &report);
}

#[test]
fn a_body_nested_a_hundred_thousand_deep_is_too_deep() {
    let text = "[".repeat(100_000);
    let report = timed(seconds(10), || {
        validate_request_bytes(CONFIGURATION, text.as_bytes(), &options())
    });
    has_rule(&report, "nesting-too-deep");
    check_report(&text, &report);
}

#[test]
fn a_minified_body_with_a_million_unknown_members_is_capped() {
    let mut body = body(CONFIGURATION, TOKEN, CLIENT).to_string();
    body.pop();
    for i in 0..20_000 {
        body.push_str(&format!(",\"X{i}\":1"));
    }
    body.push('}');
    let report = timed(seconds(60), || {
        validate_request_bytes(CONFIGURATION, body.as_bytes(), &options())
    });
    has_rule(&report, "too-many-diagnostics");
    check_report(&body, &report);
}

#[test]
fn a_pasted_curl_command_keeps_its_tokens_masked() {
    let pasted = format!(
        "curl -X POST 'https://api.mews-demo.com{CONFIGURATION}' -H 'Content-Type: application/json' -d '{}'",
        body(CONFIGURATION, TOKEN, "")
    );
    let report = timed(seconds(10), || validate_input(&pasted, None, &options()));
    has_rule(&report, "string-length");
    check_report(&pasted, &report);
}

#[test]
fn a_pasted_http_request_with_crlf_is_located() {
    let pasted = format!(
        "POST https://api.mews-demo.com{CONFIGURATION} HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{}",
        serde_json::to_string_pretty(&body(CONFIGURATION, TOKEN, ""))
            .unwrap()
            .replace('\n', "\r\n")
    );
    let report = timed(seconds(10), || validate_input(&pasted, None, &options()));
    has_rule(&report, "string-length");
    check_report(&pasted, &report);
}

#[test]
fn a_garbage_checklist_is_invalid_json() {
    let checklist = "{\"client\": \u{0}\u{1b}[31m";
    let report = timed(seconds(5), || validate_checklist(checklist, &options()));
    has_rule(&report, "checklist-invalid-json");
    check_report(checklist, &report);
}

#[test]
fn a_checklist_nested_deep_is_invalid_json_not_a_crash() {
    let checklist = format!("{{\"operations\": {}", "[".repeat(100_000));
    let report = timed(seconds(10), || validate_checklist(&checklist, &options()));
    has_rule(&report, "checklist-invalid-json");
    check_report(&checklist, &report);
}
