//! `validate_checklist`: positions in the checklist and tokens in the JSON and text outputs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mews_connector_validator::render::{json, text};
use mews_connector_validator::validate_checklist;
use mews_connector_validator_fuzz::{assert_inside, assert_no_token, line_lengths, options, tokens};

fuzz_target!(|data: &[u8]| {
    let Ok(checklist) = std::str::from_utf8(data) else {
        return;
    };
    let report = validate_checklist(checklist, &options());
    let lines = line_lengths(checklist);
    for diagnostic in &report.diagnostics {
        assert_inside(&lines, diagnostic);
    }
    assert_no_token(
        &tokens(checklist),
        &[
            ("JSON", &json::render(&report)),
            ("text", &text::render(&report, "checklist.json", checklist)),
        ],
    );
});
