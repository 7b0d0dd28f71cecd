//! Certification rules beyond the schema: what Mews reviewers check in a request.

use super::{Rule, RuleInfo, Severity};

declare_rules! {
    CONFORMANCE_RULES;

    CREDENTIAL_EMPTY {
        id: "credential-empty",
        severity: Error,
        summary: "ClientToken, AccessToken or Client is empty, blank or not a string.",
        docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
        example: r#"{"ClientToken": "   ", "AccessToken": "…", "Client": "Acme PMS Bridge 2.1.0"}"#,
    }
    TOKEN_FORMAT {
        id: "token-format",
        severity: Error,
        summary: "A token holds whitespace, quotes or a `Bearer ` prefix: send it exactly as issued.",
        docs: "https://docs.mews.com/connector-api/guidelines/authentication",
        example: r#"{"AccessToken": "Bearer C66E…", …}"#,
    }
    DEMO_TOKEN {
        id: "demo-token",
        severity: Info,
        summary: "A public demo token is used: names the test integration and the gross/net demo enterprise.",
        docs: "https://docs.mews.com/connector-api/guidelines/environments#demo-environments",
        example: r#"{"ClientToken": "E0D4…", …} (a token listed on the Environments page)"#,
    }
    DEMO_TOKEN_IN_PRODUCTION {
        id: "demo-token-in-production",
        severity: Error,
        summary: "A public demo token is used while checking for the production environment.",
        docs: "https://docs.mews.com/connector-api/guidelines/environments#api-tokens",
        example: r#"--environment production with {"ClientToken": "E0D4…", …}"#,
    }
    TOKEN_SWAPPED {
        id: "token-swapped",
        severity: Error,
        summary: "A demo AccessToken is sent as ClientToken, or a demo ClientToken as AccessToken.",
        docs: "https://docs.mews.com/connector-api/guidelines/authentication",
        example: r#"{"ClientToken": "C66E…", "AccessToken": "E0D4…", …}"#,
    }
    CLIENT_NOT_UNIQUE {
        id: "client-not-unique",
        severity: Warning,
        summary: "`Client` is the docs' sample name or another placeholder Mews cannot tell apart from other integrations.",
        docs: "https://docs.mews.com/connector-api/your-journey/private-integration#certification-instructions",
        example: r#"{"Client": "Sample Client 1.0.0", …}"#,
    }
    CLIENT_VERSION_MISSING {
        id: "client-version-missing",
        severity: Warning,
        summary: "`Client` has no version number: it should be the name and version of the application.",
        docs: "https://docs.mews.com/connector-api/guidelines/authentication",
        example: r#"{"Client": "Acme PMS Bridge", …}"#,
    }
    LANGUAGE_CULTURE_PAIR {
        id: "language-culture-pair",
        severity: Warning,
        summary: "`LanguageCode` without `CultureCode` (or the reverse): Mews ignores it and uses defaults.",
        docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
        example: r#"{"LanguageCode": "en-US", …}"#,
    }
    INTERVAL_REVERSED {
        id: "interval-reversed",
        severity: Error,
        summary: "An interval ends before it starts.",
        docs: "https://docs.mews.com/connector-api/guidelines/serialization#datetimes",
        example: r#"{"UpdatedUtc": {"StartUtc": "2023-03-22T00:00:00Z", "EndUtc": "2023-03-01T00:00:00Z"}, …}"#,
    }
    INTERVAL_TOO_LONG {
        id: "interval-too-long",
        severity: Error,
        summary: "An interval is longer than the operation allows (`x-max-interval-in-months`).",
        docs: "https://docs.mews.com/connector-api/guidelines/serialization#datetimes",
        example: r#"{"UpdatedUtc": {"StartUtc": "2023-01-01T00:00:00Z", "EndUtc": "2023-06-01T00:00:00Z"}, …} (limit 3 months)"#,
    }
    CURSOR_FORMAT {
        id: "cursor-format",
        severity: Warning,
        summary: "`Limitation.Cursor` does not look like the identifier a previous response returned.",
        docs: "https://docs.mews.com/connector-api/guidelines/pagination#limitation",
        example: r#"{"Limitation": {"Count": 100, "Cursor": "2"}, …}"#,
    }
    DEPRECATED_PROPERTY {
        id: "deprecated-property",
        severity: Warning,
        summary: "A deprecated property is used; the message names its replacement.",
        docs: "https://docs.mews.com/connector-api/deprecations#deprecated-properties",
        example: r#"availabilityBlocks/add with {"AvailabilityBlocks": [{"RateId": "…", …}], …}"#,
    }
    DISCONTINUED_OPERATION {
        id: "discontinued-operation",
        severity: Error,
        summary: "The operation is past its discontinuation date (evaluation date: option `date`, default today).",
        docs: "https://docs.mews.com/connector-api/deprecations#deprecated-operations",
        example: "a call to an operation whose discontinuation date is before the evaluation date",
    }
    INVALID_DATE_OPTION {
        id: "invalid-date-option",
        severity: Error,
        summary: "The evaluation date option is not a YYYY-MM-DD date.",
        docs: "https://docs.mews.com/connector-api/deprecations",
        example: r#"{"date": "10/01/2027"} as options"#,
    }
    UPDATE_VALUE_SHAPE {
        id: "update-value-shape",
        severity: Error,
        summary: "A property typed as an update value is sent as a bare value instead of `{\"Value\": …}`.",
        docs: "https://docs.mews.com/connector-api/guidelines/serialization#update-values",
        example: r#"customers/update with {"ItalianFiscalCode": "ZGNZLR17U72P554F", …}"#,
    }
    DUPLICATE_KEY {
        id: "duplicate-key",
        severity: Warning,
        summary: "The same key appears twice in one object; which value the server keeps is not defined.",
        docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
        example: r#"{"Client": "Acme 1.0", "Client": "Acme 2.0", …}"#,
    }
}
