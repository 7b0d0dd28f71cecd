//! Findings → located diagnostics: span in the submitted text, message, docs link.

use super::describe;
use super::findings::Finding;
use super::rules;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Document, Position, Span};

use super::catalog;
use super::errors::Problem;

/// A diagnostic of one of the engine's rules, at given positions.
pub fn diagnostic(
    rule: &str,
    message: String,
    pointer: String,
    (start, end): (Position, Position),
    docs: String,
) -> Diagnostic {
    Diagnostic {
        rule: rule.to_string(),
        severity: severity(rule),
        message,
        pointer,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        docs,
        call: None,
        time: None,
        address: None,
    }
}

/// A diagnostic about the request as a whole (address, lifecycle): line 1, column 1, pointer "".
pub fn at_start(rule: &str, message: String, docs: String) -> Diagnostic {
    let start = Position { line: 1, column: 1 };
    diagnostic(rule, message, String::new(), (start, start), docs)
}

/// The default severity of an engine rule.
pub fn severity(rule: &str) -> Severity {
    rules::RULES
        .iter()
        .find(|r| r.id == rule)
        .map_or(Severity::Error, |r| r.severity)
}

/// Locates a schema finding in the document. `fallback_docs` is the operation's docs page.
pub fn locate(doc: &Document<'_>, finding: &Finding, fallback_docs: &str) -> Diagnostic {
    let pointer = finding.pointer();
    let span = span_of(doc, finding, &pointer);
    let mut message = finding.problem.message(&describe::found(doc, &pointer));
    if let Some(variant) = &finding.variant {
        message.push_str(&format!(
            " (checked as {variant}, the variant the body resembles most)"
        ));
    }
    let docs = finding
        .def
        .as_deref()
        .and_then(catalog::type_docs)
        .unwrap_or(fallback_docs)
        .to_string();
    diagnostic(
        finding.problem.rule(),
        message,
        pointer,
        doc.range(span),
        docs,
    )
}

/// Unknown properties point at their key; missing ones at the enclosing object's `{`;
/// everything else at the value.
fn span_of(doc: &Document<'_>, finding: &Finding, pointer: &str) -> Span {
    match &finding.problem {
        Problem::UnknownProperty { property, .. } => doc
            .node(&finding.at)
            .and_then(|object| object.member(property))
            .map_or_else(|| doc.nearest_node(pointer).span, |member| member.key_span),
        Problem::MissingRequired { .. } => {
            let start = doc.nearest_node(&finding.at).span.start;
            Span {
                start,
                end: start + 1,
            }
        }
        _ => doc.nearest_node(pointer).span,
    }
}
