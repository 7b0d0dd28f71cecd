//! Whatever a partner pastes: a JSON body, a cURL command, an HTTP request (REST client syntax), a
//! URL, or a HAR export. Recognises the kind, extracts address and body keeping an offset map, runs
//! the engine on the body, and locates every diagnostic in the PASTED text.

mod curl;
mod detect;
mod http;
mod mapped;
mod relocate;
mod request;
mod rules;
mod shell;

pub use detect::{InputKind, detect};
pub use rules::RULES;

use crate::diagnostic::{Diagnostic, Report};
use crate::engine;
use crate::options::Options;
use crate::source::{LineIndex, Span};
use request::{Body, Problem, Request};
use serde::Serialize;

/// What was pasted and the address it names (the URL as written), for a caller that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pasted {
    pub kind: InputKind,
    pub address: Option<String>,
}

/// Recognises the pasted text and the address it holds, without validating it.
pub fn describe(text: &str) -> Pasted {
    let kind = detect(text);
    let address = match kind {
        InputKind::Curl => curl::parse(text).ok().and_then(|request| request.url),
        InputKind::Http | InputKind::Url => http::parse(text).and_then(|request| request.url),
        InputKind::Body | InputKind::Har => None,
    };
    Pasted {
        kind,
        address: address.map(|url| url.text),
    }
}

/// Validates pasted text of any kind. `address` is used when the text names none (a bare body,
/// a cURL command without URL). A HAR export gets one diagnostic sending it to the session review.
pub fn validate_input(text: &str, address: Option<&str>, options: &Options) -> Report {
    let fallback = address.unwrap_or_default();
    let request = match detect(text) {
        InputKind::Body => return engine::validate_request(fallback, text, options),
        InputKind::Har => return relocate::har(text, options),
        InputKind::Curl => match curl::parse(text) {
            Ok(request) => request,
            Err(error) => {
                let problem = Problem::new("curl-syntax", error.message, error.span);
                return relocate::problems_only(text, None, vec![problem], options);
            }
        },
        InputKind::Http | InputKind::Url => http::parse(text).unwrap_or_default(),
    };
    validate_request(text, fallback, request, options)
}

fn validate_request(text: &str, fallback: &str, request: Request, options: &Options) -> Report {
    let lines = LineIndex::new(text);
    let url_span = request.url.as_ref().map(|url| url.span(request.anchor.end));
    let address = request
        .url
        .as_ref()
        .map_or(fallback, |url| url.text.as_str());
    let mut problems = request.problems;
    let body = match request.body {
        Body::Text(body) => body,
        Body::Missing => {
            problems.push(Problem::new(
                "missing-body",
                "Found no request body; expected the operation's JSON body (ClientToken, AccessToken, Client and the operation's parameters)".to_string(),
                url_span.unwrap_or(request.anchor),
            ));
            return relocate::problems_only(text, Some((address, url_span)), problems, options);
        }
        Body::File { path, span } => {
            problems.push(Problem::new(
                "body-from-file",
                format!("Found the body read from the file {path}, which this page cannot open; expected the JSON body itself: paste the file's content instead of @{path}"),
                span,
            ));
            return relocate::problems_only(text, Some((address, url_span)), problems, options);
        }
    };
    let report = engine::validate_request(address, &body.text, options);
    let located = relocate::body_diagnostics(text, &lines, &body, url_span, report.diagnostics);
    let own = relocate::located_problems(text, &lines, problems);
    relocate::report(report.operation, located, own, options)
}

/// A diagnostic of one of this module's rules, at a span of the pasted text.
fn diagnostic(text: &str, lines: &LineIndex, problem: Problem) -> Diagnostic {
    let (severity, docs) = rules::info(problem.rule);
    let Span { start, end } = problem.span;
    let start = lines.position(text, start);
    let end = lines.position(text, end);
    Diagnostic {
        rule: problem.rule.to_string(),
        severity,
        message: problem.message,
        pointer: String::new(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        docs: docs.to_string(),
        call: None,
        time: None,
        address: None,
    }
}
