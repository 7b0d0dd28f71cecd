//! Caps a report's diagnostics so that a body with millions of problems stays readable and cheap.

use crate::diagnostic::{Diagnostic, Report};
use crate::rules;
use crate::source::Position;

/// Most diagnostics one report carries (the schema check stops there too).
pub const MAX_DIAGNOSTICS: usize = crate::validation::MAX_FINDINGS;

/// Keeps the first [`MAX_DIAGNOSTICS`] (in report order) and says that more were found.
/// `valid` is kept: it was computed on every diagnostic. No exact total is given: the schema
/// check stops locating findings past the cap (locating a million is what would be slow).
pub fn cap(mut report: Report) -> Report {
    if report.diagnostics.len() > MAX_DIAGNOSTICS {
        report.diagnostics.truncate(MAX_DIAGNOSTICS);
        let start = Position { line: 1, column: 1 };
        report.diagnostics.push(Diagnostic::new(
            rules::TOO_MANY_DIAGNOSTICS,
            "",
            (start, start),
            format!(
                "More than {MAX_DIAGNOSTICS} problems were found; the report shows the first {MAX_DIAGNOSTICS}: fix them and validate again to see the rest"
            ),
        ));
    }
    report
}
