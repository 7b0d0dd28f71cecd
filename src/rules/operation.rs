//! Rules of the address and the operation's lifecycle.

use super::{Example, Rule, RuleInfo, Severity};

const OPERATIONS_DOCS: &str = "https://docs.mews.com/connector-api/operations";
const DEPRECATIONS_DOCS: &str = "https://docs.mews.com/connector-api/deprecations";

declare_rules! {
    OPERATION_RULES;

    DEPRECATED_OPERATION {
        id: "deprecated-operation",
        severity: Warning,
        summary: "The operation is deprecated; it will be discontinued and has a replacement.",
        docs: DEPRECATIONS_DOCS,
        example: Example::input(
            r#"POST https://api.mews-demo.com/api/connector/v1/routingRules/getAll HTTP/1.1
Content-Type: application/json

{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "Limitation": {"Count": 100}}
"#,
        )
        .on("2026-12-01"),
    }
    RESTRICTED_OPERATION {
        id: "restricted-operation",
        severity: Info,
        summary: "The operation is restricted: Mews must enable it for the integration.",
        docs: OPERATIONS_DOCS,
        example: Example::input(
            r#"POST https://api.mews-demo.com/api/connector/v1/cancellationPolicies/getByReservations HTTP/1.1
Content-Type: application/json

{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0",
 "ReservationIds": ["3fa85f64-5717-4562-b3fc-2c963f66afa6"]}
"#,
        ),
    }
    PATH_CASE_MISMATCH {
        id: "path-case-mismatch",
        severity: Error,
        summary: "The address matches an operation only when case is ignored; addresses are case-sensitive.",
        docs: OPERATIONS_DOCS,
        example: Example::input(
            r#"POST https://api.mews-demo.com/api/connector/v1/Configuration/get HTTP/1.1
Content-Type: application/json

{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}
"#,
        ),
    }
    TRAILING_SLASH {
        id: "trailing-slash",
        severity: Error,
        summary: "The address ends with a slash; operation addresses do not.",
        docs: OPERATIONS_DOCS,
        example: Example::input(
            r#"POST https://api.mews-demo.com/api/connector/v1/configuration/get/ HTTP/1.1
Content-Type: application/json

{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}
"#,
        ),
    }
    UNKNOWN_OPERATION {
        id: "unknown-operation",
        severity: Error,
        summary: "The address is not a Connector API operation.",
        docs: OPERATIONS_DOCS,
        example: Example::input(
            r#"POST https://api.mews-demo.com/api/connector/v1/configuration/getAll HTTP/1.1
Content-Type: application/json

{"ClientToken": "8A4F…E21B", "AccessToken": "3C9D…7F10", "Client": "Acme PMS Bridge 2.1.0"}
"#,
        ),
    }
}
