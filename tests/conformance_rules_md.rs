//! The rules list: RULES.md is the committed markdown output of `rules`, and the JSON output
//! lists exactly the rules the engine reports when its own examples are run.

mod rules_support;

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

/// The rule ids users configure (`--deny`, `--allow`, overrides) and match on: a contract. Ids
/// are added, never renamed or removed; a new rule is added here when it lands.
const CONTRACT_IDS: &[&str] = &[
    "nesting-too-deep",
    "input-too-large",
    "conditional-required",
    "portfolio-required",
    "cache-static-data",
    "repeated-failing-request",
    "auth-failure-ignored",
    "pagination-restarted",
    "invalid-json",
    "invalid-encoding",
    "not-an-object",
    "missing-required",
    "unknown-property",
    "type-mismatch",
    "null-not-allowed",
    "enum-value",
    "format",
    "datetime-format",
    "pattern",
    "min-items",
    "max-items",
    "unique-items",
    "string-length",
    "number-range",
    "limitation-count-range",
    "one-of",
    "schema-violation",
    "schema-unavailable",
    "too-many-diagnostics",
    "deprecated-operation",
    "restricted-operation",
    "path-case-mismatch",
    "trailing-slash",
    "unknown-operation",
    "request-method",
    "content-type",
    "authorization-header",
    "missing-body",
    "body-from-file",
    "curl-syntax",
    "recorded-session",
    "credential-empty",
    "token-format",
    "demo-token",
    "demo-token-in-production",
    "token-swapped",
    "client-not-unique",
    "client-version-missing",
    "language-culture-pair",
    "interval-reversed",
    "interval-too-long",
    "cursor-format",
    "deprecated-property",
    "discontinued-operation",
    "invalid-date-option",
    "update-value-shape",
    "duplicate-key",
    "checklist-invalid-json",
    "checklist-unknown-operation",
    "checklist-deprecated-operation",
    "checklist-discontinued-operation",
    "checklist-duplicate-operation",
    "checklist-load-above-limit",
    "checklist-private-items-missing",
    "checklist-multiple-webhook-urls",
    "placeholder-client-name",
    "session-unreadable",
    "session-entry-unreadable",
    "session-no-calls",
    "rate-limit-exceeded",
    "retry-after-ignored",
    "fixed-interval-retry",
    "multiple-client-names",
    "client-name-not-declared",
    "production-host-in-demo",
    "operation-always-failing",
    "operation-not-tested",
    "operation-not-declared",
    "load-above-declared",
    "diagnostics-truncated",
];

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

/// `(id, severity, runnable)` of every rule as the committed RULES.md's text documents it: its
/// `### \`id\`` heading, the `**severity**` opening its paragraph, and whether it says "No runnable
/// example".
fn documented_rules() -> Vec<(String, String, bool)> {
    let markdown =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/RULES.md")).unwrap();
    let mut rules = Vec::new();
    for section in markdown.split("\n### `").skip(1) {
        let (id, body) = section.split_once('`').expect("heading");
        let body = body.split("\n## ").next().unwrap();
        let severity = body
            .trim_start()
            .strip_prefix("**")
            .and_then(|rest| rest.split_once("**"))
            .map(|(severity, _)| severity.to_string())
            .unwrap_or_else(|| panic!("{id}: no **severity** in RULES.md"));
        rules.push((
            id.to_string(),
            severity,
            !body.contains("No runnable example"),
        ));
    }
    rules
}

#[test]
fn rules_md_names_every_contract_rule_once() {
    let documented: Vec<String> = documented_rules().into_iter().map(|(id, ..)| id).collect();
    let unique: BTreeSet<&str> = documented.iter().map(String::as_str).collect();
    assert_eq!(unique.len(), documented.len(), "a rule documented twice");
    let missing: Vec<_> = CONTRACT_IDS
        .iter()
        .filter(|id| !unique.contains(**id))
        .collect();
    assert!(
        missing.is_empty(),
        "rule ids gone from RULES.md (ids are a contract): {missing:?}"
    );
    let contract: BTreeSet<&str> = CONTRACT_IDS.iter().copied().collect();
    let new: Vec<_> = unique.difference(&contract).collect();
    assert!(
        new.is_empty(),
        "new rules, add them to CONTRACT_IDS: {new:?}"
    );
}

/// What RULES.md's text says of each rule is what the engine does: running the rule's example
/// reports it with the severity RULES.md states, and only the rules it says have no runnable
/// example lack one.
#[test]
fn rules_md_states_the_severity_the_engine_reports() {
    let json: Value = serde_json::from_str(&rules_output("json")).unwrap();
    let entries = json.as_array().unwrap();
    let mut wrong = Vec::new();
    for (id, severity, runnable) in documented_rules() {
        let entry = entries
            .iter()
            .find(|entry| entry["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{id} is in RULES.md but not in `rules --format json`"));
        match (rules_support::run(entry), runnable) {
            (None, false) => {}
            (None, true) => wrong.push(format!("{id}: RULES.md shows an example, none runs")),
            (Some(_), false) => wrong.push(format!("{id}: RULES.md says it has no example")),
            (Some(found), true) => {
                let reported: BTreeSet<String> = found
                    .iter()
                    .filter(|(rule, _)| *rule == id)
                    .map(|(_, severity)| severity.as_str().to_string())
                    .collect();
                if reported != BTreeSet::from([severity.clone()]) {
                    wrong.push(format!(
                        "{id}: RULES.md says {severity}, its example reports {reported:?}"
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
