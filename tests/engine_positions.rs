//! Positions: pretty and minified input, CRLF, non-ASCII text → exact line and UTF-16 column,
//! computed here independently from the text.

mod engine_support;

use engine_support::*;
use mews_connector_validator::api::Operation;
use mews_connector_validator::{Diagnostic, Options, pipeline};
use serde_json::{Value, json};

/// An operation with a valid body that has a required string property at its root.
fn subject() -> (&'static Operation, Value, String) {
    for op in operations() {
        let Some(body) = valid_body(op) else { continue };
        let object = object_for(def(&op.request.as_ref().unwrap().def), &body).unwrap();
        let string_property = required(object)
            .into_iter()
            .find(|name| body.get(name).is_some_and(Value::is_string) && !name.ends_with("Token"));
        if let Some(name) = string_property {
            return (op, body, name);
        }
    }
    panic!("no operation with a required string property");
}

/// 1-based line and UTF-16 column of a byte offset, counted the slow obvious way.
fn expected_position(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..]
        .trim_end_matches('\r')
        .encode_utf16()
        .count()
        + 1;
    (u32::try_from(line).unwrap(), u32::try_from(column).unwrap())
}

fn diagnostic<'a>(diagnostics: &'a [Diagnostic], rule: &str, pointer: &str) -> &'a Diagnostic {
    diagnostics
        .iter()
        .find(|d| d.rule == rule && d.pointer == pointer)
        .unwrap_or_else(|| panic!("no {rule} at {pointer} in {diagnostics:#?}"))
}

fn check_unknown_key(op: &Operation, text: &str) {
    let report = pipeline::validate_request(&op.address, text, &Options::default());
    let d = diagnostic(&report.diagnostics, "unknown-property", "/Zz");
    let offset = text.find("\"Zz\"").unwrap();
    assert_eq!(
        (d.line, d.column),
        expected_position(text, offset),
        "{text}"
    );
    assert_eq!(
        (d.end_line, d.end_column),
        expected_position(text, offset + 4)
    );
}

#[test]
fn pretty_minified_and_crlf_locate_the_same_key() {
    let (op, mut body, _) = subject();
    body.as_object_mut().unwrap().insert("Zz".into(), json!(1));
    let pretty = serde_json::to_string_pretty(&body).unwrap();
    check_unknown_key(op, &pretty);
    check_unknown_key(op, &body.to_string());
    let crlf = pretty.replace('\n', "\r\n");
    check_unknown_key(op, &crlf);
    let report_lf = pipeline::validate_request(&op.address, &pretty, &Options::default());
    let report_crlf = pipeline::validate_request(&op.address, &crlf, &Options::default());
    assert_eq!(report_lf.diagnostics, report_crlf.diagnostics);
}

#[test]
fn non_ascii_text_counts_utf16_units() {
    let (op, mut body, name) = subject();
    body[&name] = json!("Café 😀 crème brûlée 🏨");
    body.as_object_mut().unwrap().insert("Zz".into(), json!(1));
    let minified = body.to_string();
    check_unknown_key(op, &minified);
    check_unknown_key(op, &serde_json::to_string_pretty(&body).unwrap());
    // The key must come after the non-ASCII value for the test to mean something.
    if minified.find("\"Zz\"") > minified.find("😀") {
        let offset = minified.find("\"Zz\"").unwrap();
        assert_ne!(expected_position(&minified, offset).1 as usize, offset + 1);
    }
}

#[test]
fn wrong_values_are_located_at_the_value_and_missing_ones_at_the_enclosing_object() {
    let (op, mut body, name) = subject();
    body[&name] = json!(42);
    let text = serde_json::to_string_pretty(&body).unwrap();
    let report = pipeline::validate_request(&op.address, &text, &Options::default());
    let d = diagnostic(&report.diagnostics, "type-mismatch", &format!("/{name}"));
    let offset = text.find(&format!("\"{name}\": 42")).unwrap() + name.len() + 4;
    assert_eq!((d.line, d.column), expected_position(&text, offset));
    assert_eq!(
        (d.end_line, d.end_column),
        expected_position(&text, offset + 2)
    );

    body.as_object_mut().unwrap().remove(&name);
    let text = format!("\n\n   {}", serde_json::to_string_pretty(&body).unwrap());
    let report = pipeline::validate_request(&op.address, &text, &Options::default());
    let d = diagnostic(&report.diagnostics, "missing-required", &format!("/{name}"));
    assert_eq!((d.line, d.column), (3, 4));
}

#[test]
fn nested_missing_property_is_located_at_its_object() {
    let op = operations()
        .iter()
        .find(|op| valid_body(op).is_some_and(|b| b.pointer("/Limitation/Count").is_some()))
        .expect("a paginated operation");
    let mut body = valid_body(op).unwrap();
    body["Limitation"] = json!({});
    let text = serde_json::to_string_pretty(&body).unwrap();
    let report = pipeline::validate_request(&op.address, &text, &Options::default());
    let d = diagnostic(&report.diagnostics, "missing-required", "/Limitation/Count");
    let offset = text.find("\"Limitation\": {").unwrap() + "\"Limitation\": ".len();
    assert_eq!((d.line, d.column), expected_position(&text, offset));
}
