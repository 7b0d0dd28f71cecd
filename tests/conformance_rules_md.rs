//! The rules list: RULES.md is the committed markdown output of `rules`, and the JSON output
//! lists exactly the rules the engine reports when its own examples are run.

mod rules_support;

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

fn rules_output(format: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .args(["rules", "--format", format])
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn rules_md_is_up_to_date() {
    let generated = rules_output("markdown");
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/RULES.md")).unwrap();
    assert!(
        generated == committed,
        "RULES.md is out of date: run `cargo run --bin mews-connector-validator -- rules --format markdown > RULES.md`"
    );
}

#[test]
fn rules_md_opens_with_the_severity_policy() {
    let markdown = rules_output("markdown");
    let policy = markdown.find("## Severity policy").expect("no policy");
    let first_rule = markdown.find("### `").expect("no rule");
    assert!(policy < first_rule);
    for severity in ["**error**", "**warning**", "**info**"] {
        assert!(
            markdown[policy..first_rule].contains(severity),
            "{severity}"
        );
    }
}

/// The ids the JSON lists are compared with what the engine itself reports: running every listed
/// example through the public API, using only what the JSON says about it, must report every
/// listed rule (but the few no input reaches) and no unlisted one.
#[test]
fn the_json_lists_exactly_the_rules_its_examples_report() {
    let json: Value = serde_json::from_str(&rules_output("json")).unwrap();
    let entries = json.as_array().unwrap();
    let listed: Vec<&str> = entries.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(unique.len(), listed.len(), "duplicate ids");
    let mut reported = BTreeSet::new();
    let mut unrunnable = BTreeSet::new();
    for entry in entries {
        match rules_support::run(entry) {
            Some(found) => reported.extend(found.into_iter().map(|(rule, _)| rule)),
            None => {
                unrunnable.insert(entry["id"].as_str().unwrap().to_string());
            }
        }
    }
    let listed: BTreeSet<String> = unique.iter().map(|id| id.to_string()).collect();
    let unlisted: Vec<_> = reported.difference(&listed).collect();
    assert!(unlisted.is_empty(), "reported but not listed: {unlisted:?}");
    let never: Vec<_> = listed
        .difference(&reported)
        .filter(|id| !unrunnable.contains(*id))
        .collect();
    assert!(
        never.is_empty(),
        "listed but no example reports it: {never:?}"
    );
}

#[test]
fn the_json_keeps_its_contract_and_the_text_names_every_rule() {
    let json: Value = serde_json::from_str(&rules_output("json")).unwrap();
    let text = rules_output("text");
    let kinds = [
        "request",
        "response",
        "input",
        "checklist",
        "session",
        "none",
    ];
    for rule in json.as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        for field in ["severity", "summary", "docs", "example", "exampleKind"] {
            assert!(rule[field].is_string(), "{id}: {field}");
        }
        assert!(
            kinds.contains(&rule["exampleKind"].as_str().unwrap()),
            "{id}"
        );
        for optional in ["exampleAddress", "exampleChecklist", "exampleEncoding"] {
            assert!(
                rule.get(optional).is_none_or(Value::is_string),
                "{id}: {optional}"
            );
        }
        for object in ["exampleOptions", "exampleRepeat"] {
            assert!(
                rule.get(object).is_none_or(Value::is_object),
                "{id}: {object}"
            );
        }
        if let Some(also) = rule.get("exampleAlsoReports") {
            for item in also.as_array().unwrap() {
                assert!(
                    item["rule"].is_string() && item["reason"].is_string(),
                    "{id}"
                );
            }
        }
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
