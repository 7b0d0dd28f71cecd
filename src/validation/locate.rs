//! Schema findings → [`Finding`]s: the span in the submitted text, the message, the docs link.

use super::collect::SchemaFinding;
use super::describe;
use super::problem::Problem;
use crate::api::catalog;
use crate::diagnostic::Finding;
use crate::source::{Document, Span};

/// Locates a schema finding in the document. `fallback_docs` is the operation's docs page.
pub fn locate(doc: &Document<'_>, finding: &SchemaFinding, fallback_docs: &str) -> Finding {
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
        .unwrap_or(fallback_docs);
    Finding::new(finding.problem.rule(), pointer, span, message).with_docs(docs)
}

/// Unknown properties point at their key; missing ones at the enclosing object's `{`;
/// everything else at the value.
fn span_of(doc: &Document<'_>, finding: &SchemaFinding, pointer: &str) -> Span {
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
