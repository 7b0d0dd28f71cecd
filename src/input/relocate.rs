//! Moves the engine's findings (located by spans of the extracted body) to the pasted text, and
//! builds the reports of pasted requests that have no body to check.

use super::mapped::Mapped;
use super::request::{Problem, Request};
use crate::api::BodyKind;
use crate::diagnostic::Report;
use crate::options::Options;
use crate::pipeline::{self, Checked};
use crate::rules;
use crate::source::Span;

/// `checked` (about the extracted `body`) with every span moved into the pasted text: body
/// findings through the body's offset map, findings about the address and the operation to the
/// URL when there is one.
pub fn into_pasted(mut checked: Checked, body: &Mapped, url_span: Option<Span>) -> Checked {
    let body_start = body.span(0).start;
    let address_span = url_span.unwrap_or(Span {
        start: body_start,
        end: body_start,
    });
    for finding in &mut checked.address {
        finding.span = address_span;
    }
    for finding in &mut checked.body {
        // The operation-level finding of the conformance rules (discontinued) is about the whole
        // body; it stays there, like every other body finding.
        finding.span = body.origin(finding.span.start, finding.span.end, body_start);
    }
    checked
}

/// A report of this module's findings only (no body to validate). `address`, when given, is
/// resolved so the report names the operation and carries the address problems at the URL.
pub fn problems_only(
    text: &str,
    address: Option<(&str, Option<Span>)>,
    problems: Vec<Problem>,
    options: &Options,
) -> Report {
    let mut checked = match address {
        Some((address, url_span)) => {
            let checked = pipeline::check_address_findings(address);
            into_pasted(checked, &Mapped::default(), url_span)
        }
        None => Checked::default(),
    };
    checked
        .body
        .extend(problems.into_iter().map(Problem::into_finding));
    pipeline::report(text, checked, options)
}

/// The report of a pasted `request` whose bytes are not UTF-8 (`shown` is their lossy decoding):
/// `invalid-encoding` at the first bad byte, the address's findings at the URL, and what reading
/// the request found (method, headers); the body is not checked.
pub fn invalid_encoding(
    shown: &str,
    bytes: &[u8],
    fallback: &str,
    request: Request,
    options: &Options,
) -> Report {
    let url_span = request.url.as_ref().map(|url| url.span(request.anchor.end));
    let address = request
        .url
        .as_ref()
        .map_or(fallback, |url| url.text.as_str());
    let mut checked = pipeline::check_bytes(address, bytes, BodyKind::Request, options);
    for finding in &mut checked.address {
        finding.span = url_span.unwrap_or(request.anchor);
    }
    checked
        .body
        .extend(request.problems.into_iter().map(Problem::into_finding));
    pipeline::report(shown, checked, options)
}

/// A HAR export is a recorded session: one diagnostic that says where to review it.
pub fn har(text: &str, options: &Options) -> Report {
    let start = text.len() - text.trim_start().len();
    let problem = Problem::new(
        rules::RECORDED_SESSION,
        "Found a HAR export (a recorded session); expected one request. Review it as a session: analyzeSession() in the npm package, `mews-connector-validator session` on the command line, or paste it in the checker page".to_string(),
        Span { start, end: start + 1 },
    );
    problems_only(text, None, vec![problem], options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
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
