//! Rules of a recorded session: located in the recording (HAR entry or NDJSON line), or, for `operation-not-tested`, in the checklist.

use super::{Rule, RuleInfo, Severity};

const REQUEST_LIMITS: &str =
    "https://docs.mews.com/connector-api/guidelines/requests#request-limits";
const TESTING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#testing-your-integration";
const CERTIFYING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#certifying-your-integration";
const PRIVATE_STEPS: &str = "https://docs.mews.com/connector-api/your-journey/private-integration#certification-instructions";

declare_rules! {
    SESSION_RULES;

    SESSION_UNREADABLE {
        id: "session-unreadable",
        severity: Error,
        summary: "The recording is not a HAR 1.2 file or NDJSON call log; calls after the problem are not reviewed.",
        docs: TESTING,
        example: "{\"log\": {\"entries\": [}",
    }
    SESSION_ENTRY_UNREADABLE {
        id: "session-entry-unreadable",
        severity: Error,
        summary: "A HAR entry or NDJSON line lacks a field the review needs (time, URL or address) or is not JSON; it is skipped.",
        docs: TESTING,
        example: "{\"time\": \"yesterday\", \"address\": \"/api/connector/v1/configuration/get\"}",
    }
    SESSION_NO_CALLS {
        id: "session-no-calls",
        severity: Error,
        summary: "The recording holds no Connector API call (/api/connector/…) to review.",
        docs: TESTING,
        example: "{\"log\": {\"entries\": []}}",
    }
    RATE_LIMIT_EXCEEDED {
        id: "rate-limit-exceeded",
        severity: Error,
        summary: "More than 200 requests with one AccessToken within a sliding 30 s window.",
        docs: REQUEST_LIMITS,
        example: "201 calls with the same AccessToken between 10:00:00.000 and 10:00:29.999",
    }
    RETRY_AFTER_IGNORED {
        id: "retry-after-ignored",
        severity: Error,
        summary: "After a 429 response, the next call with the same AccessToken came before `Retry-After` elapsed.",
        docs: REQUEST_LIMITS,
        example: "429 with Retry-After: 10, next call 2 s later",
    }
    FIXED_INTERVAL_RETRY {
        id: "fixed-interval-retry",
        severity: Warning,
        summary: "Retries after 429 responses without `Retry-After` wait a fixed interval; use exponential backoff.",
        docs: REQUEST_LIMITS,
        example: "429, retry after 1 s, 429, retry after 1 s",
    }
    MULTIPLE_CLIENT_NAMES {
        id: "multiple-client-names",
        severity: Error,
        summary: "The calls use more than one `Client` name; Mews finds your demo activity by one unique name.",
        docs: PRIVATE_STEPS,
        example: "\"Client\": \"Acme 1.0\" in one call, \"Client\": \"acme-dev\" in another",
    }
    CLIENT_NAME_NOT_DECLARED {
        id: "client-name-not-declared",
        severity: Error,
        summary: "The calls' `Client` name differs from the one the checklist declares.",
        docs: PRIVATE_STEPS,
        example: "checklist \"Acme 2.0.0\", calls \"Acme 1.9.0\"",
    }
    PRODUCTION_HOST_IN_DEMO {
        id: "production-host-in-demo",
        severity: Error,
        summary: "A call went to the production host (api.mews.com) in a demo review; certification reviews demo activity.",
        docs: "https://docs.mews.com/connector-api/guidelines/environments#demo-environments",
        example: "https://api.mews.com/api/connector/v1/configuration/get",
    }
    OPERATION_ALWAYS_FAILING {
        id: "operation-always-failing",
        severity: Warning,
        summary: "Every call of an operation got a failing response (not 2xx).",
        docs: "https://docs.mews.com/connector-api/guidelines/responses",
        example: "bills/getAll called 3 times, 3 × 400",
    }
    OPERATION_NOT_TESTED {
        id: "operation-not-tested",
        severity: Error,
        summary: "An operation listed in the checklist has no successful call in the session.",
        docs: PRIVATE_STEPS,
        example: "checklist lists payments/getAll, the session never calls it",
    }
    OPERATION_NOT_DECLARED {
        id: "operation-not-declared",
        severity: Error,
        summary: "The session calls an operation the checklist does not list.",
        docs: CERTIFYING,
        example: "the session calls customers/add, the checklist does not list it",
    }
    LOAD_ABOVE_DECLARED {
        id: "load-above-declared",
        severity: Warning,
        summary: "The measured peak requests per 30 s exceeds the checklist's expected load.",
        docs: CERTIFYING,
        example: "declared 40 per 30 s, measured 75",
    }
    DIAGNOSTICS_TRUNCATED {
        id: "diagnostics-truncated",
        severity: Info,
        summary: "Findings beyond the first 1000 (the most severe, every rule represented) are counted by rule but not listed.",
        docs: TESTING,
        example: "5000 calls each with an invalid body",
    }
}
