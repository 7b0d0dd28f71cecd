//! RULES.md is the markdown output of `rules`: this fails when the committed file is out of date.

use std::process::Command;

#[test]
fn rules_md_is_up_to_date() {
    let output = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .args(["rules", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let generated = String::from_utf8(output.stdout).unwrap();
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/RULES.md")).unwrap();
    assert!(
        generated == committed,
        "RULES.md is out of date: run `cargo run --bin mews-connector-validator -- rules --format markdown > RULES.md`"
    );
}

#[test]
fn every_rule_is_listed_in_every_format() {
    let run = |format: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
            .args(["rules", "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let registry: Vec<&str> = mews_connector_validator::rules::all()
        .map(|r| r.id())
        .collect();
    assert_eq!(ids, registry);
    for field in ["severity", "summary", "docs", "example"] {
        assert!(
            json.as_array()
                .unwrap()
                .iter()
                .all(|r| r[field].is_string()),
            "{field}"
        );
    }
    let text = run("text");
    for id in &registry {
        assert!(text.contains(id), "{id} missing from text output");
    }
}

#[test]
fn unknown_rule_ids_and_bad_dates_are_usage_errors() {
    for args in [
        ["request", "--address", "/x", "--deny", "no-such-rule"],
        ["request", "--address", "/x", "--allow", "no-such-rule"],
        ["request", "--address", "/x", "--date", "2027-02-30"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(args[4]), "{stderr}");
    }
}
