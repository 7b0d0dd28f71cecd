//! The CI formats through the real binary: `--format github` (workflow-command annotations) for
//! request, response, checklist and session, `--format junit` for session (each finding in the
//! recording or a call's body), `--format markdown` for session, `--format json` for session,
//! `--format sarif` for request (each result's `ruleIndex`); in the default text format, the
//! excerpts: a secret only its span finds masked on any line, underlines of a whole-body finding
//! and of an escaped character, a line of 100 characters shown whole; formats a command does not
//! have are usage errors; a reader that goes away (`| head`) ends the output quietly.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_mews-connector-validator");
const HAR: &str = "tests/data/chromium-mock-session.har";
const CHECKLIST: &str = "examples/checklist-public.json";
/// The docs' public demo ClientToken.
const CLIENT_TOKEN: &str = "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D";
/// The docs' public demo AccessToken of the gross pricing enterprise.
const ACCESS_TOKEN: &str = "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D";

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn request_annotations_point_at_the_file_and_span() {
    let dir = std::env::temp_dir().join(format!("mcv-cli-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("notes, v1.json");
    std::fs::write(&path, "{\n  \"ActivityStates\": [\"Activ\"]\n}\n").unwrap();
    let file = path.to_str().unwrap();
    let address = "/api/connector/v1/accountNotes/getAll";
    let (code, stdout, stderr) = run(
        &[
            "request",
            "--address",
            address,
            file,
            "--format",
            "github",
            "--date",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(code, 1, "{stderr}");
    let escaped = file.replace(',', "%2C");
    let enum_line = stdout
        .lines()
        .find(|l| l.contains("title=enum-value::"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert_eq!(
        enum_line,
        format!(
            "::error file={escaped},line=2,col=22,endLine=2,endColumn=29,title=enum-value::Found \"Activ\"; expected one of \"Deleted\", \"Active\" (did you mean \"Active\"?)%0Apointer: /ActivityStates/0%0Adocs: https://docs.mews.com/connector-api/operations/_objects#activity-state"
        )
    );
    assert!(
        stdout.contains("::error file="),
        "missing tokens are errors too: {stdout}"
    );
    assert!(
        stdout.lines().last().unwrap().starts_with("invalid: "),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    // From standard input there is no file to point at: the location is in the message.
    let (code, stdout, _) = run(
        &["response", "--address", address, "--format", "github"],
        "{\"AccountNotes\": 1}",
    );
    assert_eq!(code, 1);
    assert!(stdout.starts_with("::error title="), "{stdout}");
    assert!(stdout.contains("::<stdin>:1:"), "{stdout}");
}

#[test]
fn session_annotations_and_junit_follow_the_verdict() {
    let (code, github, stderr) = run(
        &[
            "session",
            HAR,
            "--checklist",
            CHECKLIST,
            "--format",
            "github",
            "--date",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(code, 1, "{stderr}");
    let errors = github.lines().filter(|l| l.starts_with("::error ")).count();
    assert_eq!(
        github.lines().last().unwrap(),
        format!(
            "Certification readiness: not ready: {errors} errors, 1 warnings, 2 infos in 4 calls"
        )
    );
    assert!(
        github.contains(&format!("::error file={CHECKLIST},line=12,col=18,endLine=12,endColumn=54,title=operation-not-tested::")),
        "{github}"
    );
    // A finding in a call's body names the call; its lines are the body's, not the recording's.
    assert!(
        github.contains(&format!("::error file={HAR},title=missing-required::Call 1 at 2026-11-23T14:28:24.133Z to /api/connector/v1/resources/getAll, request body line 1, column 1: ")),
        "{github}"
    );

    let (code, junit, _) = run(
        &[
            "session",
            HAR,
            "--checklist",
            CHECKLIST,
            "--format",
            "junit",
            "--date",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(junit.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mews-connector-validator\" tests=\"7\" failures=\"4\" errors=\"0\">"), "{junit}");
    for (name, failed) in [
        ("/api/connector/v1/configuration/get", false),
        ("/api/connector/v1/resourceCategories/getAll", true),
        ("/api/connector/v1/resources/getAll", true),
        ("/api/connector/v1/resources/update", true),
        ("/api/connector/v1/reservations/getAll/2023-06-06", true),
    ] {
        let case = junit
            .split("<testcase ")
            .find(|case| case.starts_with(&format!("classname=\"operations\" name=\"{name}\"")))
            .unwrap_or_else(|| panic!("no test case for {name}: {junit}"));
        assert_eq!(case.contains("<failure "), failed, "{case}");
    }
    assert!(junit.contains("<property name=\"verdict\" value=\"not-ready\"/>"));
    assert!(junit.ends_with("  </testsuite>\n</testsuites>\n"));
}

#[test]
fn session_json_is_the_readiness_report_the_annotations_count() {
    let (code, json, stderr) = run(
        &[
            "session",
            HAR,
            "--checklist",
            CHECKLIST,
            "--format",
            "json",
            "--date",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(code, 1, "{stderr}");
    let report: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(report["valid"], false);
    assert_eq!(report["verdict"], "not-ready");
    // The same counts as the annotations' last line: 2 errors in the calls, 3 in the checklist.
    assert_eq!(
        report["counts"],
        serde_json::json!({"errors": 5, "warnings": 1, "infos": 2})
    );
    assert_eq!(report["summary"]["calls"], 4);
    let rules = |diagnostics: &serde_json::Value| -> Vec<String> {
        diagnostics
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        rules(&report["diagnostics"]),
        [
            "demo-token",
            "demo-token",
            "missing-required",
            "missing-required",
            "operation-always-failing"
        ]
    );
    assert_eq!(
        rules(&report["checklist"]["diagnostics"]),
        ["operation-not-tested"; 3]
    );
    // The recording sends the docs' demo tokens: the report names them by their first characters.
    assert!(
        json.contains("`ClientToken` E0D4… is the public demo ClientToken"),
        "{json}"
    );
    assert!(
        !json.contains(&CLIENT_TOKEN[..12]) && !json.contains(&ACCESS_TOKEN[..12]),
        "{json}"
    );
    assert!(json.ends_with("}\n"), "{json}");
}

/// The excerpt lines (`N | …`) of a text rendering.
fn excerpts(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect()
}

#[test]
fn a_short_access_token_is_masked_in_excerpts_by_its_span_on_any_line() {
    // Shorter than the 8 characters from which a secret is masked wherever its text shows: only
    // its span in the body masks it, on the first line of a minified body as on a later line.
    let address = "/api/connector/v1/accountNotes/getAll";
    let minified = format!(
        r#"{{"ActivityStates":["Activ"],"AccessToken":"7Kq2xZ","ClientToken":"{CLIENT_TOKEN}","Client":"Brightkeep Housekeeping 3.2.0","Limitation":{{"Count":10}}}}"#
    );
    let (code, text, stderr) = run(
        &["request", "--address", address, "--date", "2026-11-23"],
        &minified,
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(!text.contains("7Kq2xZ"), "{text}");
    assert_eq!(
        excerpts(&text),
        [
            r#"1 | {"ActivityStates":["Activ"],"AccessToken":"7K****","ClientToken":"E0D4******************************…"#,
            r#"1 | …"],"AccessToken":"7K****","ClientToken":"E0D4*******************************************************…"#,
        ]
    );
    let pretty = format!(
        "{{\n  \"ClientToken\": \"{CLIENT_TOKEN}\",\n  \"AccessToken\": \"7Kq2xZ\", \"ActivityStates\": [\"Activ\"],\n  \"Client\": \"Brightkeep Housekeeping 3.2.0\",\n  \"Limitation\": {{\"Count\": 10}}\n}}\n"
    );
    let (code, text, stderr) = run(
        &["request", "--address", address, "--date", "2026-11-23"],
        &pretty,
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(!text.contains("7Kq2xZ"), "{text}");
    assert_eq!(
        excerpts(&text),
        [
            r#"2 |   "ClientToken": "E0D4************************************************************","#,
            r#"3 |   "AccessToken": "7K****", "ActivityStates": ["Activ"],"#,
        ]
    );
}

#[test]
fn a_token_sent_with_a_leading_space_shows_four_characters_of_its_value_in_the_excerpt() {
    // The value's span starts at the space; the token's own text (the value trimmed) one
    // character later. The excerpt shows the span's first four characters, not four more of the
    // token where its text starts.
    let body = format!(
        "{{\n  \"ClientToken\": \"{CLIENT_TOKEN}\",\n  \"AccessToken\": \" {ACCESS_TOKEN}\",\n  \"Client\": \"Brightkeep Housekeeping 3.2.0\",\n  \"Limitation\": {{\"Count\": 10}}\n}}\n"
    );
    let (code, text, stderr) = run(
        &[
            "request",
            "--address",
            "/api/connector/v1/accountNotes/getAll",
            "--date",
            "2026-11-23",
        ],
        &body,
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        text.contains("error[token-format]: `AccessToken`  C66… contains whitespace"),
        "{text}"
    );
    assert_eq!(
        excerpts(&text)[1],
        format!(r#"3 |   "AccessToken": " C66{}","#, "*".repeat(61))
    );
}

/// The exit code and text rendering of a request body for `address` read from standard input,
/// evaluated on `date`.
fn text_of(address: &str, date: &str, body: &str) -> (i32, String) {
    let (code, text, stderr) = run(&["request", "--address", address, "--date", date], body);
    assert_eq!(stderr, "");
    (code, text)
}

/// The lines of the rendering of the first finding of `rule`: its header to its underline.
fn finding<'a>(text: &'a str, rule: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(&format!("[{rule}]: ")))
        .unwrap_or_else(|| panic!("no {rule}: {text}"));
    lines[at..at + 5].to_vec()
}

const MERGE_CUSTOMERS: &str = "/api/connector/v1/customers/merge";

/// A body for `customers/merge` (deprecated, discontinued on 2025-05-10), lines ended by `eol`.
fn merge_customers(eol: &str) -> String {
    [
        "{",
        &format!("  \"ClientToken\": \"{CLIENT_TOKEN}\","),
        &format!("  \"AccessToken\": \"{ACCESS_TOKEN}\","),
        "  \"Client\": \"Brightkeep Housekeeping 3.2.0\",",
        "  \"SourceCustomerId\": \"35d4b117-4e60-44a3-9580-c582117eff98\",",
        "  \"TargetCustomerId\": \"a0a8e2a1-0e8c-4a5e-9d8d-ab0d00dbd1c4\"",
        "}",
        "",
    ]
    .join(eol)
}

#[test]
fn a_finding_over_the_whole_body_underlines_its_first_character() {
    // The discontinued operation is the whole body, lines 1 to 7: its first line is shown, with
    // its first character underlined.
    let (code, text) = text_of(MERGE_CUSTOMERS, "2026-11-23", &merge_customers("\n"));
    assert_eq!(code, 1, "{text}");
    assert_eq!(
        finding(&text, "discontinued-operation")[1..],
        [" --> <stdin>:1:1", "  |", "1 | {", "  | ^"]
    );
    // The deprecation is about the operation, not a span: a mark at line 1, column 1.
    assert_eq!(
        finding(&text, "deprecated-operation")[1..],
        [" --> <stdin>:1:1", "  |", "1 | {", "  | -"]
    );
}

#[test]
fn a_body_with_carriage_returns_only_is_one_line_its_returns_escaped_and_underlined_whole() {
    // Classic Mac line breaks (`\r` alone), after an empty first line: one line, where each `\r`
    // shows as `\u{d}`; the deprecation's mark at its first character underlines all five.
    let body = format!("\r{}", merge_customers("\r"));
    let (code, text) = text_of(MERGE_CUSTOMERS, "2025-01-01", &body);
    assert_eq!(code, 0, "a deprecation is a warning: {text}");
    let lines = finding(&text, "deprecated-operation");
    assert_eq!(lines[1..3], [" --> <stdin>:1:1", "  |"]);
    assert!(
        lines[3].starts_with(r#"1 | \u{d}{\u{d}  "ClientToken": "E0D4****"#),
        "{text}"
    );
    assert!(!text.contains('\r'), "{text}");
    assert_eq!(lines[4], "  | -----");
}

#[test]
fn a_line_of_exactly_a_hundred_characters_is_shown_whole() {
    let body = r#"{"Limitation":{"Count":10},"Client":"Brightkeep Housekeeping Sync 3.2.0","ActivityStates":["Activ"]}"#;
    assert_eq!(body.chars().count(), 100);
    let (code, text) = text_of("/api/connector/v1/accountNotes/getAll", "2026-11-23", body);
    assert_eq!(code, 1, "{text}");
    assert_eq!(
        finding(&text, "enum-value")[1..],
        [
            " --> <stdin>:1:92",
            "  |",
            &format!("1 | {body}"),
            &format!("  | {}^^^^^^^", " ".repeat(91)),
        ]
    );
    // One character more is windowed: an ellipsis, then from 40 characters before the value on.
    let longer = body.replace("Sync", "Syncs");
    let (_, text) = text_of(
        "/api/connector/v1/accountNotes/getAll",
        "2026-11-23",
        &longer,
    );
    assert_eq!(
        finding(&text, "enum-value")[3],
        format!("1 | …{}", &longer[92 - 40..])
    );
}

#[test]
fn formats_a_command_does_not_have_are_usage_errors() {
    for (args, listed) in [
        (
            &["session", HAR, "--format", "sarif"][..],
            "text, json, markdown, github, junit",
        ),
        (
            &["checklist", CHECKLIST, "--format", "junit"][..],
            "text, json, markdown, sarif, github",
        ),
        (&["operations", "--format", "github"][..], "text, json"),
    ] {
        let (code, stdout, stderr) = run(args, "");
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(stdout, "");
        assert!(
            stderr.contains(&format!("[possible values: {listed}]")),
            "{stderr}"
        );
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    let mut child = Command::new(BIN)
        .args(["operations", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// `--format junit` of the recorded session: each finding names the file it is located in (the
/// recording for a finding about the calls, `call N body` for one in a call's request body),
/// its line, column, severity, rule, call and time, message and docs.
#[test]
fn session_junit_lists_each_finding_where_it_is_located() {
    let (code, junit, stderr) = run(
        &["session", HAR, "--format", "junit", "--date", "2026-11-23"],
        "",
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        junit,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="mews-connector-validator" tests="4" failures="1" errors="0">
  <testsuite name="Certification readiness of tests/data/chromium-mock-session.har" tests="4" failures="1" errors="0" skipped="0">
    <properties>
      <property name="verdict" value="not-ready"/>
      <property name="calls" value="4"/>
      <property name="errors" value="2"/>
      <property name="warnings" value="1"/>
      <property name="infos" value="2"/>
    </properties>
    <testcase classname="operations" name="/api/connector/v1/configuration/get">
      <system-out>
tests/data/chromium-mock-session.har call 0 body:1:16: info [demo-token] (call 0 at 2026-11-23T14:28:24.111Z) `ClientToken` E0D4… is the public demo ClientToken of the test integration &quot;Are you ready to integrate with Mews?&quot; (used with both the gross and the net pricing demo enterprises). (Repeated in 3 later call(s), listed once.)
  docs: https://docs.mews.com/connector-api/guidelines/environments#demo-environments
tests/data/chromium-mock-session.har call 0 body:1:97: info [demo-token] (call 0 at 2026-11-23T14:28:24.111Z) `AccessToken` C66E… is the public demo AccessToken of the test integration &quot;Are you ready to integrate with Mews?&quot;, connecting to the gross pricing demo enterprise (United Kingdom, taxes included in prices). (Repeated in 3 later call(s), listed once.)
  docs: https://docs.mews.com/connector-api/guidelines/environments#demo-environments</system-out>
    </testcase>
    <testcase classname="operations" name="/api/connector/v1/resourceCategories/getAll">
      <system-out>
tests/data/chromium-mock-session.har:1:9998: warning [operation-always-failing] (call 3 at 2026-11-23T14:28:25.337Z) The only call of `/api/connector/v1/resourceCategories/getAll` failed (no 2xx response); expected at least one successful call showing the operation works.
  docs: https://docs.mews.com/connector-api/guidelines/responses</system-out>
    </testcase>
    <testcase classname="operations" name="/api/connector/v1/resources/getAll">
      <failure type="error" message="2 errors: [missing-required] Missing required property &quot;Extent&quot;: this object lacks it; the schema requires it; [missing-required] Missing required property &quot;Extent&quot;: this object lacks it; the schema requires it">
tests/data/chromium-mock-session.har call 1 body:1:1: error [missing-required] (call 1 at 2026-11-23T14:28:24.133Z) Missing required property &quot;Extent&quot;: this object lacks it; the schema requires it
  docs: https://docs.mews.com/connector-api/operations/resources#get-all-resources
tests/data/chromium-mock-session.har call 2 body:1:1: error [missing-required] (call 2 at 2026-11-23T14:28:25.333Z) Missing required property &quot;Extent&quot;: this object lacks it; the schema requires it
  docs: https://docs.mews.com/connector-api/operations/resources#get-all-resources</failure>
    </testcase>
    <testcase classname="session" name="Session-wide findings"/>
  </testsuite>
</testsuites>
"#
    );
}

/// `--format markdown` of the recorded session: a finding in a call's request body is at that
/// body's line and column (`call 1, body line 1`), one about the calls at the recording's
/// (`call 3, line 1`).
#[test]
fn session_markdown_locates_body_findings_in_the_body_and_session_findings_in_the_recording() {
    let (code, markdown, stderr) = run(
        &[
            "session",
            HAR,
            "--format",
            "markdown",
            "--date",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(code, 1, "{stderr}");
    let (_, diagnostics) = markdown
        .split_once("## Diagnostics\n\n")
        .unwrap_or_else(|| panic!("{markdown}"));
    assert_eq!(
        diagnostics,
        r#"- **info** [`demo-token`](https://docs.mews.com/connector-api/guidelines/environments#demo-environments) (call 0, body line 1, column 16, `/ClientToken`): `ClientToken` E0D4… is the public demo ClientToken of the test integration "Are you ready to integrate with Mews?" (used with both the gross and the net pricing demo enterprises). (Repeated in 3 later call(s), listed once.)
- **info** [`demo-token`](https://docs.mews.com/connector-api/guidelines/environments#demo-environments) (call 0, body line 1, column 97, `/AccessToken`): `AccessToken` C66E… is the public demo AccessToken of the test integration "Are you ready to integrate with Mews?", connecting to the gross pricing demo enterprise (United Kingdom, taxes included in prices). (Repeated in 3 later call(s), listed once.)
- **error** [`missing-required`](https://docs.mews.com/connector-api/operations/resources#get-all-resources) (call 1, body line 1, column 1, `/Extent`): Missing required property "Extent": this object lacks it; the schema requires it
- **error** [`missing-required`](https://docs.mews.com/connector-api/operations/resources#get-all-resources) (call 2, body line 1, column 1, `/Extent`): Missing required property "Extent": this object lacks it; the schema requires it
- **warning** [`operation-always-failing`](https://docs.mews.com/connector-api/guidelines/responses) (call 3, line 1, column 9998, `/log/entries/4`): The only call of `/api/connector/v1/resourceCategories/getAll` failed (no 2xx response); expected at least one successful call showing the operation works.

"#
    );
}

/// `--format sarif`: each result's `ruleIndex` is the index of its own rule in the driver's
/// rules.
#[test]
fn sarif_results_index_their_own_rule() {
    let (code, stdout, stderr) = run(
        &[
            "request",
            "--address",
            "/api/connector/v1/accountNotes/getAll",
            "--format",
            "sarif",
            "--date",
            "2026-11-23",
        ],
        "{\n  \"ActivityStates\": [\"Activ\"]\n}\n",
    );
    assert_eq!(code, 1, "{stderr}");
    let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let indexed: Vec<(&str, &str)> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| {
            let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
            (
                result["ruleId"].as_str().unwrap(),
                rules[index]["id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        indexed,
        [
            ("missing-required", "missing-required"),
            ("missing-required", "missing-required"),
            ("missing-required", "missing-required"),
            ("missing-required", "missing-required"),
            ("enum-value", "enum-value"),
        ]
    );
}
