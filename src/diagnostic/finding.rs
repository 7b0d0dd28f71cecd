//! A finding as the engine keeps it: located by a byte span of the checked text. It becomes a
//! [`Diagnostic`] (line and UTF-16 column) once, at the edge.

use super::{Diagnostic, Rule, Severity};
use crate::source::{LineIndex, Span};

/// One finding of a rule, at a span of the checked text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    /// RFC 6901 pointer to the offending value (for a missing property: the pointer it would have).
    pub pointer: String,
    /// Bytes of the checked text the finding marks.
    pub span: Span,
    /// What was found and what was expected.
    pub message: String,
    /// A more specific docs page than the rule's own (the owning schema type's section, the
    /// operation's page); `None` links the rule's docs.
    pub docs: Option<String>,
}

impl Finding {
    pub fn new(rule: Rule, pointer: impl Into<String>, span: Span, message: String) -> Self {
        Finding {
            rule,
            pointer: pointer.into(),
            span,
            message,
            docs: None,
        }
    }

    /// A finding about the text as a whole (the address, the operation): at its very start.
    pub fn at_start(rule: Rule, message: String) -> Self {
        Finding::new(rule, "", Span::default(), message)
    }

    /// Links `docs` instead of the rule's own page.
    pub fn with_docs(mut self, docs: impl Into<String>) -> Self {
        self.docs = Some(docs.into());
        self
    }

    /// The diagnostic of this finding in `text` (indexed by `lines`), at `severity`.
    pub fn locate(self, text: &str, lines: &LineIndex, severity: Severity) -> Diagnostic {
        let range = (
            lines.position(text, self.span.start),
            lines.position(text, self.span.end),
        );
        let mut diagnostic = Diagnostic::new(self.rule, self.pointer, range, self.message);
        diagnostic.severity = severity;
        if let Some(docs) = self.docs {
            diagnostic.docs = docs;
        }
        diagnostic
    }
}
