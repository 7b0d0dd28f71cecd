//! Certification checklist: what the certification form declares (operations, purpose, load, …),
//! validated against `schemas/certification-checklist.schema.json` and the certification rules.

pub mod locate;
pub mod rules;
mod schema;
pub(crate) mod semantic;

use crate::diagnostic::Report;
use crate::options::Options;
use crate::registry::RuleInfo;
use crate::source::Document;

pub use locate::Location;
pub use schema::schema_text;
pub use semantic::REQUESTS_PER_WINDOW;

/// Rules raised by this module.
pub const RULES: &[RuleInfo] = rules::ALL;

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
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(error) => {
            let place = Location::of_span_in_text(text, error.span);
            let diagnostic = place.diagnostic(
                &rules::CHECKLIST_INVALID_JSON,
                format!("The checklist is not valid JSON: {}.", error.message),
            );
            return ChecklistReview {
                report: Report::new(None, options.apply(vec![diagnostic])),
                declared: None,
            };
        }
    };
    let mut diagnostics = schema::violations(&doc);
    diagnostics.extend(semantic::check(&doc, options));
    ChecklistReview {
        report: crate::engine::limits::cap(Report::new(None, options.apply(diagnostics))),
        declared: Some(declared(&doc)),
    }
}

fn declared(doc: &Document<'_>) -> Declared {
    let operations = doc
        .node("/operations")
        .map(|list| {
            list.items()
                .iter()
                .enumerate()
                .filter_map(|(index, item)| {
                    let address = item.get("address")?;
                    let at = format!("/operations/{index}/address");
                    Some((
                        address.as_str()?.to_string(),
                        Location::of_span(doc, &at, address.span),
                    ))
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
            .and_then(|n| n.to_json().as_u64())
            .map(|peak| (peak, Location::of_pointer(doc, peak_at))),
    }
}
