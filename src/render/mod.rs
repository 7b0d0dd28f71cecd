//! Renderers: each turns a report into one output format. None shows a secret or obeys a control
//! character of its input: the engine masked the secrets it found in the source; every renderer
//! scrubs what it shows once more ([`last_defence`]) and escapes control characters
//! ([`sanitize`]).
pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod plain;
pub mod rules;
#[cfg(test)]
mod sample;
pub mod sanitize;
pub mod sarif;
pub mod text;

use crate::diagnostic::{Diagnostic, Report};
use crate::secret::Scrubber;
use crate::session::ReadinessReport;

/// The diagnostics with token-like and long quoted values masked in messages and pointers, for
/// renderers that have no source text to find secrets in.
fn last_defence(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let scrubber = Scrubber::heuristic();
    diagnostics
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.scrub(&scrubber);
            d
        })
        .collect()
}

/// [`last_defence`] of a report.
fn scrubbed(report: &Report) -> Report {
    Report {
        diagnostics: last_defence(&report.diagnostics),
        ..report.clone()
    }
}

/// [`last_defence`] of a readiness report's findings and its checklist's.
fn scrubbed_readiness(report: &ReadinessReport) -> ReadinessReport {
    let mut report = report.clone();
    report.diagnostics = last_defence(&report.diagnostics);
    if let Some(checklist) = &mut report.checklist {
        checklist.diagnostics = last_defence(&checklist.diagnostics);
    }
    report
}
