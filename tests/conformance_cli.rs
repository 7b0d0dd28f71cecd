//! The shared rule flags on the CLI: `--deny`, `--allow`, `--environment` and `--date` change
//! what the conformance rules report and the exit code.

use std::io::Write;
use std::process::{Command, Stdio};

const NOTES: &str = "/api/connector/v1/accountNotes/getAll";

/// The docs' own accountNotes/getAll example: valid, with the sample Client name and demo tokens.
fn example() -> String {
    let op = mews_connector_validator::api::operations()
        .iter()
        .find(|op| op.address == NOTES)
        .unwrap();
    serde_json::to_string_pretty(op.example.as_ref().unwrap()).unwrap()
}

/// Exit code and JSON report of `request` with extra flags.
fn run(flags: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .args([
            "request",
            "--address",
            NOTES,
            "--format",
            "json",
            "--date",
            "2026-11-23",
        ])
        .args(flags)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(example().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.code(),
        serde_json::from_slice(&output.stdout).unwrap(),
    )
}

fn rules(report: &serde_json::Value) -> Vec<(String, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn defaults_refuse_the_sample_client_and_name_the_demo_tokens() {
    let (code, report) = run(&[]);
    assert_eq!(code, Some(1));
    let found = rules(&report);
    assert!(
        found.contains(&("client-not-unique".to_string(), "error".to_string())),
        "{found:?}"
    );
    assert_eq!(
        found
            .iter()
            .filter(|(rule, _)| rule == "demo-token")
            .count(),
        2,
        "{found:?}"
    );
}

#[test]
fn deny_turns_a_hint_into_a_failing_error() {
    let (code, report) = run(&["--allow", "client-not-unique"]);
    assert_eq!(code, Some(0));
    assert!(rules(&report).contains(&("demo-token".to_string(), "info".to_string())));
    let (code, report) = run(&["--allow", "client-not-unique", "--deny", "demo-token"]);
    assert_eq!(code, Some(1));
    assert!(rules(&report).contains(&("demo-token".to_string(), "error".to_string())));
}

#[test]
fn allow_silences_a_rule() {
    let (code, report) = run(&["--allow", "demo-token", "--allow", "client-not-unique"]);
    assert_eq!(code, Some(0));
    assert_eq!(rules(&report), Vec::<(String, String)>::new());
}

#[test]
fn production_refuses_the_demo_tokens() {
    let (code, report) = run(&["--environment", "production"]);
    assert_eq!(code, Some(1));
    let found = rules(&report);
    assert_eq!(
        found
            .iter()
            .filter(|(rule, severity)| rule == "demo-token-in-production" && severity == "error")
            .count(),
        2,
        "{found:?}"
    );
}
