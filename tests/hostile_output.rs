//! Recordings and pastes cannot drive the terminal: control characters of the input (escape
//! sequences that clear the screen or set the title, BEL, a carriage return that rewrites a line,
//! DEL, C1 controls, bidi overrides) show escaped (`\u{1b}`) in text and Markdown and as `\u001b`
//! in JSON and SARIF, in excerpts, messages, pointers, file names, addresses and header values;
//! and no token of these inputs shows either.

use std::process::Command;

use mews_connector_validator::render::{github, json, junit, markdown, plain, sarif, text};
use mews_connector_validator::session::analyze_session;
use mews_connector_validator::{Options, Report, input, pipeline};

const CLIENT_TOKEN: &str = "8F3A91C2D47B4E6A9C0D2B7E5F1A3C8D-4B2E9F7A1C6D3E8B5A0F2C9D7E4B1A6";
const ACCESS_TOKEN: &str = "1D7C4A9E2B6F4C3A8E5D0B9F7A2C6E4D-9A3F5C8E1B7D2A6C4F0E9B3D5A8C1E7";
const HOSTILE_HAR: &str = include_str!("data/hostile-session.har");
const HOSTILE_NAME: &str = "evil\u{1b}[2J\u{7}.har";

fn options() -> Options {
    Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    }
}

/// Characters no output may hold raw: C0 but tab and line feed, DEL, C1, bidi controls and marks,
/// line and paragraph separators, the byte order mark.
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ['\u{61c}', '\u{200e}', '\u{200f}', '\u{feff}'].contains(&c)
        || ('\u{2028}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn assert_safe(output: &str, context: &str) {
    if let Some(c) = output.chars().find(|&c| is_control(c)) {
        panic!("{context}: raw {c:?} in\n{output}");
    }
    for token in [CLIENT_TOKEN, ACCESS_TOKEN] {
        for start in 0..=token.len() - 12 {
            let part = &token[start..start + 12];
            assert!(!output.contains(part), "{context}: {part} in\n{output}");
        }
    }
}

/// Every rendering of a request-like report of `source`, named `name`.
fn renderings(report: &Report, name: &str, source: &str) -> Vec<(&'static str, String)> {
    vec![
        ("text", text::render(report, name, source)),
        ("json", json::render(report)),
        ("sarif", sarif::render(report, name)),
        ("markdown", markdown::report(report, name)),
    ]
}

fn auth_body(rest: &str) -> String {
    format!(
        r#"{{"ClientToken": "{CLIENT_TOKEN}", "AccessToken": "{ACCESS_TOKEN}", "Client": "Sample Client 1.0.0", "Extent": {{"Customers": true}}, "Limitation": {{"Count": 10}}{rest}}}"#
    )
}

#[test]
fn a_hostile_recording_shows_its_controls_escaped() {
    let report = analyze_session(HOSTILE_HAR, None, &options(), &mut |_| {});
    let by_rule = |rule: &str| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .collect::<Vec<_>>()
    };
    // The URL with an escape sequence is no operation; the time `ESC ]0;pwned BEL` is unreadable.
    let unknown = by_rule("unknown-operation");
    assert_eq!(unknown.len(), 1, "{:#?}", report.diagnostics);
    assert!(
        unknown[0].message.contains("getAll\u{1b}[2J"),
        "{}",
        unknown[0].message
    );
    assert_eq!(unknown[0].call, Some(0));
    let unreadable = by_rule("session-entry-unreadable");
    assert_eq!(
        (unreadable.len(), unreadable[0].pointer.as_str()),
        (1, "/log/entries/2")
    );
    let property = by_rule("unknown-property");
    assert_eq!(property[0].pointer, "/\u{1b}[2JNotes\u{7f}");
    assert_eq!(report.summary.client_names[1], "Sample Client 1.0.0");

    let outputs = [
        ("text", plain::readiness(&report, HOSTILE_NAME)),
        ("markdown", markdown::readiness(&report, HOSTILE_NAME)),
        ("json", json::readiness(&report)),
        ("junit", junit::readiness(&report, HOSTILE_NAME, None)),
        (
            "github",
            github::readiness(&report, Some(HOSTILE_NAME), None),
        ),
    ];
    for (format, output) in &outputs {
        assert_safe(output, format);
    }
    assert!(
        outputs[3].1.contains("Evil\\u{202E}CLIENT"),
        "{}",
        outputs[3].1
    );
    let (_, plain) = &outputs[0];
    assert!(plain.starts_with("evil\\u{1b}[2J\\u{7}.har:"), "{plain}");
    assert!(plain.contains("`\\u{1b}]0;pwned\\u{7}`"), "{plain}");
    assert!(
        plain.contains("getAll\\u{1b}[2J\\u{1b}[H\\u{d}ready\\u{7}"),
        "{plain}"
    );
    let (_, markdown) = &outputs[1];
    assert!(
        markdown.contains("Evil\\u{202e}CLIENT\\u{9b}31m 1.0.0"),
        "{markdown}"
    );
    assert!(markdown.contains("`/\\u{1b}[2JNotes\\u{7f}`"), "{markdown}");
    let (_, json) = &outputs[2];
    assert!(json.contains(r"Evil\u202eCLIENT\u009b31m"), "{json}");
}

#[test]
fn an_ndjson_log_with_controls_in_addresses_and_times() {
    let line = |time: &str, address: &str| {
        serde_json::json!({
            "time": time,
            "address": address,
            "request": serde_json::from_str::<serde_json::Value>(&auth_body("")).unwrap(),
            "status": 200,
        })
        .to_string()
    };
    let log = [
        line(
            "2026-11-23T10:00:00Z",
            "/api/connector/v1/customers/getAll\r\u{1b}[32mready\u{1b}[0m",
        ),
        line("\u{2066}2026\u{2069}", "/api/connector/v1/customers/getAll"),
    ]
    .join("\n");
    let report = analyze_session(&log, None, &options(), &mut |_| {});
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert!(rules.contains(&"unknown-operation"), "{rules:?}");
    assert!(rules.contains(&"session-entry-unreadable"), "{rules:?}");
    for (format, output) in [
        ("text", plain::readiness(&report, "log.ndjson")),
        ("markdown", markdown::readiness(&report, "log.ndjson")),
        ("json", json::readiness(&report)),
    ] {
        assert_safe(&output, format);
        if format != "json" {
            assert!(
                output.contains("\\u{d}\\u{1b}[32mready"),
                "{format}: {output}"
            );
            assert!(
                output.contains("\\u{2066}2026\\u{2069}"),
                "{format}: {output}"
            );
        }
    }
}

#[test]
fn hostile_pastes_show_their_controls_escaped() {
    let pastes = [
        // An escape sequence in the URL and in a header value, a bell in the body.
        (
            format!(
                "curl 'https://api.mews-demo.com/api/connector/v1/customers/getAll\u{1b}[2J' -H $'Content-Type: text/plain\\e[31m' -H 'Authorization: Bearer {ACCESS_TOKEN}' -d '{}'",
                auth_body(", \"Notes\u{7}\": 1")
            ),
            ["unknown-operation", "content-type", "authorization-header"].as_slice(),
        ),
        // An HTTP request with a carriage return inside a line and bidi overrides in a key.
        (
            format!(
                "POST https://api.mews-demo.com/api/connector/v1/customers/getAll HTTP/1.1\nContent-Type: text/html\rX\n\n{}",
                auth_body(", \"\u{202e}txt.exe\u{202c}\": 1")
            ),
            ["content-type", "unknown-property"].as_slice(),
        ),
    ];
    for (paste, expected) in &pastes {
        let report = input::validate_input(paste, None, &options());
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
        for rule in *expected {
            assert!(rules.contains(rule), "{rule} not in {rules:?}");
        }
        for (format, output) in renderings(&report, "paste\u{1b}c.sh", paste) {
            assert_safe(&output, &format!("{format}: {paste}"));
            if format == "text" {
                assert!(output.contains("--> paste\\u{1b}c.sh:"), "{output}");
                assert!(
                    output.contains("text/plain\\u{1b}[31m") || output.contains("text/html\\u{d}X"),
                    "{output}"
                );
            }
        }
    }
}

#[test]
fn a_hostile_address_is_escaped() {
    let address = "/api/connector/v1/customers/getAll\u{1b}[2J\u{85}";
    for report in [
        pipeline::check_address(address, &options()),
        pipeline::validate_request(address, &auth_body(""), &options()),
    ] {
        assert_eq!(report.diagnostics[0].rule, "unknown-operation");
        for (format, output) in renderings(&report, "body.json", &auth_body("")) {
            assert_safe(&output, format);
        }
    }
}

/// The command line writes what the renderers write: nothing raw reaches the terminal.
#[test]
fn the_cli_writes_no_control_character() {
    let dir = std::env::temp_dir().join(format!("mcv-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let har = dir.join(HOSTILE_NAME);
    std::fs::write(&har, HOSTILE_HAR).unwrap();
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let har = har.to_str().unwrap();
    for format in ["text", "markdown", "json"] {
        assert_safe(&run(&["session", har, "--format", format]), format);
    }
    let body = dir.join("body.json");
    std::fs::write(&body, auth_body("")).unwrap();
    let body = body.to_str().unwrap();
    for format in ["text", "json", "sarif"] {
        let output = run(&[
            "request",
            "--address",
            "/api/connector/v1/\u{1b}[2J\u{7}getAll",
            body,
            "--format",
            format,
        ]);
        assert_safe(&output, format);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn invisible_marks_and_a_byte_order_mark_are_shown() {
    let body = format!(
        "\u{feff}{}",
        auth_body(", \"Notes\u{200f}\u{2028}\": 1, \"Extent\u{61c}\": 2")
    );
    let report =
        pipeline::validate_request("/api/connector/v1/customers/getAll", &body, &options());
    let unknown: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "unknown-property")
        .map(|d| d.pointer.as_str())
        .collect();
    assert_eq!(unknown, ["/Notes\u{200f}\u{2028}", "/Extent\u{61c}"]);
    for (format, output) in renderings(&report, "body.json", &body) {
        assert_safe(&output, format);
        if format == "text" {
            assert!(output.contains("\\u{feff}{\"ClientToken\""), "{output}");
            assert!(output.contains("Notes\\u{200f}\\u{2028}"), "{output}");
        }
    }
}
