//! A finding as the engine keeps it: located by a byte span of the checked text — or, until the
//! checked document is indexed, by a [`Target`] relative to its pointer. It becomes a
//! [`Diagnostic`] (line and UTF-16 column) once, at the edge.

use super::{Diagnostic, Rule, Severity};
use crate::source::{Document, LineIndex, Span, Target};

/// One finding of a rule, at a span of the checked text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    /// RFC 6901 pointer to the offending value (for a missing property: the pointer it would have).
    pub pointer: String,
    /// Bytes of the checked text the finding marks (once [`Finding::target`] is resolved).
    pub span: Span,
    /// What the finding marks relative to its pointer; [`Target::Span`] once `span` is final.
    pub target: Target,
    /// What was found and what was expected.
    pub message: String,
    /// A more specific docs page than the rule's own (the owning schema type's section, the
    /// operation's page); `None` links the rule's docs.
    pub docs: Option<String>,
}

impl Finding {
    /// A finding marking `span`.
    pub fn new(rule: Rule, pointer: impl Into<String>, span: Span, message: String) -> Self {
        Finding {
            rule,
            pointer: pointer.into(),
            span,
            target: Target::Span,
            message,
            docs: None,
        }
    }

    /// A finding marking `target` relative to `pointer`, located later by [`locate_all`].
    pub fn at(rule: Rule, pointer: impl Into<String>, target: Target, message: String) -> Self {
        Finding {
            target,
            ..Finding::new(rule, pointer, Span::default(), message)
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

/// Resolves the targets of `findings` in `doc` (which indexes its spans on the first one).
pub fn locate_all(doc: &Document<'_>, findings: &mut [Finding]) {
    for finding in findings.iter_mut().filter(|f| f.target != Target::Span) {
        finding.span = doc.locate(&finding.pointer, finding.target);
        finding.target = Target::Span;
    }
}
