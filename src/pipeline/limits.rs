//! The limits of the options (`Options::limits`) applied: a text too large to read, and a report's
//! diagnostics capped so that a body with millions of problems stays readable and cheap.

use crate::diagnostic::{Diagnostic, Finding, Report};
use crate::options::Options;
use crate::rules;
use crate::source::Position;

/// The finding of a text of `len` bytes when it is larger than the options allow: nothing else of
/// it is read. `what` names the text in the message ("The body", "The recording").
pub fn too_large(what: &str, len: usize, options: &Options) -> Option<Finding> {
    let limit = options.limits.max_input_bytes;
    (len > limit).then(|| {
        Finding::at_start(
            rules::INPUT_TOO_LARGE,
            format!(
                "{what} is {len} bytes; expected at most {limit} bytes (the option `limits.maxInputBytes`), so it was not checked"
            ),
        )
    })
}

/// Keeps the first `limits.maxDiagnostics` (in report order) and says that more were found.
/// `valid` is kept: it was computed on every diagnostic. No exact total is given: the schema
/// check stops locating findings past the cap (locating a million is what would be slow).
pub fn cap(mut report: Report, options: &Options) -> Report {
    let most = options.limits.max_diagnostics;
    if report.diagnostics.len() > most {
        report.diagnostics.truncate(most);
        let start = Position { line: 1, column: 1 };
        report.diagnostics.push(Diagnostic::new(
            rules::TOO_MANY_DIAGNOSTICS,
            "",
            (start, start),
            format!(
                "More than {most} problems were found; the report shows the first {most} (the option `limits.maxDiagnostics`): fix them and validate again to see the rest"
            ),
        ));
    }
    report
}
