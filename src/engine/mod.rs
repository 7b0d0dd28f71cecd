//! Request and response validation: resolve the operation, parse the body keeping positions,
//! validate against the operation's schema, and collect located diagnostics.

pub mod catalog;

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::options::Options;
use crate::registry::RuleInfo;
use crate::source::{Document, Span};

pub use catalog::{Operation, operations};

/// Rules raised by this module.
pub const RULES: &[RuleInfo] = &[RuleInfo {
    id: "invalid-json",
    severity: Severity::Error,
    summary: "The body is not valid JSON.",
    docs: "https://docs.mews.com/connector-api/guidelines/requests",
    example: "{\"ClientToken\": \"…\",}",
}];

/// Validates a request body sent to `address` (a full URL or a path).
pub fn validate_request(address: &str, body: &str, options: &Options) -> Report {
    let operation = operations().iter().find(|op| op.address == address);
    let diagnostics = match Document::parse(body) {
        Ok(_) => Vec::new(),
        Err(error) => vec![syntax_diagnostic(body, &error.message, error.span)],
    };
    Report::new(
        operation.map(|op| crate::diagnostic::OperationRef {
            address: op.address.clone(),
            name: op.name.clone(),
            docs: op.docs.clone(),
        }),
        options.apply(diagnostics),
    )
}

fn syntax_diagnostic(text: &str, message: &str, span: Span) -> Diagnostic {
    let lines = crate::source::LineIndex::new(text);
    let (start, end) = (
        lines.position(text, span.start),
        lines.position(text, span.end),
    );
    Diagnostic {
        rule: "invalid-json".to_string(),
        severity: Severity::Error,
        message: format!("The body is not valid JSON: {message}"),
        pointer: String::new(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        docs: RULES[0].docs.to_string(),
        call: None,
        time: None,
    }
}
