//! Shared by the input tests: realistic pasted requests and independent position arithmetic.
#![allow(dead_code)]

use mews_connector_validator::{Diagnostic, Options, Report};

pub const CUSTOMERS_GET_ALL: &str = "/api/connector/v1/customers/getAll";
pub const DEMO_URL: &str = "https://api.mews-demo.com/api/connector/v1/customers/getAll";

pub fn options() -> Options {
    Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    }
}

/// A customers/getAll body with two errors (`"yes"` for a boolean, `Count` 5000), minified.
pub const BODY: &str = r#"{"ClientToken":"E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D","AccessToken":"C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D","Client":"Sample Client 1.0.0","Extent":{"Customers":"yes"},"Limitation":{"Count":5000}}"#;

/// 1-based line and UTF-16 column of `needle`'s `nth` occurrence (0-based) in `text`, counted the slow obvious way.
pub fn position_of(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))
        .0;
    position_at(text, offset)
}

pub fn position_at(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].encode_utf16().count() + 1;
    (line as u32, column as u32)
}

/// The diagnostic of `rule` (the only one).
pub fn only<'a>(report: &'a Report, rule: &str) -> &'a Diagnostic {
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .collect();
    assert_eq!(found.len(), 1, "{rule} in {:#?}", report.diagnostics);
    found[0]
}

pub fn start(d: &Diagnostic) -> (u32, u32) {
    (d.line, d.column)
}

pub fn end(d: &Diagnostic) -> (u32, u32) {
    (d.end_line, d.end_column)
}

pub fn rules(report: &Report) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.rule.as_str()).collect()
}
