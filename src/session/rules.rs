//! The rules of session review: located in the recording (HAR entry or NDJSON line), or, for
//! `operation-not-tested`, in the checklist.

use crate::diagnostic::Severity;
use crate::registry::RuleInfo;

const REQUEST_LIMITS: &str =
    "https://docs.mews.com/connector-api/guidelines/requests#request-limits";
const TESTING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#testing-your-integration";
const CERTIFYING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#certifying-your-integration";
const PRIVATE_STEPS: &str = "https://docs.mews.com/connector-api/your-journey/private-integration#certification-instructions";

pub const SESSION_UNREADABLE: RuleInfo = RuleInfo {
    id: "session-unreadable",
    severity: Severity::Error,
    summary: "The recording is not a HAR 1.2 file or NDJSON call log; calls after the problem are not reviewed.",
    docs: TESTING,
    example: "{\"log\": {\"entries\": [}",
};

pub const ENTRY_UNREADABLE: RuleInfo = RuleInfo {
    id: "session-entry-unreadable",
    severity: Severity::Error,
    summary: "A HAR entry or NDJSON line lacks a field the review needs (time, URL or address) or is not JSON; it is skipped.",
    docs: TESTING,
    example: "{\"time\": \"yesterday\", \"address\": \"/api/connector/v1/configuration/get\"}",
};

pub const NO_CALLS: RuleInfo = RuleInfo {
    id: "session-no-calls",
    severity: Severity::Error,
    summary: "The recording holds no Connector API call (/api/connector/…) to review.",
    docs: TESTING,
    example: "{\"log\": {\"entries\": []}}",
};

pub const RATE_LIMIT_EXCEEDED: RuleInfo = RuleInfo {
    id: "rate-limit-exceeded",
    severity: Severity::Error,
    summary: "More than 200 requests with one AccessToken within a sliding 30 s window.",
    docs: REQUEST_LIMITS,
    example: "201 calls with the same AccessToken between 10:00:00.000 and 10:00:29.999",
};

pub const RETRY_AFTER_IGNORED: RuleInfo = RuleInfo {
    id: "retry-after-ignored",
    severity: Severity::Error,
    summary: "After a 429 response, the next call with the same AccessToken came before `Retry-After` elapsed.",
    docs: REQUEST_LIMITS,
    example: "429 with Retry-After: 10, next call 2 s later",
};

pub const FIXED_INTERVAL_RETRY: RuleInfo = RuleInfo {
    id: "fixed-interval-retry",
    severity: Severity::Warning,
    summary: "Retries after 429 responses without `Retry-After` wait a fixed interval; use exponential backoff.",
    docs: REQUEST_LIMITS,
    example: "429, retry after 1 s, 429, retry after 1 s",
};

pub const MULTIPLE_CLIENT_NAMES: RuleInfo = RuleInfo {
    id: "multiple-client-names",
    severity: Severity::Error,
    summary: "The calls use more than one `Client` name; Mews finds your demo activity by one unique name.",
    docs: PRIVATE_STEPS,
    example: "\"Client\": \"Acme 1.0\" in one call, \"Client\": \"acme-dev\" in another",
};

pub const CLIENT_NAME_NOT_DECLARED: RuleInfo = RuleInfo {
    id: "client-name-not-declared",
    severity: Severity::Error,
    summary: "The calls' `Client` name differs from the one the checklist declares.",
    docs: PRIVATE_STEPS,
    example: "checklist \"Acme 2.0.0\", calls \"Acme 1.9.0\"",
};

pub const PRODUCTION_HOST_IN_DEMO: RuleInfo = RuleInfo {
    id: "production-host-in-demo",
    severity: Severity::Error,
    summary: "A call went to the production host (api.mews.com) in a demo review; certification reviews demo activity.",
    docs: "https://docs.mews.com/connector-api/guidelines/environments#demo-environments",
    example: "https://api.mews.com/api/connector/v1/configuration/get",
};

pub const OPERATION_ALWAYS_FAILING: RuleInfo = RuleInfo {
    id: "operation-always-failing",
    severity: Severity::Warning,
    summary: "Every call of an operation got a failing response (not 2xx).",
    docs: "https://docs.mews.com/connector-api/guidelines/responses",
    example: "bills/getAll called 3 times, 3 × 400",
};

pub const OPERATION_NOT_TESTED: RuleInfo = RuleInfo {
    id: "operation-not-tested",
    severity: Severity::Error,
    summary: "An operation listed in the checklist has no successful call in the session.",
    docs: PRIVATE_STEPS,
    example: "checklist lists payments/getAll, the session never calls it",
};

pub const OPERATION_NOT_DECLARED: RuleInfo = RuleInfo {
    id: "operation-not-declared",
    severity: Severity::Error,
    summary: "The session calls an operation the checklist does not list.",
    docs: CERTIFYING,
    example: "the session calls customers/add, the checklist does not list it",
};

pub const LOAD_ABOVE_DECLARED: RuleInfo = RuleInfo {
    id: "load-above-declared",
    severity: Severity::Warning,
    summary: "The measured peak requests per 30 s exceeds the checklist's expected load.",
    docs: CERTIFYING,
    example: "declared 40 per 30 s, measured 75",
};

pub const DIAGNOSTICS_TRUNCATED: RuleInfo = RuleInfo {
    id: "diagnostics-truncated",
    severity: Severity::Info,
    summary: "Findings beyond the first 1000 (the most severe, every rule represented) are counted by rule but not listed.",
    docs: TESTING,
    example: "5000 calls each with an invalid body",
};

/// Every rule this module raises.
pub const ALL: &[RuleInfo] = &[
    SESSION_UNREADABLE,
    ENTRY_UNREADABLE,
    NO_CALLS,
    RATE_LIMIT_EXCEEDED,
    RETRY_AFTER_IGNORED,
    FIXED_INTERVAL_RETRY,
    MULTIPLE_CLIENT_NAMES,
    CLIENT_NAME_NOT_DECLARED,
    PRODUCTION_HOST_IN_DEMO,
    OPERATION_ALWAYS_FAILING,
    OPERATION_NOT_TESTED,
    OPERATION_NOT_DECLARED,
    LOAD_ABOVE_DECLARED,
    DIAGNOSTICS_TRUNCATED,
];
