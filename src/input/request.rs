//! What a pasted cURL command or HTTP request says, independent of how it was written.

use super::mapped::Mapped;
use crate::source::Span;

/// A request read from the pasted text; spans are in the pasted text.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub url: Option<Mapped>,
    pub body: Body,
    /// Where findings about the request as a whole go when it has no URL (the `curl` word, the request line).
    pub anchor: Span,
    /// Problems with the request itself (method, headers, body source), found while reading it.
    pub problems: Vec<Problem>,
}

impl Request {
    /// Only an address: no body, no headers, nothing to report yet.
    pub fn is_bare_url(&self) -> bool {
        matches!(self.body, Body::Missing) && self.problems.is_empty()
    }
}

#[derive(Debug, Clone, Default)]
pub enum Body {
    #[default]
    Missing,
    /// `@file`: cannot be read here.
    File {
        path: String,
        span: Span,
    },
    Text(Mapped),
}

/// A finding of one of [`super::rules::RULES`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub rule: &'static str,
    pub message: String,
    pub span: Span,
}

impl Problem {
    pub fn new(rule: &'static str, message: String, span: Span) -> Self {
        Problem {
            rule,
            message,
            span,
        }
    }
}

/// Checks the method: the Connector API accepts only POST.
pub fn check_method(method: &str, span: Span) -> Option<Problem> {
    (!method.eq_ignore_ascii_case("POST")).then(|| {
        Problem::new(
            "request-method",
            format!("Found the method {method}; expected POST, the only method the Connector API accepts"),
            span,
        )
    })
}

/// Checks one `Name: value` header line.
pub fn check_header(header: &str, span: Span) -> Option<Problem> {
    let (name, value) = header.split_once(':')?;
    let value = value.trim();
    if name.trim().eq_ignore_ascii_case("authorization") {
        let scheme = value.split_whitespace().next().unwrap_or_default();
        return Some(Problem::new(
            "authorization-header",
            format!(
                "Found an Authorization header ({scheme} …); expected no Authorization header: the Connector API reads ClientToken and AccessToken from the body"
            ),
            span,
        ));
    }
    if name.trim().eq_ignore_ascii_case("content-type") && !is_json(value) {
        return Some(Problem::new(
            "content-type",
            format!("Found Content-Type {value}; expected application/json"),
            span,
        ));
    }
    None
}

/// True when a header block names a Content-Type.
pub fn is_content_type(header: &str) -> bool {
    header
        .split_once(':')
        .is_some_and(|(name, _)| name.trim().eq_ignore_ascii_case("content-type"))
}

fn is_json(media_type: &str) -> bool {
    media_type
        .split(';')
        .next()
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_methods() {
        let span = Span::default();
        assert!(check_method("post", span).is_none());
        assert_eq!(check_method("GET", span).unwrap().rule, "request-method");
        let bearer = check_header("Authorization: Bearer C66EF7B239D2", span).unwrap();
        assert_eq!(bearer.rule, "authorization-header");
        assert!(
            !bearer.message.contains("C66E"),
            "the token is not repeated"
        );
        assert!(check_header("content-type: application/json; charset=utf-8", span).is_none());
        assert_eq!(
            check_header("Content-Type: text/plain", span).unwrap().rule,
            "content-type"
        );
        assert!(check_header("Accept: */*", span).is_none());
    }
}
