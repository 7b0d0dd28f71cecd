//! Renderers: each turns a report into one output format. None shows a secret or obeys a control
//! character of its input: the engine masked the secrets it found in the source; every renderer
//! scrubs what it shows once more ([`last_defence`]) and escapes control characters
//! ([`sanitize`]).
pub mod json;
pub mod markdown;
pub mod plain;
#[cfg(test)]
mod sample;
pub mod sanitize;
pub mod sarif;
pub mod text;

use crate::diagnostic::{Diagnostic, Report};
use crate::secret::Scrubber;

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
