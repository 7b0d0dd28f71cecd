//! Pasted HTTP requests (REST client syntax), URLs alone, bare bodies and HAR exports.

mod input_support;

use input_support::*;
use mews_connector_validator::input::{self, InputKind};
use mews_connector_validator::{validate_input, validate_request};

#[test]
fn a_rest_client_request_locates_body_findings_in_the_pasted_text() {
    let pasted = format!(
        "### Customers\n# @name customers\nPOST {DEMO_URL} HTTP/1.1\nContent-Type: application/json\nAuthorization: Bearer C66EF7B239D2\n\n{{\n  \"ClientToken\": \"E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D\",\n  \"AccessToken\": \"C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D\",\n  \"Client\": \"Zoë 😀 1.0.0\", \"Extent\": {{\"Customers\": \"yes\"}},\n  \"Limitation\": {{ \"Count\": 5000 }}\n}}\n\n### next request\nPOST {DEMO_URL}\n"
    );
    assert_eq!(input::detect(&pasted), InputKind::Http);
    let report = validate_input(&pasted, None, &options());
    assert_eq!(
        report.operation.as_ref().unwrap().address,
        CUSTOMERS_GET_ALL
    );
    let mismatch = only(&report, "type-mismatch");
    // Columns count UTF-16 units: ë is one, 😀 two.
    assert_eq!(start(mismatch), position_of(&pasted, "\"yes\"", 0));
    assert_eq!(start(mismatch), (10, 53));
    assert_eq!(start(only(&report, "limitation-count-range")), (11, 28));
    let bearer = only(&report, "authorization-header");
    assert_eq!((start(bearer), end(bearer)), ((5, 1), (5, 35)));
}

#[test]
fn a_url_line_followed_by_a_body() {
    let pasted = format!("{DEMO_URL}\n{BODY}\n");
    assert_eq!(input::detect(&pasted), InputKind::Http);
    let report = validate_input(&pasted, None, &options());
    assert_eq!(
        rules(&report),
        rules(&validate_request(DEMO_URL, BODY, &options()))
    );
    assert_eq!(
        start(only(&report, "limitation-count-range")),
        position_of(&pasted, "5000", 0)
    );
}

#[test]
fn a_url_alone_resolves_the_operation_and_asks_for_the_body() {
    let pasted = "  https://api.mews-demo.com/api/connector/v1/customers/getall/\n";
    assert_eq!(input::detect(pasted), InputKind::Url);
    let report = validate_input(pasted, None, &options());
    assert_eq!(
        report.operation.as_ref().unwrap().address,
        CUSTOMERS_GET_ALL
    );
    assert_eq!(
        rules(&report),
        ["missing-body", "path-case-mismatch", "trailing-slash"]
    );
    for finding in &report.diagnostics {
        assert_eq!(
            (start(finding), end(finding)),
            ((1, 3), (1, 63)),
            "{finding:?}"
        );
    }
    let get = validate_input("GET /api/connector/v1/customers/getAll", None, &options());
    assert_eq!(rules(&get), ["request-method", "missing-body"]);
    assert_eq!(start(&get.diagnostics[0]), (1, 1));
    assert_eq!(start(&get.diagnostics[1]), (1, 5));
}

#[test]
fn a_bare_body_is_exactly_the_engines_report() {
    for body in [BODY, "", "{", "[1]", "hello", "{\"Client\": \"Zoë\"}"] {
        assert_eq!(
            validate_input(body, Some(DEMO_URL), &options()),
            validate_request(DEMO_URL, body, &options()),
            "{body}"
        );
    }
}

#[test]
fn a_har_export_is_sent_to_the_session_review() {
    let har = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/chromium-mock-session.har"
    ))
    .unwrap();
    assert_eq!(input::detect(&har), InputKind::Har);
    let report = validate_input(&har, None, &options());
    assert_eq!(rules(&report), ["recorded-session"]);
    assert!(report.diagnostics[0].message.contains("session"));
    assert!(!report.valid);
}
