//! Rules of a pasted request itself (its method, headers, body source, syntax).

use super::{Example, Rule, RuleInfo, Severity};

const AUTHENTICATION_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/authentication";
const REQUESTS_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/requests";

declare_rules! {
    INPUT_RULES;

    REQUEST_METHOD {
        id: "request-method",
        severity: Error,
        summary: "The request is not a POST; the Connector API accepts only POST requests.",
        docs: REQUESTS_DOCS,
        example: Example::input(
            r#"curl -X GET https://api.mews-demo.com/api/connector/v1/configuration/get \
  -H 'Content-Type: application/json' \
  -d '{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}'"#,
        ),
    }
    CONTENT_TYPE {
        id: "content-type",
        severity: Error,
        summary: "The request does not send `Content-Type: application/json`.",
        docs: REQUESTS_DOCS,
        example: Example::input(
            r#"curl https://api.mews-demo.com/api/connector/v1/configuration/get \
  -d '{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}'"#,
        ),
    }
    AUTHORIZATION_HEADER {
        id: "authorization-header",
        severity: Info,
        summary: "The request sends an Authorization header, which the Connector API ignores: its tokens go in the body (ClientToken, AccessToken).",
        docs: AUTHENTICATION_DOCS,
        example: Example::input(
            r#"curl https://api.mews-demo.com/api/connector/v1/configuration/get \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer 3C9D…7F10' \
  -d '{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}'"#,
        ),
    }
    MISSING_BODY {
        id: "missing-body",
        severity: Error,
        summary: "The pasted request has no JSON body to check; every operation takes one.",
        docs: REQUESTS_DOCS,
        example: Example::input(
            r#"curl -X POST https://api.mews-demo.com/api/connector/v1/configuration/get \
  -H 'Content-Type: application/json'"#,
        ),
    }
    BODY_FROM_FILE {
        id: "body-from-file",
        severity: Error,
        summary: "The body is read from a file, which the checker cannot open, so it was not checked.",
        docs: REQUESTS_DOCS,
        example: Example::input(
            r#"curl https://api.mews-demo.com/api/connector/v1/configuration/get \
  -H 'Content-Type: application/json' \
  -d @body.json"#,
        ),
    }
    CURL_SYNTAX {
        id: "curl-syntax",
        severity: Error,
        summary: "The cURL command cannot be read as a shell command (a quote is never closed).",
        docs: REQUESTS_DOCS,
        example: Example::input(
            r#"curl https://api.mews-demo.com/api/connector/v1/configuration/get \
  -H 'Content-Type: application/json' \
  -d '{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}"#,
        ),
    }
    RECORDED_SESSION {
        id: "recorded-session",
        severity: Error,
        summary: "A HAR export was given where one request was expected; review it as a session instead.",
        docs: REQUESTS_DOCS,
        example: Example::input(
            r#"{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": []}}"#,
        ),
    }
}
