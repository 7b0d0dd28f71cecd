//! Schema findings → [`Finding`]s: what they mark, the message, the docs link.

use super::collect::SchemaFinding;
use super::describe;
use super::problem::Problem;
use crate::api::catalog;
use crate::diagnostic::Finding;
use crate::source::{Document, Target};

/// The finding of a schema problem in the document. `fallback_docs` is the operation's docs page.
pub fn locate(doc: &Document<'_>, finding: &SchemaFinding, fallback_docs: &str) -> Finding {
    let pointer = finding.pointer();
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
    Finding::at(finding.problem.rule(), pointer, target(finding), message).with_docs(docs)
}

/// Unknown properties mark their key; missing ones the enclosing object's `{`; everything else
/// the value.
fn target(finding: &SchemaFinding) -> Target {
    match &finding.problem {
        Problem::UnknownProperty { .. } => Target::Key,
        Problem::MissingRequired { .. } => Target::EnclosingStart,
        _ => Target::Value,
    }
}
