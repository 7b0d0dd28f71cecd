//! Pastes read strictly and clearly: a cURL command copied for Windows `cmd` is read like the bash
//! one, and a paste whose body is not UTF-8 is reported as `invalid-encoding` at the bad byte,
//! about the operation of the URL it names (also on the command line, without `--address`).

mod input_support;

use std::io::Write;
use std::process::{Command, Stdio};

use input_support::{BODY, CUSTOMERS_GET_ALL, DEMO_URL, end, only, options, position_of, start};
use mews_connector_validator::input::{InputKind, describe, validate_input, validate_input_bytes};

/// DevTools' `escapeStringWin` (Chromium's "Copy as cURL (cmd)"): `\` doubled, `"` as `\"`, every
/// other character it is not sure about careted, line breaks as `^` and two line breaks.
fn escape_cmd(text: &str) -> String {
    let mut out = String::from("^\"");
    for c in text.replace('\\', "\\\\").replace('"', "\\\"").chars() {
        let safe = c.is_ascii_alphanumeric() || c.is_whitespace() || "_-:=+~'/.,?;()*`".contains(c);
        if c == '\n' {
            out.push_str("^\n\n");
        } else {
            if !safe {
                out.push('^');
            }
            out.push(c);
        }
    }
    out.push_str("^\"");
    out
}

fn chromium_cmd(url: &str, body: &str) -> String {
    format!(
        "curl {} ^\n  -H {} ^\n  -H {} ^\n  --data-raw {}",
        escape_cmd(url),
        escape_cmd("accept: */*"),
        escape_cmd("content-type: application/json"),
        escape_cmd(body)
    )
}

#[test]
fn a_windows_cmd_copy_is_read_like_the_bash_one() {
    let pasted = chromium_cmd(DEMO_URL, BODY);
    assert_eq!(
        describe(&pasted).address.as_deref(),
        Some(DEMO_URL),
        "the URL without its carets"
    );
    assert_eq!(describe(&pasted).kind, InputKind::Curl);
    let report = validate_input(&pasted, None, &options());
    assert_eq!(
        report.operation.as_ref().unwrap().address,
        CUSTOMERS_GET_ALL
    );
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            // The body filters by nothing: the docs require at least one filter.
            "conditional-required",
            "demo-token",
            "demo-token",
            "client-not-unique",
            "type-mismatch",
            "limitation-count-range"
        ],
        "{:#?}",
        report.diagnostics
    );
    // Located at the value as pasted: `"yes"` is `^\^"yes^\^"` there.
    let mismatch = only(&report, "type-mismatch");
    assert_eq!(mismatch.pointer, "/Extent/Customers");
    assert_eq!(start(mismatch), position_of(&pasted, "^\\^\"yes", 0));
    assert_eq!(end(mismatch), position_of(&pasted, "^}", 0));
    let count = only(&report, "limitation-count-range");
    assert_eq!(start(count), position_of(&pasted, "5000", 0));
    assert_eq!(end(count), position_of(&pasted, "^}^}", 0));
}

#[test]
fn a_windows_cmd_copy_with_a_multi_line_body_and_an_unclosed_quote() {
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(BODY).unwrap())
            .unwrap();
    let pasted = chromium_cmd(DEMO_URL, &pretty);
    let report = validate_input(&pasted, None, &options());
    let count = only(&report, "limitation-count-range");
    assert_eq!(start(count), position_of(&pasted, "5000", 0));

    let cut = &pasted[..pasted.len() - 2];
    let report = validate_input(cut, None, &options());
    let syntax = only(&report, "curl-syntax");
    assert_eq!(start(syntax), position_of(cut, "^\"^{", 0));
    assert!(
        syntax.message.contains("never closed"),
        "{}",
        syntax.message
    );
}

/// `text` with its `é` written in Latin-1 (one byte, 0xE9): not UTF-8.
fn latin1(text: &str) -> Vec<u8> {
    text.replace('é', "\u{1}")
        .into_bytes()
        .into_iter()
        .map(|b| if b == 1 { 0xE9 } else { b })
        .collect()
}

const LATIN1_BODY: &str = r#"{"ClientToken":"E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D","AccessToken":"C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D","Client":"Café sync 1.0.0","Limitation":{"Count":10}}"#;

#[test]
fn a_paste_that_is_not_utf8_names_its_operation_and_the_bad_byte() {
    for pasted in [
        format!("curl '{DEMO_URL}/' -H 'Content-Type: application/json' -d '{LATIN1_BODY}'"),
        format!("POST {DEMO_URL}/ HTTP/1.1\nContent-Type: application/json\n\n{LATIN1_BODY}"),
    ] {
        let bytes = latin1(&pasted);
        let report = validate_input_bytes(&bytes, None, &options());
        assert_eq!(
            report.operation.as_ref().unwrap().address,
            CUSTOMERS_GET_ALL
        );
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(rules, ["trailing-slash", "invalid-encoding"], "{pasted}");
        let shown = String::from_utf8_lossy(&bytes);
        let bad = only(&report, "invalid-encoding");
        assert_eq!(start(bad), position_of(&shown, "\u{fffd}", 0));
        assert_eq!(end(bad), position_of(&shown, " sync", 0));
        let offset = pasted.find('é').unwrap();
        assert_eq!(
            bad.message,
            format!(
                "Found the byte 0xE9 at offset {offset}, which is not valid UTF-8; expected UTF-8 text"
            )
        );
        let slash = only(&report, "trailing-slash");
        assert_eq!(start(slash), position_of(&shown, "https://", 0));
        // UTF-8 pastes are read as before.
        assert_eq!(
            validate_input_bytes(pasted.as_bytes(), None, &options()),
            validate_input(&pasted, None, &options())
        );
    }
}

fn cli_request(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .arg("request")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_cli_reports_a_non_utf8_paste_without_address() {
    let pasted = format!("curl {DEMO_URL} -H 'Content-Type: application/json' -d '{LATIN1_BODY}'");
    let output = cli_request(&["--format", "json", "-"], &latin1(&pasted));
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["operation"]["address"], CUSTOMERS_GET_ALL);
    assert_eq!(report["diagnostics"][0]["rule"], "invalid-encoding");
    // A bare body still needs the address it cannot name.
    let output = cli_request(&[], &latin1(LATIN1_BODY));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--address is required"));
    let output = cli_request(&["--address", CUSTOMERS_GET_ALL], &latin1(LATIN1_BODY));
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("error[invalid-encoding]"));
}

#[test]
fn a_cmd_copy_on_the_command_line() {
    let pasted = chromium_cmd(DEMO_URL, BODY);
    let output = cli_request(&["-"], pasted.as_bytes());
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[limitation-count-range]"), "{text}");
    assert!(!text.contains("getAll^"), "{text}");
}
