//! The rules of checklist validation and of the session cross-check that reads a checklist.

use crate::diagnostic::Severity;
use crate::registry::RuleInfo;

pub(super) const CERTIFYING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#certifying-your-integration";
const PRIVATE_STEPS: &str = "https://docs.mews.com/connector-api/your-journey/private-integration#certification-instructions";

pub const CHECKLIST_INVALID_JSON: RuleInfo = RuleInfo {
    id: "checklist-invalid-json",
    severity: Severity::Error,
    summary: "The checklist is not valid JSON.",
    docs: CERTIFYING,
    example: "{\"integrationKind\": \"public\",}",
};

pub const UNKNOWN_OPERATION: RuleInfo = RuleInfo {
    id: "checklist-unknown-operation",
    severity: Severity::Error,
    summary: "A listed operation address is not a Connector API operation.",
    docs: "https://docs.mews.com/connector-api/operations",
    example: "{\"address\": \"/api/connector/v1/reservation/getAll\"}",
};

pub const DEPRECATED_OPERATION: RuleInfo = RuleInfo {
    id: "checklist-deprecated-operation",
    severity: Severity::Warning,
    summary: "A listed operation is deprecated; certify with its replacement.",
    docs: "https://docs.mews.com/connector-api/deprecations",
    example: "{\"address\": \"/api/connector/v1/reservations/getAll\"}",
};

pub const DISCONTINUED_OPERATION: RuleInfo = RuleInfo {
    id: "checklist-discontinued-operation",
    severity: Severity::Error,
    summary: "A listed operation is discontinued at the evaluation date.",
    docs: "https://docs.mews.com/connector-api/deprecations",
    example: "{\"address\": \"<an operation past its discontinuation date>\"}",
};

pub const DUPLICATE_OPERATION: RuleInfo = RuleInfo {
    id: "checklist-duplicate-operation",
    severity: Severity::Warning,
    summary: "An operation is listed more than once.",
    docs: CERTIFYING,
    example: "[{\"address\": \"/api/connector/v1/configuration/get\"}, {\"address\": \"/api/connector/v1/configuration/get\"}]",
};

pub const LOAD_ABOVE_LIMIT: RuleInfo = RuleInfo {
    id: "checklist-load-above-limit",
    severity: Severity::Error,
    summary: "The expected peak load exceeds 200 requests per AccessToken in 30 seconds.",
    docs: "https://docs.mews.com/connector-api/guidelines/environments#request-limits",
    example: "{\"expectedLoad\": {\"peakRequestsPer30s\": 450, \"properties\": 3}}",
};

pub const PRIVATE_ITEMS_MISSING: RuleInfo = RuleInfo {
    id: "checklist-private-items-missing",
    severity: Severity::Error,
    summary: "A private integration checklist lacks the private journey's items (properties and their Connectivity add-on or Enterprise package, dedicated demo property).",
    docs: PRIVATE_STEPS,
    example: "{\"integrationKind\": \"private\"}",
};

pub const MULTIPLE_WEBHOOK_URLS: RuleInfo = RuleInfo {
    id: "checklist-multiple-webhook-urls",
    severity: Severity::Error,
    summary: "More than one webhook URL: an integration has exactly one.",
    docs: "https://docs.mews.com/connector-api/your-journey/private-integration#faqs",
    example: "{\"webhookUrl\": [\"https://a.example/h\", \"https://b.example/h\"]}",
};

pub const PLACEHOLDER_CLIENT_NAME: RuleInfo = RuleInfo {
    id: "placeholder-client-name",
    severity: Severity::Error,
    summary: "The `Client` name is a sample or placeholder; Mews needs a unique name to review demo activity.",
    docs: PRIVATE_STEPS,
    example: "{\"Client\": \"Sample Client 1.0.0\"}",
};

/// Every rule this module raises.
pub const ALL: &[RuleInfo] = &[
    CHECKLIST_INVALID_JSON,
    UNKNOWN_OPERATION,
    DEPRECATED_OPERATION,
    DISCONTINUED_OPERATION,
    DUPLICATE_OPERATION,
    LOAD_ABOVE_LIMIT,
    PRIVATE_ITEMS_MISSING,
    MULTIPLE_WEBHOOK_URLS,
    PLACEHOLDER_CLIENT_NAME,
];
