//! Bad input gets a clear, located diagnostic: never a panic, a hang or a stack overflow.

mod engine_support;

use std::time::{Duration, Instant};

use engine_support::*;
use mews_connector_validator::api::Operation;
use mews_connector_validator::{Options, Report, pipeline};

fn paginated() -> &'static Operation {
    operations()
        .iter()
        .find(|op| valid_body(op).is_some_and(|b| b.pointer("/Limitation/Count").is_some()))
        .expect("a paginated operation")
}

fn rules(report: &Report) -> Vec<(&str, &str, u32, u32)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.rule.as_str(), d.pointer.as_str(), d.line, d.column))
        .collect()
}

fn request(text: &str) -> Report {
    pipeline::validate_request(&paginated().address, text, &Options::default())
}

#[test]
fn malformed_json_is_located() {
    let report = request("{\n  \"Client\": \"x\",\n}");
    assert!(!report.valid);
    assert_eq!(
        report.operation.as_ref().map(|o| o.address.as_str()),
        Some(paginated().address.as_str())
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.rule, "invalid-json");
    assert_eq!((d.line, d.column), (2, 16), "the trailing comma: {d:?}");
    assert!(d.message.starts_with("The body is not valid JSON"));
}

#[test]
fn empty_and_blank_bodies() {
    for text in ["", "   \n  "] {
        let report = request(text);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].rule, "invalid-json");
        assert!(report.diagnostics[0].message.contains("empty"));
    }
}

#[test]
fn non_object_bodies() {
    for (text, found) in [
        ("[1, 2]", "array"),
        ("\"text\"", "string"),
        ("42", "integer"),
        ("null", "null"),
        ("true", "boolean"),
    ] {
        let report = request(text);
        let schema_findings = engine_errors(&report);
        assert_eq!(
            schema_findings,
            [("not-an-object".to_string(), String::new())],
            "{text}"
        );
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.rule == "not-an-object")
            .unwrap();
        assert!(d.message.contains(found), "{}", d.message);
        assert_eq!((d.line, d.column), (1, 1));
    }
}

#[test]
fn very_deep_nesting_is_an_error_not_a_crash() {
    for text in [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    ] {
        let report = request(&text);
        assert!(!report.valid);
        assert_eq!(report.diagnostics[0].rule, "nesting-too-deep");
    }
}

#[test]
fn invalid_utf8_is_reported_at_the_first_bad_byte() {
    let mut bytes = b"{\n  \"Client\": \"caf\xc3\xa9 ".to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(b"\"\n}");
    let report =
        pipeline::validate_request_bytes(&paginated().address, &bytes, &Options::default());
    assert_eq!(rules(&report), [("invalid-encoding", "", 2, 19)]);
    // The bad byte shows as one replacement character: the mark covers it alone.
    let d = &report.diagnostics[0];
    assert_eq!((d.end_line, d.end_column), (2, 20));
    assert_eq!(
        d.message,
        "Found the byte 0xFF at offset 21, which is not valid UTF-8; expected UTF-8 text"
    );
    assert_eq!(
        report.operation.as_ref().map(|op| op.address.as_str()),
        Some(paginated().address.as_str())
    );
    // Too large as well: the address's own findings and the operation stay.
    let mut small = Options::default();
    small.limits.max_input_bytes = 16;
    let address = format!("{}/", paginated().address);
    let report = pipeline::validate_request_bytes(&address, &bytes, &small);
    let found: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(found, ["input-too-large", "trailing-slash"]);
    assert_eq!(
        report.operation.as_ref().map(|op| op.address.as_str()),
        Some(paginated().address.as_str())
    );
    let response =
        pipeline::validate_response_bytes(&paginated().address, &bytes, &Options::default());
    assert_eq!(response.diagnostics[0].rule, "invalid-encoding");
}

#[test]
fn ten_megabyte_body_is_checked_quickly() {
    let mut body = valid_body(paginated()).unwrap();
    body["Zz"] = serde_json::Value::String("x".repeat(10 * 1024 * 1024));
    let text = body.to_string();
    let started = Instant::now();
    let report = request(&text);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        engine_errors(&report),
        [("unknown-property".to_string(), "/Zz".to_string())]
    );
}

#[test]
fn thousands_of_problems_are_capped_with_a_note() {
    let mut body = valid_body(paginated()).unwrap();
    let object = body.as_object_mut().unwrap();
    for i in 0..5000 {
        object.insert(format!("Unknown{i}"), serde_json::json!(i));
    }
    let report = request(&body.to_string());
    assert!(!report.valid);
    assert_eq!(
        report.diagnostics.len(),
        Options::default().limits.max_diagnostics + 1
    );
    let last = report.diagnostics.last().unwrap();
    assert_eq!(last.rule, "too-many-diagnostics");
    assert!(
        last.message.starts_with("More than 1000 problems"),
        "{}",
        last.message
    );
}

#[test]
fn numbers_out_of_range_and_lone_surrogates_do_not_panic() {
    for text in [
        "{\"Count\": 1e999999}",
        "{\"Client\": \"\\ud800\"}",
        "{\"a\": -}",
        "\u{feff}{}",
    ] {
        let report = request(text);
        assert!(!report.diagnostics.is_empty(), "{text}");
    }
    // A byte order mark (Notepad, PowerShell 5) is not a JSON error: the body is checked.
    let report = request("\u{feff}{}");
    assert!(
        report.diagnostics.iter().all(|d| d.rule != "invalid-json"),
        "{:#?}",
        report.diagnostics
    );
    assert!(
        report
            .diagnostics
            .iter()
            // At the `{` after the BOM (one UTF-16 unit).
            .any(|d| d.rule == "missing-required" && (d.line, d.column) == (1, 2)),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn unknown_address_still_parses_the_body_and_points_at_the_start() {
    let report = pipeline::validate_request(
        "https://api.mews-demo.com/api/connector/v1/bills/getEverything?x=1",
        "{}",
        &Options::default(),
    );
    assert!(report.operation.is_none());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "unknown-operation")
        .unwrap();
    assert_eq!((d.pointer.as_str(), d.line, d.column), ("", 1, 1));
    assert!(
        d.message.contains("/api/connector/v1/bills/"),
        "{}",
        d.message
    );
    assert!(d.message.contains("did you mean"));
}

#[test]
fn nesting_beyond_the_limit_is_one_finding_at_the_first_level_too_deep() {
    // 300 levels: the body is not checked further; the finding marks the bracket that opens the
    // 65th level (the body's object is the first).
    let body = valid_body(paginated()).unwrap();
    let deep = format!("{}1{}", "[".repeat(300), "]".repeat(300));
    let text = body
        .to_string()
        .replacen('{', &format!("{{\"Zz\": {deep}, "), 1);
    let report = request(&text);
    let column = u32::try_from(text.find('[').unwrap() + 63 + 1).unwrap();
    assert_eq!(rules(&report), [("nesting-too-deep", "", 1, column)]);
    let message = &report.diagnostics[0].message;
    assert!(message.contains("deeper than 64 levels"), "{message}");
}
