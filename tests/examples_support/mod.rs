//! Docs examples with one planted mistake: the helpers the tests of rules and messages share.

use mews_connector_validator::{Diagnostic, Options, Report, operations};

pub fn options() -> Options {
    Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    }
}

/// The docs example of `address`, pretty-printed, with a unique `Client` name (the docs' "Sample
/// Client" is one of many).
pub fn example(address: &str) -> String {
    let example = operations()
        .iter()
        .find(|op| op.address == address)
        .and_then(|op| op.example.clone())
        .unwrap_or_else(|| panic!("{address} has no docs example"));
    serde_json::to_string_pretty(&example).unwrap().replace(
        "\"Sample Client 1.0.0\"",
        "\"Brightkeep Housekeeping 3.2.0\"",
    )
}

/// `text` with the only occurrence of `from` replaced by `to`.
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} in {text}");
    text.replacen(from, to, 1)
}

/// The one diagnostic of `rule` in `report`, after checking there is exactly one.
pub fn only<'r>(report: &'r Report, rule: &str) -> &'r Diagnostic {
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .collect();
    assert_eq!(found.len(), 1, "{rule}: {:#?}", report.diagnostics);
    found[0]
}

/// Where `d` marks the text: its pointer, then its start and end as 1-based line and UTF-16
/// column.
pub fn mark(d: &Diagnostic) -> (&str, u32, u32, u32, u32) {
    (
        d.pointer.as_str(),
        d.line,
        d.column,
        d.end_line,
        d.end_column,
    )
}
