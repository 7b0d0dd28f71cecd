//! Whatever a partner pastes: a JSON body, a cURL command, an HTTP request (REST client syntax), a
//! URL, or a HAR export. Recognises the kind, extracts address and body keeping an offset map, runs
//! the engine on the body, and locates every diagnostic in the PASTED text.

mod cmd;
mod curl;
mod detect;
mod http;
mod mapped;
mod relocate;
mod request;
mod shell;

pub use detect::{InputKind, detect};

use crate::api::BodyKind;
use crate::diagnostic::Report;
use crate::options::Options;
use crate::pipeline;
use crate::rules;
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
    if let Some(report) = too_large(text, options) {
        return report;
    }
    let fallback = address.unwrap_or_default();
    let request = match detect(text) {
        InputKind::Body => return pipeline::validate_request(fallback, text, options),
        InputKind::Har => return relocate::har(text, options),
        InputKind::Curl => match curl::parse(text) {
            Ok(request) => request,
            Err(error) => {
                let problem = Problem::new(rules::CURL_SYNTAX, error.message, error.span);
                return relocate::problems_only(text, None, vec![problem], options);
            }
        },
        InputKind::Http | InputKind::Url => http::parse(text).unwrap_or_default(),
    };
    validate_request(text, fallback, request, options)
}

/// Validates pasted bytes of any kind: [`validate_input`] when they are UTF-8. Otherwise nothing is
/// checked but the encoding: one `invalid-encoding` finding at the first bad byte, located in the
/// text as an editor shows it (each bad sequence one U+FFFD), about the operation of the URL a
/// cURL command or HTTP request names (a bare body: of `address`).
pub fn validate_input_bytes(bytes: &[u8], address: Option<&str>, options: &Options) -> Report {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return validate_input(text, address, options);
    }
    let shown = String::from_utf8_lossy(bytes);
    if let Some(report) = too_large(&shown, options) {
        return report;
    }
    let fallback = address.unwrap_or_default();
    let request = match detect(&shown) {
        InputKind::Body => return pipeline::validate_request_bytes(fallback, bytes, options),
        InputKind::Har => return relocate::har(&shown, options),
        InputKind::Curl => match curl::parse(&shown) {
            Ok(request) => request,
            Err(error) => Request {
                problems: vec![Problem::new(rules::CURL_SYNTAX, error.message, error.span)],
                ..Request::default()
            },
        },
        InputKind::Http | InputKind::Url => http::parse(&shown).unwrap_or_default(),
    };
    relocate::invalid_encoding(&shown, bytes, fallback, request, options)
}

/// The report of a paste larger than the options allow: nothing of it is read.
fn too_large(text: &str, options: &Options) -> Option<Report> {
    let finding = pipeline::limits::too_large("The pasted text", text.len(), options)?;
    let checked = pipeline::Checked {
        body: vec![finding],
        ..pipeline::Checked::default()
    };
    Some(pipeline::report(text, checked, options))
}

fn validate_request(text: &str, fallback: &str, request: Request, options: &Options) -> Report {
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
                rules::MISSING_BODY,
                "Found no request body; expected the operation's JSON body (ClientToken, AccessToken, Client and the operation's parameters)".to_string(),
                url_span.unwrap_or(request.anchor),
            ));
            return relocate::problems_only(text, Some((address, url_span)), problems, options);
        }
        Body::File { path, span } => {
            problems.push(Problem::new(
                rules::BODY_FROM_FILE,
                format!("Found the body read from the file {path}, which this page cannot open; expected the JSON body itself: paste the file's content instead of @{path}"),
                span,
            ));
            return relocate::problems_only(text, Some((address, url_span)), problems, options);
        }
    };
    let checked = pipeline::check(address, &body.text, BodyKind::Request, options);
    let mut checked = relocate::into_pasted(checked, &body, url_span);
    checked
        .body
        .extend(problems.into_iter().map(Problem::into_finding));
    pipeline::report(text, checked, options)
}
