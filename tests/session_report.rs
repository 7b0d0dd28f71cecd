//! The readiness report: its JSON matches `schemas/readiness-report.schema.json`, and its Markdown
//! rendering is snapshotted.

mod common;

use common::*;
use mews_connector_validator::Severity;
use mews_connector_validator::render::markdown;

const PUBLIC: &str = include_str!("../examples/checklist-public.json");

/// A session with one of each cross-call problem, cross-checked with the public example checklist.
fn eventful() -> mews_connector_validator::session::ReadinessReport {
    let mut calls = evenly(205, 0, 20_000);
    calls.push(Call::at(40_000, CATEGORIES).status(429).retry_after("5"));
    calls.push(Call::at(41_000, CATEGORIES));
    calls.push(
        Call::at(50_000, "/api/connector/v1/bills/getAll")
            .status(400)
            .client("brightkeep-dev"),
    );
    let mut text = ndjson(&calls);
    text.push_str("{broken\n");
    analyze(&text, Some(PUBLIC))
}

#[test]
fn the_json_report_matches_its_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schemas/readiness-report.schema.json")).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for report in [
        eventful(),
        analyze("", None),
        analyze(include_str!("data/chromium-mock-session.har"), None),
    ] {
        let json = serde_json::to_value(&report).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path().as_str()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

/// Each problem planted in [`eventful`] is reported, once, by its rule, and nothing else is.
#[test]
fn one_of_each_problem_is_reported_by_its_rule() {
    let report = eventful();
    let mut found: Vec<(String, String, Option<usize>)> = report
        .diagnostics
        .iter()
        .chain(report.checklist.iter().flat_map(|c| c.diagnostics.iter()))
        .map(|d| (d.rule.clone(), d.severity.as_str().to_string(), d.call))
        .collect();
    found.sort();
    // Calls 0–204: configuration/get, 205 in 20 s; 205: a 429 asking for 5 s, 206: the retry
    // 1 s later (accountingCategories/getAll, not in the checklist); 207: bills/getAll failing,
    // from another, unversioned client name, with the docs example's deprecated properties.
    let expected: Vec<(String, String, Option<usize>)> = [
        // The burst repeats one static-data fetch: its fourth identical call is flagged.
        ("cache-static-data", "warning", Some(3)),
        ("client-name-not-declared", "error", Some(207)),
        ("client-version-missing", "info", Some(207)),
        ("demo-token", "info", Some(0)), // the docs' demo ClientToken
        ("demo-token", "info", Some(0)), // and AccessToken
        ("deprecated-property", "warning", Some(207)),
        ("deprecated-property", "warning", Some(207)),
        ("load-above-declared", "warning", Some(204)),
        ("multiple-client-names", "error", Some(207)),
        ("operation-always-failing", "warning", Some(207)),
        ("operation-not-declared", "error", Some(205)),
        ("operation-not-declared", "error", Some(207)),
        // The checklist's resourceCategories/getAll, resources/getAll and /update, reservations.
        ("operation-not-tested", "error", None),
        ("operation-not-tested", "error", None),
        ("operation-not-tested", "error", None),
        ("operation-not-tested", "error", None),
        ("rate-limit-exceeded", "error", Some(200)),
        ("retry-after-ignored", "error", Some(206)),
        ("session-entry-unreadable", "error", None),
    ]
    .into_iter()
    .map(|(rule, severity, call)| (rule.to_string(), severity.to_string(), call))
    .collect();
    assert_eq!(found, expected, "{:#?}", report.diagnostics);
}

#[test]
fn the_report_reads_as_a_report() {
    let json = serde_json::to_value(eventful()).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(json["verdict"], "not-ready");
    assert!(
        json["diagnostics"]
            .as_array()
            .is_some_and(|d| !d.is_empty())
    );
    assert!(
        !json.to_string().contains(TOKEN),
        "tokens never appear in full"
    );
}

/// A fixed report (not produced by the engine, so the snapshot only follows the renderer).
fn fixed(valid: bool) -> mews_connector_validator::session::ReadinessReport {
    let diagnostic = |rule: &str, severity: &str, call: Option<usize>, message: &str| {
        let mut d = serde_json::json!({
            "rule": rule, "severity": severity, "message": message, "pointer": "",
            "line": 3, "column": 1, "endLine": 3, "endColumn": 1,
            "docs": "https://docs.mews.com/connector-api/guidelines/requests#request-limits"
        });
        if let Some(call) = call {
            d["call"] = call.into();
            d["time"] = "2026-11-23T10:00:29.000Z".into();
        }
        d
    };
    let diagnostics = if valid {
        vec![]
    } else {
        vec![
            diagnostic(
                "session-entry-unreadable",
                "error",
                None,
                "Line 3 is not a call record: key must be a string.",
            ),
            diagnostic(
                "rate-limit-exceeded",
                "error",
                Some(200),
                "Found 201 requests with AccessToken C66E… in the 30 s window starting 2026-11-23T10:00:00.000Z; the limit is 200 per sliding 30 s window.",
            ),
            diagnostic(
                "demo-token",
                "info",
                Some(5),
                "A request finding, located in the body of call 5.",
            ),
            diagnostic(
                "operation-not-declared",
                "error",
                Some(201),
                "`/api/connector/v1/bills/getAll` is called 1 times but not listed | in the checklist.",
            ),
        ]
    };
    let mut report: mews_connector_validator::session::ReadinessReport = serde_json::from_value(serde_json::json!({
        "valid": true, "verdict": "ready", "counts": {"errors": 0, "warnings": 0, "infos": 0},
        "summary": {"format": "ndjson", "entries": 203, "calls": 202, "ignored": 0, "unreadable": 1,
            "firstCall": "2026-11-23T10:00:00Z", "lastCall": "2026-11-23T10:00:40Z",
            "clientNames": ["Brightkeep Housekeeping 3.2.0"], "hosts": ["api.mews-demo.com"]},
        "operations": [
            {"address": "/api/connector/v1/bills/getAll", "name": "Get all bills", "declared": valid, "calls": 1, "successes": 0, "failures": 1, "diagnostics": 1},
            {"address": "/api/connector/v1/configuration/get", "name": "Get configuration", "declared": true, "calls": 201, "successes": 201, "failures": 0, "diagnostics": 1}
        ],
        "rateProfiles": [{"accessToken": "C66E…", "calls": 202, "limit": 200, "peak": 201,
            "peakWindowStart": "2026-11-23T10:00:00.000Z", "declaredPeak": 40,
            "bursts": [{"windowStart": "2026-11-23T10:00:00.000Z", "count": 201, "call": 200}],
            "series": [{"second": 1795428000, "requests": 7, "windowPeak": 7}]}],
        "checklist": {"valid": valid, "operation": null, "diagnostics": if valid { vec![] } else { vec![diagnostic("operation-not-tested", "error", None, "`/api/connector/v1/resources/update` is listed but the session has no call.")] }},
        "diagnostics": diagnostics,
        // A property under a map key that looks like a token, and a pipe: masked and escaped.
        "deprecations": if valid { vec![] } else { vec![serde_json::json!({
            "kind": "property", "address": "/api/connector/v1/bills/getAll", "property": "Extent",
            "pointer": "/Extent|/E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D", "schemaType": "BillFilterParameters",
            "deprecated": "2023-10-20", "discontinued": "2025-01-10", "replacement": null,
            "docs": "https://docs.mews.com/connector-api/operations/bills#bill-filter-parameters",
            "uses": 1, "status": "discontinued"
        })] }
    })).unwrap();
    report.finish();
    report
}

#[test]
fn markdown_of_a_session_with_problems() {
    insta::assert_snapshot!(markdown::readiness(&fixed(false), "session.ndjson"));
}

#[test]
fn markdown_of_a_ready_session() {
    insta::assert_snapshot!(markdown::readiness(&fixed(true), "ready.ndjson"));
}

#[test]
fn markdown_of_a_checklist_report() {
    let text = PUBLIC.replace("\"public\"", "\"marketplace\"");
    let report = mews_connector_validator::checklist::validate_checklist(
        &text,
        &mews_connector_validator::Options::default(),
    );
    insta::assert_snapshot!(markdown::report(&report, "checklist.json"));
}

/// `call` as an NDJSON line whose `time` is written as `time` (the same instant, or another).
fn written_at(call: &Call, time: &str) -> String {
    let mut record: serde_json::Value = serde_json::from_str(&call.line()).unwrap();
    record["time"] = time.into();
    record.to_string() + "\n"
}

#[test]
fn the_summary_counts_each_entry_and_keeps_the_first_and_last_call_as_recorded() {
    // Out of order, with the earliest and the latest instant each written twice: of calls at the
    // same instant the first recorded is the first call and the last recorded the last (as of two
    // equal peaks the first window is named). Among them a page asset (ignored), a call at no
    // valid time and a broken line (both unreadable).
    let text = [
        written_at(&Call::at(5_000, CONFIGURATION), "2026-11-23T10:00:05Z"),
        written_at(&Call::at(1_000, CONFIGURATION), "2026-11-23T10:00:01Z"),
        written_at(&Call::at(1_000, CONFIGURATION), "2026-11-23T10:00:01.000Z"),
        format!(
            "{{\"time\": \"{}\", \"address\": \"https://app.mews-demo.com/static/app.js\", \"status\": 200}}\n",
            iso(T0 + 2_000)
        ),
        written_at(&Call::at(0, CONFIGURATION), "yesterday"),
        "{broken\n".to_string(),
        written_at(&Call::at(9_000, CONFIGURATION), "2026-11-23T10:00:09Z"),
        written_at(&Call::at(9_000, CONFIGURATION), "2026-11-23T10:00:09.000Z"),
        written_at(&Call::at(3_000, CONFIGURATION), "2026-11-23T10:00:03Z"),
    ]
    .concat();
    let report = analyze(&text, None);
    let summary = &report.summary;
    assert_eq!(summary.format.as_deref(), Some("ndjson"));
    assert_eq!(
        (
            summary.entries,
            summary.calls,
            summary.ignored,
            summary.unreadable
        ),
        (9, 6, 1, 2)
    );
    assert_eq!(summary.first_call.as_deref(), Some("2026-11-23T10:00:01Z"));
    assert_eq!(
        summary.last_call.as_deref(),
        Some("2026-11-23T10:00:09.000Z")
    );
    let unreadable: Vec<(u32, &str)> = of_rule(&report, "session-entry-unreadable")
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(unreadable.len(), 2, "{unreadable:#?}");
    assert_eq!(unreadable[0].0, 5);
    assert_eq!(
        unreadable[0].1,
        "The call's time `yesterday` is not an RFC 3339 date-time (e.g. 2026-11-23T14:05:00.123Z); the call is skipped."
    );
    assert_eq!(unreadable[1].0, 6);
    assert!(
        unreadable[1].1.starts_with("Line 6 is not a call record"),
        "{}",
        unreadable[1].1
    );
}

#[test]
fn a_har_cut_short_is_unreadable_where_it_ends_and_its_whole_entries_are_reviewed() {
    // Cut in the third of its five entries: the page load (ignored) and the first call before the
    // cut are reviewed; the file is reported unreadable at its last character.
    let har = include_str!("data/chromium-mock-session.har");
    let cut = &har[..har.len() / 2];
    assert_eq!(cut.matches("{\"pageref\"").count(), 3);
    let report = analyze(cut, None);
    let summary = &report.summary;
    assert_eq!(summary.format.as_deref(), Some("har"));
    assert_eq!(
        (
            summary.entries,
            summary.calls,
            summary.ignored,
            summary.unreadable
        ),
        (2, 1, 1, 0)
    );
    let found = of_rule(&report, "session-unreadable");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].call, None);
    assert_eq!((found[0].line, found[0].column), (1, cut.len() as u32));
    assert_eq!(
        found[0].message,
        "The HAR file is not valid JSON: EOF while parsing a string."
    );
    assert!(!report.valid);
}

#[test]
fn progress_is_reported_at_each_256_kib_of_calls_and_at_the_end() {
    let text = ndjson(&evenly(3000, 0, 600_000));
    let mut seen = Vec::new();
    mews_connector_validator::session::analyze_session(
        &text,
        None,
        &mews_connector_validator::Options::default(),
        &mut |p| seen.push(p),
    );
    // A report at the start of each line that lies 256 KiB (262,144 bytes) or more past the
    // previous report, with the calls reviewed before it; and one at the end.
    let mut expected = Vec::new();
    let (mut offset, mut last) = (0, 0);
    for (calls, line) in text.lines().enumerate() {
        if offset >= last + 262_144 {
            last = offset;
            expected.push((offset, calls));
        }
        offset += line.len() + 1;
    }
    expected.push((text.len(), 3000));
    assert!(expected.len() >= 4, "{} bytes", text.len());
    let reported: Vec<(usize, usize)> = seen.iter().map(|p| (p.bytes, p.calls)).collect();
    assert_eq!(reported, expected);
    assert!(seen.iter().all(|p| p.total_bytes == text.len()));
}

/// A token sent where a name belongs: the report repeats the names it saw (summary, findings),
/// and none of them may show it.
#[test]
fn a_token_sent_as_the_client_name_is_masked_wherever_the_report_repeats_it() {
    let calls = vec![
        Call::at(0, CONFIGURATION).client(OTHER_TOKEN),
        Call::at(1_000, CONFIGURATION),
    ];
    let report = analyze(&ndjson(&calls), None);
    assert_eq!(report.summary.client_names.len(), 2);
    assert_eq!(of_rule(&report, "multiple-client-names").len(), 1);
    let json = serde_json::to_string(&report).unwrap();
    for part in OTHER_TOKEN.as_bytes().windows(12) {
        let part = std::str::from_utf8(part).unwrap();
        assert!(!json.contains(part), "{part} shows in {json}");
    }
}
