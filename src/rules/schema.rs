//! Rules of the body itself: JSON syntax and encoding, and the operation's schema.

use super::{Rule, RuleInfo, Severity};

const REQUESTS_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/requests";
const OPERATIONS_DOCS: &str = "https://docs.mews.com/connector-api/operations";
const PAGINATION_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/pagination";

declare_rules! {
    SCHEMA_RULES;

    INVALID_JSON {
        id: "invalid-json",
        severity: Error,
        summary: "The body is not valid JSON.",
        docs: REQUESTS_DOCS,
        example: "{\"ClientToken\": \"…\",}",
    }
    INVALID_ENCODING {
        id: "invalid-encoding",
        severity: Error,
        summary: "The body is not valid UTF-8 text.",
        docs: REQUESTS_DOCS,
        example: "{\"Name\": \"<byte 0xFF>\"}",
    }
    NOT_AN_OBJECT {
        id: "not-an-object",
        severity: Error,
        summary: "A request or response body must be a JSON object.",
        docs: REQUESTS_DOCS,
        example: "[{\"ClientToken\": \"…\"}]",
    }
    MISSING_REQUIRED {
        id: "missing-required",
        severity: Error,
        summary: "A property the operation requires is missing.",
        docs: OPERATIONS_DOCS,
        example: "{\"ClientToken\": \"…\", \"AccessToken\": \"…\", \"Client\": \"X\"} (no Limitation)",
    }
    UNKNOWN_PROPERTY {
        id: "unknown-property",
        severity: Error,
        summary: "The object has a property its schema does not define (the API rejects it).",
        docs: OPERATIONS_DOCS,
        example: "{\"ContacPerson\": \"…\"}",
    }
    TYPE_MISMATCH {
        id: "type-mismatch",
        severity: Error,
        summary: "A value has the wrong JSON type.",
        docs: OPERATIONS_DOCS,
        example: "{\"IsActive\": \"true\"}",
    }
    NULL_NOT_ALLOWED {
        id: "null-not-allowed",
        severity: Error,
        summary: "A value is null where the schema does not allow null.",
        docs: OPERATIONS_DOCS,
        example: "{\"Limitation\": null}",
    }
    ENUM_VALUE {
        id: "enum-value",
        severity: Error,
        summary: "A value is not one of the values the schema allows.",
        docs: OPERATIONS_DOCS,
        example: "{\"State\": \"Confirmd\"}",
    }
    FORMAT {
        id: "format",
        severity: Error,
        summary: "A string does not have the format the schema requires (uuid, date, email, uri, …).",
        docs: OPERATIONS_DOCS,
        example: "{\"ServiceId\": \"not-a-uuid\"}",
    }
    DATETIME_FORMAT {
        id: "datetime-format",
        severity: Error,
        summary: "A date-time is not ISO 8601 / RFC 3339 with a time zone offset.",
        docs: "https://docs.mews.com/connector-api/guidelines/serialization",
        example: "{\"StartUtc\": \"2024-01-01 10:00\"}",
    }
    PATTERN {
        id: "pattern",
        severity: Error,
        summary: "A string does not match the pattern the schema requires.",
        docs: OPERATIONS_DOCS,
        example: "{\"Code\": \"lowercase\"}",
    }
    MIN_ITEMS {
        id: "min-items",
        severity: Error,
        summary: "An array has fewer items than the schema requires.",
        docs: OPERATIONS_DOCS,
        example: "{\"ReservationIds\": []}",
    }
    MAX_ITEMS {
        id: "max-items",
        severity: Error,
        summary: "An array has more items than the schema allows.",
        docs: OPERATIONS_DOCS,
        example: "{\"ReservationIds\": [… 1001 ids …]}",
    }
    UNIQUE_ITEMS {
        id: "unique-items",
        severity: Error,
        summary: "An array repeats an item where the schema requires unique items.",
        docs: OPERATIONS_DOCS,
        example: "{\"Ids\": [\"a\", \"a\"]}",
    }
    STRING_LENGTH {
        id: "string-length",
        severity: Error,
        summary: "A string is shorter or longer than the schema allows.",
        docs: OPERATIONS_DOCS,
        example: "{\"Name\": \"\"}",
    }
    NUMBER_RANGE {
        id: "number-range",
        severity: Error,
        summary: "A number is below the minimum or above the maximum the schema allows.",
        docs: OPERATIONS_DOCS,
        example: "{\"Count\": -1}",
    }
    LIMITATION_COUNT_RANGE {
        id: "limitation-count-range",
        severity: Error,
        summary: "Limitation.Count must be between 1 and 1000.",
        docs: PAGINATION_DOCS,
        example: "{\"Limitation\": {\"Count\": 5000}}",
    }
    ONE_OF {
        id: "one-of",
        severity: Error,
        summary: "The value matches none, or more than one, of the variants the schema allows.",
        docs: OPERATIONS_DOCS,
        example: "{\"Rates\": 1}",
    }
    SCHEMA_VIOLATION {
        id: "schema-violation",
        severity: Error,
        summary: "The value breaks another constraint of the schema.",
        docs: OPERATIONS_DOCS,
        example: "{\"Quantity\": 1.5} where the schema asks for a multiple of 1",
    }
    SCHEMA_UNAVAILABLE {
        id: "schema-unavailable",
        severity: Warning,
        summary: "The operation's schema could not be compiled, so the body was not checked (a defect of this tool).",
        docs: OPERATIONS_DOCS,
        example: "any body",
    }
    TOO_MANY_DIAGNOSTICS {
        id: "too-many-diagnostics",
        severity: Info,
        summary: "The report was cut at its maximum number of diagnostics.",
        docs: REQUESTS_DOCS,
        example: "a body with thousands of problems",
    }
    NESTING_TOO_DEEP {
        id: "nesting-too-deep",
        severity: Error,
        summary: "Arrays and objects nest deeper than the validator reads (64 levels), so the body was not checked.",
        docs: REQUESTS_DOCS,
        example: "{\"a\": [[[[… 100 levels …]]]]}",
    }
}
