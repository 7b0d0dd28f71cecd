//! Rules of the certification checklist and of the session cross-check that reads one.

use super::{Rule, RuleInfo, Severity};

const CERTIFYING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#certifying-your-integration";
const PRIVATE_STEPS: &str = "https://docs.mews.com/connector-api/your-journey/private-integration#certification-instructions";

declare_rules! {
    CHECKLIST_RULES;

    CHECKLIST_INVALID_JSON {
        id: "checklist-invalid-json",
        severity: Error,
        summary: "The checklist is not valid JSON.",
        docs: CERTIFYING,
        example: "{\"integrationKind\": \"public\",}",
    }
    CHECKLIST_UNKNOWN_OPERATION {
        id: "checklist-unknown-operation",
        severity: Error,
        summary: "A listed operation address is not a Connector API operation.",
        docs: "https://docs.mews.com/connector-api/operations",
        example: "{\"address\": \"/api/connector/v1/reservation/getAll\"}",
    }
    CHECKLIST_DEPRECATED_OPERATION {
        id: "checklist-deprecated-operation",
        severity: Warning,
        summary: "A listed operation is deprecated; certify with its replacement.",
        docs: "https://docs.mews.com/connector-api/deprecations",
        example: "{\"address\": \"/api/connector/v1/reservations/getAll\"}",
    }
    CHECKLIST_DISCONTINUED_OPERATION {
        id: "checklist-discontinued-operation",
        severity: Error,
        summary: "A listed operation is discontinued at the evaluation date.",
        docs: "https://docs.mews.com/connector-api/deprecations",
        example: "{\"address\": \"<an operation past its discontinuation date>\"}",
    }
    CHECKLIST_DUPLICATE_OPERATION {
        id: "checklist-duplicate-operation",
        severity: Warning,
        summary: "An operation is listed more than once.",
        docs: CERTIFYING,
        example: "[{\"address\": \"/api/connector/v1/configuration/get\"}, {\"address\": \"/api/connector/v1/configuration/get\"}]",
    }
    CHECKLIST_LOAD_ABOVE_LIMIT {
        id: "checklist-load-above-limit",
        severity: Error,
        summary: "The expected peak load exceeds 200 requests per AccessToken in 30 seconds.",
        docs: "https://docs.mews.com/connector-api/guidelines/environments#request-limits",
        example: "{\"expectedLoad\": {\"peakRequestsPer30s\": 450, \"properties\": 3}}",
    }
    CHECKLIST_PRIVATE_ITEMS_MISSING {
        id: "checklist-private-items-missing",
        severity: Error,
        summary: "A private integration checklist lacks the private journey's items (properties and their Connectivity add-on or Enterprise package, dedicated demo property).",
        docs: PRIVATE_STEPS,
        example: "{\"integrationKind\": \"private\"}",
    }
    CHECKLIST_MULTIPLE_WEBHOOK_URLS {
        id: "checklist-multiple-webhook-urls",
        severity: Error,
        summary: "More than one webhook URL: an integration has exactly one.",
        docs: "https://docs.mews.com/connector-api/your-journey/private-integration#faqs",
        example: "{\"webhookUrl\": [\"https://a.example/h\", \"https://b.example/h\"]}",
    }
    PLACEHOLDER_CLIENT_NAME {
        id: "placeholder-client-name",
        severity: Error,
        summary: "The `Client` name is a sample or placeholder; Mews needs a unique name to review demo activity.",
        docs: PRIVATE_STEPS,
        example: "{\"Client\": \"Sample Client 1.0.0\"}",
    }
}
