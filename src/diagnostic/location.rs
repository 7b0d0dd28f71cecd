//! A place already located by line and column — the session review locates places in a recording
//! as it reads it, in one forward pass — and the diagnostics there.

use super::{Diagnostic, Rule};
use crate::source::{Document, Position, Span, Target};

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
        Self::of_span(doc, pointer, doc.locate(pointer, Target::Value))
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

    /// A diagnostic of `rule`, at its default severity, located here.
    pub fn diagnostic(&self, rule: Rule, message: String) -> Diagnostic {
        let start = Position {
            line: self.line,
            column: self.column,
        };
        let end = Position {
            line: self.end_line,
            column: self.end_column,
        };
        Diagnostic::new(rule, self.pointer.clone(), (start, end), message)
    }
}
