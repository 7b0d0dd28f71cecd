//! Recorded sessions (HAR or NDJSON) reviewed for certification readiness: every call through the
//! request engine, rate and retry behaviour across calls, and a cross-check with the checklist.

pub mod call;
pub mod calls;
mod cursor;
mod fields;
mod findings;
mod har;
mod insight;
mod ndjson;
mod page;
pub mod reader;
pub mod report;
mod review;
mod scrub;
mod timing;

use crate::options::Options;
use crate::rules;

pub use reader::Format;
pub use report::{
    Burst, Counts, OperationRow, RateProfile, ReadinessReport, SecondBucket, Summary, Verdict,
};

/// True when a diagnostic of a readiness report is located in the recording (or checklist); false
/// for request-rule findings of one call, located in that call's request body.
pub fn located_in_recording(diagnostic: &crate::diagnostic::Diagnostic) -> bool {
    diagnostic.call.is_none()
        || rules::SESSION_RULES
            .iter()
            .chain(rules::CHECKLIST_RULES)
            .any(|rule| rule.id() == diagnostic.rule)
}

/// How far the review is, for progress bars (serialized for the JS `onProgress` callback).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Bytes of the recording read so far.
    pub bytes: usize,
    pub total_bytes: usize,
    /// Connector API calls reviewed so far.
    pub calls: usize,
}

/// Reviews a recorded session (HAR 1.2 or NDJSON, detected from the text) and, when given, cross-
/// checks it with a certification checklist. `progress` is called as the recording is read
/// (about every 256 KiB) and once at the end.
pub fn analyze_session(
    text: &str,
    checklist: Option<&str>,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> ReadinessReport {
    review::analyze(text, checklist, options, progress)
}
