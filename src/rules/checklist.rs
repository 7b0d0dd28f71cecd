//! Rules of the certification checklist and of the session cross-check that reads one.

use super::{Example, Rule, RuleInfo, Severity};

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
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3,},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    CHECKLIST_UNKNOWN_OPERATION {
        id: "checklist-unknown-operation",
        severity: Error,
        summary: "A listed operation address is not a Connector API operation.",
        docs: "https://docs.mews.com/connector-api/operations",
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/reservation/getAll", "purpose": "Arrivals."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    CHECKLIST_DEPRECATED_OPERATION {
        id: "checklist-deprecated-operation",
        severity: Warning,
        summary: "A listed operation is deprecated; certify with its replacement.",
        docs: "https://docs.mews.com/connector-api/deprecations",
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/routingRules/getAll", "purpose": "Routing."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        )
        .on("2026-12-01"),
    }
    CHECKLIST_DISCONTINUED_OPERATION {
        id: "checklist-discontinued-operation",
        severity: Error,
        summary: "A listed operation is discontinued at the evaluation date.",
        docs: "https://docs.mews.com/connector-api/deprecations",
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/reservations/getAll", "purpose": "Arrivals."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        )
        .on("2026-12-01"),
    }
    CHECKLIST_DUPLICATE_OPERATION {
        id: "checklist-duplicate-operation",
        severity: Info,
        summary: "An operation is listed more than once.",
        docs: CERTIFYING,
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [
    {"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."},
    {"address": "/api/connector/v1/configuration/get", "purpose": "Currency."}
  ],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    CHECKLIST_LOAD_ABOVE_LIMIT {
        id: "checklist-load-above-limit",
        severity: Error,
        summary: "The expected peak load exceeds 200 requests per AccessToken in 30 seconds.",
        docs: "https://docs.mews.com/connector-api/guidelines/environments#request-limits",
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."}],
  "expectedLoad": {"peakRequestsPer30s": 450, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    CHECKLIST_PRIVATE_ITEMS_MISSING {
        id: "checklist-private-items-missing",
        severity: Error,
        summary: "A private integration checklist lacks the private journey's items (properties and their Connectivity add-on or Enterprise package, dedicated demo property).",
        docs: PRIVATE_STEPS,
        example: Example::checklist(
            r#"{
  "integrationKind": "private",
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
    CHECKLIST_MULTIPLE_WEBHOOK_URLS {
        id: "checklist-multiple-webhook-urls",
        severity: Error,
        summary: "More than one webhook URL: an integration has exactly one.",
        docs: "https://docs.mews.com/connector-api/your-journey/private-integration#faqs",
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Acme PMS Bridge 2.1.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "webhookUrl": ["https://hooks.acme.example/mews", "https://hooks.acme.example/mews-eu"],
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
    PLACEHOLDER_CLIENT_NAME {
        id: "placeholder-client-name",
        severity: Error,
        summary: "The `Client` name is a sample or placeholder; Mews needs a unique name to review demo activity.",
        docs: PRIVATE_STEPS,
        example: Example::checklist(
            r#"{
  "integrationKind": "public",
  "partner": {"id": "P-104233", "company": "Acme Hospitality Ltd"},
  "application": {"name": "Acme PMS Bridge", "client": "Sample Client 1.0.0"},
  "purpose": "Shows the day's arrivals on the front desk board.",
  "flow": "Calls the listed operations on connection, then every 5 minutes.",
  "operations": [{"address": "/api/connector/v1/configuration/get", "purpose": "Time zone."}],
  "expectedLoad": {"peakRequestsPer30s": 20, "properties": 3},
  "contact": {"name": "Jana Novak", "email": "jana@acme.example"}
}"#,
        ),
    }
}
