//! Moves the engine's diagnostics (located in the extracted body) to the pasted text, and builds
//! the report with this module's own findings.

use super::mapped::Mapped;
use super::request::Problem;
use crate::diagnostic::{Diagnostic, OperationRef, Report};
use crate::engine;
use crate::options::Options;
use crate::source::{LineIndex, Span};

/// Engine rules about the address or the operation as a whole: located at the URL when there is one.
const OPERATION_RULES: &[&str] = &[
    "unknown-operation",
    "path-case-mismatch",
    "trailing-slash",
    "deprecated-operation",
    "restricted-operation",
];

/// Locates the engine's body diagnostics in the pasted text.
pub fn body_diagnostics(
    text: &str,
    lines: &LineIndex,
    body: &Mapped,
    url_span: Option<Span>,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let body_lines = line_starts(&body.text);
    let body_start = body.span(0).start;
    diagnostics
        .into_iter()
        .map(|mut diagnostic| {
            let span = match url_span {
                Some(url) if OPERATION_RULES.contains(&diagnostic.rule.as_str()) => url,
                _ => {
                    let start =
                        offset_of(&body.text, &body_lines, diagnostic.line, diagnostic.column);
                    let end = offset_of(
                        &body.text,
                        &body_lines,
                        diagnostic.end_line,
                        diagnostic.end_column,
                    );
                    body.origin(start, end, body_start)
                }
            };
            let start = lines.position(text, span.start);
            let end = lines.position(text, span.end);
            diagnostic.line = start.line;
            diagnostic.column = start.column;
            diagnostic.end_line = end.line;
            diagnostic.end_column = end.column;
            diagnostic
        })
        .collect()
}

/// Byte offsets where the lines of `text` start.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(index, _)| index + 1))
        .collect()
}

/// The byte offset of a 1-based line and UTF-16 column (the inverse of `LineIndex::position`).
fn offset_of(text: &str, line_starts: &[usize], line: u32, column: u32) -> usize {
    let line_start = usize::try_from(line)
        .ok()
        .and_then(|line| line_starts.get(line.saturating_sub(1)))
        .copied()
        .unwrap_or(text.len());
    let rest = text.get(line_start..).unwrap_or_default();
    let mut units = 1;
    for (index, ch) in rest.char_indices() {
        if units >= column || ch == '\n' {
            return line_start + index;
        }
        units += ch.len_utf16() as u32;
    }
    text.len()
}

/// This module's findings, located in the pasted text.
pub fn located_problems(text: &str, lines: &LineIndex, problems: Vec<Problem>) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|problem| super::diagnostic(text, lines, problem))
        .collect()
}

/// A report of this module's findings only (no body to validate). `address`, when given, is
/// resolved so the report names the operation and carries the address problems at the URL.
pub fn problems_only(
    text: &str,
    address: Option<(&str, Option<Span>)>,
    problems: Vec<Problem>,
    options: &Options,
) -> Report {
    let lines = LineIndex::new(text);
    let own = located_problems(text, &lines, problems);
    let Some((address, url_span)) = address else {
        return report(None, Vec::new(), own, options);
    };
    // An empty object resolves the operation; only the findings about the address are kept.
    let resolved = engine::validate_request(address, "{}", options);
    let address_findings: Vec<Diagnostic> = resolved
        .diagnostics
        .into_iter()
        .filter(|d| OPERATION_RULES.contains(&d.rule.as_str()))
        .collect();
    let located = body_diagnostics(text, &lines, &Mapped::default(), url_span, address_findings);
    report(resolved.operation, located, own, options)
}

/// The report of engine findings (already filtered by the options) plus this module's own.
pub fn report(
    operation: Option<OperationRef>,
    mut engine_findings: Vec<Diagnostic>,
    own: Vec<Diagnostic>,
    options: &Options,
) -> Report {
    engine_findings.extend(options.apply(own));
    Report::new(operation, engine_findings)
}

/// A HAR export is a recorded session: one diagnostic that says where to review it.
pub fn har(text: &str, options: &Options) -> Report {
    let start = text.len() - text.trim_start().len();
    let problem = Problem::new(
        "recorded-session",
        "Found a HAR export (a recorded session); expected one request. Review it as a session: analyzeSession() in the npm package, `mews-connector-validator session` on the command line, or paste it in the checker page".to_string(),
        Span { start, end: start + 1 },
    );
    problems_only(text, None, vec![problem], options)
}
