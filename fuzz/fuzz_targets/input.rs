//! `validate_input`: whatever is pasted (body, cURL, HTTP request, URL, HAR). Checks positions
//! in the pasted text and tokens in the JSON report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mews_connector_validator::render::json;
use mews_connector_validator::validate_input;
use mews_connector_validator_fuzz::{assert_inside, assert_no_token, line_lengths, options, tokens};

fuzz_target!(|data: &[u8]| {
    let Ok(pasted) = std::str::from_utf8(data) else {
        return;
    };
    let report = validate_input(pasted, None, &options());
    let lines = line_lengths(pasted);
    for diagnostic in &report.diagnostics {
        assert_inside(&lines, diagnostic);
    }
    assert_no_token(&tokens(pasted), &[("JSON", &json::render(&report))]);
});
