//! Moves the engine's diagnostics (located in the extracted body) to the pasted text, and builds
//! the report with this module's own findings.

use super::mapped::Mapped;
use super::request::Problem;
use crate::diagnostic::{Diagnostic, OperationRef, Report};
use crate::engine;
use crate::options::Options;
use crate::source::{LineIndex, Position, Span};

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
    let body_lines = LineIndex::new(&body.text);
    let body_start = body.span(0).start;
    diagnostics
        .into_iter()
        .map(|mut diagnostic| {
            let span = match url_span {
                Some(url) if OPERATION_RULES.contains(&diagnostic.rule.as_str()) => url,
                _ => {
                    let start = body_lines.offset(
                        &body.text,
                        Position {
                            line: diagnostic.line,
                            column: diagnostic.column,
                        },
                    );
                    let end = body_lines.offset(
                        &body.text,
                        Position {
                            line: diagnostic.end_line,
                            column: diagnostic.end_column,
                        },
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
    let resolved = engine::check_address(address, options);
    let located = body_diagnostics(
        text,
        &lines,
        &Mapped::default(),
        url_span,
        resolved.diagnostics,
    );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::validate_input;

    /// Line and UTF-16 column of `offset`, counted the slow obvious way.
    fn counted(text: &str, offset: usize) -> (u32, u32) {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + 1;
        let column = before[line_start..].encode_utf16().count() + 1;
        (line as u32, column as u32)
    }

    #[test]
    fn a_thousand_findings_at_the_end_of_a_long_non_ascii_line_are_located() {
        // A one-line 3 MB non-ASCII body whose findings all sit after the long value: walking the
        // line from its start for every finding took half a minute in a release build.
        let unknown: String = (0..1000).map(|i| format!(",\"Unknown{i}\":{i}")).collect();
        let body = format!(
            "{{\"ClientToken\":\"E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D\",\"AccessToken\":\"C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D\",\"Client\":\"Zoë 1.0.0\",\"Note\":\"{}\"{unknown},\"Limitation\":{{\"Count\":10}}}}",
            "é😀".repeat(500_000)
        );
        let text = format!(
            "curl 'https://api.mews-demo.com/api/connector/v1/customers/getAll' -H 'content-type: application/json' --data-raw '{body}'"
        );
        let report = validate_input(&text, None, &Options::default());
        let found: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.pointer.starts_with("/Unknown"))
            .collect();
        assert!(found.len() > 900, "{}", found.len());
        for d in [found[0], found[found.len() / 2], found[found.len() - 1]] {
            let key = format!("\"{}\"", d.pointer.trim_start_matches('/'));
            let at = text.find(&key).unwrap();
            assert_eq!((d.line, d.column), counted(&text, at), "{d:?}");
        }
    }
}
