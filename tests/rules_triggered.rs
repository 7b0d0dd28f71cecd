//! Rules that no other integration test raised (issue 13), each triggered by a realistic mistake
//! in a docs example or the example checklist, with its id, severity, pointer and position; and,
//! for the three rules no input reaches, a check over every operation's schemas that it stays so.

mod examples_support;

use examples_support::{example, mark, only, options, replace_once};
use mews_connector_validator::api::{BodyKind, schemas};
use mews_connector_validator::{
    Diagnostic, Report, Severity, operations, validate_checklist, validate_input, validate_request,
};

/// 1-based line and UTF-16 column of `needle` (its only occurrence) in `text`, and of its end.
fn span_of(text: &str, needle: &str) -> (u32, u32, u32, u32) {
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} in {text}");
    let start = text.find(needle).unwrap();
    let position = |offset: usize| {
        let before = &text[..offset];
        let line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].encode_utf16().count() as u32 + 1)
    };
    let (line, column) = position(start);
    let (end_line, end_column) = position(start + needle.len());
    (line, column, end_line, end_column)
}

fn assert_at(d: &Diagnostic, severity: Severity, pointer: &str, span: (u32, u32, u32, u32)) {
    assert_eq!(d.severity, severity, "{d:?}");
    let (line, column, end_line, end_column) = span;
    assert_eq!(
        mark(d),
        (pointer, line, column, end_line, end_column),
        "{d:?}"
    );
    assert!(d.docs.starts_with("https://docs.mews.com/"), "{d:?}");
}

/// Every error of a report, as `rule pointer`: the mistake planted must be the only one.
fn errors(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.rule, d.pointer))
        .collect()
}

#[test]
fn a_contact_email_without_an_at_sign_breaks_the_pattern() {
    let text = replace_once(
        include_str!("../examples/checklist-public.json"),
        "\"ana.duarte@brightkeep.example\"",
        "\"ana.duarte at brightkeep.example\"",
    );
    let report = validate_checklist(&text, &options());
    assert_eq!(errors(&report), ["pattern /contact/email"]);
    let d = only(&report, "pattern");
    assert_at(
        d,
        Severity::Error,
        "/contact/email",
        span_of(&text, "\"ana.duarte at brightkeep.example\""),
    );
    assert!(!report.valid);
}

#[test]
fn a_classification_given_twice_breaks_unique_items() {
    const CUSTOMERS_UPDATE: &str = "/api/connector/v1/customers/update";
    let text = replace_once(
        &example(CUSTOMERS_UPDATE),
        "\"FriendOrFamily\"",
        "\"Media\"",
    );
    let report = validate_request(CUSTOMERS_UPDATE, &text, &options());
    assert_eq!(errors(&report), ["unique-items /Classifications"]);
    let d = only(&report, "unique-items");
    let array = text.find("\"Classifications\": [").unwrap() + "\"Classifications\": ".len();
    let array = &text[array..array + text[array..].find(']').unwrap() + 1];
    assert_at(
        d,
        Severity::Error,
        "/Classifications",
        span_of(&text, array),
    );
    assert!(
        d.message.contains("repeated items") && d.message.contains("(2 items)"),
        "{}",
        d.message
    );
}

#[test]
fn a_swapped_latitude_and_longitude_breaks_the_number_range() {
    // Sydney, with latitude and longitude swapped: 151.2 is no latitude (at most 90).
    const ADDRESSES_ADD: &str = "/api/connector/v1/addresses/add";
    let text = replace_once(
        &example(ADDRESSES_ADD),
        "\"Latitude\": null",
        "\"Latitude\": 151.2093",
    );
    let text = replace_once(&text, "\"Longitude\": null", "\"Longitude\": -33.8688");
    let report = validate_request(ADDRESSES_ADD, &text, &options());
    assert_eq!(errors(&report), ["number-range /Addresses/0/Latitude"]);
    let d = only(&report, "number-range");
    assert_at(
        d,
        Severity::Error,
        "/Addresses/0/Latitude",
        span_of(&text, "151.2093"),
    );
    assert!(
        d.message.contains("151.2093") && d.message.contains("90"),
        "{}",
        d.message
    );
}

#[test]
fn an_empty_id_filter_breaks_min_items() {
    const ACCOUNT_NOTES: &str = "/api/connector/v1/accountNotes/getAll";
    let text = example(ACCOUNT_NOTES);
    let start = text.find("\"AccountIds\": [").unwrap() + "\"AccountIds\": ".len();
    let end = start + text[start..].find(']').unwrap() + 1;
    let text = format!("{}[]{}", &text[..start], &text[end..]);
    let report = validate_request(ACCOUNT_NOTES, &text, &options());
    assert_eq!(errors(&report), ["min-items /AccountIds"]);
    let d = only(&report, "min-items");
    assert_at(d, Severity::Error, "/AccountIds", span_of(&text, "[]"));
}

#[test]
fn a_note_over_the_length_limit_breaks_string_length_counted_in_characters() {
    // 1,001 accented characters: 2,002 bytes, but the limit (1,000) counts characters.
    const NOTES_ADD: &str = "/api/connector/v1/accountNotes/add";
    let long = "é".repeat(1001);
    let text = replace_once(
        &example(NOTES_ADD),
        "\"Brother of the CEO\"",
        &format!("\"{long}\""),
    );
    let report = validate_request(NOTES_ADD, &text, &options());
    assert_eq!(errors(&report), ["string-length /AccountNotes/0/Content"]);
    let d = only(&report, "string-length");
    assert_at(
        d,
        Severity::Error,
        "/AccountNotes/0/Content",
        span_of(&text, &format!("\"{long}\"")),
    );
    assert!(
        d.message
            .starts_with("Found a string of 1001 characters; expected at most 1000"),
        "{}",
        d.message
    );
    // At the limit: valid.
    let text = replace_once(
        &example(NOTES_ADD),
        "\"Brother of the CEO\"",
        &format!("\"{}\"", "é".repeat(1000)),
    );
    assert_eq!(
        errors(&validate_request(NOTES_ADD, &text, &options())),
        Vec::<String>::new()
    );
}

#[test]
fn a_restricted_operation_is_only_a_hint() {
    // cancellationPolicies/getAll is restricted (a notice in its docs): Mews enables it on request.
    const ADDRESS: &str = "/api/connector/v1/cancellationPolicies/getAll";
    let operation = operations()
        .iter()
        .find(|op| op.address == ADDRESS)
        .unwrap();
    assert!(operation.restricted);
    let url = format!("https://api.mews-demo.com{ADDRESS}");
    let text = format!(
        "POST {url} HTTP/1.1\nContent-Type: application/json\n\n{}\n",
        example(ADDRESS)
    );
    let report = validate_input(&text, None, &options());
    let d = only(&report, "restricted-operation");
    assert_eq!(d.severity, Severity::Info);
    assert_eq!(d.pointer, "");
    assert_eq!((d.line, d.column), (1, 6), "{d:?}");
    assert!(
        report.valid,
        "a hint does not fail the request: {:#?}",
        report.diagnostics
    );
    assert_eq!(errors(&report), [] as [String; 0]);
    // As a bare body too.
    let report = validate_request(ADDRESS, &example(ADDRESS), &options());
    assert_eq!(
        only(&report, "restricted-operation").severity,
        Severity::Info
    );
    assert!(report.valid);
}

/// `schema-unavailable` is raised only for a schema that does not compile: every operation's
/// request and response schema compiles in the engine, so no input can raise it.
#[test]
fn every_operation_schema_compiles_so_schema_unavailable_is_unreachable() {
    let mut compiled = 0;
    for operation in operations() {
        for kind in [BodyKind::Request, BodyKind::Response] {
            match schemas::validator(operation, kind) {
                None => {}
                Some(Ok(_)) => compiled += 1,
                Some(Err(reason)) => panic!("{} {kind:?}: {reason}", operation.address),
            }
        }
    }
    assert!(compiled >= operations().len(), "{compiled}");
}
