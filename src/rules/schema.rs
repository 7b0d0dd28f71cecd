//! Rules of the body itself: JSON syntax and encoding, and the operation's schema.

use super::{AlsoReported, Example, Rule, RuleInfo, Severity};

const REQUESTS_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/requests";
const OPERATIONS_DOCS: &str = "https://docs.mews.com/connector-api/operations";
const PAGINATION_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/pagination";

const CONFIGURATION: &str = "/api/connector/v1/configuration/get";
const COMPANIES: &str = "/api/connector/v1/companies/getAll";

declare_rules! {
    SCHEMA_RULES;

    INVALID_JSON {
        id: "invalid-json",
        severity: Error,
        summary: "The body is not valid JSON.",
        docs: REQUESTS_DOCS,
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",}"#,
        ),
    }
    INVALID_ENCODING {
        id: "invalid-encoding",
        severity: Error,
        summary: "The body is not valid UTF-8 text.",
        docs: REQUESTS_DOCS,
        example: Example::request(
            "/api/connector/v1/customers/update",
            r#"{"ClientToken": "8A4F...E21B", "AccessToken": "3C9D...7F10", "Client": "Acme PMS Bridge 2.1.0",
 "CustomerId": "99b4f0af-9558-463b-8452-07a9bc414708", "LastName": "Müller"}"#,
        )
        .in_latin1(),
    }
    NOT_AN_OBJECT {
        id: "not-an-object",
        severity: Error,
        summary: "A request or response body must be a JSON object.",
        docs: REQUESTS_DOCS,
        example: Example::response(
            COMPANIES,
            r#"[{"Id": "3ed9e2f3-4bba-4df6-8d41-ab1b009b6425", "Name": "AC Company"}]"#,
        ),
    }
    MISSING_REQUIRED {
        id: "missing-required",
        severity: Error,
        summary: "A property the operation requires is missing.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            "/api/connector/v1/customers/getAll",
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "CustomerIds": ["3fa85f64-5717-4562-b3fc-2c963f66afa6"], "Extent": {"Customers": true}}"#,
        ),
    }
    UNKNOWN_PROPERTY {
        id: "unknown-property",
        severity: Error,
        summary: "The object has a property its schema does not define (the API rejects it).",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "EnterpriseID": "851df8c8-90f2-4c4a-8e01-a4fc46b25178"}"#,
        ),
    }
    TYPE_MISMATCH {
        id: "type-mismatch",
        severity: Error,
        summary: "A value has the wrong JSON type.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Limitation": {"Count": "100"}}"#,
        ),
    }
    NULL_NOT_ALLOWED {
        id: "null-not-allowed",
        severity: Error,
        summary: "A value is null where the schema does not allow null.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Limitation": null}"#,
        ),
    }
    ENUM_VALUE {
        id: "enum-value",
        severity: Error,
        summary: "A value is not one of the values the schema allows.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "ActivityStates": ["Enabled"], "Limitation": {"Count": 100}}"#,
        ),
    }
    FORMAT {
        id: "format",
        severity: Error,
        summary: "A string does not have the format the schema requires (uuid, date, email, uri, …).",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "EnterpriseId": "851df8c8"}"#,
        ),
    }
    DATETIME_FORMAT {
        id: "datetime-format",
        severity: Error,
        summary: "A date-time is not ISO 8601 / RFC 3339 with a time zone offset.",
        docs: "https://docs.mews.com/connector-api/guidelines/serialization",
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "UpdatedUtc": {"StartUtc": "2026-11-01 00:00", "EndUtc": "2026-11-23T00:00:00Z"},
 "Limitation": {"Count": 100}}"#,
        ),
    }
    PATTERN {
        id: "pattern",
        severity: Error,
        summary: "A string does not match the pattern the schema requires.",
        docs: OPERATIONS_DOCS,
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana at acme.example"}
}"#,
        ),
    }
    MIN_ITEMS {
        id: "min-items",
        severity: Error,
        summary: "An array has fewer items than the schema requires.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Ids": [], "Limitation": {"Count": 100}}"#,
        ),
    }
    MAX_ITEMS {
        id: "max-items",
        severity: Error,
        summary: "An array has more items than the schema allows.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            "/api/connector/v1/accountNotes/add",
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "AccountNotes": [{"AccountId": "8ddea57b-6a5c-4eec-8c4c-24467dce118e",
   "Classifications": ["FamilyRelations", "Gifts"], "Content": "Brother of the CEO"}]}"#,
        ),
    }
    UNIQUE_ITEMS {
        id: "unique-items",
        severity: Error,
        summary: "An array repeats an item where the schema requires unique items.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            "/api/connector/v1/customers/update",
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "CustomerId": "99b4f0af-9558-463b-8452-07a9bc414708", "Classifications": ["Media", "Media"]}"#,
        ),
    }
    STRING_LENGTH {
        id: "string-length",
        severity: Error,
        summary: "A string is shorter or longer than the schema allows.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": ""}"#,
        ),
    }
    NUMBER_RANGE {
        id: "number-range",
        severity: Error,
        summary: "A number is below the minimum or above the maximum the schema allows.",
        docs: OPERATIONS_DOCS,
        example: Example::request(
            "/api/connector/v1/addresses/add",
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Addresses": [{"AccountId": "99b4f0af-9558-463b-8452-07a9bc414708", "Line1": "1 Macquarie St",
   "City": "Sydney", "CountryCode": "AU", "Latitude": 151.2093, "Longitude": -33.8688}]}"#,
        ),
    }
    LIMITATION_COUNT_RANGE {
        id: "limitation-count-range",
        severity: Error,
        summary: "Limitation.Count must be between 1 and 1000.",
        docs: PAGINATION_DOCS,
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Limitation": {"Count": 5000}}"#,
        ),
    }
    ONE_OF {
        id: "one-of",
        severity: Error,
        summary: "The value matches more than one of the variants a `oneOf` allows.",
        docs: OPERATIONS_DOCS,
        example: Example::none(
            "No input reaches this rule with the current contract: its only `oneOf`s (the request of fiscalMachineCommands/getAll, the `Data` of a device command) have variants that each forbid the others' required properties, so no value matches two. It is kept for a contract that adds overlapping variants; a test fails when the schemas get one.",
        ),
    }
    SCHEMA_VIOLATION {
        id: "schema-violation",
        severity: Error,
        summary: "The value breaks another constraint of the schema.",
        docs: OPERATIONS_DOCS,
        example: Example::none(
            "No input reaches this rule with the current contract: every keyword the embedded schemas use has a rule of its own. It names a keyword a newer contract adds (`multipleOf`, `not`, …); a test fails when the schemas use one.",
        ),
    }
    SCHEMA_UNAVAILABLE {
        id: "schema-unavailable",
        severity: Error,
        summary: "The operation's schema could not be compiled, so the body was not checked (a defect of this tool).",
        docs: OPERATIONS_DOCS,
        example: Example::none(
            "Only an embedded schema that does not compile raises it: a defect of this tool, which a test rules out by compiling every operation's schemas. No input can cause it.",
        ),
    }
    TOO_MANY_DIAGNOSTICS {
        id: "too-many-diagnostics",
        severity: Info,
        summary: "The report was cut at its maximum number of diagnostics.",
        docs: REQUESTS_DOCS,
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Limitation": {"Count": 100}, {repeat}}"#,
        )
        .repeating(1001, r#""Filter{n}": null"#, ", ")
        .also_reporting(&[AlsoReported {
            rule: UNKNOWN_PROPERTY,
            reason: "the cap counts other rules' findings: the body needs more than 1000 of them",
        }]),
    }
    NESTING_TOO_DEEP {
        id: "nesting-too-deep",
        severity: Error,
        summary: "Arrays and objects nest deeper than the validator reads (64 levels, option `limits.maxDepth`), so the body was not checked.",
        docs: REQUESTS_DOCS,
        // The body's object is the first level, so 64 brackets inside it open the 65th.
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Limitation": {"Count": 100}, "Ids": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
        ),
    }
    INPUT_TOO_LARGE {
        id: "input-too-large",
        severity: Error,
        summary: "The text is larger than the validator reads (128 MiB, option `limits.maxInputBytes`), so it was not checked.",
        docs: REQUESTS_DOCS,
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0", "Limitation": {"Count": 100}}"#,
        )
        .with_max_input_bytes(64),
    }
}
