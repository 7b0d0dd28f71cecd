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
mod timeline;

use crate::diagnostic::{Deprecation, Diagnostic, Report};
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

/// The timeline with token-like values masked in pointers (see [`last_defence`]).
fn last_defence_timeline(entries: &[Deprecation]) -> Vec<Deprecation> {
    let scrubber = Scrubber::heuristic();
    entries
        .iter()
        .map(|entry| {
            let mut entry = entry.clone();
            entry.scrub(&scrubber);
            entry
        })
        .collect()
}

/// [`last_defence`] of a report.
fn scrubbed(report: &Report) -> Report {
    Report {
        diagnostics: last_defence(&report.diagnostics),
        deprecations: last_defence_timeline(&report.deprecations),
        ..report.clone()
    }
}

/// [`last_defence`] of a readiness report's findings and its checklist's.
fn scrubbed_readiness(report: &ReadinessReport) -> ReadinessReport {
    let mut report = report.clone();
    report.diagnostics = last_defence(&report.diagnostics);
    report.deprecations = last_defence_timeline(&report.deprecations);
    if let Some(checklist) = &mut report.checklist {
        *checklist = scrubbed(checklist);
    }
    report
}
