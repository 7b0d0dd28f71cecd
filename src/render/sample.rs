//! A fixed report and its body, shared by the renderers' snapshot tests.

use crate::diagnostic::{Diagnostic, OperationRef, Report, Severity};

fn diagnostic(
    rule: &str,
    severity: Severity,
    message: &str,
    pointer: &str,
    at: (u32, u32, u32, u32),
) -> Diagnostic {
    Diagnostic {
        rule: rule.to_string(),
        severity,
        message: message.to_string(),
        pointer: pointer.to_string(),
        line: at.0,
        column: at.1,
        end_line: at.2,
        end_column: at.3,
        docs: "https://docs.mews.com/connector-api/operations/companies#add-companies".to_string(),
        call: None,
        time: None,
    }
}

/// A report with an error, a warning and an info about a pretty body with non-ASCII text.
pub fn report() -> (Report, String) {
    let text =
        "{\r\n  \"Name\": \"Café 😀\",\r\n  \"ContacPerson\": \"Jo\",\r\n  \"Count\": 0\r\n}"
            .to_string();
    let diagnostics = vec![
        diagnostic(
            "deprecated-operation",
            Severity::Warning,
            "/api/connector/v1/x is deprecated; use /api/connector/v1/y instead",
            "",
            (1, 1, 1, 1),
        ),
        diagnostic(
            "unknown-property",
            Severity::Error,
            "Unknown property \"ContacPerson\": did you mean \"ContactPerson\"? The schema allows no other properties",
            "/ContacPerson",
            (3, 3, 3, 17),
        ),
        diagnostic(
            "restricted-operation",
            Severity::Info,
            "/api/connector/v1/x is restricted",
            "",
            (1, 1, 1, 1),
        ),
        diagnostic(
            "number-range",
            Severity::Error,
            "Found 0; expected a number at least 1",
            "/Count",
            (4, 12, 4, 13),
        ),
    ];
    let operation = OperationRef {
        address: "/api/connector/v1/companies/add".to_string(),
        name: "Add companies".to_string(),
        docs: "https://docs.mews.com/connector-api/operations/companies#add-companies".to_string(),
    };
    (Report::new(Some(operation), diagnostics), text)
}

/// A report with one error at the given line and columns.
pub fn single(rule: &str, line: u32, column: u32, end_column: u32) -> Report {
    Report::new(
        None,
        vec![diagnostic(
            rule,
            Severity::Error,
            "Unknown property \"Bad\"",
            "/Bad",
            (line, column, line, end_column),
        )],
    )
}

/// An error of `rule` at `(line, column, end_line, end_column)`, for excerpt tests.
pub fn diagnostic_at(rule: &str, at: (u32, u32, u32, u32)) -> Diagnostic {
    diagnostic(rule, Severity::Error, "Found something", "", at)
}
