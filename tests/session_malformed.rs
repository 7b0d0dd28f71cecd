//! Broken recordings give located diagnostics, never a crash; readable calls are still reviewed.

mod common;

use common::*;

/// A readable HAR entry: a POST of configuration/get sent at `T0 + ms`.
fn readable_entry(ms: i64) -> String {
    format!(
        "{{\"startedDateTime\": \"{}\", \"request\": {{\"method\": \"POST\", \"url\": \"https://api.mews-demo.com{CONFIGURATION}\"}}}}",
        iso(T0 + ms)
    )
}

/// A HAR of a readable entry on line 2, then `second` on line 3 (indented by two spaces).
fn har_after_a_readable_entry(second: &str) -> String {
    format!(
        "{{\"log\": {{\"entries\": [\n  {},\n  {second}\n]}}}}",
        readable_entry(0)
    )
}

#[test]
fn a_malformed_ndjson_line_is_reported_with_its_line_number() {
    let mut text = ndjson(&[Call::at(0, CONFIGURATION)]);
    text.push_str("{\"time\": \"2026-11-23T10:00:01Z\", \"address\": \n");
    text.push_str(&Call::at(2_000, CONFIGURATION).line());
    let report = analyze(&text, None);
    let found = of_rule(&report, "session-entry-unreadable");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].line, 2);
    assert!(
        found[0].message.starts_with("Line 2 is not a call record"),
        "{}",
        found[0].message
    );
    assert_eq!((report.summary.calls, report.summary.unreadable), (2, 1));
}

#[test]
fn an_ndjson_line_without_an_address_or_with_a_bad_time_is_skipped() {
    let text = format!(
        "{}\n{{\"time\": \"2026-11-23T10:00:01Z\"}}\n{{\"time\": \"yesterday\", \"address\": \"{CONFIGURATION}\"}}\n",
        Call::at(0, CONFIGURATION).line()
    );
    let report = analyze(&text, None);
    let lines: Vec<_> = of_rule(&report, "session-entry-unreadable")
        .iter()
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, vec![2, 3]);
    let message = &of_rule(&report, "session-entry-unreadable")[0].message;
    assert_eq!(
        message,
        "Line 2 is not a call record: address: missing; expected the call's URL or /api/connector/… path (a string)."
    );
    assert_eq!(report.summary.calls, 1);
}

#[test]
fn a_truncated_har_is_unreadable_where_it_breaks_and_earlier_calls_count() {
    let call = |ms: i64| {
        format!(
            r#"{{"startedDateTime": "{}", "time": 12.5, "request": {{"method": "POST", "url": "https://api.mews-demo.com{CONFIGURATION}", "postData": {{"mimeType": "application/json", "text": {}}}}}, "response": {{"status": 200, "headers": []}}}}"#,
            iso(T0 + ms),
            serde_json::to_string(&body(CONFIGURATION, TOKEN, CLIENT).to_string()).unwrap()
        )
    };
    let text = format!(
        "{{\"log\": {{\"version\": \"1.2\", \"entries\": [\n{},\n{},\n{{\"startedDateTime\": ",
        call(0),
        call(1000)
    );
    let report = analyze(&text, None);
    let found = of_rule(&report, "session-unreadable");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(found[0].line, 4);
    assert_eq!(report.summary.calls, 2);
    assert!(!report.valid);
}

#[test]
fn a_har_entry_without_a_url_is_skipped_with_its_pointer_and_line() {
    let text = har_after_a_readable_entry(&format!(
        "{{\"startedDateTime\": \"{}\", \"request\": {{\"method\": \"POST\"}}}}",
        iso(T0 + 1)
    ));
    let report = analyze(&text, None);
    let found = of_rule(&report, "session-entry-unreadable");
    assert_eq!(found.len(), 1);
    // Located at the request object that lacks it, in the file (not inside the entry).
    let request_column = text.lines().nth(2).unwrap().find("{\"method").unwrap() + 1;
    assert_eq!(
        (found[0].pointer.as_str(), found[0].line, found[0].column),
        ("/log/entries/1/request/url", 3, request_column as u32)
    );
    assert_eq!(
        found[0].message,
        "log.entries[1].request.url: missing; expected the request's URL (a string); the entry is skipped."
    );
    assert_eq!(report.summary.calls, 1);
}

#[test]
fn a_har_entry_without_a_request_is_skipped_with_its_path() {
    let text = har_after_a_readable_entry(&format!("{{\"startedDateTime\": \"{}\"}}", iso(T0 + 1)));
    let report = analyze(&text, None);
    let found = of_rule(&report, "session-entry-unreadable");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].pointer.as_str(), found[0].line, found[0].column),
        ("/log/entries/1/request", 3, 3)
    );
    assert_eq!(
        found[0].message,
        "log.entries[1].request: missing; expected the request (an object with `method` and `url`); the entry is skipped."
    );
    assert_eq!(report.summary.calls, 1);
}

#[test]
fn a_har_without_entries_is_unreadable() {
    let report = analyze("{\"log\": {\"version\": \"1.2\"}}", None);
    assert_eq!(of_rule(&report, "session-unreadable").len(), 1);
    assert_eq!(of_rule(&report, "session-no-calls").len(), 1);
}

#[test]
fn empty_and_garbage_inputs_give_diagnostics_not_panics() {
    let inputs = [
        String::new(),
        "\n\n".to_string(),
        "{\"log\": ".to_string(),
        "{\"log\": {\"entries\": {}}}".to_string(),
        "{\"log\": {\"entries\": [1, \"x\", null, []]}}".to_string(),
        "[1, 2, 3]".to_string(),
        "\u{feff}{\"log\": {\"entries\": []}}".to_string(),
        "{\"time\": 5, \"address\": []}\n".to_string(),
        "{\"log\": {\"entries\": [".to_string() + &"[".repeat(10_000),
        "{\"time\":\"2026-11-23T10:00:00Z\",\"address\":\"/api/connector/v1/configuration/get\",\"request\":\"{not json\",\"status\":999999}".to_string(),
        "\u{0}\u{1}é😀".to_string(),
    ];
    for input in inputs {
        let report = analyze(&input, None);
        assert!(!report.valid, "{input:?} must not be ready");
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.line >= 1 && d.column >= 1),
            "{input:?}"
        );
    }
}

#[test]
fn progress_reaches_the_total() {
    let text = ndjson(&evenly(3000, 0, 600_000));
    let mut seen = Vec::new();
    mews_connector_validator::session::analyze_session(
        &text,
        None,
        &mews_connector_validator::Options::default(),
        &mut |p| seen.push(p),
    );
    assert!(seen.len() > 2, "progress is reported while reading");
    assert!(seen.windows(2).all(|w| w[0].bytes <= w[1].bytes));
    let last = seen.last().unwrap();
    assert_eq!(
        (last.bytes, last.total_bytes, last.calls),
        (text.len(), text.len(), 3000)
    );
}

#[test]
fn absurd_durations_and_retry_after_values_do_not_overflow() {
    // A 429 whose recorded duration and Retry-After are 1e300: debug builds used to overflow here.
    // Both are bounded to a day: the response ends a day after the request, and the next call a
    // second later is a second into a wait of a day.
    let calls = [
        Call::at(0, CONFIGURATION).status(429).retry_after("1e300"),
        Call::at(86_401_000, CONFIGURATION),
    ];
    let mut text = String::new();
    for call in &calls {
        let mut line: serde_json::Value = serde_json::from_str(&call.line()).unwrap();
        line["durationMs"] = serde_json::json!(1e300);
        text.push_str(&format!("{line}\n"));
    }
    let report = analyze(&text, None);
    let ignored = of_rule(&report, "retry-after-ignored");
    assert_eq!(ignored.len(), 1, "{:#?}", report.diagnostics);
    // The wait asked for is bounded to a day, not printed as 1e297 seconds.
    assert!(
        ignored[0].message.contains(
            "came 1.000 s after a 429 response that asked (Retry-After) to wait 86400.000 s"
        ),
        "{}",
        ignored[0].message
    );
}

#[test]
fn a_har_field_of_the_wrong_kind_names_the_kind_found() {
    for (url, found) in [
        ("{}", "an object"),
        ("[]", "an array"),
        ("true", "a boolean"),
        ("7", "a number"),
    ] {
        let text = har_after_a_readable_entry(&format!(
            "{{\"startedDateTime\": \"{}\", \"request\": {{\"method\": \"POST\", \"url\": {url}}}}}",
            iso(T0 + 1)
        ));
        let report = analyze(&text, None);
        let unreadable = of_rule(&report, "session-entry-unreadable");
        assert_eq!(unreadable.len(), 1, "{url}: {:#?}", report.diagnostics);
        assert_eq!(
            unreadable[0].message,
            format!(
                "log.entries[1].request.url: expected a string, found {found}; the entry is skipped."
            ),
            "{url}"
        );
    }
}

#[test]
fn a_pretty_printed_har_with_a_member_before_log_is_read_and_entries_that_are_an_object_are_named()
{
    let entry = readable_entry(0);
    let report = analyze(
        &format!(
            "{{\n  \"comment\": \"exported by a proxy\",\n  \"log\": {{\"entries\": [{entry}]}}\n}}"
        ),
        None,
    );
    assert_eq!(report.summary.calls, 1, "{:#?}", report.diagnostics);
    assert!(of_rule(&report, "session-unreadable").is_empty());
    let report = analyze("{\"log\": {\"entries\": {}}}", None);
    let unreadable = of_rule(&report, "session-unreadable");
    assert_eq!(unreadable.len(), 1, "{:#?}", report.diagnostics);
    assert!(
        unreadable[0].message.starts_with(
            "log.entries: expected an array of entries, found an object; a HAR 1.2 file is"
        ),
        "{}",
        unreadable[0].message
    );
}

#[test]
fn an_ndjson_line_that_is_no_object_names_what_it_is() {
    let text = format!("{}\nnull\n[1]\n\"x\"\n", Call::at(0, CONFIGURATION).line());
    let report = analyze(&text, None);
    let messages: Vec<&str> = of_rule(&report, "session-entry-unreadable")
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages.len(), 3, "{:#?}", report.diagnostics);
    for (message, (line, found)) in
        messages
            .iter()
            .zip([(2, "null"), (3, "an array"), (4, "a string")])
    {
        assert!(
            message.starts_with(&format!(
                "Line {line} is not a call record: expected a JSON object, found {found}."
            )),
            "{message}"
        );
    }
}

#[test]
fn a_har_of_valid_json_in_the_wrong_shape_says_what_is_wrong_not_invalid_json() {
    let report = analyze("{\"log\": []}", None);
    let unreadable = of_rule(&report, "session-unreadable");
    assert_eq!(unreadable.len(), 1, "{:#?}", report.diagnostics);
    assert!(
        !unreadable[0].message.contains("not valid JSON"),
        "{}",
        unreadable[0].message
    );
    assert!(
        unreadable[0].message.contains("found an array"),
        "{}",
        unreadable[0].message
    );
}

#[test]
fn an_ndjson_request_body_stored_as_a_json_string_is_the_body_it_holds() {
    let line = Call::at(0, CONFIGURATION).line();
    let mut record: serde_json::Value = serde_json::from_str(&line).unwrap();
    record["request"] = record["request"].to_string().into();
    let findings = |text: String| {
        let report = analyze(&text, None);
        assert_eq!(report.summary.calls, 1);
        let found: Vec<(String, String)> = report
            .diagnostics
            .iter()
            .map(|d| (d.rule.clone(), d.message.clone()))
            .collect();
        found
    };
    let as_object = findings(format!("{line}\n"));
    assert!(as_object.iter().any(|(rule, _)| rule == "demo-token"));
    assert_eq!(findings(format!("{record}\n")), as_object);
}
