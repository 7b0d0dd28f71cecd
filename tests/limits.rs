//! The options' limits (`Options::limits`) on every entry point: a text over `maxInputBytes` is one
//! `input-too-large` finding and is read no further; `maxDepth` and `maxDiagnostics` move the
//! points where `nesting-too-deep` and the caps apply; limits out of range are option problems.

mod common;

use common::*;
use mews_connector_validator::{
    Options, Report, analyze_session, validate_checklist, validate_input, validate_request,
};

fn limited(max_input_bytes: usize) -> Options {
    let mut options = Options::default();
    options.limits.max_input_bytes = max_input_bytes;
    options
}

fn rules(report: &Report) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.rule.as_str()).collect()
}

fn request_text() -> String {
    serde_json::to_string_pretty(&body(CONFIGURATION, TOKEN, CLIENT)).unwrap()
}

#[test]
fn a_body_at_the_limit_is_checked_and_one_byte_over_is_not() {
    let text = request_text();
    let at_limit = validate_request(CONFIGURATION, &text, &limited(text.len()));
    assert!(at_limit.valid, "{:?}", rules(&at_limit));
    let over = validate_request(CONFIGURATION, &text, &limited(text.len() - 1));
    assert!(!over.valid);
    assert_eq!(rules(&over), ["input-too-large"]);
    let diagnostic = &over.diagnostics[0];
    assert_eq!((diagnostic.line, diagnostic.column), (1, 1));
    assert_eq!(
        diagnostic.message,
        format!(
            "The body is {} bytes; expected at most {} bytes (the option `limits.maxInputBytes`), so it was not checked",
            text.len(),
            text.len() - 1
        )
    );
    // The operation is still named, as the address was read.
    assert_eq!(over.operation.unwrap().address, CONFIGURATION);
}

#[test]
fn a_paste_a_checklist_and_a_recording_over_the_limit_are_not_read() {
    let curl = format!(
        "curl -X POST https://api.mews-demo.com{CONFIGURATION} -H 'Content-Type: application/json' -d '{}'",
        serde_json::to_string(&body(CONFIGURATION, TOKEN, CLIENT)).unwrap()
    );
    let paste = validate_input(&curl, None, &limited(100));
    assert_eq!(rules(&paste), ["input-too-large"]);
    assert!(
        paste.diagnostics[0]
            .message
            .starts_with("The pasted text is ")
    );
    assert!(validate_input(&curl, None, &limited(curl.len())).valid);

    let checklist = r#"{"integrationName": "x"}"#;
    let report = validate_checklist(checklist, &limited(10));
    assert_eq!(rules(&report), ["input-too-large"]);
    assert!(
        report.diagnostics[0]
            .message
            .starts_with("The checklist is 24 bytes")
    );

    let recording = ndjson(&evenly(5, T0, 10_000));
    let small = limited(recording.len() - 1);
    let session = analyze_session(&recording, None, &small, &mut |_| {});
    let found: Vec<&str> = session
        .diagnostics
        .iter()
        .map(|d| d.rule.as_str())
        .collect();
    // As for an unreadable recording: no call was found either.
    assert_eq!(found, ["input-too-large", "session-no-calls"]);
    assert!(!session.valid);
    assert_eq!(session.summary.calls, 0, "nothing was read");
    let whole = analyze_session(&recording, None, &limited(recording.len()), &mut |_| {});
    assert_eq!(whole.summary.calls, 5);
}

#[test]
fn max_depth_moves_where_nesting_is_too_deep() {
    // The body object is level 1; "Ids" holds 3 more levels.
    let mut value = body(CONFIGURATION, TOKEN, CLIENT);
    value["Ids"] = serde_json::json!([[[]]]);
    let text = serde_json::to_string(&value).unwrap();
    let mut options = Options::default();
    options.limits.max_depth = 4;
    assert!(
        !rules(&validate_request(CONFIGURATION, &text, &options)).contains(&"nesting-too-deep")
    );
    options.limits.max_depth = 3;
    assert_eq!(
        rules(&validate_request(CONFIGURATION, &text, &options)),
        ["nesting-too-deep"]
    );
}

#[test]
fn max_diagnostics_caps_a_request_report_and_says_so() {
    let mut value = body(CONFIGURATION, TOKEN, CLIENT);
    for i in 0..30 {
        value[format!("Unknown{i:02}")] = serde_json::json!(i);
    }
    let text = serde_json::to_string(&value).unwrap();
    let mut options = Options::default();
    options.limits.max_diagnostics = 5;
    let report = validate_request(CONFIGURATION, &text, &options);
    assert_eq!(report.diagnostics.len(), 6);
    assert_eq!(report.diagnostics[5].rule, "too-many-diagnostics");
    assert!(
        report.diagnostics[5]
            .message
            .starts_with("More than 5 problems were found; the report shows the first 5"),
        "{}",
        report.diagnostics[5].message
    );
    let all = validate_request(CONFIGURATION, &text, &Options::default());
    let unknown = all
        .diagnostics
        .iter()
        .filter(|d| d.rule == "unknown-property")
        .count();
    assert_eq!(unknown, 30);
    assert!(!rules(&all).contains(&"too-many-diagnostics"));
    // A report of exactly the cap is whole: nothing is said to be left out.
    let mut exact = Options::default();
    exact.limits.max_diagnostics = all.diagnostics.len();
    let capped = validate_request(CONFIGURATION, &text, &exact);
    assert_eq!(capped.diagnostics, all.diagnostics);
    exact.limits.max_diagnostics -= 1;
    let capped = validate_request(CONFIGURATION, &text, &exact);
    assert_eq!(capped.diagnostics.len(), all.diagnostics.len());
    assert_eq!(rules(&capped).last(), Some(&"too-many-diagnostics"));
}

#[test]
fn limits_out_of_range_and_unknown_keys_are_option_problems() {
    let parse = |json: &str| serde_json::from_str::<Options>(json);
    assert!(
        parse(r#"{"limits": {"maxInputBytes": 10}}"#)
            .unwrap()
            .problems()
            .is_empty()
    );
    let problems =
        parse(r#"{"limits": {"maxInputBytes": 0, "maxDepth": 128, "maxDiagnostics": 0}}"#)
            .unwrap()
            .problems();
    assert_eq!(
        problems,
        [
            "limits.maxInputBytes must be at least 1",
            "limits.maxDepth is 128; expected 1 to 127",
            "limits.maxDiagnostics is 0; expected 1 to 100000",
        ]
    );
    let error = parse(r#"{"limits": {"maxBytes": 10}}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("unknown field `maxBytes`"), "{error}");
    // Unset keys keep their defaults.
    let one = parse(r#"{"limits": {"maxDepth": 10}}"#).unwrap();
    assert_eq!(one.limits.max_depth, 10);
    assert_eq!(one.limits.max_diagnostics, 1000);
    assert_eq!(one.limits.max_input_bytes, 128 * 1024 * 1024);
}

/// Each wrong value is its own schema error: the cap still gets one more than it shows, so a
/// report of one problem is not empty and a report of exactly the cap is whole.
#[test]
fn max_diagnostics_counts_separate_schema_errors() {
    const NOTES_ADD: &str = "/api/connector/v1/accountNotes/add";
    let mut value = body(NOTES_ADD, TOKEN, CLIENT);
    // Tokens of no demo integration: the schema's findings are the only ones.
    value["ClientToken"] =
        "1D2E3F405162738495A6B7C8D9E0F1A2-B3C4D5E6F708192A3B4C5D6E7F80912".into();
    value["AccessToken"] =
        "9F2A41C0D2E14B5C8E6FAD2001550000-1234567890ABCDEF1234567890ABCDE".into();
    value["AccountNotes"][0]["Classifications"][0] = "FamilyRelation".into();
    value["AccountNotes"][0]["Content"] = 17.into();
    let text = serde_json::to_string_pretty(&value).unwrap();
    let located = |max_diagnostics: usize| {
        let mut options = Options::default();
        options.limits.max_diagnostics = max_diagnostics;
        validate_request(NOTES_ADD, &text, &options)
            .diagnostics
            .into_iter()
            .map(|d| (d.rule, d.pointer))
            .collect::<Vec<_>>()
    };
    let enum_value = (
        "enum-value".to_string(),
        "/AccountNotes/0/Classifications/0".to_string(),
    );
    let type_mismatch = (
        "type-mismatch".to_string(),
        "/AccountNotes/0/Content".to_string(),
    );
    assert_eq!(
        located(1),
        [
            enum_value.clone(),
            ("too-many-diagnostics".to_string(), String::new())
        ]
    );
    assert_eq!(located(2), [enum_value.clone(), type_mismatch.clone()]);
    assert_eq!(located(1000), [enum_value, type_mismatch]);
}

#[test]
fn a_body_over_the_limit_still_gets_the_findings_of_its_address() {
    let text = request_text();
    let address = format!("{CONFIGURATION}/");
    let over = validate_request(&address, &text, &limited(text.len() - 1));
    assert_eq!(rules(&over), ["input-too-large", "trailing-slash"]);
    assert!(
        over.diagnostics[1].message.contains(CONFIGURATION),
        "{}",
        over.diagnostics[1].message
    );
    assert_eq!(over.operation.unwrap().address, CONFIGURATION);
}
