//! Rules of a recorded session: located in the recording (HAR entry or NDJSON line), or, for `operation-not-tested`, in the checklist.

use super::{AlsoReported, Example, Rule, RuleInfo, Severity};

const REQUEST_LIMITS: &str =
    "https://docs.mews.com/connector-api/guidelines/requests#request-limits";
const TESTING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#testing-your-integration";
const CERTIFYING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#certifying-your-integration";
const BEST_PRACTICES: &str = "https://docs.mews.com/connector-api/guidelines/best-practices";
const RESPONSE_CODES: &str =
    "https://docs.mews.com/connector-api/guidelines/responses#response-codes";
const UNAUTHORIZED: &str = "https://docs.mews.com/connector-api/guidelines/responses#401-forbidden";
const PAGINATION: &str =
    "https://docs.mews.com/connector-api/guidelines/pagination#how-to-request-pages";
const PRIVATE_STEPS: &str = "https://docs.mews.com/connector-api/your-journey/private-integration#certification-instructions";

declare_rules! {
    SESSION_RULES;

    SESSION_UNREADABLE {
        id: "session-unreadable",
        severity: Error,
        summary: "The recording is not a HAR 1.2 file or NDJSON call log; calls after the problem are not reviewed.",
        docs: TESTING,
        example: Example::session(
            r#"{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [
  {"startedDateTime": "2026-11-23T10:00:00.000Z", "time": 120,
   "request": {"method": "POST", "url": "https://api.mews-demo.com/api/connector/v1/configuration/get",
     "headers": [{"name": "Content-Type", "value": "application/json"}],
     "postData": {"mimeType": "application/json", "text": "{\"ClientToken\": \"8A4F…E21B\", \"AccessToken\": \"3C9D…7F10\", \"Client\": \"Acme PMS Bridge 2.1.0\"}"}},
   "response": {"status": 200, "headers": []}},
  {"startedDateTime": "2026-11-23T10:00:05.000Z", "time": 98,
   "request": {"method": "POST", "url": "https://api.mews-demo.com/api/conne"#,
        ),
    }
    SESSION_ENTRY_UNREADABLE {
        id: "session-entry-unreadable",
        severity: Error,
        summary: "A HAR entry or NDJSON line lacks a field the review needs (time, URL or address) or is not JSON; it is skipped.",
        docs: TESTING,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
{"time": "2026-11-23 10:00:05", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        ),
    }
    SESSION_NO_CALLS {
        id: "session-no-calls",
        severity: Error,
        summary: "The recording holds no Connector API call (/api/connector/…) to review.",
        docs: TESTING,
        example: Example::session(
            r#"{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": []}}"#,
        ),
    }
    RATE_LIMIT_EXCEEDED {
        id: "rate-limit-exceeded",
        severity: Error,
        summary: "More than 200 requests with one AccessToken within a sliding 30 s window.",
        docs: REQUEST_LIMITS,
        example: Example::session("{repeat}\n").repeating(
            201,
            r#"{"time": "2026-11-23T10:00:00.{n}Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}"#,
            "\n",
        )
        .also_reporting(&[AlsoReported {
            rule: CACHE_STATIC_DATA,
            reason: "201 fetches of the configuration with the same body within 30 s are also static data that a cache would serve",
        }]),
    }
    RETRY_AFTER_IGNORED {
        id: "retry-after-ignored",
        severity: Error,
        summary: "After a 429 response, the next call with the same AccessToken came before `Retry-After` elapsed.",
        docs: REQUEST_LIMITS,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 429, "responseHeaders": {"Retry-After": "10"}}
{"time": "2026-11-23T10:00:02Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        ),
    }
    FIXED_INTERVAL_RETRY {
        id: "fixed-interval-retry",
        severity: Warning,
        summary: "Retries after 429 responses without `Retry-After`, 408 or 5xx responses do not wait longer each time (a fixed or shrinking interval); use exponential backoff.",
        docs: REQUEST_LIMITS,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 429}
{"time": "2026-11-23T10:00:01Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 429}
{"time": "2026-11-23T10:00:02Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 429}
{"time": "2026-11-23T10:00:03Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        ),
    }
    MULTIPLE_CLIENT_NAMES {
        id: "multiple-client-names",
        severity: Error,
        summary: "The calls use more than one `Client` name; Mews finds your demo activity by one unique name.",
        docs: PRIVATE_STEPS,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
{"time": "2026-11-23T10:05:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge (staging) 2.1.0"}, "status": 200}
"#,
        ),
    }
    CLIENT_NAME_NOT_DECLARED {
        id: "client-name-not-declared",
        severity: Error,
        summary: "The calls' `Client` name differs from the one the checklist declares.",
        docs: PRIVATE_STEPS,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 1.9.0"}, "status": 200}
"#,
        )
        .with_checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    PRODUCTION_HOST_IN_DEMO {
        id: "production-host-in-demo",
        severity: Error,
        summary: "A call went to the production host (api.mews.com) in a demo review; certification reviews demo activity.",
        docs: "https://docs.mews.com/connector-api/guidelines/environments#demo-environments",
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        ),
    }
    OPERATION_ALWAYS_FAILING {
        id: "operation-always-failing",
        severity: Warning,
        summary: "Every call of an operation got a failing response (not 2xx).",
        docs: "https://docs.mews.com/connector-api/guidelines/responses",
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 400}
{"time": "2026-11-23T10:05:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0", "LanguageCode": "en-US", "CultureCode": "en-US"}, "status": 400}
"#,
        ),
    }
    OPERATION_NOT_TESTED {
        id: "operation-not-tested",
        severity: Error,
        summary: "An operation listed in the checklist has no successful call in the session.",
        docs: PRIVATE_STEPS,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        )
        .with_checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [
    {"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."},
    {"address": "/api/connector/v1/countries/getAll", "purpose": "Country list."}
  ],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    OPERATION_NOT_DECLARED {
        id: "operation-not-declared",
        severity: Error,
        summary: "The session calls an operation the checklist does not list.",
        docs: CERTIFYING,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
{"time": "2026-11-23T10:00:01Z", "address": "https://api.mews-demo.com/api/connector/v1/countries/getAll", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        )
        .with_checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    LOAD_ABOVE_DECLARED {
        id: "load-above-declared",
        severity: Warning,
        summary: "The measured peak requests per 30 s exceeds the checklist's expected load.",
        docs: CERTIFYING,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
{"time": "2026-11-23T10:00:01Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
{"time": "2026-11-23T10:00:02Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        )
        .with_checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."}],
  "expectedLoad": {"peakRequestsPer30s": 2, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    CACHE_STATIC_DATA {
        id: "cache-static-data",
        severity: Warning,
        summary: "Static data (configuration, services, resource categories, products, taxations…) fetched with the same body more than 3 times within 10 minutes; cache it.",
        docs: BEST_PRACTICES,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
{"time": "2026-11-23T10:02:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
{"time": "2026-11-23T10:04:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
{"time": "2026-11-23T10:06:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        ),
    }
    REPEATED_FAILING_REQUEST {
        id: "repeated-failing-request",
        severity: Warning,
        summary: "A request that got a 4xx response (not 401, 408 or 429, which have their own rules) was sent again unchanged (same address and body) and failed again.",
        docs: RESPONSE_CODES,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 400}
{"time": "2026-11-23T10:00:05Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 400}
{"time": "2026-11-23T10:00:30Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0", "LanguageCode": "en-US", "CultureCode": "en-US"}, "status": 200}
"#,
        ),
    }
    AUTH_FAILURE_IGNORED {
        id: "auth-failure-ignored",
        severity: Warning,
        summary: "After a 401 response, calls with the same AccessToken went on and were rejected with 401 again.",
        docs: UNAUTHORIZED,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 401}
{"time": "2026-11-23T10:00:05Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 401}
{"time": "2026-11-23T10:30:00Z", "address": "https://api.mews-demo.com/api/connector/v1/configuration/get", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}, "status": 200}
"#,
        ),
    }
    PAGINATION_RESTARTED {
        id: "pagination-restarted",
        severity: Warning,
        summary: "A full page came back with a `Cursor`, but instead of its next page the same data was fetched again from the first page.",
        docs: PAGINATION,
        example: Example::session(
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/companies/getAll", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0", "UpdatedUtc": {"StartUtc": "2026-11-01T00:00:00Z", "EndUtc": "2026-11-23T00:00:00Z"}, "Limitation": {"Count": 2}}, "status": 200, "response": {"Companies": [{"Id": "9b0c…"}, {"Id": "2f41…"}], "Cursor": "2f41…"}}
{"time": "2026-11-23T10:00:10Z", "address": "https://api.mews-demo.com/api/connector/v1/companies/getAll", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0", "UpdatedUtc": {"StartUtc": "2026-11-01T00:00:00Z", "EndUtc": "2026-11-23T00:00:00Z"}, "Limitation": {"Count": 2}}, "status": 200, "response": {"Companies": [{"Id": "9b0c…"}, {"Id": "2f41…"}], "Cursor": "2f41…"}}
"#,
        ),
    }
    DIAGNOSTICS_TRUNCATED {
        id: "diagnostics-truncated",
        severity: Info,
        summary: "Findings beyond the first 1000 (the most severe, every rule represented) are counted by rule but not listed.",
        docs: TESTING,
        example: Example::session("{repeat}\n")
        .repeating(
            1001,
            r#"{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com/api/connector/v1/companies/getAll", "request": {"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…{n}", "Client": "Acme PMS Bridge 2.1.0", "UpdatedUtc": {"StartUtc": "2026-11-01T00:00:00+01:00", "EndUtc": "2026-11-23T00:00:00Z"}, "Limitation": {"Count": 100}}, "status": 200}"#,
            "\n",
        )
        .also_reporting(&[AlsoReported {
            rule: super::DATETIME_FORMAT,
            reason: "the listing limit counts the calls' own findings: the session needs more than 1000 of them",
        }]),
    }
}
