//! Every renderer of a pasted input's report (text with excerpts, JSON, SARIF, Markdown): no
//! panic on any position, and no token of the input shown in full.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mews_connector_validator::render::{json, markdown, sarif, text};
use mews_connector_validator::validate_input;
use mews_connector_validator_fuzz::{assert_no_token, options, tokens};

fuzz_target!(|data: &[u8]| {
    let Ok(pasted) = std::str::from_utf8(data) else {
        return;
    };
    let report = validate_input(pasted, None, &options());
    let outputs = [
        ("text", text::render(&report, "pasted", pasted)),
        ("JSON", json::render(&report)),
        ("SARIF", sarif::render(&report, "pasted")),
        ("Markdown", markdown::report(&report, "pasted")),
    ];
    let outputs: Vec<(&str, &str)> = outputs.iter().map(|(n, o)| (*n, o.as_str())).collect();
    assert_no_token(&tokens(pasted), &outputs);
});
