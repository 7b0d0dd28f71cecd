//! Pasted cURL commands, as browsers' devtools, Postman and API docs write them: the body's findings
//! are the engine's, located in the pasted command; the address and the command's own problems too.

mod input_support;

use input_support::*;
use mews_connector_validator::input::{self, InputKind};
use mews_connector_validator::{Severity, validate_input, validate_request};

/// Chromium's "Copy as cURL (bash)" of a fetch() from a local app.
fn chromium() -> String {
    format!(
        "curl '{DEMO_URL}' \\\n  -H 'accept: */*' \\\n  -H 'accept-language: en-GB,en;q=0.9' \\\n  -H 'content-type: application/json' \\\n  -H 'origin: http://localhost:5173' \\\n  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' \\\n  --data-raw '{BODY}'"
    )
}

#[test]
fn chromium_copy_as_curl_gets_the_engines_findings_at_the_pasted_positions() {
    let pasted = chromium();
    assert_eq!(input::detect(&pasted), InputKind::Curl);
    let report = validate_input(&pasted, None, &options());
    let bare = validate_request(DEMO_URL, BODY, &options());
    assert_eq!(report.operation, bare.operation);
    assert_eq!(report.valid, bare.valid);
    assert_eq!(rules(&report), rules(&bare));
    // Same messages; each located where its text is in the pasted command.
    let body_start = pasted.find("{\"ClientToken").unwrap();
    for (located, original) in report.diagnostics.iter().zip(&bare.diagnostics) {
        assert_eq!(located.message, original.message);
        assert_eq!(located.line, 7, "{located:?}");
        assert_eq!(located.column - 14, original.column, "{located:?}");
        assert_eq!(
            located.end_column - located.column,
            original.end_column - original.column
        );
    }
    assert_eq!(position_at(&pasted, body_start), (7, 15));
    let count = only(&report, "limitation-count-range");
    assert_eq!(start(count), position_of(&pasted, "5000", 0));
    assert_eq!(end(count), position_of(&pasted, "}}'", 0));
}

/// Chromium switches to `$'…'` when the body has a newline, a quote or a control character.
#[test]
fn ansi_c_quoted_bodies_map_escapes_back_to_the_pasted_text() {
    let pasted = format!(
        "curl '{DEMO_URL}' \\\n  -H 'content-type: application/json' \\\n  --data-raw $'{{\\n  \"ClientToken\": \"E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D\",\\n  \"AccessToken\": \"C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D\",\\n  \"Client\": \"Zoë 😀 Hotel\\'s app 1.0.0\",\\n  \"Extent\": {{\"Customers\": \"yes\\u0021\"}},\\n  \"Limitation\": {{\"Count\": 5000}}\\n}}'"
    );
    let report = validate_input(&pasted, None, &options());
    assert_eq!(
        report.operation.as_ref().map(|op| op.address.as_str()),
        Some(CUSTOMERS_GET_ALL)
    );
    // The whole body sits on line 3 of the paste; "😀" counts two UTF-16 units before `Extent`.
    let mismatch = only(&report, "type-mismatch");
    assert_eq!(mismatch.pointer, "/Extent/Customers");
    assert_eq!(start(mismatch), position_of(&pasted, "\"yes", 0));
    // The value's closing quote comes after the six-character escape \u0021.
    assert_eq!(
        end(mismatch),
        position_at(&pasted, pasted.find("\\u0021\"").unwrap() + 7)
    );
    let count = only(&report, "limitation-count-range");
    assert_eq!(start(count), position_of(&pasted, "5000", 0));
    assert_eq!(count.line, 3);
    let line3 = pasted.lines().nth(2).unwrap();
    let expected_column = line3[..line3.find("5000").unwrap()].encode_utf16().count() + 1;
    assert_eq!(count.column as usize, expected_column);
}

#[test]
fn postman_and_docs_styles_with_options_in_any_order() {
    let postman = format!(
        "curl --location '{DEMO_URL}' \\\n--header 'Content-Type: application/json' \\\n--data '{BODY}'"
    );
    let docs = format!(
        "curl -X POST \"{DEMO_URL}\" -H \"Content-Type: application/json\" -d \"{}\"",
        BODY.replace('"', "\\\"")
    );
    let url_option =
        format!("curl --compressed -sS --request=POST --json '{BODY}' --url={DEMO_URL}");
    for pasted in [postman, docs, url_option] {
        let report = validate_input(&pasted, None, &options());
        assert_eq!(
            report.operation.as_ref().map(|op| op.address.as_str()),
            Some(CUSTOMERS_GET_ALL),
            "{pasted}"
        );
        assert_eq!(
            rules(&report),
            rules(&validate_request(DEMO_URL, BODY, &options())),
            "{pasted}"
        );
        let count = only(&report, "limitation-count-range");
        assert_eq!(start(count), position_of(&pasted, "5000", 0), "{pasted}");
    }
}

#[test]
fn address_findings_are_located_at_the_url() {
    let pasted = format!(
        "curl 'https://api.mews-demo.com/api/connector/v1/Customers/getAll/' -H 'Content-Type: application/json' -d '{BODY}'"
    );
    let report = validate_input(
        &pasted,
        Some("/ignored/when/the/command/has/a/url"),
        &options(),
    );
    let url_start = position_of(&pasted, "https://", 0);
    let url_end = position_of(&pasted, "' -H", 0);
    for rule in ["path-case-mismatch", "trailing-slash"] {
        let finding = only(&report, rule);
        assert_eq!(
            (start(finding), end(finding)),
            (url_start, url_end),
            "{rule}"
        );
    }
    assert_eq!(
        report.operation.as_ref().map(|op| op.address.as_str()),
        Some(CUSTOMERS_GET_ALL)
    );
    let unknown = validate_input(
        "curl https://api.mews-demo.com/api/connector/v1/customers/getEverything -H 'Content-Type: application/json' -d '{}'",
        None,
        &options(),
    );
    let finding = only(&unknown, "unknown-operation");
    assert_eq!(start(finding), (1, 6));
    assert_eq!(end(finding), (1, 72));
}

#[test]
fn a_command_without_url_takes_the_given_address() {
    let pasted = format!("curl -H 'Content-Type: application/json' -d '{BODY}'");
    let report = validate_input(&pasted, Some(CUSTOMERS_GET_ALL), &options());
    assert_eq!(
        report.operation.as_ref().map(|op| op.address.as_str()),
        Some(CUSTOMERS_GET_ALL)
    );
    assert_eq!(
        start(only(&report, "limitation-count-range")),
        position_of(&pasted, "5000", 0)
    );
}

#[test]
fn the_commands_own_problems_are_reported_where_they_are() {
    let pasted = format!(
        "curl -X GET '{DEMO_URL}' \\\n  -H 'Authorization: Bearer C66EF7B239D24632943D115EDE9CB810' \\\n  -d '{BODY}'"
    );
    let report = validate_input(&pasted, None, &options());
    let method = only(&report, "request-method");
    assert_eq!(method.severity, Severity::Error);
    assert_eq!(start(method), position_of(&pasted, "GET", 0));
    assert!(method.message.contains("GET") && method.message.contains("POST"));
    let bearer = only(&report, "authorization-header");
    assert_eq!(bearer.severity, Severity::Info);
    assert_eq!(start(bearer), position_of(&pasted, "Authorization", 0));
    assert!(
        !bearer.message.contains("C66EF7B239D2"),
        "tokens are never repeated"
    );
    // -d without a Content-Type header sends form data.
    let content_type = only(&report, "content-type");
    assert_eq!(start(content_type), position_of(&pasted, "-d '", 0));
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.docs.starts_with("https://docs.mews.com/connector-api/"))
    );
}

#[test]
fn missing_and_file_bodies_are_explained() {
    let pasted = format!("curl -X POST {DEMO_URL}");
    let report = validate_input(&pasted, None, &options());
    assert!(!report.valid);
    assert_eq!(rules(&report), ["missing-body"]);
    assert_eq!(
        start(&report.diagnostics[0]),
        position_of(&pasted, "https", 0)
    );
    assert_eq!(
        report.operation.as_ref().unwrap().address,
        CUSTOMERS_GET_ALL
    );

    let pasted =
        format!("curl {DEMO_URL} -H 'Content-Type: application/json' --data-binary @body.json");
    let report = validate_input(&pasted, None, &options());
    let file = only(&report, "body-from-file");
    assert_eq!(start(file), position_of(&pasted, "@body.json", 0));
    assert!(file.message.contains("body.json"));
    // --data-raw takes @ literally: it is a body (invalid JSON here).
    let raw = validate_input(&format!("curl {DEMO_URL} --json @x"), None, &options());
    assert_eq!(rules(&raw), ["body-from-file"]);
    let raw = validate_input(
        &format!("curl {DEMO_URL} --data-raw @x -H 'Content-Type: application/json'"),
        None,
        &options(),
    );
    assert_eq!(rules(&raw), ["invalid-json"]);
}

#[test]
fn an_unterminated_quote_is_a_located_diagnostic() {
    let pasted = format!("curl '{DEMO_URL}' \\\n  -d '{{\"ClientToken\": \"E0D4");
    let report = validate_input(&pasted, None, &options());
    assert_eq!(rules(&report), ["curl-syntax"]);
    assert_eq!(start(&report.diagnostics[0]), (2, 6));
    assert_eq!(
        end(&report.diagnostics[0]),
        position_at(&pasted, pasted.len())
    );
    assert!(report.diagnostics[0].message.contains("single quote"));
}

#[test]
fn rule_overrides_apply_to_the_commands_findings() {
    let pasted = format!("curl {DEMO_URL} -H 'Authorization: Bearer x' --json '{BODY}'");
    let mut options = options();
    options.rules.insert(
        "authorization-header".to_string(),
        mews_connector_validator::Level::Off,
    );
    let report = validate_input(&pasted, None, &options);
    assert!(!rules(&report).contains(&"authorization-header"));
    assert!(rules(&report).contains(&"limitation-count-range"));
}

#[test]
fn describe_names_the_address_written_in_the_text() {
    let described = input::describe(&chromium());
    assert_eq!(described.kind, InputKind::Curl);
    assert_eq!(described.address.as_deref(), Some(DEMO_URL));
    assert_eq!(input::describe(BODY).address, None);
}
