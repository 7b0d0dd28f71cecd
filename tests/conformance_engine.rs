//! Conformance rules through the whole engine on real operations: they add to the schema's
//! findings without repeating them, and the CLI shows them like any other diagnostic.

use mews_connector_validator::render::text;
use mews_connector_validator::{Environment, Options, Report, pipeline};

const NOTES: &str = "/api/connector/v1/accountNotes/getAll";

fn options() -> Options {
    Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    }
}

/// (rule, pointer, line, column) of every diagnostic.
fn located(report: &Report) -> Vec<(String, String, u32, u32)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.rule.clone(), d.pointer.clone(), d.line, d.column))
        .collect()
}

fn has(report: &Report, rule: &str, pointer: &str, line: u32, column: u32) -> bool {
    located(report).contains(&(rule.to_string(), pointer.to_string(), line, column))
}

/// The docs' accountNotes/getAll example with a partner's typical mistakes.
const MISTAKES: &str = r#"{
  "ClientToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
  "AccessToken": "Bearer 9F2A41C0D2E14B5C8E6FAD2001550000-1234567890ABCDEF1234567890ABCDE",
  "Client": "Sample Client 1.0.0",
  "Client": "Acme Notes Sync",
  "LanguageCode": "en-US",
  "Limitation": { "Count": 100, "Cursor": "00000000-0000-0000-0000-000000000000" },
  "UpdatedUtc": { "StartUtc": "2022-10-10T00:00:00+02:00", "EndUtc": "2023-10-17T00:00:00Z" }
}"#;

#[test]
fn a_body_with_typical_mistakes() {
    let report = pipeline::validate_request(NOTES, MISTAKES, &options());
    assert!(!report.valid);
    for (rule, pointer, line, column) in [
        ("token-swapped", "/ClientToken", 2, 18),
        ("token-format", "/AccessToken", 3, 18),
        ("duplicate-key", "/Client", 5, 3),
        ("client-version-missing", "/Client", 5, 13),
        ("language-culture-pair", "/LanguageCode", 6, 19),
        ("cursor-format", "/Limitation/Cursor", 7, 43),
        ("interval-too-long", "/UpdatedUtc", 8, 17),
        ("datetime-format", "/UpdatedUtc/StartUtc", 8, 31),
    ] {
        assert!(
            has(&report, rule, pointer, line, column),
            "{rule} {pointer} {line}:{column} not in {:#?}",
            located(&report)
        );
    }
    // The last `Client` wins, as on the server: the sample name is not what gets sent.
    assert!(
        !located(&report)
            .iter()
            .any(|(rule, ..)| rule == "client-not-unique")
    );
    // No token is printed in full, in any message.
    for d in &report.diagnostics {
        assert!(!d.message.contains("C66EF7B239D2"), "{}", d.message);
        assert!(!d.message.contains("9F2A41C0D2E1"), "{}", d.message);
    }
    insta::assert_snapshot!(text::render(&report, "mistakes.json", MISTAKES));
}

#[test]
fn schema_and_conformance_findings_are_not_repeated() {
    let report = pipeline::validate_request(NOTES, MISTAKES, &options());
    let mut seen = located(&report);
    let count = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), count, "{:#?}", located(&report));
}

#[test]
fn unknown_addresses_still_get_the_authentication_rules() {
    let body = "{\n  \"Client\": \"Acme 1.0\",\n  \"AccessToken\": \" \"\n}";
    let report = pipeline::validate_request("/api/connector/v1/nope/getAll", body, &options());
    let found = located(&report);
    assert!(
        has(&report, "missing-required", "/ClientToken", 1, 1),
        "{found:#?}"
    );
    assert!(
        has(&report, "credential-empty", "/AccessToken", 3, 18),
        "{found:#?}"
    );
    assert_eq!(
        found
            .iter()
            .filter(|(rule, ..)| rule == "missing-required")
            .count(),
        1
    );
}

#[test]
fn bare_update_values_on_a_real_operation() {
    let body = r#"{
  "ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
  "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
  "Client": "Acme Guest Sync 1.4.2",
  "CustomerId": "99b4f0af-9558-463b-8452-07a9bc414708",
  "ItalianFiscalCode": "ZGNZLR17U72P554F"
}"#;
    let report = pipeline::validate_request("/api/connector/v1/customers/update", body, &options());
    assert!(
        has(&report, "update-value-shape", "/ItalianFiscalCode", 6, 24),
        "{:#?}",
        located(&report)
    );
    // The schema's type-mismatch says the same without the fix: only the precise finding stays.
    assert!(
        !located(&report)
            .iter()
            .any(|(rule, pointer, ..)| rule == "type-mismatch" && pointer == "/ItalianFiscalCode"),
        "{:#?}",
        located(&report)
    );
    insta::assert_snapshot!(text::render(&report, "customer.json", body));
    let fixed = body.replace("\"ZGNZLR17U72P554F\"", "{\"Value\": \"ZGNZLR17U72P554F\"}");
    let report =
        pipeline::validate_request("/api/connector/v1/customers/update", &fixed, &options());
    assert!(
        !located(&report)
            .iter()
            .any(|(rule, ..)| rule == "update-value-shape")
    );
}

#[test]
fn production_refuses_demo_tokens_and_overrides_apply() {
    let example = mews_connector_validator::operations()
        .iter()
        .find(|op| op.address == NOTES)
        .unwrap();
    let body = serde_json::to_string_pretty(example.example.as_ref().unwrap()).unwrap();
    // In demo, the docs' sample `Client` name is the example's only error.
    let demo = pipeline::validate_request(NOTES, &body, &options());
    let errors: Vec<&str> = demo
        .diagnostics
        .iter()
        .filter(|d| d.severity == mews_connector_validator::Severity::Error)
        .map(|d| d.rule.as_str())
        .collect();
    assert_eq!(errors, ["client-not-unique"], "{:#?}", demo.diagnostics);
    let production = Options {
        environment: Environment::Production,
        ..options()
    };
    let report = pipeline::validate_request(NOTES, &body, &production);
    assert!(!report.valid);
    insta::assert_snapshot!(text::render(&report, "example.json", &body));
    assert_eq!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "demo-token-in-production")
            .count(),
        2
    );
    let mut relaxed = production.clone();
    relaxed.rules.insert(
        "demo-token-in-production".to_string(),
        mews_connector_validator::Level::Warning,
    );
    relaxed.rules.insert(
        "client-not-unique".to_string(),
        mews_connector_validator::Level::Off,
    );
    let report = pipeline::validate_request(NOTES, &body, &relaxed);
    assert!(report.valid);
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.rule == "client-not-unique")
    );
}

#[test]
fn only_the_type_mismatch_at_a_bare_update_value_is_superseded() {
    let body = r#"{
  "ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
  "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
  "Client": "Acme Guest Sync 1.4.2",
  "LanguageCode": 7,
  "CustomerId": 5,
  "ItalianFiscalCode": "ZGNZLR17U72P554F"
}"#;
    let report = pipeline::validate_request("/api/connector/v1/customers/update", body, &options());
    let found = located(&report);
    // Another pointer's type-mismatch stays; so does one where a different conformance rule
    // (the language/culture pair) also fires.
    for (rule, pointer, line, column) in [
        ("language-culture-pair", "/LanguageCode", 5, 19),
        ("type-mismatch", "/LanguageCode", 5, 19),
        ("type-mismatch", "/CustomerId", 6, 17),
        ("update-value-shape", "/ItalianFiscalCode", 7, 24),
    ] {
        assert!(
            has(&report, rule, pointer, line, column),
            "{rule} {pointer} {line}:{column} not in {found:#?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|(rule, pointer, ..)| rule == "type-mismatch" && pointer == "/ItalianFiscalCode"),
        "{found:#?}"
    );
}

/// The `update-value-shape` message for `ItalianFiscalCode` sent as the bare JSON `value`.
fn bare_value_message(value: &str) -> String {
    let body = format!(
        r#"{{"ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
 "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
 "Client": "Acme Guest Sync 1.4.2", "CustomerId": "99b4f0af-9558-463b-8452-07a9bc414708",
 "ItalianFiscalCode": {value}}}"#
    );
    let report =
        pipeline::validate_request("/api/connector/v1/customers/update", &body, &options());
    let found: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "update-value-shape")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", located(&report));
    found[0].to_string()
}

#[test]
fn values_in_messages_are_shortened_after_sixty_characters() {
    // Sixty characters of JSON are shown whole.
    let exact = "[1234567,1234567,1234567,1234567,1234567,1234567,1234567,12]";
    assert_eq!(exact.len(), 60);
    let message = bare_value_message(exact);
    assert!(
        message.contains(&format!("the bare value {exact}; expected")),
        "{message}"
    );
    // One more: the first sixty and an ellipsis.
    let longer = exact.replace(",12]", ",123]");
    let message = bare_value_message(&longer);
    assert!(
        message.contains(&format!("the bare value {}…; expected", &longer[..60])),
        "{message}"
    );
}

#[test]
fn on_a_known_operation_wrong_typed_and_empty_credentials_are_the_schema_findings_alone() {
    let body = r#"{
  "ClientToken": 5,
  "AccessToken": "",
  "Client": null,
  "CustomerIds": ["99b4f0af-9558-463b-8452-07a9bc414708"],
  "Extent": {"Customers": true},
  "Limitation": {"Count": 10}
}"#;
    let report = pipeline::validate_request("/api/connector/v1/customers/getAll", body, &options());
    assert_eq!(
        located(&report),
        [
            (
                "type-mismatch".to_string(),
                "/ClientToken".to_string(),
                2,
                18
            ),
            (
                "string-length".to_string(),
                "/AccessToken".to_string(),
                3,
                18
            ),
            ("null-not-allowed".to_string(), "/Client".to_string(), 4, 13),
        ]
    );
}

#[test]
fn a_deprecated_extent_s_advice_keeps_the_text_of_its_link() {
    const BLOCKS: &str = "/api/connector/v1/availabilityBlocks/getAll";
    let example = mews_connector_validator::operations()
        .iter()
        .find(|op| op.address == BLOCKS)
        .and_then(|op| op.example.clone())
        .unwrap();
    let text = serde_json::to_string_pretty(&example).unwrap().replacen(
        "\"Rates\": false",
        "\"Rates\": true",
        1,
    );
    let report = pipeline::validate_request(BLOCKS, &text, &options());
    let found: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "deprecated-property")
        .map(|d| (d.pointer.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "/Extent/Rates",
            "`Rates` is deprecated; expected its replacement: Use Get all rates instead. It was discontinued on 2026-01-10: the API may ignore or reject it."
        )]
    );
}
