//! Certification checklist: what the certification form declares (operations, purpose, load, …),
//! validated against `schemas/certification-checklist.schema.json` and the certification rules.

mod schema;
mod semantic;

use crate::api::operations;
use crate::diagnostic::{Deprecation, Finding, Location, Report, locate_all};
use crate::options::Options;
use crate::pipeline::{self, Checked, timeline::Timeline};
use crate::rules;
use crate::source::Document;

pub use schema::schema_text;

/// What a checklist declares, as the session cross-check needs it, with where each item is.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    pub client: Option<String>,
    /// Listed operation addresses, in order, each with the place of its `address` value.
    pub operations: Vec<(String, Location)>,
    /// Declared peak requests per 30 s per AccessToken, with its place.
    pub peak: Option<(u64, Location)>,
}

/// A validated checklist: its report and, when it parsed, what it declares.
#[derive(Debug, Clone)]
pub struct ChecklistReview {
    pub report: Report,
    pub declared: Option<Declared>,
}

/// Validates a certification checklist (JSON text): schema violations and certification rules,
/// each located in `text`.
pub fn validate_checklist(text: &str, options: &Options) -> Report {
    review_checklist(text, options).report
}

/// [`validate_checklist`], also returning what the checklist declares.
pub fn review_checklist(text: &str, options: &Options) -> ChecklistReview {
    let located = |body: Vec<Finding>| {
        let checked = Checked {
            body,
            ..Checked::default()
        };
        pipeline::report(text, checked, options)
    };
    if let Some(too_large) = pipeline::limits::too_large("The checklist", text.len(), options) {
        return ChecklistReview {
            report: located(vec![too_large]),
            declared: None,
        };
    }
    let doc = match Document::parse_with_depth(text, options.limits.max_depth) {
        Ok(doc) => doc,
        Err(error) => {
            let message = format!("The checklist is not valid JSON: {}.", error.message);
            let finding = Finding::new(rules::CHECKLIST_INVALID_JSON, "", error.span, message);
            return ChecklistReview {
                report: located(vec![finding]),
                declared: None,
            };
        }
    };
    let mut findings = schema::violations(&doc, options.limits.max_diagnostics);
    findings.extend(semantic::check(&doc, options));
    locate_all(&doc, &mut findings);
    let declared = declared(&doc);
    let mut report = located(findings);
    report.deprecations = deprecations(&declared, options);
    ChecklistReview {
        report,
        declared: Some(declared),
    }
}

/// The deprecation timeline of the listed operations (exact addresses, as the certification rules
/// read them), each use a listing; without a usable evaluation date (a malformed option, or none
/// in wasm) the entries that have a discontinuation date get status `no-evaluation-date`.
fn deprecations(declared: &Declared, options: &Options) -> Vec<Deprecation> {
    let mut timeline = Timeline::default();
    for (address, _) in &declared.operations {
        if let Some(operation) = operations().iter().find(|op| op.address == *address) {
            timeline.operation(operation, 1);
        }
    }
    timeline.entries(options.evaluation_date().ok().flatten())
}

fn declared(doc: &Document<'_>) -> Declared {
    let operations = doc
        .node("/operations")
        .map(|list| {
            list.as_array()
                .into_iter()
                .flatten()
                .enumerate()
                .filter_map(|(index, item)| {
                    let address = item.get("address")?.as_str()?;
                    let at = format!("/operations/{index}/address");
                    Some((address.to_string(), Location::of_pointer(doc, &at)))
                })
                .collect()
        })
        .unwrap_or_default();
    let peak_at = "/expectedLoad/peakRequestsPer30s";
    Declared {
        client: doc
            .node("/application/client")
            .and_then(|n| n.as_str())
            .map(str::to_string),
        operations,
        peak: doc
            .node(peak_at)
            .and_then(whole_number)
            .map(|peak| (peak, Location::of_pointer(doc, peak_at))),
    }
}

/// A JSON number that is a whole number (`150`, `150.0`, `1.5e2`), saturated to `u64`: the schema
/// calls all of them integers, so the declared load compares whichever was written.
fn whole_number(value: &serde_json::Value) -> Option<u64> {
    value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0)
            .map(|n| n as u64)
    })
}
