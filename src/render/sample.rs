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
        address: None,
        fixes: Vec::new(),
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

/// A real review of a short NDJSON recording (a body with mistakes and a control character in a
/// property name, a retry ignoring `Retry-After`, an unreadable line, an operation that only
/// failed) against the public example checklist, evaluated on 2026-11-23.
pub fn readiness() -> crate::session::ReadinessReport {
    const DEMO: &str = r#""ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D", "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D", "Client": "Brightkeep Housekeeping 3.2.0""#;
    let call = |second: u32, operation: &str, body: &str, rest: &str| {
        format!(
            r#"{{"time": "2026-11-23T10:00:0{second}.000Z", "address": "https://api.mews-demo.com/api/connector/v1/{operation}", "request": {{{DEMO}{body}}}, {rest}}}"#
        )
    };
    let page = r#", "Extent": {"Resources": true}, "Limitation": {"Count": 100}"#;
    let recording = [
        call(0, "configuration/get", "", r#""status": 200, "durationMs": 80"#),
        call(
            1,
            "resources/getAll",
            r#", "Extent": {"Resources": true}, "Limitation": {"Count": 5000}, "Note\u001b[2J": "<b>&amp;</b>""#,
            r#""status": 400, "durationMs": 50"#,
        ),
        call(
            2,
            "resources/getAll",
            page,
            r#""status": 429, "responseHeaders": {"Retry-After": "30"}, "durationMs": 20"#,
        ),
        call(3, "resources/getAll", page, r#""status": 200, "durationMs": 20"#),
        "not a call, %0A::error::injected".to_string(),
        call(
            4,
            "resourceCategories/getAll",
            r#", "EnterpriseIds": ["3fa85f64-5717-4562-b3fc-2c963f66afa6"], "Limitation": {"Count": 10}"#,
            r#""status": 500, "durationMs": 20"#,
        ),
    ]
    .join("\n");
    let options = crate::options::Options {
        date: Some("2026-11-23".to_string()),
        ..crate::options::Options::default()
    };
    crate::session::analyze_session(
        &recording,
        Some(include_str!("../../examples/checklist-public.json")),
        &options,
        &mut |_| {},
    )
}
