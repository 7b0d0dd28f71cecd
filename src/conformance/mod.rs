//! Mews conformance rules: what certification reviewers check that the OpenAPI schema cannot say.
//!
//! One module per rule family; each declares its rules as `RuleInfo` constants listed in [`RULES`]
//! and exposes a `check` that reads the schema-directed [`walker`] output of the body.

mod auth;
mod client;
mod dates;
mod datetime;
mod deprecations;
mod hygiene;
mod language;
mod lifecycle;
mod pagination;
mod update_value;
mod walker;

pub use client::is_placeholder as is_placeholder_client;
pub use dates::parse_date;

use crate::diagnostic::Diagnostic;
use crate::engine::Operation;
use crate::options::Options;
use crate::registry::RuleInfo;
use crate::source::{Document, Span};

/// Rules raised by this module.
pub const RULES: &[RuleInfo] = &[
    auth::CREDENTIAL_EMPTY,
    auth::TOKEN_FORMAT,
    auth::DEMO_TOKEN,
    auth::DEMO_TOKEN_IN_PRODUCTION,
    auth::TOKEN_SWAPPED,
    client::CLIENT_NOT_UNIQUE,
    client::CLIENT_VERSION_MISSING,
    language::LANGUAGE_CULTURE_PAIR,
    datetime::INTERVAL_REVERSED,
    datetime::INTERVAL_TOO_LONG,
    pagination::CURSOR_FORMAT,
    lifecycle::DEPRECATED_PROPERTY,
    lifecycle::DISCONTINUED_OPERATION,
    lifecycle::INVALID_DATE_OPTION,
    update_value::UPDATE_VALUE_SHAPE,
    hygiene::DUPLICATE_KEY,
];

/// Pairs (conformance rule, schema rule): where both fire at the same pointer, the conformance
/// finding says the same thing with the fix, so the schema one is dropped.
pub const SUPERSEDES: &[(&str, &str)] = &[(update_value::UPDATE_VALUE_SHAPE.id, "type-mismatch")];

/// Whether `schema_finding` repeats one of the `conformance` findings (see [`SUPERSEDES`]).
pub fn is_superseded(schema_finding: &Diagnostic, conformance: &[Diagnostic]) -> bool {
    conformance.iter().any(|found| {
        found.pointer == schema_finding.pointer
            && SUPERSEDES
                .iter()
                .any(|&(by, over)| found.rule == by && schema_finding.rule == over)
    })
}

/// What a conformance rule sees of one request.
pub struct RequestContext<'a> {
    pub doc: &'a Document<'a>,
    /// `None` when the address matched no operation (authentication is still checked).
    pub operation: Option<&'a Operation>,
    pub options: &'a Options,
}

/// Runs every conformance rule on a parsed request body, against the embedded schema bundle.
pub fn check_request(context: &RequestContext<'_>) -> Vec<Diagnostic> {
    check_with_bundle(context, crate::engine::catalog::bundle())
}

/// Runs every conformance rule with the given schema bundle (tests use small hand-made ones).
pub fn check_with_bundle(
    context: &RequestContext<'_>,
    bundle: &serde_json::Value,
) -> Vec<Diagnostic> {
    let root_def = context
        .operation
        .and_then(|op| op.request.as_ref())
        .map(|request| request.def.as_str());
    let visits = walker::walk(bundle, root_def, context.doc.root());
    let mut found = Findings {
        doc: context.doc,
        diagnostics: Vec::new(),
    };
    auth::check(context, &mut found);
    client::check(context, &mut found);
    language::check(context, &mut found);
    datetime::check(&visits, &mut found);
    pagination::check(&visits, &mut found);
    lifecycle::check(context, &visits, &mut found);
    update_value::check(&visits, &mut found);
    hygiene::check(&visits, &mut found);
    found.diagnostics
}

/// The diagnostics of one check, located in the document.
struct Findings<'a> {
    doc: &'a Document<'a>,
    diagnostics: Vec<Diagnostic>,
}

impl Findings<'_> {
    /// Records a finding of `rule` (at its default severity) spanning `span`.
    fn add(&mut self, rule: &RuleInfo, pointer: &str, span: Span, message: String) {
        let (start, end) = self.doc.range(span);
        self.diagnostics.push(Diagnostic {
            rule: rule.id.to_string(),
            severity: rule.severity,
            message,
            pointer: pointer.to_string(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            docs: rule.docs.to_string(),
            call: None,
            time: None,
            address: None,
        });
    }
}

/// A JSON value as a message shows it, shortened: long values would drown the message.
fn shown(value: &serde_json::Value) -> String {
    const MAX_CHARS: usize = 60;
    let text = value.to_string();
    if text.chars().count() > MAX_CHARS {
        let head: String = text.chars().take(MAX_CHARS).collect();
        format!("{head}…")
    } else {
        text
    }
}

/// A string as a message quotes it (JSON-escaped, shortened).
fn quoted(value: &str) -> String {
    shown(&serde_json::Value::String(value.to_string()))
}
