//! Mews conformance rules: what certification reviewers check that the OpenAPI schema cannot say.
//!
//! One module per rule family (the rules themselves are declared in [`crate::rules`]); each
//! exposes a `check` that reads the body, or the schema-directed [`walker`] output of it.

mod auth;
mod client;
mod conditions;
mod dates;
mod datetime;
mod hygiene;
mod language;
mod lifecycle;
mod pagination;
mod update_value;
mod walker;

pub use client::is_placeholder as is_placeholder_client;

use crate::api::plan::Plan;
use crate::api::{DeprecatedProperty, Operation, schemas};
use crate::diagnostic::{Finding, Rule, locate_all};
use crate::options::Options;
use crate::rules;
use crate::source::{Document, Span, Target};

/// Pairs (conformance rule, schema rule): where both fire at the same pointer, the conformance
/// finding says the same thing with the fix, so the schema one is dropped.
pub const SUPERSEDES: &[(Rule, Rule)] = &[(rules::UPDATE_VALUE_SHAPE, rules::TYPE_MISMATCH)];

/// Whether `schema_finding` repeats one of the `conformance` findings (see [`SUPERSEDES`]).
pub fn is_superseded(schema_finding: &Finding, conformance: &[Finding]) -> bool {
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

/// Runs every conformance rule on a parsed request body, against the embedded schema bundle; the
/// findings are located in the document.
pub fn check_request(context: &RequestContext<'_>) -> Vec<Finding> {
    let mut findings = findings(context);
    locate_all(context.doc, &mut findings);
    findings
}

/// Runs every conformance rule with the given schema bundle (tests use small hand-made ones); the
/// findings are located in the document.
pub fn check_with_bundle(context: &RequestContext<'_>, bundle: &serde_json::Value) -> Vec<Finding> {
    let root_def = context
        .operation
        .and_then(|op| op.request.as_ref())
        .map(|request| request.def.as_str());
    let plan = root_def.map_or_else(Plan::default, |def| Plan::compile(bundle, def));
    let mut findings = check_with_plan(context, &plan).findings;
    locate_all(context.doc, &mut findings);
    findings
}

/// A deprecated property present in a request body, as the `deprecated-property` rule found it
/// (whether or not the options report that rule): what the deprecation timeline lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeprecatedUse {
    pub property: String,
    pub pointer: String,
    /// The schema type holding the property: the listed one, else the first the parent resolves to.
    pub schema_type: Option<String>,
    /// The Deprecations page's entry, when the page lists the property.
    pub listed: Option<&'static DeprecatedProperty>,
}

/// What the conformance rules found in one request body.
#[derive(Debug, Clone, Default)]
pub struct Conformance {
    /// Marked by targets that [`locate_all`] resolves.
    pub findings: Vec<Finding>,
    pub deprecated: Vec<DeprecatedUse>,
}

/// The findings of every conformance rule on a parsed request body, against the operation's
/// compiled plan, marked by targets that [`locate_all`] resolves.
pub fn findings(context: &RequestContext<'_>) -> Vec<Finding> {
    review(context).findings
}

/// [`findings`], with the deprecated properties the body uses.
pub fn review(context: &RequestContext<'_>) -> Conformance {
    let empty = Plan::default();
    let plan = context.operation.and_then(schemas::plan).unwrap_or(&empty);
    check_with_plan(context, plan)
}

fn check_with_plan(context: &RequestContext<'_>, plan: &Plan) -> Conformance {
    let mut found = Findings {
        doc: context.doc,
        findings: Vec::new(),
        deprecated: Vec::new(),
    };
    auth::check(context, &mut found);
    client::check(context, &mut found);
    language::check(context, &mut found);
    let today = lifecycle::check(context, &mut found);
    let portfolio = conditions::portfolio_enterprises(context.doc.root());
    walker::walk(plan, context.doc.root(), &mut |visit| {
        conditions::visit(visit, portfolio, &mut found);
        datetime::visit(visit, &mut found);
        pagination::visit(visit, &mut found);
        lifecycle::visit(visit, today, &mut found);
        update_value::visit(visit, &mut found);
    });
    hygiene::check(&mut found);
    Conformance {
        findings: found.findings,
        deprecated: found.deprecated,
    }
}

/// The findings of the checks, with the document they are about.
struct Findings<'a> {
    doc: &'a Document<'a>,
    findings: Vec<Finding>,
    deprecated: Vec<DeprecatedUse>,
}

impl Findings<'_> {
    /// Records a finding of `rule` marking the value at `pointer`.
    fn add(&mut self, rule: Rule, pointer: &str, message: String) {
        self.findings
            .push(Finding::at(rule, pointer, Target::Value, message));
    }

    /// Records a finding of `rule` marking `span`.
    fn add_at(&mut self, rule: Rule, pointer: &str, span: Span, message: String) {
        self.findings
            .push(Finding::new(rule, pointer, span, message));
    }

    /// Records a finding linking a more specific docs page than the rule's own.
    fn add_with_docs(&mut self, rule: Rule, pointer: &str, message: String, docs: &str) {
        self.findings
            .push(Finding::at(rule, pointer, Target::Value, message).with_docs(docs));
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
