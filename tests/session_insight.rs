//! What a reviewer sees across a whole session, on generated recordings (NDJSON and HAR): static
//! data fetched again and again, failing requests repeated unchanged, calls going on after a
//! 401, retries after 5xx/408 without growing waits, and pagination restarted.

mod common;

use common::*;
use mews_connector_validator::Severity;
use serde_json::{Value, json};

const COMPANIES: &str = "/api/connector/v1/companies/getAll";
const NEW_RULES: &[&str] = &[
    "cache-static-data",
    "repeated-failing-request",
    "auth-failure-ignored",
    "pagination-restarted",
];
const MINUTE: i64 = 60_000;

/// One generated call with any body and, optionally, a recorded response body.
#[derive(Clone)]
struct Rec {
    ms: i64,
    address: &'static str,
    body: Value,
    status: u16,
    duration_ms: Option<i64>,
    response: Option<Value>,
}

fn rec(ms: i64, address: &'static str) -> Rec {
    Rec {
        ms: T0 + ms,
        address,
        body: body(address, TOKEN, CLIENT),
        status: 200,
        duration_ms: None,
        response: None,
    }
}

impl Rec {
    fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }
    fn token(mut self, token: &str) -> Self {
        self.body["AccessToken"] = token.into();
        self
    }
    fn with(mut self, key: &str, value: Value) -> Self {
        self.body[key] = value;
        self
    }
    fn lasting(mut self, ms: i64) -> Self {
        self.duration_ms = Some(ms);
        self
    }
    fn response(mut self, response: Value) -> Self {
        self.response = Some(response);
        self
    }
}

fn ndjson_of(calls: &[Rec]) -> String {
    calls
        .iter()
        .map(|c| {
            let mut line = json!({
                "time": iso(c.ms),
                "address": format!("https://api.mews-demo.com{}", c.address),
                "request": c.body,
                "status": c.status,
            });
            if let Some(ms) = c.duration_ms {
                line["durationMs"] = ms.into();
            }
            if let Some(response) = &c.response {
                line["response"] = response.clone();
            }
            line.to_string() + "\n"
        })
        .collect()
}

/// A Chromium-style HAR of the calls; `base64` records response bodies base64-encoded.
fn har_of(calls: &[Rec], base64: bool) -> String {
    let entries: Vec<Value> = calls
        .iter()
        .map(|c| {
            let mut content = json!({"size": 0, "mimeType": "application/json"});
            if let Some(response) = &c.response {
                let text = response.to_string();
                if base64 {
                    use base64::Engine;
                    content["text"] = base64::engine::general_purpose::STANDARD
                        .encode(text)
                        .into();
                    content["encoding"] = "base64".into();
                } else {
                    content["text"] = text.into();
                }
            }
            json!({
                "startedDateTime": iso(c.ms),
                "time": c.duration_ms.unwrap_or(50),
                "request": {
                    "method": "POST",
                    "url": format!("https://api.mews-demo.com{}", c.address),
                    "headers": [{"name": "Content-Type", "value": "application/json"}],
                    "postData": {"mimeType": "application/json", "text": c.body.to_string()},
                },
                "response": {"status": c.status, "headers": [], "content": content},
            })
        })
        .collect();
    json!({"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": entries}})
        .to_string()
}

fn rules_raised(text: &str) -> Vec<(String, Option<usize>)> {
    let report = analyze(text, None);
    report
        .diagnostics
        .iter()
        .filter(|d| NEW_RULES.contains(&d.rule.as_str()) || d.rule == "fixed-interval-retry")
        .map(|d| (d.rule.clone(), d.call))
        .collect()
}

fn one(text: &str, rule: &str) -> mews_connector_validator::Diagnostic {
    let report = analyze(text, None);
    let found: Vec<_> = of_rule(&report, rule).into_iter().cloned().collect();
    assert_eq!(found.len(), 1, "{rule}: {:#?}", report.diagnostics);
    assert_eq!(found[0].severity, Severity::Warning);
    found.into_iter().next().unwrap()
}

fn none_of_new_rules(text: &str) {
    assert_eq!(rules_raised(text), [], "expected none of the new rules");
}

// --- cache-static-data

#[test]
fn configuration_fetched_four_times_in_ten_minutes_is_a_missing_cache() {
    let calls: Vec<Rec> = (0..4).map(|i| rec(i * 2 * MINUTE, CONFIGURATION)).collect();
    for text in [ndjson_of(&calls), har_of(&calls, false)] {
        let found = one(&text, "cache-static-data");
        assert_eq!(found.call, Some(3), "located at the fourth fetch");
        assert!(
            found.message.starts_with("`/api/connector/v1/configuration/get` fetched the same static data 4 times within 10 minutes (4 times in the session"),
            "{}",
            found.message
        );
        assert_eq!(found.address.as_deref(), Some(CONFIGURATION));
        if text.starts_with("{\"log\"") {
            assert_eq!(found.pointer, "/log/entries/3");
        } else {
            assert_eq!(found.line, 4);
        }
    }
}

#[test]
fn static_data_fetched_on_every_call_is_one_finding_with_counts() {
    let calls: Vec<Rec> = (0..1000).map(|i| rec(i * 1_000, CATEGORIES)).collect();
    let found = one(&ndjson_of(&calls), "cache-static-data");
    assert!(
        found
            .message
            .contains("600 times within 10 minutes (1000 times in the session"),
        "{}",
        found.message
    );
}

#[test]
fn three_fetches_in_ten_minutes_or_a_refresh_every_five_minutes_is_fine() {
    let three: Vec<Rec> = (0..3).map(|i| rec(i * MINUTE, CONFIGURATION)).collect();
    none_of_new_rules(&ndjson_of(&three));
    let every_five: Vec<Rec> = (0..12)
        .map(|i| rec(i * 5 * MINUTE, CONFIGURATION))
        .collect();
    none_of_new_rules(&ndjson_of(&every_five));
}

#[test]
fn different_bodies_tokens_failures_and_other_operations_are_no_cache_misses() {
    let languages = ["en-US", "de-DE", "cs-CZ", "fr-FR", "es-ES"];
    let different: Vec<Rec> = languages
        .iter()
        .enumerate()
        .map(|(i, code)| {
            rec(i as i64 * 1_000, CONFIGURATION)
                .with("LanguageCode", (*code).into())
                .with("CultureCode", (*code).into())
        })
        .collect();
    none_of_new_rules(&ndjson_of(&different));
    let tokens: Vec<Rec> = (0..6)
        .map(|i| rec(i * 1_000, CONFIGURATION).token(if i % 2 == 0 { TOKEN } else { OTHER_TOKEN }))
        .collect();
    none_of_new_rules(&ndjson_of(&tokens));
    // Three fetches and two throttled attempts: only fetches that got data count.
    let throttled = vec![
        rec(0, CONFIGURATION),
        rec(1_000, CONFIGURATION).status(429),
        rec(5_000, CONFIGURATION).status(429),
        rec(20_000, CONFIGURATION),
        rec(60_000, CONFIGURATION),
    ];
    none_of_new_rules(&ndjson_of(&throttled));
    let companies: Vec<Rec> = (0..6).map(|i| rec(i * 1_000, COMPANIES)).collect();
    none_of_new_rules(&ndjson_of(&companies));
}

// --- repeated-failing-request

#[test]
fn a_400_repeated_unchanged_is_reported_once_with_the_count() {
    let calls: Vec<Rec> = (0..5)
        .map(|i| rec(i * 10_000, CATEGORIES).status(400))
        .collect();
    for text in [ndjson_of(&calls), har_of(&calls, false)] {
        let found = one(&text, "repeated-failing-request");
        assert_eq!(found.call, Some(1));
        assert!(
            found.message.starts_with("This call repeats call 0 (2026-11-23T10:00:00Z) to `/api/connector/v1/accountingCategories/getAll` unchanged (same body) after its 400 response, and failed again (4 unchanged repeat(s) in all);"),
            "{}",
            found.message
        );
    }
}

#[test]
fn a_403_business_error_repeated_unchanged_is_reported() {
    let calls = vec![
        rec(0, CATEGORIES).status(403),
        rec(30_000, CATEGORIES).status(403),
    ];
    assert_eq!(
        one(&ndjson_of(&calls), "repeated-failing-request").call,
        Some(1)
    );
}

#[test]
fn a_corrected_request_or_a_repeat_that_succeeds_is_fine() {
    let corrected = vec![
        rec(0, CONFIGURATION).status(400),
        rec(10_000, CONFIGURATION)
            .with("LanguageCode", "en-US".into())
            .with("CultureCode", "en-US".into())
            .status(400),
    ];
    none_of_new_rules(&ndjson_of(&corrected));
    let succeeded = vec![
        rec(0, CATEGORIES).status(409),
        rec(10_000, CATEGORIES),
        rec(20_000, CATEGORIES).status(409),
    ];
    none_of_new_rules(&ndjson_of(&succeeded));
    // Sent while the first was still outstanding: no repeat after the answer.
    let concurrent = vec![
        rec(0, CATEGORIES).status(400).lasting(2_000),
        rec(500, CATEGORIES).status(400),
    ];
    none_of_new_rules(&ndjson_of(&concurrent));
}

#[test]
fn statuses_with_their_own_rules_are_not_repeated_failures() {
    for status in [401, 408, 429, 500, 503] {
        let calls = vec![
            rec(0, CATEGORIES).status(status),
            rec(10 * MINUTE, CATEGORIES).status(status),
        ];
        let report = analyze(&ndjson_of(&calls), None);
        assert!(
            of_rule(&report, "repeated-failing-request").is_empty(),
            "{status}"
        );
    }
}

// --- auth-failure-ignored

#[test]
fn calls_rejected_with_401_again_after_a_401_are_reported_once_per_token() {
    let calls = vec![
        rec(0, CONFIGURATION).status(401),
        rec(1_000, CATEGORIES).status(401),
        rec(2_000, COMPANIES).status(401),
        rec(3_000, CONFIGURATION).status(401),
    ];
    for text in [ndjson_of(&calls), har_of(&calls, false)] {
        let found = one(&text, "auth-failure-ignored");
        assert_eq!(found.call, Some(1));
        assert!(
            found.message.starts_with("Call 0 (2026-11-23T10:00:00Z) got 401 and 3 later call(s) with AccessToken C66E… were rejected with 401 again"),
            "{}",
            found.message
        );
        assert!(!found.message.contains(TOKEN), "the token is masked");
        let report = analyze(&text, None);
        assert!(
            of_rule(&report, "repeated-failing-request").is_empty(),
            "one finding for one situation"
        );
    }
}

#[test]
fn the_run_of_401s_starts_at_the_first_401_not_at_an_earlier_success() {
    let calls = vec![
        rec(0, CONFIGURATION),
        rec(1_000, CATEGORIES).status(500),
        rec(2_000, COMPANIES).status(401),
        rec(3_000, CONFIGURATION).status(401),
    ];
    let found = one(&ndjson_of(&calls), "auth-failure-ignored");
    assert_eq!(found.call, Some(3));
    assert!(
        found
            .message
            .starts_with("Call 2 (2026-11-23T10:00:02Z) got 401 and 1 later call(s)"),
        "{}",
        found.message
    );
}

#[test]
fn a_401_followed_by_other_tokens_permitted_operations_or_a_restored_connection_is_fine() {
    let other_token = vec![
        rec(0, CONFIGURATION).status(401),
        rec(1_000, CONFIGURATION).token(OTHER_TOKEN),
    ];
    none_of_new_rules(&ndjson_of(&other_token));
    // 401 for an operation the integration has no permission for; others still work.
    let permitted = vec![
        rec(0, COMPANIES).status(401),
        rec(1_000, CONFIGURATION),
        rec(2_000, CATEGORIES),
    ];
    none_of_new_rules(&ndjson_of(&permitted));
    // A success of another operation does not clear a 401: the rejected one called again is.
    let called_again = vec![
        rec(0, COMPANIES).status(401),
        rec(1_000, CONFIGURATION),
        rec(2_000, COMPANIES).status(401),
    ];
    let found = one(&ndjson_of(&called_again), "auth-failure-ignored");
    assert_eq!(found.call, Some(2));
    // The connection was restored in between: a later 401 opens a new run.
    let restored = vec![
        rec(0, CONFIGURATION).status(401),
        rec(10 * MINUTE, CONFIGURATION),
        rec(20 * MINUTE, CONFIGURATION).status(401),
    ];
    none_of_new_rules(&ndjson_of(&restored));
    let concurrent = vec![
        rec(0, CONFIGURATION).status(401).lasting(1_000),
        rec(200, CATEGORIES).status(401),
    ];
    none_of_new_rules(&ndjson_of(&concurrent));
}

// --- fixed-interval-retry after 5xx and 408

#[test]
fn retries_after_5xx_or_408_without_growing_waits_are_a_warning() {
    let fixed = vec![
        rec(0, CATEGORIES).status(500),
        rec(1_000, CATEGORIES).status(500),
        rec(2_000, CATEGORIES).status(500),
        rec(3_000, CATEGORIES),
    ];
    for text in [ndjson_of(&fixed), har_of(&fixed, false)] {
        let found = one(&text, "fixed-interval-retry");
        assert!(
            found
                .message
                .starts_with("Retries after 500 responses waited"),
            "{}",
            found.message
        );
        assert_eq!(rules_raised(&text).len(), 1, "{:?}", rules_raised(&text));
    }
    let shrinking = vec![
        rec(0, CATEGORIES).status(408),
        rec(4_000, CATEGORIES).status(408),
        rec(6_000, CATEGORIES).status(408),
        rec(7_000, CATEGORIES),
    ];
    let found = one(&ndjson_of(&shrinking), "fixed-interval-retry");
    assert_eq!(found.call, Some(2));
    assert!(
        found
            .message
            .contains("408 responses waited 4.000 s and then 2.000 s: the wait did not grow"),
        "{}",
        found.message
    );
}

#[test]
fn growing_waits_after_5xx_and_scheduled_polls_during_an_outage_are_fine() {
    let backoff = vec![
        rec(0, CATEGORIES).status(503),
        rec(1_000, CATEGORIES).status(503),
        rec(3_000, CATEGORIES).status(502),
        rec(7_000, CATEGORIES),
    ];
    none_of_new_rules(&ndjson_of(&backoff));
    // A sync every 5 minutes meeting the same outage is no retry loop.
    let polls: Vec<Rec> = (0..4)
        .map(|i| rec(i * 5 * MINUTE, CATEGORIES).status(500))
        .collect();
    none_of_new_rules(&ndjson_of(&polls));
    let single = vec![rec(0, CATEGORIES).status(500), rec(1_000, CATEGORIES)];
    none_of_new_rules(&ndjson_of(&single));
}

// --- pagination-restarted

fn page_request(ms: i64, cursor: Option<&str>) -> Rec {
    let mut limitation = json!({"Count": 2});
    if let Some(cursor) = cursor {
        limitation["Cursor"] = cursor.into();
    }
    rec(ms, COMPANIES)
        .with(
            "UpdatedUtc",
            json!({"StartUtc": "2026-11-20T00:00:00Z", "EndUtc": "2026-11-23T00:00:00Z"}),
        )
        .with("Limitation", limitation)
}

/// The NDJSON lines of `text` with each `response` written as a JSON string of its body, as a
/// log that stores bodies as text does.
fn with_responses_as_strings(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut call: Value = serde_json::from_str(line).unwrap();
            let body = call["response"].to_string();
            call["response"] = body.into();
            format!("{call}\n")
        })
        .collect()
}

fn page(items: usize, cursor: Option<&str>) -> Value {
    let companies: Vec<Value> = (0..items).map(|i| json!({"Id": format!("c{i}")})).collect();
    json!({"Companies": companies, "Cursor": cursor})
}

#[test]
fn a_full_page_whose_next_page_is_never_fetched_then_a_restart_is_reported() {
    let calls = vec![
        page_request(0, None).response(page(2, Some("c1"))),
        page_request(60_000, None).response(page(2, Some("c1"))),
        page_request(120_000, None).response(page(2, Some("c1"))),
    ];
    // An empty `encoding` (as some tools write it) is no encoding.
    let empty_encoding = har_of(&calls, false).replace(
        r#""mimeType":"application/json","size""#,
        r#""encoding":"","mimeType":"application/json","size""#,
    );
    assert_eq!(empty_encoding.matches(r#""encoding":"""#).count(), 3);
    for text in [
        ndjson_of(&calls),
        har_of(&calls, false),
        har_of(&calls, true),
        empty_encoding,
        with_responses_as_strings(&ndjson_of(&calls)),
    ] {
        let found = one(&text, "pagination-restarted");
        assert_eq!(found.call, Some(1));
        assert!(
            found.message.starts_with("Call 0 (2026-11-23T10:00:00Z) to `/api/connector/v1/companies/getAll` returned a full page (2 items, the `Limitation.Count`) with a `Cursor`, but its next page was never requested: this call fetches the same data again from the first page (2 restart(s) in all);"),
            "{}",
            found.message
        );
    }
}

#[test]
fn fetching_the_next_page_or_a_last_page_before_restarting_is_fine() {
    let followed = vec![
        page_request(0, None).response(page(2, Some("c1"))),
        page_request(1_000, Some("c1")).response(page(1, Some("c2"))),
        page_request(10 * MINUTE, None).response(page(2, Some("c1"))),
        page_request(10 * MINUTE + 1_000, Some("c1")).response(page(0, None)),
    ];
    none_of_new_rules(&ndjson_of(&followed));
    none_of_new_rules(&har_of(&followed, false));
    let short_page = vec![
        page_request(0, None).response(page(1, Some("c0"))),
        page_request(60_000, None).response(page(1, Some("c0"))),
    ];
    none_of_new_rules(&ndjson_of(&short_page));
    // Another data set (another time window) is no restart.
    let other_window = vec![
        page_request(0, None).response(page(2, Some("c1"))),
        page_request(60_000, None)
            .with(
                "UpdatedUtc",
                json!({"StartUtc": "2026-11-21T00:00:00Z", "EndUtc": "2026-11-23T00:00:00Z"}),
            )
            .response(page(2, Some("c1"))),
    ];
    none_of_new_rules(&ndjson_of(&other_window));
    // A `Limitation.Count` of 0 (out of range) sets no page size: an empty page is not full.
    let sizeless = |ms| {
        page_request(ms, None)
            .with("Limitation", json!({"Count": 0}))
            .response(page(0, Some("c1")))
    };
    none_of_new_rules(&ndjson_of(&[sizeless(0), sizeless(60_000)]));
    // No response recorded, or recorded as base64 that is no UTF-8 text: nothing to judge by.
    let unrecorded = vec![page_request(0, None), page_request(60_000, None)];
    none_of_new_rules(&ndjson_of(&unrecorded));
    let restarted = vec![
        page_request(0, None).response(page(2, Some("c1"))),
        page_request(60_000, None).response(page(2, Some("c1"))),
    ];
    let mut undecodable: Value = serde_json::from_str(&har_of(&restarted, true)).unwrap();
    for entry in undecodable["log"]["entries"].as_array_mut().unwrap() {
        entry["response"]["content"]["text"] = "/w==".into(); // the byte 0xFF
    }
    none_of_new_rules(&undecodable.to_string());
    // A failed page is no page.
    let failed = vec![
        page_request(0, None)
            .status(500)
            .response(page(2, Some("c1"))),
        page_request(60_000, None).response(page(2, Some("c1"))),
    ];
    none_of_new_rules(&ndjson_of(&failed));
}

// --- the existing recordings stay quiet

#[test]
fn the_recorded_chromium_session_raises_none_of_the_new_rules() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/chromium-mock-session.har"
    ))
    .unwrap();
    none_of_new_rules(&text);
}

#[test]
fn a_clean_generated_session_raises_none_of_the_new_rules() {
    let mut calls = vec![
        rec(0, CONFIGURATION),
        rec(1_000, CATEGORIES),
        page_request(2_000, None).response(page(2, Some("c1"))),
        page_request(3_000, Some("c1")).response(page(1, Some("c2"))),
        rec(4_000, CONFIGURATION).status(429),
    ];
    calls.extend((1..6).map(|i| rec(i * 10 * MINUTE, CONFIGURATION)));
    let text = ndjson_of(&calls);
    none_of_new_rules(&text);
    none_of_new_rules(&har_of(&calls, false));
}
