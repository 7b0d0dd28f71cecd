//! The `request` subcommand on pasted requests: a cURL command names its own address.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn request(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .arg("request")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

const CURL: &str = r#"curl 'https://api.mews-demo.com/api/connector/v1/accountNotes/getAll/' \
  -H 'Content-Type: application/json' \
  --data-raw '{"ClientToken":"E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D","AccessToken":"C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D","Client":"Acme Notes Sync 1.0","Limitation":{"Count":5000}}'
"#;

#[test]
fn a_curl_command_is_validated_without_address_and_located_in_the_command() {
    let output = request(&["--format", "json", "-"], CURL);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<(String, u64, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let count_column = CURL.lines().nth(2).unwrap().find("5000").unwrap() as u64 + 1;
    assert_eq!(
        errors,
        vec![
            ("trailing-slash".to_string(), 1, 7),
            ("limitation-count-range".to_string(), 3, count_column),
        ]
    );
    assert_eq!(
        report["operation"]["address"],
        "/api/connector/v1/accountNotes/getAll"
    );
}

#[test]
fn a_bare_body_still_needs_an_address() {
    let output = request(&[], "{}");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--address is required"));
    let response = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .args(["response", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(response.status.code(), Some(2));
}
