//! No output shows a token. A corpus of token-bearing inputs (bodies in every layout, type and
//! spelling; cURL commands and HTTP requests with authorization headers, `-u`, cookies, query
//! tokens and escaped quotes; tokens where no token belongs: property names, addresses, HAR
//! times, enum, uuid and date-time values; HAR and NDJSON sessions) goes through the engine, and
//! every report is rendered in every format. No token may show whole or as any 12-character part.
//!
//! To cover a new renderer, add it to [`REPORT_RENDERERS`] or [`SESSION_RENDERERS`].

use mews_connector_validator::checklist::validate_checklist;
use mews_connector_validator::render::{github, json, junit, markdown, plain, sarif, text};
use mews_connector_validator::session::{ReadinessReport, analyze_session};
use mews_connector_validator::{Options, Report, input, pipeline};

/// A ClientToken, an AccessToken (random, not the public demo ones), a password, a cookie, a
/// bearer token (a JWT) and a short API key.
const CLIENT_TOKEN: &str = "8F3A91C2D47B4E6A9C0D2B7E5F1A3C8D-4B2E9F7A1C6D3E8B5A0F2C9D7E4B1A6";
const ACCESS_TOKEN: &str = "1D7C4A9E2B6F4C3A8E5D0B9F7A2C6E4D-9A3F5C8E1B7D2A6C4F0E9B3D5A8C1E7";
const PASSWORD: &str = "Tr0ub4dor&3horse";
const COOKIE: &str = "sid7Hq2Lr9XwP4mZk8Nb";
const JWT: &str =
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
const NUMERIC_TOKEN: &str = "918273645501928374655019283746";

const GET_ALL: &str = "/api/connector/v1/customers/getAll";
const URL: &str = "https://api.mews-demo.com/api/connector/v1/customers/getAll";

/// Renderers of a request, response, address or checklist report: (format, render(report,
/// source name, source text)). `report` is the Report object itself, as the npm package and the
/// page receive it.
type RenderReport = fn(&Report, &str, &str) -> String;
type RenderSession = fn(&ReadinessReport, &str) -> String;

const REPORT_RENDERERS: &[(&str, RenderReport)] = &[
    ("report", |report, _, _| {
        serde_json::to_string(report).unwrap()
    }),
    ("text", |report, name, source| {
        text::render(report, name, source)
    }),
    ("json", |report, _, _| json::render(report)),
    ("sarif", |report, name, _| sarif::render(report, name)),
    ("markdown", |report, name, _| markdown::report(report, name)),
    ("github", |report, name, _| {
        github::report(report, Some(name))
    }),
    ("github, standard input", |report, _, _| {
        github::report(report, None)
    }),
];

/// Renderers of a readiness report: (format, render(report, recording name)).
const SESSION_RENDERERS: &[(&str, RenderSession)] = &[
    ("report", |report, _| serde_json::to_string(report).unwrap()),
    ("text", |report, name| plain::readiness(report, name)),
    ("json", |report, _| json::readiness(report)),
    ("markdown", |report, name| markdown::readiness(report, name)),
    ("github", |report, name| {
        github::readiness(report, Some(name), Some("checklist.json"))
    }),
    ("junit", |report, name| {
        junit::readiness(report, name, Some("checklist.json"))
    }),
];

fn options() -> Options {
    Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    }
}

/// Fails when `output` shows a secret whole or any 12 characters of one.
fn assert_hidden(output: &str, secrets: &[&str], context: &str) {
    for secret in secrets {
        let chars: Vec<char> = secret.chars().collect();
        if chars.len() < 12 {
            assert!(!output.contains(secret), "{context}: {secret} in\n{output}");
        }
        for window in chars.windows(12) {
            let part: String = window.iter().collect();
            assert!(
                !output.contains(&part),
                "{context}: {part} (of {secret}) in\n{output}"
            );
        }
    }
}

/// The diagnostics as `rule pointer line:column`, for expectations.
fn found(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| format!("{} {} {}:{}", d.rule, d.pointer, d.line, d.column))
        .collect()
}

/// How a case is checked.
enum Check {
    /// `validate_request(address, text)`.
    Body(&'static str),
    /// `validate_response(address, text)`.
    Response(&'static str),
    /// `validate_input(text)`, a paste naming its own URL.
    Paste,
    /// `validate_input_bytes(text with a bad byte)`.
    PasteBytes,
    /// `check_address(text)`.
    Address,
    /// `validate_checklist(text)`.
    Checklist,
}

struct Case {
    name: &'static str,
    check: Check,
    text: String,
    secrets: &'static [&'static str],
    /// Diagnostics the report must hold (`rule pointer line:column`): the findings that echoed
    /// the secrets before.
    expected: &'static [&'static str],
}

fn body_case(
    name: &'static str,
    text: String,
    secrets: &'static [&'static str],
    expected: &'static [&'static str],
) -> Case {
    Case {
        name,
        check: Check::Body(GET_ALL),
        text,
        secrets,
        expected,
    }
}

fn paste_case(
    name: &'static str,
    text: String,
    secrets: &'static [&'static str],
    expected: &'static [&'static str],
) -> Case {
    Case {
        name,
        check: Check::Paste,
        text,
        secrets,
        expected,
    }
}

const AUTH: &[&str] = &[CLIENT_TOKEN, ACCESS_TOKEN];

fn auth_body(rest: &str) -> String {
    format!(
        r#"{{"ClientToken": "{CLIENT_TOKEN}", "AccessToken": "{ACCESS_TOKEN}", "Client": "Sample Client 1.0.0"{rest}}}"#
    )
}

fn corpus() -> Vec<Case> {
    let limitation = r#", "Extent": {"Customers": true}, "Limitation": {"Count": 10}"#;
    vec![
        body_case(
            "values on the line after their keys",
            format!(
                "{{\n  \"ClientToken\":\n    \"{CLIENT_TOKEN}\",\n  \"AccessToken\"\n  :\n  \"{ACCESS_TOKEN}\",\n  \"Client\": \"Sample Client 1.0.0\",\n  \"Extent\": {{\"Customers\": \"yes\"}}\n}}"
            ),
            AUTH,
            &["type-mismatch /Extent/Customers 8:27"],
        ),
        body_case(
            "tokens in arrays, as numbers, in lower case and with escaped key names",
            format!(
                r#"{{"ClientToken": ["{CLIENT_TOKEN}"], "AccessToken": {NUMERIC_TOKEN}, "clienttoken": "{CLIENT_TOKEN}", "\u0041ccessToken": "{ACCESS_TOKEN}", "accesstoken": ["{ACCESS_TOKEN}", 1], "Client": "Sample Client 1.0.0"{limitation}}}"#
            ),
            &[CLIENT_TOKEN, ACCESS_TOKEN, NUMERIC_TOKEN],
            &[
                "type-mismatch /ClientToken 1:17",
                "unknown-property /clienttoken 1:134",
                "duplicate-key /AccessToken 1:217",
                "unknown-property /accesstoken 1:305",
            ],
        ),
        body_case(
            "a token as a property name",
            auth_body(&format!(r#", "{ACCESS_TOKEN}": true{limitation}"#)),
            AUTH,
            &["unknown-property /1D7C… 1:201"],
        ),
        body_case(
            "tokens as enum, uuid and date-time values",
            auth_body(&format!(
                r#", "ActivityStates": ["{CLIENT_TOKEN}"], "ChainIds": ["{ACCESS_TOKEN}"], "CreatedUtc": {{"StartUtc": "{ACCESS_TOKEN}", "EndUtc": "2026-11-20T00:00:00Z"}}{limitation}"#
            )),
            AUTH,
            &[
                "enum-value /ActivityStates/0 1:220",
                "format /ChainIds/0 1:302",
                "datetime-format /CreatedUtc/StartUtc 1:398",
            ],
        ),
        body_case(
            "a token as the Client name and in notes",
            format!(
                r#"{{"ClientToken": "{CLIENT_TOKEN}", "AccessToken": "{ACCESS_TOKEN}", "Client": "{ACCESS_TOKEN}", "Emails": ["{CLIENT_TOKEN} is my token"], "Limitation": {{"Count": 0}}}}"#
            ),
            AUTH,
            &[
                "client-version-missing /Client 1:178",
                "limitation-count-range /Limitation/Count 1:362",
            ],
        ),
        body_case(
            "secret-named keys of any kind",
            auth_body(&format!(
                r#", "password": "{PASSWORD}", "X-Api-Key": "{COOKIE}", "Authorization": "Bearer {JWT}"{limitation}"#
            )),
            &[CLIENT_TOKEN, ACCESS_TOKEN, PASSWORD, COOKIE, JWT],
            &[
                "unknown-property /password 1:201",
                "unknown-property /X-Api-Key 1:233",
                "unknown-property /Authorization 1:270",
            ],
        ),
        body_case(
            "invalid JSON ending inside a token",
            format!(r#"{{"ClientToken": "{CLIENT_TOKEN}", "AccessToken": "{ACCESS_TOKEN}"#),
            AUTH,
            &["invalid-json  1:100"],
        ),
        Case {
            name: "a response with tokens",
            check: Check::Response(GET_ALL),
            text: format!(
                r#"{{"Customers": [], "Cursor": "{ACCESS_TOKEN}", "AccessToken": "{CLIENT_TOKEN}"}}"#
            ),
            secrets: AUTH,
            expected: &["format /Cursor 1:29", "unknown-property /AccessToken 1:97"],
        },
        Case {
            name: "a token in an unknown address",
            check: Check::Address,
            text: format!(
                "https://api.mews-demo.com/api/connector/v1/{ACCESS_TOKEN}/getAll?access_token={CLIENT_TOKEN}"
            ),
            secrets: AUTH,
            expected: &["unknown-operation  1:1"],
        },
        paste_case(
            "cURL: bearer header, body with escaped quotes",
            format!(
                "curl '{URL}' \\\n  -H 'Authorization: Bearer {JWT}' \\\n  -H 'content-type: application/json' \\\n  -d \"{{\\\"ClientToken\\\":\\\"{CLIENT_TOKEN}\\\",\\\"AccessToken\\\":\\\"{ACCESS_TOKEN}\\\",\\\"Client\\\":\\\"Sample Client 1.0.0\\\"}}\""
            ),
            &[CLIENT_TOKEN, ACCESS_TOKEN, JWT],
            &["authorization-header  2:7", "missing-required /Extent 4:7"],
        ),
        paste_case(
            "cURL: -u, cookies, query tokens, user info, oauth2",
            format!(
                "curl 'https://user:{PASSWORD}@api.mews-demo.com/api/connector/v1/customers/getAll?access_token={ACCESS_TOKEN}' -u 'admin:{PASSWORD}' -b 'sid={COOKIE}' -H 'Cookie: sid={COOKIE}' -H 'X-Auth-Token: {CLIENT_TOKEN}' --oauth2-bearer {JWT} --json '{body}'",
                body = auth_body(limitation)
            ),
            &[CLIENT_TOKEN, ACCESS_TOKEN, PASSWORD, COOKIE, JWT],
            &["authorization-header  1:348"],
        ),
        paste_case(
            "cURL: ANSI-C quoted pretty body",
            format!(
                "curl {URL} -H 'Content-Type: application/json' --data-raw $'{{\\n  \"ClientToken\": \"{CLIENT_TOKEN}\",\\n  \"AccessToken\":\\n    \"{ACCESS_TOKEN}\",\\n  \"Client\": \"Sample Client 1.0.0\",\\n  \"Limitation\": {{\"Count\": 5000}}\\n}}'"
            ),
            AUTH,
            &["limitation-count-range /Limitation/Count 1:357"],
        ),
        paste_case(
            "cURL for Windows cmd",
            format!(
                "curl ^\"{URL}^\" ^\n  -H ^\"Authorization: Bearer {JWT}^\" ^\n  -H ^\"content-type: application/json^\" ^\n  --data-raw ^\"^{{^\\^\"ClientToken^\\^\":^\\^\"{CLIENT_TOKEN}^\\^\",^\\^\"AccessToken^\\^\":^\\^\"{ACCESS_TOKEN}^\\^\",^\\^\"Client^\\^\":^\\^\"Sample Client 1.0.0^\\^\",^\\^\"Extent^\\^\":^{{^\\^\"Customers^\\^\":true^}},^\\^\"Limitation^\\^\":^{{^\\^\"Count^\\^\":0^}}^}}^\""
            ),
            &[CLIENT_TOKEN, ACCESS_TOKEN, JWT],
            &[
                "authorization-header  2:8",
                "limitation-count-range /Limitation/Count 4:324",
            ],
        ),
        paste_case(
            "HTTP request with headers and a multi-line body",
            format!(
                "POST {URL} HTTP/1.1\r\nAuthorization: Basic {PASSWORD}\r\nCookie: sid={COOKIE}; theme=dark\r\nX-Access-Token: {ACCESS_TOKEN}\r\nContent-Type: application/json\r\n\r\n{{\r\n  \"ClientToken\":\r\n  \"{CLIENT_TOKEN}\",\r\n  \"AccessToken\": \"{ACCESS_TOKEN}\", \"Client\": \"Sample Client 1.0.0\"\r\n}}"
            ),
            &[CLIENT_TOKEN, ACCESS_TOKEN, PASSWORD, COOKIE],
            &["authorization-header  2:1", "missing-required /Extent 7:1"],
        ),
        paste_case(
            "HTTP request to an address holding a token",
            format!(
                "POST https://api.mews-demo.com/api/connector/v1/{ACCESS_TOKEN}/getAll\n\n{}",
                auth_body("")
            ),
            AUTH,
            &["unknown-operation  1:6"],
        ),
        Case {
            name: "a cURL paste that is not UTF-8",
            check: Check::PasteBytes,
            text: format!(
                "curl {URL} -H 'Authorization: Bearer {JWT}' -H 'Content-Type: application/json' -d '{}'",
                auth_body(", \"Notes\": \"caf\u{fffd}\"")
            ),
            secrets: &[CLIENT_TOKEN, ACCESS_TOKEN, JWT],
            expected: &["authorization-header  1:70", "invalid-encoding  1:439"],
        },
        Case {
            name: "a checklist with tokens",
            check: Check::Checklist,
            text: format!(
                r#"{{"application": {{"name": "Brightkeep", "client": "Brightkeep 1.0", "accessToken": "{ACCESS_TOKEN}"}}, "{CLIENT_TOKEN}": 1}}"#
            ),
            secrets: AUTH,
            expected: &[
                "unknown-property /application/accessToken 1:68",
                "unknown-property /8F3A… 1:152",
            ],
        },
    ]
}

#[test]
fn no_report_shows_a_token_in_any_format() {
    let corpus = corpus();
    let mut rendered = 0;
    let mut missing = Vec::new();
    for case in &corpus {
        let text = case.text.as_str();
        let report = match case.check {
            Check::Body(address) => pipeline::validate_request(address, text, &options()),
            Check::Response(address) => pipeline::validate_response(address, text, &options()),
            Check::Paste => input::validate_input(text, None, &options()),
            Check::PasteBytes => {
                let bytes = text.replace('\u{fffd}', "\u{1}").into_bytes();
                let bytes: Vec<u8> = bytes
                    .iter()
                    .map(|&b| if b == 1 { 0xE9 } else { b })
                    .collect();
                input::validate_input_bytes(&bytes, None, &options())
            }
            Check::Address => pipeline::check_address(text, &options()),
            Check::Checklist => validate_checklist(text, &options()),
        };
        let found = found(&report);
        if case
            .expected
            .iter()
            .any(|expected| !found.contains(&expected.to_string()))
        {
            missing.push(format!(
                "{}: expected {:?}, found {found:#?}",
                case.name, case.expected
            ));
        }
        for (format, render) in REPORT_RENDERERS {
            let output = render(&report, "input.txt", text);
            assert_hidden(&output, case.secrets, &format!("{} ({format})", case.name));
            rendered += 1;
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert_eq!(rendered, corpus.len() * REPORT_RENDERERS.len());
}

/// A HAR of three calls: tokens in bodies (JSON in a JSON string), an authorization header, a
/// cookie header and cookie list, a query token; a call whose time is a token, one to an address
/// holding a token, one whose Client is a token.
fn har() -> String {
    let entry = |time: &str, url: &str, body: &str| {
        serde_json::json!({
            "startedDateTime": time,
            "time": 12.5,
            "request": {
                "method": "POST",
                "url": url,
                "headers": [
                    {"name": "Authorization", "value": format!("Bearer {JWT}")},
                    {"name": "Cookie", "value": format!("sid={COOKIE}")},
                    {"name": "Content-Type", "value": "application/json"},
                ],
                "cookies": [{"name": "sid", "value": COOKIE, "path": "/"}],
                "queryString": [{"name": "access_token", "value": ACCESS_TOKEN}],
                "postData": {"mimeType": "application/json", "text": body},
            },
            "response": {"status": 200, "headers": [{"name": "Set-Cookie", "value": format!("sid={COOKIE}; HttpOnly")}]},
        })
    };
    let body = auth_body(r#", "Extent": {"Customers": true}, "Limitation": {"Count": 10}"#);
    let client_body = body.replace("Sample Client 1.0.0", ACCESS_TOKEN);
    let entries = vec![
        entry(
            "2026-11-23T10:00:00.000Z",
            &format!("{URL}?access_token={ACCESS_TOKEN}"),
            &body,
        ),
        entry(CLIENT_TOKEN, URL, &body),
        entry(
            "2026-11-23T10:00:01.000Z",
            &format!("https://api.mews-demo.com/api/connector/v1/{ACCESS_TOKEN}/getAll"),
            &body,
        ),
        entry("2026-11-23T10:00:02.000Z", URL, &client_body),
    ];
    serde_json::to_string_pretty(
        &serde_json::json!({"log": {"version": "1.2", "entries": entries}}),
    )
    .unwrap()
}

/// The same calls as an NDJSON log, tokens also in response headers.
fn ndjson() -> String {
    let line = |time: &str, address: String, client: &str| {
        serde_json::json!({
            "time": time,
            "address": address,
            "request": serde_json::from_str::<serde_json::Value>(&auth_body(r#", "Extent": {"Customers": true}, "Limitation": {"Count": 10}"#).replace("Sample Client 1.0.0", client)).unwrap(),
            "status": 200,
            "responseHeaders": {"Set-Cookie": format!("sid={COOKIE}"), "X-Refresh-Token": JWT},
        })
        .to_string()
    };
    [
        line(
            "2026-11-23T10:00:00Z",
            URL.to_string(),
            "Sample Client 1.0.0",
        ),
        line(ACCESS_TOKEN, URL.to_string(), "Sample Client 1.0.0"),
        line(
            "2026-11-23T10:00:01Z",
            format!("/api/connector/v1/{CLIENT_TOKEN}/getAll"),
            "Sample Client 1.0.0",
        ),
        line("2026-11-23T10:00:02Z", URL.to_string(), CLIENT_TOKEN),
    ]
    .join("\n")
}

#[test]
fn no_session_review_shows_a_token_in_any_format() {
    let secrets = &[CLIENT_TOKEN, ACCESS_TOKEN, COOKIE, JWT];
    for (name, recording) in [("har", har()), ("ndjson", ndjson())] {
        let report = analyze_session(&recording, None, &options(), &mut |_| {});
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
        for expected in [
            "session-entry-unreadable",
            "unknown-operation",
            "multiple-client-names",
        ] {
            assert!(
                rules.contains(&expected),
                "{name}: {expected} not in {rules:?}"
            );
        }
        assert_eq!(report.summary.calls, 3, "{name}");
        for (format, render) in SESSION_RENDERERS {
            let output = render(&report, "recording.har");
            assert_hidden(&output, secrets, &format!("{name} ({format})"));
        }
    }
}

// ---- fuzz reproducers (tests/data/hostile/) and hand-made neighbours ---------------------------

/// The docs' demo tokens, which the fuzz corpora start from: mutated, their parts land anywhere.
const DEMO_TOKENS: &[&str] = &[
    "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
    "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
];

fn reproducer(file: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/hostile/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Renders `report` (about `source`) in every format, and `source` reviewed as a recording in
/// every session format: none may show 12 characters of `secrets`.
fn assert_hidden_everywhere(context: &str, report: &Report, source: &str, secrets: &[&str]) {
    for (format, render) in REPORT_RENDERERS {
        let output = render(report, "input.txt", source);
        assert_hidden(&output, secrets, &format!("{context} ({format})"));
    }
    let review = analyze_session(source, None, &options(), &mut |_| {});
    for (format, render) in SESSION_RENDERERS {
        let output = render(&review, "recording.har");
        assert_hidden(
            &output,
            secrets,
            &format!("{context} as a recording ({format})"),
        );
    }
}

fn rules(report: &Report) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.rule.as_str()).collect()
}

/// A pasted input found by the `input` or `render` fuzz target: `validate_input`.
fn pasted_reproducer(file: &str) -> (Report, String) {
    let text = String::from_utf8(reproducer(file)).unwrap();
    let report = input::validate_input(&text, None, &options());
    assert_hidden_everywhere(file, &report, &text, DEMO_TOKENS);
    (report, text)
}

/// A body found by the `request` target (its first byte picks the operation of the catalog, the
/// rest is the body, not always UTF-8): its report and the body as the renderers show it.
fn request_reproducer(file: &str) -> (Report, String) {
    let bytes = reproducer(file);
    let (&pick, body) = bytes.split_first().unwrap();
    let catalog = mews_connector_validator::operations();
    let address = &catalog[usize::from(pick) % catalog.len()].address;
    let report = pipeline::validate_request_bytes(address, body, &options());
    (report, String::from_utf8_lossy(body).into_owned())
}

#[test]
fn overlapping_token_keys_of_a_mutated_body_are_masked() {
    // Found by the `request` target: the first byte picks the operation, the rest is the body (not
    // UTF-8), whose token members overlap ("ClientToken": "E0essToken":"C66E…).
    let file = "request-mask-after-masked-token-key.bin";
    let (report, shown) = request_reproducer(file);
    assert!(
        rules(&report).contains(&"invalid-encoding"),
        "{:#?}",
        report.diagnostics
    );
    assert_hidden_everywhere(file, &report, &shown, DEMO_TOKENS);
}

#[test]
fn a_token_key_garbled_past_the_compared_length_still_masks_its_value() {
    // Found by the `request` target: `"Acces<72 bytes 0xDD>sToken": "C66EF7B239D{` — the key,
    // decoded, is 227 bytes long; only its end says it holds a token, and its value is cut short
    // by the next line.
    let file = "request-long-garbled-token-key.bin";
    let (report, shown) = request_reproducer(file);
    assert_eq!(rules(&report), ["invalid-encoding"]);
    assert!(shown.contains("sToken\": \"C66EF7B239D{\n"));
    assert_hidden_everywhere(file, &report, &shown, &["C66EF7B239D{", DEMO_TOKENS[0]]);
}

#[test]
fn a_token_value_that_is_also_a_token_key_masks_the_value_after_it() {
    // Found by the `request` target: `"AccessToken": "C66EF7B23essToken": "C66EF7B239<0x94>D24632…"`:
    // the masked value is followed by `:`, so it is a key too, and the value after it a token.
    let file = "request-token-value-read-as-token-key.bin";
    let (report, shown) = request_reproducer(file);
    assert_eq!(rules(&report), ["invalid-encoding"]);
    let second = "C66EF7B239\u{fffd}D24632:943lient 2.0.0";
    assert!(shown.contains(&format!("essToken\": \"{second}\"")));
    assert_hidden_everywhere(
        file,
        &report,
        &shown,
        &[second, DEMO_TOKENS[0], DEMO_TOKENS[1]],
    );
}

#[test]
fn a_token_key_that_lost_its_opening_quote_still_masks_its_value() {
    // Found by the `request` target: `{\n #<8 NULs>Token": "C66EF7B239D24632943"log"…`: no
    // opening quote, so no JSON key, but the text still says a token follows.
    let file = "request-token-key-without-opening-quote.bin";
    let (report, shown) = request_reproducer(file);
    assert_eq!(rules(&report), ["invalid-json"]);
    assert!(shown.contains("Token\": \"C66EF7B239D24632943\"log"));
    assert_hidden_everywhere(file, &report, &shown, DEMO_TOKENS);
}

#[test]
fn a_content_type_message_quoting_a_body_with_tokens_masks_them() {
    let (report, _) = pasted_reproducer("input-content-type-message-quotes-body.txt");
    assert!(
        rules(&report).contains(&"content-type"),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn excerpts_of_escaped_json_in_a_curl_paste_mask_its_tokens() {
    let (report, _) = pasted_reproducer("input-escaped-data-raw.txt");
    assert!(!report.diagnostics.is_empty());
}

#[test]
fn text_excerpts_of_a_mangled_curl_paste_mask_its_tokens() {
    let (report, _) = pasted_reproducer("render-text-excerpt-token.bin");
    assert!(!report.diagnostics.is_empty());
}

#[test]
fn a_token_member_with_a_broken_utf8_byte_is_masked() {
    // The bad byte in the key, at its end, in the value, before the key: the key still names a
    // token once decoded (U+FFFD for the byte), and the value is masked by its span.
    let token = DEMO_TOKENS[0];
    let client_token = DEMO_TOKENS[1];
    for (name, key, value) in [
        (
            "in the key",
            b"Access\xffToken".as_slice(),
            token.as_bytes().to_vec(),
        ),
        (
            "at the key's end",
            b"AccessToken\xff".as_slice(),
            token.as_bytes().to_vec(),
        ),
        (
            "in the value",
            b"AccessToken".as_slice(),
            [&token.as_bytes()[..20], b"\xff", &token.as_bytes()[20..]].concat(),
        ),
        (
            "before the key",
            b"\xffAccessToken".as_slice(),
            token.as_bytes().to_vec(),
        ),
    ] {
        let body = [
            b"{\n  \"ClientToken\": \"".as_slice(),
            client_token.as_bytes(),
            b"\",\n  \"".as_slice(),
            key,
            b"\": \"",
            &value,
            b"\", \"Client\": \"Sample Client 1.0.0\", \"Extent\": {\"Customers\": 1}\n}",
        ]
        .concat();
        let report = pipeline::validate_request_bytes(GET_ALL, &body, &options());
        assert!(
            rules(&report).contains(&"invalid-encoding"),
            "{name}: {:#?}",
            report.diagnostics
        );
        assert_hidden_everywhere(
            &format!("broken UTF-8 {name}"),
            &report,
            &String::from_utf8_lossy(&body),
            DEMO_TOKENS,
        );
        // The same body pasted in a cURL command.
        let pasted = [
            format!("curl {URL} -H 'Content-Type: application/json' -d '").as_bytes(),
            &body,
            b"'",
        ]
        .concat();
        let report = input::validate_input_bytes(&pasted, None, &options());
        assert!(
            rules(&report).contains(&"invalid-encoding"),
            "{name}, pasted: {:#?}",
            report.diagnostics
        );
        assert_hidden_everywhere(
            &format!("broken UTF-8 {name}, pasted"),
            &report,
            &String::from_utf8_lossy(&pasted),
            DEMO_TOKENS,
        );
    }
}

#[test]
fn a_bom_before_an_http_request_line_is_the_request_of_its_url() {
    let pasted = format!(
        "\u{feff}POST {URL} HTTP/1.1\r\nAuthorization: Bearer {JWT}\r\nContent-Type: application/json\r\n\r\n{}",
        auth_body(r#", "Extent": {"Customers": "yes"}"#)
    );
    let report = input::validate_input(&pasted, None, &options());
    assert_eq!(
        report.operation.as_ref().map(|o| o.address.as_str()),
        Some(GET_ALL),
        "{:#?}",
        report.diagnostics
    );
    assert!(
        !rules(&report).contains(&"unknown-operation"),
        "{:#?}",
        report.diagnostics
    );
    assert_eq!(
        found(&report),
        [
            "authorization-header  2:1",
            // No filter at all: the docs require one.
            "conditional-required  5:1",
            "missing-required /Limitation 5:1",
            "client-not-unique /Client 5:178",
            "type-mismatch /Extent/Customers 5:225"
        ]
    );
    assert_hidden_everywhere(
        "BOM paste",
        &report,
        &pasted,
        &[CLIENT_TOKEN, ACCESS_TOKEN, JWT],
    );
}

#[test]
fn a_client_token_wrapped_in_escaped_quotes_is_masked_in_every_renderer() {
    // Issue 13's survivor: `"ClientToken": "\"E0D4…\""`: the escaped quotes must not end the value.
    let quoted =
        format!(r#""ClientToken": "\"{CLIENT_TOKEN}\"", "AccessToken": "\"{ACCESS_TOKEN}\"""#);
    let cases = [
        (
            "one line",
            Check::Body(GET_ALL),
            format!(
                r#"{{{quoted}, "Client": "Sample Client 1.0.0", "Extent": {{"Customers": 1}}}}"#
            ),
        ),
        (
            "pretty",
            Check::Body(GET_ALL),
            format!(
                "{{\n  \"ClientToken\": \"\\\"{CLIENT_TOKEN}\\\"\", \"Extent\": 1,\n  \"AccessToken\":\n  \"\\\"{ACCESS_TOKEN}\\\"\", \"Client\": 2\n}}"
            ),
        ),
        (
            "in a cURL body in double quotes",
            Check::Paste,
            format!(
                "curl {URL} -H 'Content-Type: application/json' -d \"{{\\\"ClientToken\\\":\\\"\\\\\\\"{CLIENT_TOKEN}\\\\\\\"\\\",\\\"AccessToken\\\":\\\"\\\\\\\"{ACCESS_TOKEN}\\\\\\\"\\\",\\\"Extent\\\":1}}\""
            ),
        ),
        (
            "in a HAR body",
            Check::Paste,
            serde_json::json!({"log": {"entries": [{"request": {"method": "POST", "url": URL,
                "postData": {"text": format!(r#"{{{quoted}, "Extent": 1}}"#)}}}]}})
            .to_string(),
        ),
    ];
    for (name, check, text) in cases {
        let report = match check {
            Check::Body(address) => pipeline::validate_request(address, &text, &options()),
            _ => input::validate_input(&text, None, &options()),
        };
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.severity == mews_connector_validator::Severity::Error),
            "{name}: an error puts the tokens' line in an excerpt: {:#?}",
            report.diagnostics
        );
        assert_hidden_everywhere(name, &report, &text, AUTH);
    }
}
