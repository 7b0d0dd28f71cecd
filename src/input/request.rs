//! What a pasted cURL command or HTTP request says, independent of how it was written.

use super::mapped::Mapped;
use crate::diagnostic::{Finding, Rule};
use crate::rules;
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

/// A problem of the pasted request itself (one of the `crate::rules::input` rules).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub rule: Rule,
    pub message: String,
    pub span: Span,
}

impl Problem {
    pub fn new(rule: Rule, message: String, span: Span) -> Self {
        Problem {
            rule,
            message,
            span,
        }
    }

    /// The finding of this problem, at its span of the pasted text.
    pub fn into_finding(self) -> Finding {
        Finding::new(self.rule, "", self.span, self.message)
    }
}

/// Checks the method: the Connector API accepts only POST.
pub fn check_method(method: &str, span: Span) -> Option<Problem> {
    (!method.eq_ignore_ascii_case("POST")).then(|| {
        Problem::new(
            rules::REQUEST_METHOD,
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
        // Only a scheme word is named (`Bearer`, `Basic`); a bare credential is not repeated.
        let found = match value.split_whitespace().collect::<Vec<_>>()[..] {
            [scheme, _, ..]
                if scheme.len() <= 16 && scheme.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                format!("an Authorization header ({scheme} …)")
            }
            _ => "an Authorization header".to_string(),
        };
        return Some(Problem::new(
            rules::AUTHORIZATION_HEADER,
            format!(
                "Found {found}; expected no Authorization header: the Connector API reads ClientToken and AccessToken from the body"
            ),
            span,
        ));
    }
    if name.trim().eq_ignore_ascii_case("content-type") && !is_json(value) {
        return Some(Problem::new(
            rules::CONTENT_TYPE,
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
        assert_eq!(
            check_method("GET", span).unwrap().rule,
            rules::REQUEST_METHOD
        );
        let bearer = check_header("Authorization: Bearer C66EF7B239D2", span).unwrap();
        assert_eq!(bearer.rule, rules::AUTHORIZATION_HEADER);
        assert!(
            !bearer.message.contains("C66E"),
            "the token is not repeated"
        );
        assert!(bearer.message.contains("(Bearer …)"), "{}", bearer.message);
        let bare = check_header("authorization: C66EF7B239D2", span).unwrap();
        assert!(
            bare.message.starts_with("Found an Authorization header;")
                && !bare.message.contains("C66E"),
            "{}",
            bare.message
        );
        assert!(check_header("content-type: application/json; charset=utf-8", span).is_none());
        assert_eq!(
            check_header("Content-Type: text/plain", span).unwrap().rule,
            rules::CONTENT_TYPE
        );
        assert!(check_header("Accept: */*", span).is_none());
    }
}
