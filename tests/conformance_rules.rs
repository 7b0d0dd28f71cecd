//! Every conformance rule on small hand-made schemas: a body that triggers it (exact rule,
//! pointer, line and column) and a near miss that must not.

use mews_connector_validator::api::BodySchema;
use mews_connector_validator::api::Operation;
use mews_connector_validator::conformance::{RequestContext, check_with_bundle};
use mews_connector_validator::source::Document;
use mews_connector_validator::{Diagnostic, Environment, Options, Severity};
use serde_json::{Value, json};

const GROSS_CLIENT: &str = "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D";
const GROSS_ACCESS: &str = "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D";
const NET_ACCESS_3: &str = "682C235379B64D909941AD2001577525-BFC60A026081F1350FAA99CAB9F7510";

fn bundle() -> Value {
    let string = json!({"type": "string", "minLength": 1});
    let datetime = json!({"type": ["string", "null"], "format": "date-time"});
    json!({"$id": "urn:mews-connector-validator:bundle", "$defs": {
        "Params": {"type": "object", "additionalProperties": false,
            "required": ["ClientToken", "AccessToken", "Client"],
            "properties": {
                "ClientToken": string, "AccessToken": string, "Client": string,
                "LanguageCode": {"type": ["string", "null"]},
                "CultureCode": {"type": ["string", "null"]},
                "Limitation": {"$ref": "#/$defs/Limitation"},
                "UpdatedUtc": {"anyOf": [
                    {"title": "Time interval", "allOf": [{"$ref": "#/$defs/TimeFilterInterval"}],
                     "x-max-interval-in-months": 3},
                    {"type": "null"}]},
                "Date": {"allOf": [{"$ref": "#/$defs/DateFilterInterval"}], "x-max-interval-in-months": 1},
                "FirstTimeUnitStartUtc": datetime, "LastTimeUnitStartUtc": datetime,
                "Email": {"anyOf": [{"$ref": "#/$defs/StringUpdateValue"}, {"type": "null"}]},
                "RateId": {"type": ["string", "null"], "format": "uuid", "deprecated": true,
                           "x-deprecatedMessage": "Use `TemplateRateId` instead."},
                "Notes": {"type": "array", "items": {"$ref": "#/$defs/Note"}}
            }},
        "OpaqueParams": {"type": "object", "properties": {
            "Limitation": {"type": "object", "properties": {
                "Count": {"type": "integer"}, "Cursor": {"type": ["string", "null"]}}}}},
        "Limitation": {"type": "object", "required": ["Count"], "properties": {
            "Count": {"type": "integer", "minimum": 1, "maximum": 1000},
            "Cursor": {"type": ["string", "null"], "format": "uuid"}}},
        "TimeFilterInterval": {"type": "object", "properties": {"StartUtc": datetime, "EndUtc": datetime}},
        "DateFilterInterval": {"type": "object", "properties": {
            "Start": {"type": "string", "format": "date"}, "End": {"type": "string", "format": "date"}}},
        "StringUpdateValue": {"type": "object", "additionalProperties": false,
            "properties": {"Value": {"type": ["string", "null"]}}},
        "Note": {"type": "object", "properties": {"Text": {"type": "string"}, "CreatedUtc": datetime}}
    }})
}

fn operation(def: &str) -> Operation {
    Operation {
        address: "/api/connector/v1/things/getAll".to_string(),
        operation_id: "things_getAll".to_string(),
        name: "Get all things".to_string(),
        resource: "things".to_string(),
        action: "getAll".to_string(),
        version: "v1".to_string(),
        tag: "Things".to_string(),
        deprecated: false,
        deprecation_message: None,
        discontinued: None,
        replacement: None,
        restricted: false,
        paginated: true,
        docs: "https://docs.mews.com/connector-api/operations/things#get-all-things".to_string(),
        request: Some(BodySchema {
            def: def.to_string(),
            schema: format!("requests/{def}.schema.json"),
        }),
        response: None,
        example: None,
        response_example: None,
    }
}

fn check(body: &str, operation: Option<&Operation>, options: &Options) -> Vec<Diagnostic> {
    let doc = Document::parse(body).unwrap();
    let context = RequestContext {
        doc: &doc,
        operation,
        options,
    };
    let findings = check_with_bundle(&context, &bundle());
    mews_connector_validator::pipeline::locate(body, findings, options)
}

fn check_params(body: &str) -> Vec<Diagnostic> {
    check(body, Some(&operation("Params")), &dated())
}

fn dated() -> Options {
    Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    }
}

/// (rule, pointer, line, column) of every finding of `rule`.
fn of(diagnostics: &[Diagnostic], rule: &str) -> Vec<(String, u32, u32)> {
    diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| (d.pointer.clone(), d.line, d.column))
        .collect()
}

fn one<'a>(diagnostics: &'a [Diagnostic], rule: &str) -> &'a Diagnostic {
    let found: Vec<_> = diagnostics.iter().filter(|d| d.rule == rule).collect();
    assert_eq!(found.len(), 1, "expected one {rule}: {diagnostics:#?}");
    found[0]
}

/// A well-formed body: auth, a versioned client name, no other property.
fn body(extra: &str) -> String {
    format!(
        "{{\n  \"ClientToken\": \"A1B2C3D4E5-client\",\n  \"AccessToken\": \"F6A7B8C9D0-access\",\n  \"Client\": \"Acme PMS Bridge 2.1.0\"{extra}\n}}"
    )
}

#[test]
fn a_clean_body_has_no_findings() {
    assert_eq!(check_params(&body("")), Vec::new());
}

// --- authentication -------------------------------------------------------------------------

#[test]
fn missing_credentials_are_reported_only_for_unknown_addresses() {
    let text = "{\n  \"Client\": \"Acme 1.0\"\n}";
    let unknown = check(text, None, &dated());
    assert_eq!(
        of(&unknown, "missing-required"),
        [
            ("/ClientToken".to_string(), 1, 1),
            ("/AccessToken".to_string(), 1, 1)
        ]
    );
    assert!(unknown.iter().all(|d| d.severity == Severity::Error));
    // Known operation: the schema's `required` reports them; no duplicate here.
    assert!(of(&check_params(text), "missing-required").is_empty());
}

#[test]
fn blank_credentials_are_errors() {
    let text = body(",\n  \"X\": 1").replace("\"A1B2C3D4E5-client\"", "\"   \"");
    let found = check_params(&text);
    assert_eq!(
        of(&found, "credential-empty"),
        [("/ClientToken".to_string(), 2, 18)]
    );
    // Empty strings and wrong types of known operations are the schema's (minLength, type).
    let empty = body("").replace("\"A1B2C3D4E5-client\"", "\"\"");
    assert!(of(&check_params(&empty), "credential-empty").is_empty());
    let unknown = check(&empty, None, &dated());
    assert_eq!(
        of(&unknown, "credential-empty"),
        [("/ClientToken".to_string(), 2, 18)]
    );
    let number = body("").replace("\"F6A7B8C9D0-access\"", "42");
    let unknown = check(&number, None, &dated());
    assert_eq!(
        of(&unknown, "credential-empty"),
        [("/AccessToken".to_string(), 3, 18)]
    );
    assert!(
        one(&unknown, "credential-empty")
            .message
            .contains("integer")
    );
}

#[test]
fn tokens_with_bearer_quotes_or_whitespace_are_errors_and_stay_masked() {
    for (token, problem) in [
        ("Bearer F6A7B8C9D0-access", "Bearer"),
        ("\\\"F6A7B8C9D0-access\\\"", "quotes"),
        ("F6A7B8C9D0-access ", "whitespace"),
        ("F6A7B8C9D0 access", "whitespace"),
    ] {
        let text = body("").replace("F6A7B8C9D0-access", token);
        let found = check_params(&text);
        let diagnostic = one(&found, "token-format");
        assert_eq!(
            (
                diagnostic.pointer.as_str(),
                diagnostic.line,
                diagnostic.column
            ),
            ("/AccessToken", 3, 18)
        );
        assert!(
            diagnostic.message.contains(problem),
            "{}",
            diagnostic.message
        );
        assert!(
            !diagnostic.message.contains("B8C9D0"),
            "token leaked: {}",
            diagnostic.message
        );
    }
    // Near miss: hyphens and letters only.
    assert!(of(&check_params(&body("")), "token-format").is_empty());
}

#[test]
fn demo_tokens_are_named_in_demo_and_errors_in_production() {
    let text = body("")
        .replace("A1B2C3D4E5-client", GROSS_CLIENT)
        .replace("F6A7B8C9D0-access", NET_ACCESS_3);
    let found = check_params(&text);
    assert_eq!(
        of(&found, "demo-token"),
        [
            ("/ClientToken".to_string(), 2, 18),
            ("/AccessToken".to_string(), 3, 18)
        ]
    );
    let access = &found[1];
    assert_eq!(access.severity, Severity::Info);
    assert!(
        access.message.contains("Connector API Test Client 3"),
        "{}",
        access.message
    );
    assert!(access.message.contains("net pricing"), "{}", access.message);
    for diagnostic in &found {
        assert!(
            !diagnostic.message.contains(&GROSS_CLIENT[4..12]),
            "token leaked"
        );
        assert!(
            !diagnostic.message.contains(&NET_ACCESS_3[4..12]),
            "token leaked"
        );
    }
    let production = Options {
        environment: Environment::Production,
        ..dated()
    };
    let found = check(&text, Some(&operation("Params")), &production);
    assert!(of(&found, "demo-token").is_empty());
    assert_eq!(of(&found, "demo-token-in-production").len(), 2);
    assert!(found.iter().all(|d| d.severity == Severity::Error));
    // An unknown token is fine in demo and in production.
    assert!(check(&body(""), Some(&operation("Params")), &production).is_empty());
}

#[test]
fn swapped_demo_tokens_are_errors() {
    let text = body("")
        .replace("A1B2C3D4E5-client", GROSS_ACCESS)
        .replace("F6A7B8C9D0-access", GROSS_CLIENT);
    let found = check_params(&text);
    assert_eq!(
        of(&found, "token-swapped"),
        [
            ("/ClientToken".to_string(), 2, 18),
            ("/AccessToken".to_string(), 3, 18)
        ]
    );
    assert!(found[0].message.contains("E0D4…"), "{}", found[0].message);
    assert!(of(&found, "demo-token").is_empty());
    // Near miss: the same tokens in the right places.
    let right = body("")
        .replace("A1B2C3D4E5-client", GROSS_CLIENT)
        .replace("F6A7B8C9D0-access", GROSS_ACCESS);
    assert!(of(&check_params(&right), "token-swapped").is_empty());
}

// --- client name ----------------------------------------------------------------------------

#[test]
fn sample_and_placeholder_client_names_are_errors() {
    for name in [
        "Sample Client 1.0.0",
        "Test Client 1.0",
        "string 1.0",
        "Connector API Test Client 2 1.0",
    ] {
        let found = check_params(&body("").replace("Acme PMS Bridge 2.1.0", name));
        assert_eq!(
            of(&found, "client-not-unique"),
            [("/Client".to_string(), 4, 13)],
            "{name}"
        );
        assert_eq!(one(&found, "client-not-unique").severity, Severity::Error);
    }
    // Near miss: a real product name that contains a placeholder word.
    let found = check_params(&body("").replace("Acme PMS Bridge 2.1.0", "Test Automation Hub 1.0"));
    assert!(of(&found, "client-not-unique").is_empty());
}

#[test]
fn client_names_need_a_version() {
    let found = check_params(&body("").replace("Acme PMS Bridge 2.1.0", "Acme PMS Bridge"));
    assert_eq!(
        of(&found, "client-version-missing"),
        [("/Client".to_string(), 4, 13)]
    );
    assert!(
        one(&found, "client-version-missing")
            .message
            .contains("\"Acme PMS Bridge 1.0.0\"")
    );
    assert_eq!(
        one(&found, "client-version-missing").severity,
        Severity::Info
    );
    let found = check_params(&body("").replace("Acme PMS Bridge 2.1.0", "Acme PMS Bridge v2"));
    assert!(of(&found, "client-version-missing").is_empty());
}

// --- language and culture -------------------------------------------------------------------

#[test]
fn language_without_culture_is_a_warning() {
    let found = check_params(&body(
        ",\n  \"LanguageCode\": \"en-US\",\n  \"CultureCode\": null",
    ));
    assert_eq!(
        of(&found, "language-culture-pair"),
        [("/LanguageCode".to_string(), 5, 19)]
    );
    let found = check_params(&body(",\n  \"CultureCode\": \"en-US\""));
    assert_eq!(
        of(&found, "language-culture-pair"),
        [("/CultureCode".to_string(), 5, 18)]
    );
    assert!(
        one(&found, "language-culture-pair")
            .message
            .contains("missing")
    );
    for near_miss in [
        ",\n  \"LanguageCode\": \"en-US\",\n  \"CultureCode\": \"en-US\"",
        ",\n  \"LanguageCode\": null,\n  \"CultureCode\": null",
    ] {
        assert!(of(&check_params(&body(near_miss)), "language-culture-pair").is_empty());
    }
}

// --- datetimes and intervals ----------------------------------------------------------------

#[test]
fn datetimes_with_offsets_name_the_utc_instant() {
    let found = check_params(&body(
        ",\n  \"UpdatedUtc\": {\"StartUtc\": \"2023-03-22T07:12:00-05:00\", \"EndUtc\": \"2023-03-23T00:00:00Z\"}",
    ));
    assert_eq!(
        of(&found, "datetime-format"),
        [("/UpdatedUtc/StartUtc".to_string(), 5, 30)]
    );
    let message = &one(&found, "datetime-format").message;
    assert!(message.contains("\"2023-03-22T12:12:00Z\""), "{message}");
    assert!(message.contains("-05:00"), "{message}");
}

#[test]
fn date_only_and_offsetless_datetimes_are_left_to_the_schema_format() {
    // Not RFC 3339 date-times: the engine's `format` check reports them as `datetime-format`.
    let found = check_params(&body(
        ",\n  \"Notes\": [{\"CreatedUtc\": \"2023-03-22\"}, {\"CreatedUtc\": \"2023-03-22T10:00:00\"}, {\"CreatedUtc\": \"2023-03-22T10:00:00+00:00\"}]",
    ));
    assert!(of(&found, "datetime-format").is_empty());
}

#[test]
fn datetime_rule_follows_the_schema_not_the_name() {
    // `Text` is a plain string in the schema: a date in it is fine.
    let found = check_params(&body(
        ",\n  \"Notes\": [{\"Text\": \"2023-03-22T07:12:00-05:00\"}]",
    ));
    assert!(of(&found, "datetime-format").is_empty());
    // A property the schema does not know is the engine's `unknown-property`, not a datetime.
    let found = check_params(&body(",\n  \"SomethingUtc\": \"2023-03-22\""));
    assert!(of(&found, "datetime-format").is_empty());
}

#[test]
fn reversed_intervals_are_errors() {
    let found = check_params(&body(
        ",\n  \"UpdatedUtc\": {\"StartUtc\": \"2023-03-22T00:00:00Z\", \"EndUtc\": \"2023-03-01T00:00:00Z\"}",
    ));
    assert_eq!(
        of(&found, "interval-reversed"),
        [("/UpdatedUtc/EndUtc".to_string(), 5, 64)]
    );
    let found = check_params(&body(
        ",\n  \"FirstTimeUnitStartUtc\": \"2023-03-22T00:00:00Z\",\n  \"LastTimeUnitStartUtc\": \"2023-03-21T00:00:00Z\"",
    ));
    assert_eq!(
        of(&found, "interval-reversed"),
        [("/LastTimeUnitStartUtc".to_string(), 6, 27)]
    );
    let found = check_params(&body(
        ",\n  \"Date\": {\"Start\": \"2023-03-02\", \"End\": \"2023-03-01\"}",
    ));
    assert_eq!(
        of(&found, "interval-reversed"),
        [("/Date/End".to_string(), 5, 42)]
    );
    // Near misses: equal ends (an equality filter), and the same instant written with an offset.
    for near_miss in [
        ",\n  \"UpdatedUtc\": {\"StartUtc\": \"2023-03-22T00:00:00Z\", \"EndUtc\": \"2023-03-22T00:00:00Z\"}",
        ",\n  \"UpdatedUtc\": {\"StartUtc\": \"2023-03-22T01:00:00+01:00\", \"EndUtc\": \"2023-03-22T00:00:00Z\"}",
    ] {
        assert!(
            of(&check_params(&body(near_miss)), "interval-reversed").is_empty(),
            "{near_miss}"
        );
    }
}

#[test]
fn intervals_longer_than_the_limit_say_by_how_much() {
    let found = check_params(&body(
        ",\n  \"UpdatedUtc\": {\"StartUtc\": \"2023-01-01T00:00:00Z\", \"EndUtc\": \"2023-05-02T06:00:00Z\"}",
    ));
    assert_eq!(
        of(&found, "interval-too-long"),
        [("/UpdatedUtc".to_string(), 5, 17)]
    );
    let message = &one(&found, "interval-too-long").message;
    assert!(message.contains("31 days 6 hours longer"), "{message}");
    assert!(message.contains("at most 3 months"), "{message}");
    assert!(message.contains("\"2023-04-01T00:00:00Z\""), "{message}");
    let found = check_params(&body(
        ",\n  \"Date\": {\"Start\": \"2023-01-31\", \"End\": \"2023-03-01\"}",
    ));
    assert_eq!(
        of(&found, "interval-too-long"),
        [("/Date".to_string(), 5, 11)]
    );
    assert!(
        found[0].message.contains("1 day longer"),
        "{}",
        found[0].message
    );
    // Near miss: exactly the limit (February clamps to its last day).
    for near_miss in [
        ",\n  \"UpdatedUtc\": {\"StartUtc\": \"2023-01-01T00:00:00Z\", \"EndUtc\": \"2023-04-01T00:00:00Z\"}",
        ",\n  \"Date\": {\"Start\": \"2023-01-31\", \"End\": \"2023-02-28\"}",
        ",\n  \"UpdatedUtc\": null",
    ] {
        assert!(
            of(&check_params(&body(near_miss)), "interval-too-long").is_empty(),
            "{near_miss}"
        );
    }
}

// --- pagination -----------------------------------------------------------------------------

#[test]
fn guessed_cursors_are_warnings() {
    let opaque = operation("OpaqueParams");
    let text = body(",\n  \"Limitation\": {\"Count\": 100, \"Cursor\": \"2\"}");
    let found = check(&text, Some(&opaque), &dated());
    assert_eq!(
        of(&found, "cursor-format"),
        [("/Limitation/Cursor".to_string(), 5, 42)]
    );
    assert!(one(&found, "cursor-format").message.contains("page number"));
    let nil = body(
        ",\n  \"Limitation\": {\"Count\": 100, \"Cursor\": \"00000000-0000-0000-0000-000000000000\"}",
    );
    assert_eq!(
        of(&check_params(&nil), "cursor-format"),
        [("/Limitation/Cursor".to_string(), 5, 42)]
    );
    // Near misses: a cursor from a response, null, and (uuid-typed: the schema's `format`) a page number.
    for near_miss in [
        ",\n  \"Limitation\": {\"Count\": 100, \"Cursor\": \"e7f26210-10e7-462e-9da8-ae8300be8ab7\"}",
        ",\n  \"Limitation\": {\"Count\": 100, \"Cursor\": null}",
    ] {
        assert!(
            of(
                &check(&body(near_miss), Some(&opaque), &dated()),
                "cursor-format"
            )
            .is_empty()
        );
    }
    assert!(of(&check_params(&text), "cursor-format").is_empty());
}

#[test]
fn each_kind_of_guessed_cursor_is_named() {
    let opaque = operation("OpaqueParams");
    for (cursor, problem) in [
        ("", "empty"),
        (" e7f26210", "padded with or containing whitespace"),
        ("page 2", "padded with or containing whitespace"),
        ("40", "looks like a page number or offset"),
        ("Undefined", "a null written as text"),
        ("2026-11-23", "looks like a date or time"),
    ] {
        let text = body(&format!(
            ",\n  \"Limitation\": {{\"Count\": 100, \"Cursor\": \"{cursor}\"}}"
        ));
        let found = check(&text, Some(&opaque), &dated());
        assert_eq!(
            of(&found, "cursor-format"),
            [("/Limitation/Cursor".to_string(), 5, 42)],
            "{cursor:?}"
        );
        let message = &one(&found, "cursor-format").message;
        assert!(message.contains(problem), "{cursor:?}: {message}");
    }
    // An opaque cursor as a response returns it is no guess.
    let text = body(",\n  \"Limitation\": {\"Count\": 100, \"Cursor\": \"c2VhcmNoLWFmdGVyOjQy\"}");
    assert!(of(&check(&text, Some(&opaque), &dated()), "cursor-format").is_empty());
}

// --- lifecycle ------------------------------------------------------------------------------

#[test]
fn deprecated_properties_name_their_replacement() {
    let found = check_params(&body(
        ",\n  \"RateId\": \"e7f26210-10e7-462e-9da8-ae8300be8ab7\"",
    ));
    assert_eq!(
        of(&found, "deprecated-property"),
        [("/RateId".to_string(), 5, 13)]
    );
    assert!(
        one(&found, "deprecated-property")
            .message
            .contains("TemplateRateId")
    );
    assert!(
        of(
            &check_params(&body(",\n  \"RateId\": null")),
            "deprecated-property"
        )
        .is_empty()
    );
}

#[test]
fn discontinued_operations_are_errors_from_their_date_on() {
    let mut op = operation("Params");
    op.deprecated = true;
    op.discontinued = Some("2026-06-01".to_string());
    op.replacement = Some("/api/connector/v1/things/getAllNew".to_string());
    let on = |date: &str| {
        let options = Options {
            date: Some(date.to_string()),
            ..Options::default()
        };
        check(&body(""), Some(&op), &options)
    };
    let found = on("2026-06-01");
    assert_eq!(
        of(&found, "discontinued-operation"),
        [(String::new(), 1, 1)]
    );
    let message = &one(&found, "discontinued-operation").message;
    assert!(
        message.contains("2026-06-01") && message.contains("getAllNew"),
        "{message}"
    );
    assert!(of(&on("2026-05-31"), "discontinued-operation").is_empty());
    // Default date: today, which is after 2026-06-01 by the time this runs.
    op.discontinued = Some("2000-01-01".to_string());
    let today = check(&body(""), Some(&op), &Options::default());
    assert_eq!(of(&today, "discontinued-operation").len(), 1);
}

#[test]
fn an_invalid_evaluation_date_is_reported() {
    let options = Options {
        date: Some("01/06/2026".to_string()),
        ..Options::default()
    };
    let found = check(&body(""), Some(&operation("Params")), &options);
    assert_eq!(of(&found, "invalid-date-option"), [(String::new(), 1, 1)]);
}

// --- update values --------------------------------------------------------------------------

#[test]
fn bare_update_values_are_errors_with_the_fix() {
    let found = check_params(&body(",\n  \"Email\": \"guest@example.com\""));
    assert_eq!(
        of(&found, "update-value-shape"),
        [("/Email".to_string(), 5, 12)]
    );
    let message = &one(&found, "update-value-shape").message;
    assert!(
        message.contains("{\"Value\": \"guest@example.com\"}"),
        "{message}"
    );
    for near_miss in [
        ",\n  \"Email\": {\"Value\": \"guest@example.com\"}",
        ",\n  \"Email\": {\"Value\": null}",
        ",\n  \"Email\": null",
    ] {
        assert!(
            of(&check_params(&body(near_miss)), "update-value-shape").is_empty(),
            "{near_miss}"
        );
    }
}

// --- JSON hygiene ---------------------------------------------------------------------------

#[test]
fn duplicate_keys_are_warnings_at_the_repeated_key() {
    let found = check_params(&body(",\n  \"Client\": \"Acme PMS Bridge 2.2.0\""));
    assert_eq!(of(&found, "duplicate-key"), [("/Client".to_string(), 5, 3)]);
    assert!(
        one(&found, "duplicate-key")
            .message
            .contains("line 4, column 3")
    );
    // Three times: both repeats point back at the first.
    let found = check_params(&body(
        ",\n  \"Client\": \"B 1.0\",\n  \"Client\": \"C 1.0\"",
    ));
    assert_eq!(
        of(&found, "duplicate-key"),
        [("/Client".to_string(), 5, 3), ("/Client".to_string(), 6, 3)]
    );
    assert!(
        found
            .iter()
            .filter(|d| d.rule == "duplicate-key")
            .all(|d| d.message.contains("line 4, column 3"))
    );
    // Near miss: the same key in two different objects.
    let found = check_params(&body(
        ",\n  \"Notes\": [{\"Text\": \"a\"}, {\"Text\": \"b\"}]",
    ));
    assert!(of(&found, "duplicate-key").is_empty());
}

#[test]
fn not_an_object_is_left_to_the_engine() {
    for text in ["[]", "\"Client\"", "null"] {
        assert_eq!(check(text, None, &dated()), Vec::new(), "{text}");
    }
}

#[test]
fn columns_count_utf16_units_after_non_ascii_text() {
    let text = "{\"Client\": \"Café 😀 1.0\", \"ClientToken\": \"x\", \"ClientToken\": \"y\", \"AccessToken\": \"z\"}";
    let found = check_params(text);
    // "Café 😀 1.0" is 11 UTF-16 units: é is one, 😀 two.
    assert_eq!(
        of(&found, "duplicate-key"),
        [("/ClientToken".to_string(), 1, 47)]
    );
}
