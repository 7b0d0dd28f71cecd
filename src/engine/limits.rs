//! Caps a report's diagnostics so that a body with millions of problems stays readable and cheap.

use super::locate;
use crate::diagnostic::Report;

/// Most diagnostics one report carries.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Keeps the first [`MAX_DIAGNOSTICS`] (in report order) and says that more were found.
/// `valid` is kept: it was computed on every diagnostic. No exact total is given: the schema
/// check stops locating findings past the cap (locating a million is what would be slow).
pub fn cap(mut report: Report) -> Report {
    if report.diagnostics.len() > MAX_DIAGNOSTICS {
        report.diagnostics.truncate(MAX_DIAGNOSTICS);
        report.diagnostics.push(locate::at_start(
            "too-many-diagnostics",
            format!(
                "More than {MAX_DIAGNOSTICS} problems were found; the report shows the first {MAX_DIAGNOSTICS}: fix them and validate again to see the rest"
            ),
            super::rules::docs("too-many-diagnostics").to_string(),
        ));
    }
    report
}
