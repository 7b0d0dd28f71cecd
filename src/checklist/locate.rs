//! Where a finding is in a submitted JSON text, and turning that place into a [`Diagnostic`].

use crate::diagnostic::Diagnostic;
use crate::registry::RuleInfo;
use crate::source::{Document, Span};

/// A located place in a submitted text: pointer plus 1-based start/end line and UTF-16 column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub pointer: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Location {
    /// The place of `span`, reported under `pointer`.
    pub fn of_span(doc: &Document<'_>, pointer: &str, span: Span) -> Self {
        let (start, end) = doc.range(span);
        Location {
            pointer: pointer.to_string(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }

    /// The place of the value at `pointer`, or of its nearest existing ancestor when it is missing.
    pub fn of_pointer(doc: &Document<'_>, pointer: &str) -> Self {
        Self::of_span(doc, pointer, doc.nearest_node(pointer).span)
    }

    /// The start of a text: where findings about the whole text are reported.
    pub fn start() -> Self {
        Location {
            pointer: String::new(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        }
    }

    /// The place of a span in a text that did not parse as JSON.
    pub fn of_span_in_text(text: &str, span: Span) -> Self {
        let lines = crate::source::LineIndex::new(text);
        let (start, end) = (
            lines.position(text, span.start),
            lines.position(text, span.end),
        );
        Location {
            pointer: String::new(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }

    /// A diagnostic of `rule`, at its default severity, located here.
    pub fn diagnostic(&self, rule: &RuleInfo, message: String) -> Diagnostic {
        Diagnostic {
            rule: rule.id.to_string(),
            severity: rule.severity,
            message,
            pointer: self.pointer.clone(),
            line: self.line,
            column: self.column,
            end_line: self.end_line,
            end_column: self.end_column,
            docs: rule.docs.to_string(),
            call: None,
            time: None,
            address: None,
        }
    }
}
