//! Certification rules beyond the schema: what Mews reviewers check in a request.

use super::{AlsoReported, Example, Rule, RuleInfo, Severity};

const CONFIGURATION: &str = "/api/connector/v1/configuration/get";
const COMPANIES: &str = "/api/connector/v1/companies/getAll";

declare_rules! {
    CONFORMANCE_RULES;

    CREDENTIAL_EMPTY {
        id: "credential-empty",
        severity: Error,
        summary: "ClientToken, AccessToken or Client is empty, blank or not a string.",
        docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "  ", "Client": "Acme PMS Bridge 2.1.0"}"#,
        ),
    }
    TOKEN_FORMAT {
        id: "token-format",
        severity: Error,
        summary: "A token holds whitespace, quotes or a `Bearer ` prefix: send it exactly as issued.",
        docs: "https://docs.mews.com/connector-api/guidelines/authentication",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "Bearer 3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}"#,
        ),
    }
    DEMO_TOKEN {
        id: "demo-token",
        severity: Info,
        summary: "A public demo token is used: names the test integration and the gross/net demo enterprise.",
        docs: "https://docs.mews.com/connector-api/guidelines/environments#demo-environments",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
 "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
 "Client": "Acme PMS Bridge 2.1.0"}"#,
        ),
    }
    DEMO_TOKEN_IN_PRODUCTION {
        id: "demo-token-in-production",
        severity: Error,
        summary: "A public demo token is used while checking for the production environment.",
        docs: "https://docs.mews.com/connector-api/guidelines/environments#api-tokens",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
 "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
 "Client": "Acme PMS Bridge 2.1.0"}"#,
        )
        .in_production(),
    }
    TOKEN_SWAPPED {
        id: "token-swapped",
        severity: Error,
        summary: "A demo AccessToken is sent as ClientToken, or a demo ClientToken as AccessToken.",
        docs: "https://docs.mews.com/connector-api/guidelines/authentication",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
 "AccessToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
 "Client": "Acme PMS Bridge 2.1.0"}"#,
        ),
    }
    CLIENT_NOT_UNIQUE {
        id: "client-not-unique",
        severity: Error,
        summary: "`Client` is the docs' sample name or another placeholder Mews cannot tell apart from other integrations.",
        docs: "https://docs.mews.com/connector-api/your-journey/private-integration#certification-instructions",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Sample Client 1.0.0"}"#,
        ),
    }
    CLIENT_VERSION_MISSING {
        id: "client-version-missing",
        severity: Info,
        summary: "`Client` has no version number: it should be the name and version of the application.",
        docs: "https://docs.mews.com/connector-api/guidelines/authentication",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge"}"#,
        ),
    }
    LANGUAGE_CULTURE_PAIR {
        id: "language-culture-pair",
        severity: Warning,
        summary: "`LanguageCode` without `CultureCode` (or the reverse): Mews ignores it and uses defaults.",
        docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "LanguageCode": "en-US"}"#,
        ),
    }
    INTERVAL_REVERSED {
        id: "interval-reversed",
        severity: Error,
        summary: "An interval ends before it starts.",
        docs: "https://docs.mews.com/connector-api/guidelines/serialization#datetimes",
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "UpdatedUtc": {"StartUtc": "2026-11-23T00:00:00Z", "EndUtc": "2026-11-01T00:00:00Z"},
 "Limitation": {"Count": 100}}"#,
        ),
    }
    INTERVAL_TOO_LONG {
        id: "interval-too-long",
        severity: Error,
        summary: "An interval is longer than the operation allows (`x-max-interval-in-months`).",
        docs: "https://docs.mews.com/connector-api/guidelines/serialization#datetimes",
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "UpdatedUtc": {"StartUtc": "2026-01-01T00:00:00Z", "EndUtc": "2026-06-01T00:00:00Z"},
 "Limitation": {"Count": 100}}"#,
        ),
    }
    CURSOR_FORMAT {
        id: "cursor-format",
        severity: Warning,
        summary: "`Limitation.Cursor` does not look like the identifier a previous response returned.",
        docs: "https://docs.mews.com/connector-api/guidelines/pagination#limitation",
        example: Example::request(
            COMPANIES,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Limitation": {"Count": 100, "Cursor": "00000000-0000-0000-0000-000000000000"}}"#,
        ),
    }
    DEPRECATED_PROPERTY {
        id: "deprecated-property",
        severity: Warning,
        summary: "A deprecated property is used; the message names its replacement.",
        docs: "https://docs.mews.com/connector-api/deprecations#deprecated-properties",
        example: Example::request(
            "/api/connector/v1/resources/getAll",
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Extent": {"Resources": true, "ResourceCategories": true}, "Limitation": {"Count": 100}}"#,
        )
        .on("2026-12-01"),
    }
    DISCONTINUED_OPERATION {
        id: "discontinued-operation",
        severity: Error,
        summary: "The operation is past its discontinuation date (evaluation date: option `date`, default today).",
        docs: "https://docs.mews.com/connector-api/deprecations#deprecated-operations",
        example: Example::request(
            "/api/connector/v1/accountingItems/getAll",
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Extent": {"OrderItems": true, "PaymentItems": true}}"#,
        )
        .on("2026-12-01")
        .also_reporting(&[AlsoReported {
            rule: super::DEPRECATED_OPERATION,
            reason: "a discontinued operation was deprecated first, and is reported as such too",
        }]),
    }
    INVALID_DATE_OPTION {
        id: "invalid-date-option",
        severity: Error,
        summary: "The evaluation date option is not a YYYY-MM-DD date.",
        docs: "https://docs.mews.com/connector-api/deprecations",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}"#,
        )
        .on("10/01/2027"),
    }
    UPDATE_VALUE_SHAPE {
        id: "update-value-shape",
        severity: Error,
        summary: "A property typed as an update value is sent as a bare value instead of `{\"Value\": …}`.",
        docs: "https://docs.mews.com/connector-api/guidelines/serialization#update-values",
        example: Example::request(
            "/api/connector/v1/customers/update",
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "CustomerId": "99b4f0af-9558-463b-8452-07a9bc414708", "ItalianFiscalCode": "ZGNZLR17U72P554F"}"#,
        ),
    }
    DUPLICATE_KEY {
        id: "duplicate-key",
        severity: Warning,
        summary: "The same key appears twice in one object; which value the server keeps is not defined.",
        docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
        example: Example::request(
            CONFIGURATION,
            r#"{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Client": "Acme PMS Bridge 2.2.0"}"#,
        ),
    }
}
