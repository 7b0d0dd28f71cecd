//! `validate_request_bytes`: the first byte picks the operation (of the catalog), the rest is the
//! body. Checks positions and tokens in the JSON report and its text rendering.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mews_connector_validator::api::operations;
use mews_connector_validator::render::{json, text};
use mews_connector_validator::validate_request_bytes;
use mews_connector_validator_fuzz::{assert_inside, assert_no_token, line_lengths, options, tokens};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let catalog = operations();
    let address = &catalog[usize::from(pick) % catalog.len()].address;
    let report = validate_request_bytes(address, body, &options());
    let shown = String::from_utf8_lossy(body);
    let lines = line_lengths(&shown);
    for diagnostic in &report.diagnostics {
        assert_inside(&lines, diagnostic);
    }
    let rendered_json = json::render(&report);
    let rendered_text = text::render(&report, "body.json", &shown);
    assert_no_token(
        &tokens(&shown),
        &[("JSON", &rendered_json), ("text", &rendered_text)],
    );
});
