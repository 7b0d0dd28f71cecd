//! An HTTP request as REST clients write it (VS Code REST Client, JetBrains `.http` files):
//! `[METHOD] URL [HTTP/1.1]`, header lines, a blank line, the JSON body; or a URL line and a body.

use super::mapped::Mapped;
use super::request::{self, Body, Request};
use crate::source::Span;

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// One line of the pasted text: its text without the line ending, and where it starts.
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    start: usize,
}

/// A leading byte order mark (editors and Windows tools write one) is no part of the first line;
/// spans stay in the submitted text.
fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.split_inclusive('\n').scan(0, |start, raw| {
        let bom = if *start == 0 && raw.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        let line = Line {
            text: raw[bom..].trim_end_matches(['\n', '\r']),
            start: *start + bom,
        };
        *start += raw.len();
        Some(line)
    })
}

/// Comment and separator lines of `.http` files (`# …`, `// …`, `### …`) and blank lines.
fn is_skipped(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.starts_with('#') || line.starts_with("//")
}

/// The request line: optional method, the URL, optional HTTP version.
struct RequestLine {
    method: Option<(String, Span)>,
    url: Mapped,
    line: Span,
}

fn request_line(line: Line<'_>) -> Option<RequestLine> {
    let mut words = line.text.split_whitespace().map(|word| {
        // split_whitespace yields subslices of the line: their offset is their address difference.
        let offset = word.as_ptr() as usize - line.text.as_ptr() as usize;
        (word, line.start + offset)
    });
    let (first, first_at) = words.next()?;
    let (method, (url, url_at)) = if METHODS.contains(&first) {
        (
            Some((first.to_string(), span(first_at, first))),
            words.next()?,
        )
    } else {
        (None, (first, first_at))
    };
    let is_address =
        url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/');
    let rest_is_version = match words.next() {
        None => true,
        Some((version, _)) => version.starts_with("HTTP/") && words.next().is_none(),
    };
    (is_address && rest_is_version).then(|| RequestLine {
        method,
        url: Mapped::verbatim(url, url_at),
        line: span(line.start, line.text),
    })
}

fn span(start: usize, text: &str) -> Span {
    Span {
        start,
        end: start + text.len(),
    }
}

/// Reads the first request of the text; `None` when it does not start with a request line.
pub fn parse(text: &str) -> Option<Request> {
    let mut lines = lines(text).skip_while(|line| is_skipped(line.text));
    let first = request_line(lines.next()?)?;
    let mut request = Request {
        url: Some(first.url),
        anchor: first.line,
        ..Request::default()
    };
    if let Some((method, span)) = &first.method {
        request
            .problems
            .extend(request::check_method(method, *span));
    }
    let mut body_start = None;
    for line in lines.by_ref() {
        let trimmed = line.text.trim();
        if trimmed.is_empty() {
            body_start = Some(line.start + line.text.len());
            break;
        }
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            body_start = Some(line.start);
            break;
        }
        // REST Client continues a long query string on lines starting with ? or &.
        if !(trimmed.starts_with('?') || trimmed.starts_with('&')) {
            request.problems.extend(request::check_header(
                line.text,
                span(line.start, line.text),
            ));
        }
    }
    let Some(body_start) = body_start else {
        return Some(request);
    };
    // The body runs to the next request (`###`) or the end.
    let body_end = lines
        .find(|line| line.text.starts_with("###"))
        .map_or(text.len(), |line| line.start);
    let body = text.get(body_start..body_end).unwrap_or_default();
    if !body.trim().is_empty() {
        request.body = Body::Text(Mapped::verbatim(body, body_start));
    }
    Some(request)
}
