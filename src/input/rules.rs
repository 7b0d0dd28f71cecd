//! The rules raised about the pasted request itself (its method, headers, body source, syntax),
//! with default severity, summary, docs and a violating example.

use crate::diagnostic::Severity;
use crate::registry::RuleInfo;

const REQUESTS_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/requests";
const AUTHENTICATION_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/authentication";

/// Rules raised while reading a pasted cURL command or HTTP request.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "request-method",
        severity: Severity::Error,
        summary: "The request is not a POST; the Connector API accepts only POST requests.",
        docs: REQUESTS_DOCS,
        example: "curl -X GET https://api.mews-demo.com/api/connector/v1/configuration/get",
    },
    RuleInfo {
        id: "content-type",
        severity: Severity::Error,
        summary: "The request does not send `Content-Type: application/json`.",
        docs: REQUESTS_DOCS,
        example: "curl https://…/api/connector/v1/configuration/get -d '{…}' (sent as form data)",
    },
    RuleInfo {
        id: "authorization-header",
        severity: Severity::Warning,
        summary: "The request sends an Authorization header; Connector API tokens go in the body (ClientToken, AccessToken).",
        docs: AUTHENTICATION_DOCS,
        example: "-H 'Authorization: Bearer C66E…'",
    },
    RuleInfo {
        id: "missing-body",
        severity: Severity::Error,
        summary: "The pasted request has no JSON body to check; every operation takes one.",
        docs: REQUESTS_DOCS,
        example: "curl -X POST https://api.mews-demo.com/api/connector/v1/configuration/get",
    },
    RuleInfo {
        id: "body-from-file",
        severity: Severity::Error,
        summary: "The body is read from a file, which the checker cannot open, so it was not checked.",
        docs: REQUESTS_DOCS,
        example: "curl … -d @body.json",
    },
    RuleInfo {
        id: "curl-syntax",
        severity: Severity::Error,
        summary: "The cURL command cannot be read as a shell command (a quote is never closed).",
        docs: REQUESTS_DOCS,
        example: "curl https://… -d '{\"Client\": \"X\"}",
    },
    RuleInfo {
        id: "recorded-session",
        severity: Severity::Error,
        summary: "A HAR export was given where one request was expected; review it as a session instead.",
        docs: REQUESTS_DOCS,
        example: "{\"log\": {\"entries\": […]}}",
    },
];

/// The default severity and docs of one of these rules.
pub fn info(id: &str) -> (Severity, &'static str) {
    RULES
        .iter()
        .find(|rule| rule.id == id)
        .map_or((Severity::Error, REQUESTS_DOCS), |rule| {
            (rule.severity, rule.docs)
        })
}
