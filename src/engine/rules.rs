//! The rules this module raises, with default severity, summary, docs and a violating example.

use crate::diagnostic::Severity;
use crate::registry::RuleInfo;

const REQUESTS_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/requests";
const OPERATIONS_DOCS: &str = "https://docs.mews.com/connector-api/operations";
const DEPRECATIONS_DOCS: &str = "https://docs.mews.com/connector-api/deprecations";
const PAGINATION_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/pagination";

const fn rule(
    id: &'static str,
    severity: Severity,
    summary: &'static str,
    docs: &'static str,
    example: &'static str,
) -> RuleInfo {
    RuleInfo {
        id,
        severity,
        summary,
        docs,
        example,
    }
}

/// Rules raised by the engine.
pub const RULES: &[RuleInfo] = &[
    rule(
        "invalid-json",
        Severity::Error,
        "The body is not valid JSON.",
        REQUESTS_DOCS,
        "{\"ClientToken\": \"…\",}",
    ),
    rule(
        "invalid-encoding",
        Severity::Error,
        "The body is not valid UTF-8 text.",
        REQUESTS_DOCS,
        "{\"Name\": \"<byte 0xFF>\"}",
    ),
    rule(
        "not-an-object",
        Severity::Error,
        "A request or response body must be a JSON object.",
        REQUESTS_DOCS,
        "[{\"ClientToken\": \"…\"}]",
    ),
    rule(
        "missing-required",
        Severity::Error,
        "A property the operation requires is missing.",
        OPERATIONS_DOCS,
        "{\"ClientToken\": \"…\", \"AccessToken\": \"…\", \"Client\": \"X\"} (no Limitation)",
    ),
    rule(
        "unknown-property",
        Severity::Error,
        "The object has a property its schema does not define (the API rejects it).",
        OPERATIONS_DOCS,
        "{\"ContacPerson\": \"…\"}",
    ),
    rule(
        "type-mismatch",
        Severity::Error,
        "A value has the wrong JSON type.",
        OPERATIONS_DOCS,
        "{\"IsActive\": \"true\"}",
    ),
    rule(
        "null-not-allowed",
        Severity::Error,
        "A value is null where the schema does not allow null.",
        OPERATIONS_DOCS,
        "{\"Limitation\": null}",
    ),
    rule(
        "enum-value",
        Severity::Error,
        "A value is not one of the values the schema allows.",
        OPERATIONS_DOCS,
        "{\"State\": \"Confirmd\"}",
    ),
    rule(
        "format",
        Severity::Error,
        "A string does not have the format the schema requires (uuid, date, email, uri, …).",
        OPERATIONS_DOCS,
        "{\"ServiceId\": \"not-a-uuid\"}",
    ),
    rule(
        "datetime-format",
        Severity::Error,
        "A date-time is not ISO 8601 / RFC 3339 with a time zone offset.",
        "https://docs.mews.com/connector-api/guidelines/serialization",
        "{\"StartUtc\": \"2024-01-01 10:00\"}",
    ),
    rule(
        "pattern",
        Severity::Error,
        "A string does not match the pattern the schema requires.",
        OPERATIONS_DOCS,
        "{\"Code\": \"lowercase\"}",
    ),
    rule(
        "min-items",
        Severity::Error,
        "An array has fewer items than the schema requires.",
        OPERATIONS_DOCS,
        "{\"ReservationIds\": []}",
    ),
    rule(
        "max-items",
        Severity::Error,
        "An array has more items than the schema allows.",
        OPERATIONS_DOCS,
        "{\"ReservationIds\": [… 1001 ids …]}",
    ),
    rule(
        "unique-items",
        Severity::Error,
        "An array repeats an item where the schema requires unique items.",
        OPERATIONS_DOCS,
        "{\"Ids\": [\"a\", \"a\"]}",
    ),
    rule(
        "string-length",
        Severity::Error,
        "A string is shorter or longer than the schema allows.",
        OPERATIONS_DOCS,
        "{\"Name\": \"\"}",
    ),
    rule(
        "number-range",
        Severity::Error,
        "A number is below the minimum or above the maximum the schema allows.",
        OPERATIONS_DOCS,
        "{\"Count\": -1}",
    ),
    rule(
        "limitation-count-range",
        Severity::Error,
        "Limitation.Count must be between 1 and 1000.",
        PAGINATION_DOCS,
        "{\"Limitation\": {\"Count\": 5000}}",
    ),
    rule(
        "one-of",
        Severity::Error,
        "The value matches none, or more than one, of the variants the schema allows.",
        OPERATIONS_DOCS,
        "{\"Rates\": 1}",
    ),
    rule(
        "schema-violation",
        Severity::Error,
        "The value breaks another constraint of the schema.",
        OPERATIONS_DOCS,
        "{\"Quantity\": 1.5} where the schema asks for a multiple of 1",
    ),
    rule(
        "deprecated-operation",
        Severity::Warning,
        "The operation is deprecated; it will be discontinued and has a replacement.",
        DEPRECATIONS_DOCS,
        "/api/connector/v1/reservations/getAll",
    ),
    rule(
        "restricted-operation",
        Severity::Info,
        "The operation is restricted: Mews must enable it for the integration.",
        OPERATIONS_DOCS,
        "a restricted operation's address",
    ),
    rule(
        "path-case-mismatch",
        Severity::Error,
        "The address matches an operation only when case is ignored; addresses are case-sensitive.",
        OPERATIONS_DOCS,
        "/api/connector/v1/Bills/getAll",
    ),
    rule(
        "trailing-slash",
        Severity::Error,
        "The address ends with a slash; operation addresses do not.",
        OPERATIONS_DOCS,
        "/api/connector/v1/bills/getAll/",
    ),
    rule(
        "unknown-operation",
        Severity::Error,
        "The address is not a Connector API operation.",
        OPERATIONS_DOCS,
        "/api/connector/v1/bills/getEverything",
    ),
    rule(
        "schema-unavailable",
        Severity::Warning,
        "The operation's schema could not be compiled, so the body was not checked (a defect of this tool).",
        OPERATIONS_DOCS,
        "any body",
    ),
    rule(
        "too-many-diagnostics",
        Severity::Info,
        "The report was cut at its maximum number of diagnostics.",
        REQUESTS_DOCS,
        "a body with thousands of problems",
    ),
];

/// The docs URL of one of this module's rules.
pub fn docs(id: &str) -> &'static str {
    RULES
        .iter()
        .find(|rule| rule.id == id)
        .map_or(OPERATIONS_DOCS, |rule| rule.docs)
}
