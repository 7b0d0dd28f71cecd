//! Hostile and half-typed input: every prefix of real pasted requests, odd bytes and escapes,
//! never panics, and every diagnostic stays inside the pasted text.

mod input_support;

use input_support::*;
use mews_connector_validator::input;
use mews_connector_validator::{InputKind, validate_input};

fn samples() -> Vec<String> {
    vec![
        format!(
            "curl '{DEMO_URL}' \\\n  -H 'content-type: application/json' \\\n  --data-raw $'{{\\n  \"Client\": \"Zoë 😀 \\'s\\u0021\\x41\\U0001F600\\z\",\\n  \"Limitation\": {{\"Count\": 5000}}\\n}}' --compressed"
        ),
        format!(
            "curl -sSXPOST \"{DEMO_URL}\" -H \"Content-Type: application/json\" -d \"{{\\\"Client\\\": \\\"a\\\\\\\\b\\`\\$\\\"}}\" -d x=1 ; echo done"
        ),
        format!("POST {DEMO_URL} HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{BODY}\r\n"),
    ]
}

/// Validates `text`: it gets at least one diagnostic (each input here is broken or incomplete),
/// every one inside the text; and `describe` names an address only if the text holds it.
fn assert_inside(text: &str) {
    let report = validate_input(text, None, &options());
    assert!(!report.diagnostics.is_empty(), "no finding for {text:?}");
    assert!(!report.valid, "{text:?}");
    let lines = text.split('\n').count() as u32;
    for d in &report.diagnostics {
        assert!(
            d.line >= 1 && d.line <= lines && d.end_line <= lines,
            "{d:?} in {text:?}"
        );
        assert!(
            (d.line, d.column) <= (d.end_line, d.end_column),
            "{d:?} in {text:?}"
        );
    }
    if let Some(address) = input::describe(text).address {
        assert!(text.contains(&address), "{address:?} is not in {text:?}");
    }
}

#[test]
fn every_prefix_of_real_commands_is_handled() {
    for sample in samples() {
        for (end, _) in sample.char_indices() {
            assert_inside(&sample[..end]);
        }
        assert_inside(&sample);
        let pasted = input::describe(&sample);
        assert_eq!(pasted.address.as_deref(), Some(DEMO_URL), "{sample:?}");
    }
    let kinds: Vec<InputKind> = samples().iter().map(|s| input::describe(s).kind).collect();
    assert_eq!(kinds, [InputKind::Curl, InputKind::Curl, InputKind::Http]);
}

#[test]
fn odd_input_gets_diagnostics_not_panics() {
    for text in [
        "curl",
        "curl \\",
        "curl $'",
        "curl $'\\",
        "curl $'\\x",
        "curl $'\\u{'",
        "curl -d",
        "curl -H",
        "curl --data=",
        "curl -- -d '{}'",
        "curl ''",
        "curl \"\" ''",
        "POST",
        "POST https://",
        "https://\n\n\n",
        "\u{feff}curl x",
        "curl 'é' -d 'é'",
        "{\"log\"",
    ] {
        assert_inside(text);
    }
    let deep = format!("curl -d '{}{}' x", "[".repeat(100_000), "]".repeat(100_000));
    assert!(!validate_input(&deep, None, &options()).valid);
}
