//! Quick fixes: for each kind, a docs-like body (or pasted request) mutated to trigger it. Every
//! offered fix is applied as an editor would (UTF-16 offsets into the submitted text); the text is
//! validated again: the finding is gone and no new error appears.

use mews_connector_validator::{Diagnostic, Options, Report, Severity, validate_input};

const CLIENT_TOKEN: &str = "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D";
const ACCESS_TOKEN: &str = "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D";

fn check(text: &str, address: &str) -> Report {
    validate_input(text, Some(address), &Options::default())
}

/// A request body with the public demo tokens, a Client name with non-ASCII characters (so fixes
/// after it prove UTF-16 offsets) and `rest` as further members.
fn body(rest: &str) -> String {
    format!(
        "{{\n  \"ClientToken\": \"{CLIENT_TOKEN}\",\n  \"AccessToken\": \"{ACCESS_TOKEN}\",\n  \"Client\": \"Zoë's Café 😀 1.0.0\",\n{rest}\n}}"
    )
}

/// `text` with `start..end` (UTF-16 code units) replaced, as a browser editor applies an edit.
fn apply(text: &str, start: usize, end: usize, replacement: &str) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = units[..start].to_vec();
    out.extend(replacement.encode_utf16());
    out.extend_from_slice(&units[end..]);
    String::from_utf16(&out).unwrap()
}

fn errors(report: &Report) -> Vec<(String, String)> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.rule.clone(), d.pointer.clone()))
        .collect()
}

fn of_rule<'a>(report: &'a Report, rule: &str) -> Vec<&'a Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// Applies each fix of `rule`'s findings alone, then all of them together, re-validating each
/// time; returns the text with all of them applied. Expects `expected` fixes.
fn fixes_apply(text: &str, address: &str, rule: &str, expected: usize) -> String {
    let before = check(text, address);
    let found = of_rule(&before, rule);
    let fixes: Vec<_> = found.iter().flat_map(|d| d.fixes.iter()).collect();
    assert_eq!(fixes.len(), expected, "{:#?}", before.diagnostics);
    for fix in &fixes {
        let fixed = apply(text, fix.start, fix.end, &fix.replacement);
        let after = check(&fixed, address);
        assert_eq!(
            of_rule(&after, rule).len(),
            found.len() - 1,
            "{} did not remove its finding:\n{fixed}\n{:#?}",
            fix.title,
            after.diagnostics
        );
        let old = errors(&before);
        for error in errors(&after) {
            assert!(
                old.contains(&error),
                "{} added {error:?}:\n{fixed}",
                fix.title
            );
        }
    }
    // All together, from the end so earlier offsets stay valid.
    let mut sorted = fixes.clone();
    sorted.sort_by_key(|fix| std::cmp::Reverse(fix.start));
    let fixed = sorted.iter().fold(text.to_string(), |text, fix| {
        apply(&text, fix.start, fix.end, &fix.replacement)
    });
    assert!(of_rule(&check(&fixed, address), rule).is_empty(), "{fixed}");
    fixed
}

fn titles(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .flat_map(|d| d.fixes.iter().map(|f| f.title.clone()))
        .collect()
}

#[test]
fn an_unknown_property_is_renamed_to_the_suggestion() {
    let text = body("  \"Name\": \"Acme Café 😀\",\n  \"ContacPerson\": \"Ana Ñúñez\"");
    let fixed = fixes_apply(
        &text,
        "/api/connector/v1/companies/add",
        "unknown-property",
        1,
    );
    assert!(
        fixed.contains("\n  \"ContactPerson\": \"Ana Ñúñez\"\n"),
        "{fixed}"
    );
    let report = check(&text, "/api/connector/v1/companies/add");
    assert_eq!(
        titles(&report),
        ["Rename \"ContacPerson\" to \"ContactPerson\""]
    );
}

#[test]
fn an_enum_value_is_replaced_by_the_suggestion() {
    let text = body(
        "  \"ActivityStates\": [\"active\", \"Deleted\"],\n  \"Limitation\": {\"Count\": 100}",
    );
    let fixed = fixes_apply(&text, "/api/connector/v1/companies/getAll", "enum-value", 1);
    assert!(fixed.contains("[\"Active\", \"Deleted\"]"), "{fixed}");
}

#[test]
fn an_offset_date_time_becomes_the_utc_instant() {
    let text = body(
        "  \"UpdatedUtc\": {\"StartUtc\": \"2026-11-23T10:00:00+01:00\", \"EndUtc\": \"2026-11-23T18:30:00-05:00\"},\n  \"Limitation\": {\"Count\": 100}",
    );
    let fixed = fixes_apply(
        &text,
        "/api/connector/v1/companies/getAll",
        "datetime-format",
        2,
    );
    assert!(
        fixed.contains(
            "{\"StartUtc\": \"2026-11-23T09:00:00Z\", \"EndUtc\": \"2026-11-23T23:30:00Z\"}"
        ),
        "{fixed}"
    );
}

#[test]
fn a_date_time_in_the_wrong_format_gets_no_fix() {
    let text = body(
        "  \"UpdatedUtc\": {\"StartUtc\": \"2026-11-01 00:00\", \"EndUtc\": \"2026-11-23T00:00:00Z\"},\n  \"Limitation\": {\"Count\": 100}",
    );
    let report = check(&text, "/api/connector/v1/companies/getAll");
    assert_eq!(of_rule(&report, "datetime-format").len(), 1);
    assert!(titles(&report).is_empty(), "{:#?}", report.diagnostics);
}

#[test]
fn a_wrong_case_address_in_a_pasted_request_gets_the_exact_case() {
    let http = format!(
        "POST https://api.mews-demo.com/api/connector/v1/Configuration/get HTTP/1.1\nContent-Type: application/json\n\n{}",
        body("  \"Note\": \"été 😀\"")
    );
    let fixed = fixes_apply(&http, "", "path-case-mismatch", 1);
    assert!(fixed.starts_with(
        "POST https://api.mews-demo.com/api/connector/v1/configuration/get HTTP/1.1\n"
    ));
    let curl = format!(
        "curl -X POST 'https://api.mews-demo.com/api/connector/v1/CONFIGURATION/get' \\\n  -H 'Content-Type: application/json' \\\n  -d '{}'",
        // Single-quoted in the shell: the body must not hold an apostrophe.
        body("  \"Note\": \"été 😀\"").replace('\'', "’")
    );
    let fixed = fixes_apply(&curl, "", "path-case-mismatch", 1);
    assert!(fixed.contains("'https://api.mews-demo.com/api/connector/v1/configuration/get'"));
}

#[test]
fn a_bearer_prefix_is_deleted_and_the_token_is_never_shown() {
    // In a cURL command: the offsets are into the whole pasted text, not the body.
    let curl = format!(
        "curl 'https://api.mews-demo.com/api/connector/v1/configuration/get' -H 'Content-Type: application/json' --data-raw '{{\"ClientToken\": \"{CLIENT_TOKEN}\", \"AccessToken\": \"Bearer {ACCESS_TOKEN}\", \"Client\": \"Zoë 😀 1.0.0\"}}'"
    );
    let fixed = fixes_apply(&curl, "", "token-format", 1);
    assert!(
        fixed.contains(&format!("\"AccessToken\": \"{ACCESS_TOKEN}\"")),
        "{fixed}"
    );
    let report = check(&curl, "");
    let fix = &of_rule(&report, "token-format")[0].fixes[0];
    assert_eq!(fix.title, "Remove the `Bearer ` prefix from `AccessToken`");
    assert_eq!(fix.replacement, "");
}

#[test]
fn whitespace_or_quotes_on_one_side_of_a_token_are_deleted() {
    let text = format!(
        "{{\"ClientToken\": \"{CLIENT_TOKEN}\\n\", \"AccessToken\": \"'{ACCESS_TOKEN}\", \"Client\": \"Zoë 1.0.0\"}}"
    );
    fixes_apply(
        &text,
        "/api/connector/v1/configuration/get",
        "token-format",
        2,
    );
    let report = check(&text, "/api/connector/v1/configuration/get");
    for title in titles(&report) {
        assert!(!title.contains(&ACCESS_TOKEN[..5]) && !title.contains(&CLIENT_TOKEN[..5]));
    }
}

#[test]
fn junk_on_both_sides_of_a_token_gets_no_fix_which_would_show_it() {
    let text = format!(
        "{{\"ClientToken\": \"{CLIENT_TOKEN}\", \"AccessToken\": \"\\\"{ACCESS_TOKEN}\\\"\", \"Client\": \"Zoë 1.0.0\"}}"
    );
    let report = check(&text, "/api/connector/v1/configuration/get");
    assert_eq!(of_rule(&report, "token-format").len(), 1);
    assert!(titles(&report).is_empty());
}

#[test]
fn limitation_count_is_clamped_to_the_allowed_range() {
    let text = body("  \"ActivityStates\": [\"Active\"],\n  \"Limitation\": {\"Count\": 5000}");
    let fixed = fixes_apply(
        &text,
        "/api/connector/v1/companies/getAll",
        "limitation-count-range",
        1,
    );
    assert!(fixed.contains("{\"Count\": 1000}"));
    let text = body("  \"Limitation\": {\"Count\": 0}");
    let fixed = fixes_apply(
        &text,
        "/api/connector/v1/companies/getAll",
        "limitation-count-range",
        1,
    );
    assert!(fixed.contains("{\"Count\": 1}"));
}

#[test]
fn a_bare_value_is_wrapped_as_an_update_value() {
    let text = body(
        "  \"CustomerId\": \"99b4f0af-9558-463b-8452-07a9bc414708\",\n  \"ItalianFiscalCode\": \"ZGNZLR17U72P554F\"",
    );
    let fixed = fixes_apply(
        &text,
        "/api/connector/v1/customers/update",
        "update-value-shape",
        1,
    );
    assert!(
        fixed.contains("\"ItalianFiscalCode\": {\"Value\": \"ZGNZLR17U72P554F\"}"),
        "{fixed}"
    );
}

#[test]
fn a_body_shell_escaped_in_double_quotes_gets_no_fix() {
    let curl = format!(
        "curl https://api.mews-demo.com/api/connector/v1/companies/add -H 'Content-Type: application/json' -d \"{{\\\"ClientToken\\\": \\\"{CLIENT_TOKEN}\\\", \\\"AccessToken\\\": \\\"{ACCESS_TOKEN}\\\", \\\"Client\\\": \\\"Zoë 1.0.0\\\", \\\"Name\\\": \\\"Acme\\\", \\\"ContacPerson\\\": \\\"Ana\\\"}}\""
    );
    let report = check(&curl, "");
    assert_eq!(
        of_rule(&report, "unknown-property").len(),
        1,
        "{:#?}",
        report.diagnostics
    );
    assert!(titles(&report).is_empty());
}

#[test]
fn findings_without_a_safe_fix_carry_none() {
    let text = body(
        "  \"EnterpriseId\": \"851df8c8\",\n  \"Limitation\": {\"Count\": \"100\"},\n  \"Whatever\": 1",
    );
    let report = check(&text, "/api/connector/v1/companies/getAll");
    assert!(report.diagnostics.len() >= 2, "{:#?}", report.diagnostics);
    assert!(titles(&report).is_empty(), "{:#?}", report.diagnostics);
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["diagnostics"][0].get("fixes").is_none());
}

#[test]
fn sarif_carries_each_fix_as_a_replacement_of_its_utf16_region() {
    let text = body("  \"Name\": \"Acme Café 😀\",\n  \"ContacPerson\": \"Ana Ñúñez\"");
    let report = check(&text, "/api/connector/v1/companies/add");
    let sarif: serde_json::Value = serde_json::from_str(
        &mews_connector_validator::render::sarif::render(&report, "company.json"),
    )
    .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let result = results
        .iter()
        .find(|r| r["ruleId"] == "unknown-property")
        .unwrap();
    let fix = &of_rule(&report, "unknown-property")[0].fixes[0];
    assert_eq!(
        result["fixes"],
        serde_json::json!([{
            "description": {"text": "Rename \"ContacPerson\" to \"ContactPerson\""},
            "artifactChanges": [{
                "artifactLocation": {"uri": "company.json", "index": 0},
                "replacements": [{
                    "deletedRegion": {"charOffset": fix.start, "charLength": fix.end - fix.start},
                    "insertedContent": {"text": "\"ContactPerson\""},
                }],
            }],
        }])
    );
    // The region is the misspelt key, counted in UTF-16 units after the emoji.
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[fix.start..fix.end]).unwrap(),
        "\"ContacPerson\""
    );
    // Findings without a fix carry no `fixes`.
    assert!(results.iter().any(|r| r.get("fixes").is_none()));
}

#[test]
fn a_bare_value_in_a_shell_escaped_body_gets_no_wrapper() {
    // The wrapper's quotes would end the shell's double-quoted word.
    let curl = format!(
        "curl https://api.mews-demo.com/api/connector/v1/customers/update -H 'Content-Type: application/json' -d \"{{\\\"ClientToken\\\": \\\"{CLIENT_TOKEN}\\\", \\\"AccessToken\\\": \\\"{ACCESS_TOKEN}\\\", \\\"Client\\\": \\\"Zoë 1.0.0\\\", \\\"CustomerId\\\": \\\"99b4f0af-9558-463b-8452-07a9bc414708\\\", \\\"ItalianFiscalCode\\\": 17}}\""
    );
    let report = check(&curl, "");
    let found = of_rule(&report, "update-value-shape");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert!(found[0].fixes.is_empty(), "{:#?}", found[0].fixes);
}

/// The text a fix replaces, cut from `text` by its UTF-16 offsets.
fn region(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

/// (title, replaced text, replacement) of each fix of `rule`'s findings.
fn fixes_of(text: &str, report: &Report, rule: &str) -> Vec<(String, String, String)> {
    of_rule(report, rule)
        .iter()
        .flat_map(|d| d.fixes.iter())
        .map(|fix| {
            (
                fix.title.clone(),
                region(text, fix.start, fix.end),
                fix.replacement.clone(),
            )
        })
        .collect()
}

#[test]
fn a_bearer_prefix_and_the_whitespace_after_it_are_deleted_together() {
    let text = body("  \"Note\": \"été 😀\"").replace(
        &format!("\"{ACCESS_TOKEN}\""),
        &format!("\"Bearer  {ACCESS_TOKEN}\""),
    );
    let fixed = fixes_apply(
        &text,
        "/api/connector/v1/configuration/get",
        "token-format",
        1,
    );
    assert!(
        fixed.contains(&format!("\"AccessToken\": \"{ACCESS_TOKEN}\"")),
        "{fixed}"
    );
    let report = check(&text, "/api/connector/v1/configuration/get");
    assert_eq!(
        fixes_of(&text, &report, "token-format"),
        [(
            "Remove the `Bearer ` prefix and the whitespace from `AccessToken`".to_string(),
            "Bearer  ".to_string(),
            String::new()
        )]
    );
}

#[test]
fn a_fix_deletes_exactly_what_was_added_before_or_after_a_token() {
    let text = format!(
        "{{\"ClientToken\": \"{CLIENT_TOKEN}\\n\", \"AccessToken\": \"'{ACCESS_TOKEN}\", \"Client\": \"Zoë 😀 1.0.0\"}}"
    );
    let address = "/api/connector/v1/configuration/get";
    let fixed = fixes_apply(&text, address, "token-format", 2);
    assert_eq!(
        fixed,
        format!(
            "{{\"ClientToken\": \"{CLIENT_TOKEN}\", \"AccessToken\": \"{ACCESS_TOKEN}\", \"Client\": \"Zoë 😀 1.0.0\"}}"
        )
    );
    let report = check(&text, address);
    assert_eq!(
        fixes_of(&text, &report, "token-format"),
        [
            (
                "Remove the whitespace from `ClientToken`".to_string(),
                "\\n".to_string(),
                String::new()
            ),
            (
                "Remove the quotes from `AccessToken`".to_string(),
                "'".to_string(),
                String::new()
            ),
        ]
    );
}

#[test]
fn a_token_with_whitespace_inside_gets_no_fix_for_its_other_whitespace() {
    // Copied with a space before it and broken where a line wrapped: deleting the leading space
    // would leave a token that is still wrong.
    let (head, tail) = ACCESS_TOKEN.split_at(33);
    let text = body("  \"Note\": \"été\"").replace(
        &format!("\"{ACCESS_TOKEN}\""),
        &format!("\" {head} {tail}\""),
    );
    let report = check(&text, "/api/connector/v1/configuration/get");
    let found = of_rule(&report, "token-format");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(found[0].pointer, "/AccessToken");
    assert!(found[0].fixes.is_empty(), "{:#?}", found[0].fixes);
}

#[test]
fn a_bearer_prefix_is_deleted_whatever_escapes_the_token_holds() {
    // A stray line-continuation backslash after the token, escaped in the JSON: only the prefix
    // is what a fix can safely delete, at its place before the escape.
    let text = body("  \"Note\": \"été\"").replace(
        &format!("\"{ACCESS_TOKEN}\""),
        &format!("\"Bearer {ACCESS_TOKEN}\\\\\""),
    );
    let report = check(&text, "/api/connector/v1/configuration/get");
    assert_eq!(
        fixes_of(&text, &report, "token-format"),
        [(
            "Remove the `Bearer ` prefix from `AccessToken`".to_string(),
            "Bearer ".to_string(),
            String::new()
        )]
    );
}

#[test]
fn a_key_the_shell_unescapes_gets_no_rename() {
    // Chromium's "Copy as cURL" writes a body holding an apostrophe as `$'…'`, doubling each
    // backslash: the body's key is "ContactPerson" and a newline, its text `"ContactPerson\\n"`.
    let curl = |key: &str| {
        format!(
            "curl 'https://api.mews-demo.com/api/connector/v1/companies/add' -H 'content-type: application/json' --data-raw $'{{\"ClientToken\":\"{CLIENT_TOKEN}\",\"AccessToken\":\"{ACCESS_TOKEN}\",\"Client\":\"O\\'Brien Sync 1.0.0\",\"Name\":\"Acme\",\"Options\":{{\"Invoiceable\":true}},\"{key}\":\"Ana\"}}'"
        )
    };
    let plain = curl("ContacPerson");
    assert_eq!(
        fixes_of(&plain, &check(&plain, ""), "unknown-property"),
        [(
            "Rename \"ContacPerson\" to \"ContactPerson\"".to_string(),
            "\"ContacPerson\"".to_string(),
            "\"ContactPerson\"".to_string()
        )]
    );
    let escaped = curl("ContactPerson\\\\n");
    let report = check(&escaped, "");
    let found = of_rule(&report, "unknown-property");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(
        found[0].message,
        "Unknown property \"ContactPerson\n\": did you mean \"ContactPerson\"? The schema allows no other properties"
    );
    assert!(found[0].fixes.is_empty(), "{:#?}", found[0].fixes);
}
