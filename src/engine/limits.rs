//! Caps a report's diagnostics so that a body with millions of problems stays readable and cheap.

use super::locate;
use crate::diagnostic::Report;

/// Most diagnostics one report carries.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Keeps the first [`MAX_DIAGNOSTICS`] (in report order) and says how many were left out.
/// `valid` is kept: it was computed on every diagnostic.
pub fn cap(mut report: Report) -> Report {
    let total = report.diagnostics.len();
    if total > MAX_DIAGNOSTICS {
        report.diagnostics.truncate(MAX_DIAGNOSTICS);
        report.diagnostics.push(locate::at_start(
            "too-many-diagnostics",
            format!(
                "{} more diagnostics were omitted; the report shows the first {MAX_DIAGNOSTICS} of {total}",
                total - MAX_DIAGNOSTICS
            ),
            super::rules::docs("too-many-diagnostics").to_string(),
        ));
    }
    report
}
