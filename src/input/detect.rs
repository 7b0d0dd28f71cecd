//! What kind of text was pasted, from its first characters: cheap enough to run on every keystroke.

use serde::Serialize;

use super::{curl, http};

/// The kinds of text the checker accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// A JSON request body (also anything unrecognised: it gets the JSON syntax diagnostics).
    Body,
    /// A cURL command.
    Curl,
    /// An HTTP request with a body or headers (REST client syntax).
    Http,
    /// A URL or path alone.
    Url,
    /// A HAR export (a recorded session): for the session review, not for request validation.
    Har,
}

pub fn detect(text: &str) -> InputKind {
    // A byte order mark (Notepad, PowerShell 5) before the text is not part of it.
    let trimmed = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    if trimmed.starts_with('{') {
        return if is_har(trimmed) {
            InputKind::Har
        } else {
            InputKind::Body
        };
    }
    if curl::is_curl(trimmed) {
        return InputKind::Curl;
    }
    match http::parse(text) {
        Some(request) if request.problems.is_empty() && request.is_bare_url() => InputKind::Url,
        Some(_) => InputKind::Http,
        None => InputKind::Body,
    }
}

/// A HAR file is an object whose first member is `"log"` (as browsers and proxies export it).
fn is_har(text: &str) -> bool {
    text.strip_prefix('{')
        .map(str::trim_start)
        .and_then(|rest| rest.strip_prefix("\"log\""))
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(detect("  {\"ClientToken\": 1}"), InputKind::Body);
        assert_eq!(
            detect("{\n  \"log\": {\"version\": \"1.2\"}}"),
            InputKind::Har
        );
        assert_eq!(detect("curl 'https://x/api'"), InputKind::Curl);
        assert_eq!(detect("curly"), InputKind::Body);
        assert_eq!(detect("POST https://x/api HTTP/1.1\n\n{}"), InputKind::Http);
        assert_eq!(
            detect("https://x/api/connector/v1/bills/getAll\n{}"),
            InputKind::Http
        );
        assert_eq!(detect("/api/connector/v1/bills/getAll\n"), InputKind::Url);
        assert_eq!(
            detect("GET /api/connector/v1/bills/getAll"),
            InputKind::Http
        );
        assert_eq!(detect("hello"), InputKind::Body);
        assert_eq!(detect(""), InputKind::Body);
    }
}
