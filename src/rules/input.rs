//! Rules of a pasted request itself (its method, headers, body source, syntax).

use super::{Rule, RuleInfo, Severity};

const AUTHENTICATION_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/authentication";
const REQUESTS_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/requests";

declare_rules! {
    INPUT_RULES;

    REQUEST_METHOD {
        id: "request-method",
        severity: Error,
        summary: "The request is not a POST; the Connector API accepts only POST requests.",
        docs: REQUESTS_DOCS,
        example: "curl -X GET https://api.mews-demo.com/api/connector/v1/configuration/get",
    }
    CONTENT_TYPE {
        id: "content-type",
        severity: Error,
        summary: "The request does not send `Content-Type: application/json`.",
        docs: REQUESTS_DOCS,
        example: "curl https://…/api/connector/v1/configuration/get -d '{…}' (sent as form data)",
    }
    AUTHORIZATION_HEADER {
        id: "authorization-header",
        severity: Warning,
        summary: "The request sends an Authorization header; Connector API tokens go in the body (ClientToken, AccessToken).",
        docs: AUTHENTICATION_DOCS,
        example: "-H 'Authorization: Bearer C66E…'",
    }
    MISSING_BODY {
        id: "missing-body",
        severity: Error,
        summary: "The pasted request has no JSON body to check; every operation takes one.",
        docs: REQUESTS_DOCS,
        example: "curl -X POST https://api.mews-demo.com/api/connector/v1/configuration/get",
    }
    BODY_FROM_FILE {
        id: "body-from-file",
        severity: Error,
        summary: "The body is read from a file, which the checker cannot open, so it was not checked.",
        docs: REQUESTS_DOCS,
        example: "curl … -d @body.json",
    }
    CURL_SYNTAX {
        id: "curl-syntax",
        severity: Error,
        summary: "The cURL command cannot be read as a shell command (a quote is never closed).",
        docs: REQUESTS_DOCS,
        example: "curl https://… -d '{\"Client\": \"X\"}",
    }
    RECORDED_SESSION {
        id: "recorded-session",
        severity: Error,
        summary: "A HAR export was given where one request was expected; review it as a session instead.",
        docs: REQUESTS_DOCS,
        example: "{\"log\": {\"entries\": […]}}",
    }
}
