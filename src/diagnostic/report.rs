//! Diagnostics located by line and column, and the report that collects them.

use serde::{Deserialize, Serialize};

use super::{Deprecation, Fix, Rule, Severity};
use crate::source::Position;

/// One finding, located in the submitted text.
///
/// `line`/`column` are 1-based; columns count UTF-16 code units (what browser editors use).
/// `pointer` is an RFC 6901 JSON Pointer to the offending value (for a missing property: the
/// pointer the property would have, located at the enclosing object).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub pointer: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub docs: String,
    /// Index (0-based) of the recorded call this finding belongs to, in session reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<usize>,
    /// Time of the recorded call this finding belongs to (as recorded), in session reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The called address (path) this finding is about, in session reports: on findings in a
    /// call's body and on per-operation findings (so CI reports can group them by operation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Safe fixes of this finding in the submitted text (omitted when there is none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// A diagnostic of `rule` at its default severity, linking the rule's docs, between two
    /// positions: the one way every part of the product builds one.
    pub fn new(
        rule: Rule,
        pointer: impl Into<String>,
        (start, end): (Position, Position),
        message: String,
    ) -> Self {
        Diagnostic {
            rule: rule.id().to_string(),
            severity: rule.severity(),
            message,
            pointer: pointer.into(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            docs: rule.docs().to_string(),
            call: None,
            time: None,
            address: None,
            fixes: Vec::new(),
        }
    }

    /// Where the diagnostic starts.
    pub fn start(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    /// Where the diagnostic ends.
    pub fn end(&self) -> Position {
        Position {
            line: self.end_line,
            column: self.end_column,
        }
    }
}

/// The operation a report is about, as resolved from the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationRef {
    pub address: String,
    pub name: String,
    pub docs: String,
}

/// The result of validating one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// False exactly when at least one diagnostic is an error.
    pub valid: bool,
    pub operation: Option<OperationRef>,
    pub diagnostics: Vec<Diagnostic>,
    /// The deprecation timeline of a checklist's operations (omitted when empty, and from
    /// request and response reports, which have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deprecations: Vec<Deprecation>,
}

impl Report {
    /// Builds a report, ordering diagnostics by position then rule so output is stable.
    pub fn new(operation: Option<OperationRef>, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| {
            (a.line, a.column, &a.pointer, &a.rule).cmp(&(b.line, b.column, &b.pointer, &b.rule))
        });
        let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
        Report {
            valid,
            operation,
            diagnostics,
            deprecations: Vec::new(),
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}
