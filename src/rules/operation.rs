//! Rules of the address and the operation's lifecycle.

use super::{Rule, RuleInfo, Severity};

const OPERATIONS_DOCS: &str = "https://docs.mews.com/connector-api/operations";
const DEPRECATIONS_DOCS: &str = "https://docs.mews.com/connector-api/deprecations";

declare_rules! {
    OPERATION_RULES;

    DEPRECATED_OPERATION {
        id: "deprecated-operation",
        severity: Warning,
        summary: "The operation is deprecated; it will be discontinued and has a replacement.",
        docs: DEPRECATIONS_DOCS,
        example: "/api/connector/v1/reservations/getAll",
    }
    RESTRICTED_OPERATION {
        id: "restricted-operation",
        severity: Info,
        summary: "The operation is restricted: Mews must enable it for the integration.",
        docs: OPERATIONS_DOCS,
        example: "a restricted operation's address",
    }
    PATH_CASE_MISMATCH {
        id: "path-case-mismatch",
        severity: Error,
        summary: "The address matches an operation only when case is ignored; addresses are case-sensitive.",
        docs: OPERATIONS_DOCS,
        example: "/api/connector/v1/Bills/getAll",
    }
    TRAILING_SLASH {
        id: "trailing-slash",
        severity: Error,
        summary: "The address ends with a slash; operation addresses do not.",
        docs: OPERATIONS_DOCS,
        example: "/api/connector/v1/bills/getAll/",
    }
    UNKNOWN_OPERATION {
        id: "unknown-operation",
        severity: Error,
        summary: "The address is not a Connector API operation.",
        docs: OPERATIONS_DOCS,
        example: "/api/connector/v1/bills/getEverything",
    }
}
