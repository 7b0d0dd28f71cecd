//! `analyze_session`: a recording (HAR or NDJSON), and after a NUL byte a checklist. Findings
//! located in the recording (or the checklist) lie inside it; no token in the JSON report or the
//! plain and Markdown renderings; progress never goes backwards or past the total.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mews_connector_validator::render::{markdown, plain};
use mews_connector_validator::session::{analyze_session, located_in_recording};
use mews_connector_validator_fuzz::{assert_inside, assert_no_token, line_lengths, options, tokens};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (recording, checklist) = match text.split_once('\0') {
        Some((recording, checklist)) => (recording, Some(checklist)),
        None => (text, None),
    };
    let mut last = 0;
    let report = analyze_session(recording, checklist, &options(), &mut |progress| {
        assert!(progress.bytes >= last && progress.bytes <= progress.total_bytes);
        last = progress.bytes;
    });
    let lines = line_lengths(recording);
    for diagnostic in report.diagnostics.iter().filter(|d| located_in_recording(d)) {
        assert_inside(&lines, diagnostic);
    }
    if let (Some(checklist), Some(checklist_report)) = (checklist, &report.checklist) {
        let lines = line_lengths(checklist);
        for diagnostic in &checklist_report.diagnostics {
            assert_inside(&lines, diagnostic);
        }
    }
    assert!(report.diagnostics.len() <= 1001, "{} findings", report.diagnostics.len());
    let rendered_json = serde_json::to_string(&report).unwrap_or_default();
    assert_no_token(
        &tokens(text),
        &[
            ("JSON", &rendered_json),
            ("plain", &plain::readiness(&report, "recording")),
            ("Markdown", &markdown::readiness(&report, "recording")),
        ],
    );
});
