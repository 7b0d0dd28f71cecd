//! The real binary on valid, invalid, malformed and unknown-address input: exit codes and output.

mod engine_support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use engine_support::*;
use mews_connector_validator::api::Operation;
use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The binary may exit before reading standard input (usage errors): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn subject() -> (&'static Operation, Value) {
    operations()
        .iter()
        .filter(|op| !op.deprecated && !op.restricted)
        .find_map(|op| {
            let mut body = valid_body(op).filter(|b| b.get("Client").is_some())?;
            // The docs' sample name is refused (`client-not-unique`): send a unique one.
            body["Client"] = "Brightkeep Housekeeping 3.2.0".into();
            Some((op, body))
        })
        .unwrap()
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("mcv-engine-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn valid_body_exits_0() {
    let (op, body) = subject();
    let output = run(&["request", "--address", &op.address], &body.to_string());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("valid: 0 error(s)"));
}

#[test]
fn invalid_body_exits_1_with_rustc_like_text() {
    let (op, mut body) = subject();
    body.as_object_mut().unwrap().remove("Client");
    let text = serde_json::to_string_pretty(&body).unwrap();
    let path = temp_file("invalid.json", &text);
    let output = run(
        &["request", "--address", &op.address, path.to_str().unwrap()],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("error[missing-required]: Missing required property \"Client\""),
        "{out}"
    );
    assert!(
        out.contains(&format!(" --> {}:1:1", path.display())),
        "{out}"
    );
    assert!(out.contains("1 | {\n  | ^"), "{out}");
    assert!(out.contains("  = pointer: /Client"));
    assert!(out.contains("  = docs: https://docs.mews.com/connector-api/"));
    // The same rule can be switched off.
    let allowed = run(
        &[
            "request",
            "--address",
            &op.address,
            "--allow",
            "missing-required",
            path.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(allowed.status.code(), Some(0), "{}", stdout(&allowed));
}

#[test]
fn json_and_sarif_formats() {
    let (op, mut body) = subject();
    body["Client"] = Value::from(3);
    let output = run(
        &["request", "--address", &op.address, "--format", "json", "-"],
        &body.to_string(),
    );
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["operation"]["address"], op.address.as_str());
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "type-mismatch")
        .unwrap();
    assert_eq!(d["pointer"], "/Client");

    let output = run(
        &["request", "--address", &op.address, "--format", "sarif"],
        &body.to_string(),
    );
    assert_eq!(output.status.code(), Some(1));
    let sarif: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "type-mismatch" && r["level"] == "error")
    );
}

#[test]
fn malformed_json_exits_1() {
    let (op, _) = subject();
    let output = run(&["request", "--address", &op.address], "{\"Client\": }");
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("error[invalid-json]"), "{out}");
    assert!(out.contains("<stdin>:1:"), "{out}");
}

#[test]
fn unknown_address_exits_1_with_suggestions() {
    let (op, body) = subject();
    let wrong = format!("{}x", op.address);
    let output = run(&["request", "--address", &wrong], &body.to_string());
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("error[unknown-operation]"), "{out}");
    assert!(
        out.contains(&format!("did you mean {}", op.address)),
        "{out}"
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    let (op, _) = subject();
    let missing = run(
        &[
            "request",
            "--address",
            &op.address,
            "/nonexistent/body.json",
        ],
        "",
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/body.json")
    );
    let no_address = run(&["request"], "{}");
    assert_eq!(no_address.status.code(), Some(2));
    let markdown = run(
        &["request", "--address", &op.address, "--format", "markdown"],
        "{}",
    );
    assert_eq!(markdown.status.code(), Some(2));
}

#[test]
fn response_bodies_are_checked_against_the_response_schema() {
    let op = operations()
        .iter()
        .find(|op| {
            op.response.is_some()
                && op.response_example.as_ref().is_some_and(Value::is_object)
                && !op.deprecated
                && !op.restricted
        })
        .unwrap();
    let example = op.response_example.as_ref().unwrap();
    let mut broken = example.clone();
    broken["SurelyNotAResponseProperty"] = Value::from(1);
    let output_broken = run(
        &["response", "--address", &op.address, "--format", "json"],
        &broken.to_string(),
    );
    assert_eq!(output_broken.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output_broken)).unwrap();
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "unknown-property"
                && d["pointer"] == "/SurelyNotAResponseProperty")
    );
}

#[test]
fn operations_lists_the_catalog() {
    let output = run(&["operations", "--format", "json"], "");
    assert_eq!(output.status.code(), Some(0));
    let list: Vec<Value> = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(list.len(), 200);
    for entry in &list {
        for key in ["address", "name", "deprecated", "restricted", "docs"] {
            assert!(entry.get(key).is_some(), "{key} missing in {entry}");
        }
    }
    let text = stdout(&run(&["operations"], ""));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ADDRESS"));
    assert_eq!(lines.len(), 202);
    // Aligned: every name column starts at the same offset as the header's.
    let name_column = lines[0].find("NAME").unwrap();
    for (line, op) in lines[1..201].iter().zip(operations()) {
        assert_eq!(
            line.get(name_column..)
                .map(|rest| rest.starts_with(&op.name)),
            Some(true),
            "{line}"
        );
    }
    assert!(text.contains("deprecated"));
}

#[test]
fn text_output_of_a_docs_example_with_a_typo() {
    let op = operations()
        .iter()
        .find(|op| op.address == "/api/connector/v1/companies/add")
        .unwrap();
    let mut body = op.example.clone().unwrap();
    body["Limitation"] = Value::from("not here");
    body["ClientToken"] = Value::from(1234567890);
    let text = serde_json::to_string_pretty(&body).unwrap();
    let output = run(
        &["request", "--address", "/api/connector/v1/Companies/add/"],
        &text,
    );
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        !out.contains("1234567890"),
        "a token value must never be printed in full"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn a_reader_that_closes_early_is_not_a_crash() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .args(["operations", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The pipe is closed here, as `… | head -1` does; the JSON (~90 KB) outgrows a pipe buffer.
    let output = child.wait_with_output().unwrap();
    assert!(first.starts_with('['), "{first}");
    assert_eq!(output.status.code(), Some(0));
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
