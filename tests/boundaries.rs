//! Behaviour at the edges that planted bugs slipped past (issue 13): each test states one rule's
//! boundary on a real operation's docs example, from both sides where there are two.

mod common;

use common::*;
use mews_connector_validator::{Options, Report, Severity, validate_request};
use serde_json::Value;

const RESERVATIONS: &str = "/api/connector/v1/reservations/getAll/2023-06-06";
const ACCOUNT_NOTES: &str = "/api/connector/v1/accountNotes/getAll";

fn options() -> Options {
    Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    }
}

/// The docs example of `address`, as pretty-printed JSON with a unique `Client` name (the docs'
/// "Sample Client" is one of many), with `edit` applied to its text.
fn example_text(address: &str, edit: impl Fn(String) -> String) -> String {
    let example = mews_connector_validator::operations()
        .iter()
        .find(|op| op.address == address)
        .and_then(|op| op.example.clone())
        .unwrap_or_else(|| panic!("{address} has no docs example"));
    let text = serde_json::to_string_pretty(&example).unwrap();
    edit(text.replace("\"Sample Client 1.0.0\"", &format!("\"{CLIENT}\"")))
}

/// `(rule, severity, pointer)` of every diagnostic but the docs examples' public demo tokens.
fn findings(report: &Report) -> Vec<(&str, Severity, &str)> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule != "demo-token")
        .map(|d| (d.rule.as_str(), d.severity, d.pointer.as_str()))
        .collect()
}

#[test]
fn a_lowercase_z_is_utc() {
    // RFC 3339 (5.6) allows `z` for `Z`: the same instant in UTC, nothing to report.
    for written in ["2023-04-01T00:00:00z", "2023-04-01t00:00:00z"] {
        let text = example_text(RESERVATIONS, |text| {
            text.replace("\"2023-04-01T00:00:00Z\"", &format!("\"{written}\""))
        });
        assert!(text.contains(written));
        let report = validate_request(RESERVATIONS, &text, &options());
        assert_eq!(findings(&report), [], "{written}");
        assert!(report.valid, "{written}");
    }
    // Whereas an offset, even +01:00, is reported with the UTC instant it means.
    let text = example_text(RESERVATIONS, |text| {
        text.replacen(
            "\"2023-04-01T00:00:00Z\"",
            "\"2023-04-01T01:00:00+01:00\"",
            1,
        )
    });
    let report = validate_request(RESERVATIONS, &text, &options());
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "datetime-format");
    let d = &report.diagnostics[report
        .diagnostics
        .iter()
        .position(|d| d.rule == "datetime-format")
        .unwrap()];
    assert!(
        d.message.contains("\"2023-04-01T00:00:00Z\""),
        "{}",
        d.message
    );
}

#[test]
fn a_key_twice_in_a_two_key_object_is_a_duplicate() {
    let text = format!(
        r#"{{
  "ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
  "AccessToken": "{TOKEN}",
  "Client": "{CLIENT}",
  "UpdatedUtc": {{"StartUtc": "2022-10-10T00:00:00Z", "StartUtc": "2022-10-11T00:00:00Z"}},
  "Limitation": {{"Count": 100}}
}}"#
    );
    let report = validate_request(ACCOUNT_NOTES, &text, &options());
    let duplicates: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "duplicate-key")
        .collect();
    assert_eq!(duplicates.len(), 1, "{:#?}", report.diagnostics);
    let d = duplicates[0];
    assert_eq!(d.pointer, "/UpdatedUtc/StartUtc");
    assert_eq!(d.severity, Severity::Warning);
    // At the second key (line 5), naming the first (line 5, column 18).
    let second = text.rfind("\"StartUtc\"").unwrap();
    let column = text[..second].rsplit('\n').next().unwrap().len() as u32 + 1;
    assert_eq!((d.line, d.column), (5, column));
    assert_eq!((d.end_line, d.end_column), (5, column + 10));
    assert!(d.message.contains("line 5, column 18"), "{}", d.message);
    // The same object with one key each is fine.
    let fixed = text.replacen("\"StartUtc\": \"2022-10-11", "\"EndUtc\": \"2022-10-11", 1);
    let report = validate_request(ACCOUNT_NOTES, &fixed, &options());
    assert_eq!(findings(&report), [], "{:#?}", report.diagnostics);
}

#[test]
fn limitation_count_1_and_1000_are_valid_on_their_own() {
    for count in [1, 1000] {
        let text = example_text(ACCOUNT_NOTES, |text| {
            text.replace("\"Count\": 100,", &format!("\"Count\": {count},"))
        });
        assert!(text.contains(&format!("\"Count\": {count},")));
        let report = validate_request(ACCOUNT_NOTES, &text, &options());
        assert_eq!(findings(&report), [], "Count {count}");
        assert!(report.valid, "Count {count}");
    }
    for count in [0, 1001] {
        let text = example_text(ACCOUNT_NOTES, |text| {
            text.replace("\"Count\": 100,", &format!("\"Count\": {count},"))
        });
        let report = validate_request(ACCOUNT_NOTES, &text, &options());
        assert_eq!(
            findings(&report),
            [(
                "limitation-count-range",
                Severity::Error,
                "/Limitation/Count"
            )],
            "Count {count}"
        );
    }
}

/// One NDJSON line of `call` whose response took `duration_ms` to complete.
fn line_with_duration(call: &Call, duration_ms: u32) -> String {
    let mut record: Value = serde_json::from_str(&call.line()).unwrap();
    record["durationMs"] = duration_ms.into();
    record.to_string() + "\n"
}

#[test]
fn retry_after_is_measured_from_the_end_of_the_429_response() {
    // The 429 took 4 s to arrive and asked for 5 s: the next call is due 9 s after the request.
    let too_early = line_with_duration(
        &Call::at(0, CONFIGURATION).status(429).retry_after("5"),
        4_000,
    ) + &Call::at(8_000, CONFIGURATION).line()
        + "\n";
    let report = analyze(&too_early, None);
    let found = of_rule(&report, "retry-after-ignored");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!((found[0].call, found[0].line), (Some(1), 2));
    assert_eq!(found[0].severity, Severity::Error);
    assert!(
        found[0].message.contains("came 4.000 s after"),
        "{}",
        found[0].message
    );
    assert!(
        found[0].message.contains("wait 5.000 s"),
        "{}",
        found[0].message
    );

    let on_time = line_with_duration(
        &Call::at(0, CONFIGURATION).status(429).retry_after("5"),
        4_000,
    ) + &Call::at(9_000, CONFIGURATION).line()
        + "\n";
    assert!(of_rule(&analyze(&on_time, None), "retry-after-ignored").is_empty());
}

/// Retries of configuration/get after 429s without Retry-After, each `gaps[i]` ms after the
/// previous call started (the responses arrive at once); the last call succeeds.
fn retries(gaps: &[i64]) -> String {
    let mut at = 0;
    let mut calls = vec![Call::at(0, CONFIGURATION).status(429)];
    for (i, gap) in gaps.iter().enumerate() {
        at += gap;
        let call = Call::at(at, CONFIGURATION);
        calls.push(if i + 1 < gaps.len() {
            call.status(429)
        } else {
            call
        });
    }
    ndjson(&calls)
}

#[test]
fn jittered_fixed_interval_retries_are_still_a_fixed_interval() {
    // A 1 s interval with ±100 ms of jitter, and a 10 s one with 0.9 s (within a tenth).
    for gaps in [&[1_000, 1_100][..], &[1_000, 900], &[10_000, 10_900]] {
        let report = analyze(&retries(gaps), None);
        let found = of_rule(&report, "fixed-interval-retry");
        assert_eq!(found.len(), 1, "{gaps:?}: {:#?}", report.diagnostics);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].call, Some(2), "{gaps:?}");
    }
    // Backing off (each wait clearly longer) is not.
    for gaps in [&[1_000, 2_000][..], &[10_000, 12_000], &[1_000, 1_400]] {
        let report = analyze(&retries(gaps), None);
        assert_eq!(
            of_rule(&report, "fixed-interval-retry").len(),
            0,
            "{gaps:?}: {:#?}",
            report.diagnostics
        );
    }
}

const PUBLIC: &str = include_str!("../examples/checklist-public.json");

#[test]
fn a_declared_load_written_as_a_decimal_integer_is_compared() {
    // `40.0` and `4e1` are integers to the schema: the declared load is read from either.
    for written in ["40.0", "4e1"] {
        let checklist = PUBLIC.replace(
            "\"peakRequestsPer30s\": 40",
            &format!("\"peakRequestsPer30s\": {written}"),
        );
        let report = analyze(&ndjson(&evenly(41, 0, 10_000)), Some(&checklist));
        assert_eq!(report.rate_profiles[0].declared_peak, Some(40), "{written}");
        assert_eq!(
            of_rule(&report, "load-above-declared").len(),
            1,
            "{written}"
        );
    }
}

#[test]
fn a_measured_peak_one_above_the_declared_load_is_reported() {
    // The public example checklist declares a peak of 40 requests per 30 s.
    assert!(PUBLIC.contains("\"peakRequestsPer30s\": 40"));
    let report = analyze(&ndjson(&evenly(40, 0, 10_000)), Some(PUBLIC));
    assert_eq!(report.rate_profiles[0].peak, 40);
    assert_eq!(report.rate_profiles[0].declared_peak, Some(40));
    assert_eq!(of_rule(&report, "load-above-declared").len(), 0);

    let report = analyze(&ndjson(&evenly(41, 0, 10_000)), Some(PUBLIC));
    assert_eq!(report.rate_profiles[0].peak, 41);
    let found = of_rule(&report, "load-above-declared");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0].message.contains("Measured 41 requests")
            && found[0].message.contains("at most 40"),
        "{}",
        found[0].message
    );
}

/// `calls` as NDJSON, each `(start ms, duration ms, call)`.
fn timed(calls: &[(i64, u32, Call)]) -> String {
    calls
        .iter()
        .map(|(_, duration, call)| line_with_duration(call, *duration))
        .collect()
}

fn call(at: i64, status: u16) -> Call {
    Call::at(at, CONFIGURATION).status(status)
}

/// The `retry-after-ignored` message of the third call, when two overlapping 429s are pending: the
/// first from 0 to 8.5 s asking for `first_asks` s, the second from 8 s to 8 s asking for
/// `second_asks` s; the third call comes at 9 s (0.5 s and 1 s after them).
fn ignored_of_two(first_asks: &str, second_asks: &str) -> String {
    let text = timed(&[
        (0, 8_500, call(0, 429).retry_after(first_asks)),
        (8_000, 0, call(8_000, 429).retry_after(second_asks)),
        (9_000, 0, call(9_000, 200)),
    ]);
    let report = analyze(&text, None);
    let found = of_rule(&report, "retry-after-ignored");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(found[0].call, Some(2));
    found[0].message.clone()
}

#[test]
fn of_several_429s_the_one_whose_wait_is_most_ignored_is_reported() {
    // Still to wait: 9.5 s for the first, 3 s for the second: the first.
    let message = ignored_of_two("10", "4");
    assert!(
        message.contains("came 0.500 s after") && message.contains("wait 10.000 s"),
        "{message}"
    );
    // 4.5 s and 3 s: the first.
    let message = ignored_of_two("5", "4");
    assert!(
        message.contains("came 0.500 s after") && message.contains("wait 5.000 s"),
        "{message}"
    );
    // 2.5 s and 3 s: the second.
    let message = ignored_of_two("3", "4");
    assert!(
        message.contains("came 1.000 s after") && message.contains("wait 4.000 s"),
        "{message}"
    );
}

#[test]
fn a_failure_of_another_operation_is_no_retry_of_this_one() {
    // configuration/get backs off (1 s, then 2 s); a 429 of another operation in between is not a
    // retry of it, and not a step of its backoff.
    let text = ndjson(&[
        call(0, 429),
        call(1_000, 429),
        Call::at(1_500, CATEGORIES).status(429),
        call(3_000, 200),
    ]);
    let report = analyze(&text, None);
    assert!(
        of_rule(&report, "fixed-interval-retry").is_empty(),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn a_call_a_minute_after_a_5xx_is_no_retry() {
    // 500, retried after 1 s; the next call 61 s (or exactly 60 s) later is no retry; the one
    // after it, 1 s later, is a retry whose wait (1 s) did not grow from the last retry's (1 s).
    for later in [61_000, 60_000] {
        let text = ndjson(&[
            call(0, 500),
            call(1_000, 500),
            call(1_000 + later, 500),
            call(2_000 + later, 200),
        ]);
        let report = analyze(&text, None);
        let found = of_rule(&report, "fixed-interval-retry");
        assert_eq!(found.len(), 1, "{later}: {:#?}", report.diagnostics);
        assert_eq!(found[0].call, Some(3));
        assert!(
            found[0]
                .message
                .contains("Retries after 500 responses waited 1.000 s and then 1.000 s"),
            "{later}: {}",
            found[0].message
        );
    }
}

#[test]
fn a_retry_waits_from_the_latest_failure_that_ended_before_it() {
    // Call 0 ends at 900 ms, call 1 (started later) at 100 ms: call 2 at 1.1 s waited 0.2 s after
    // the latest failure, not 1 s; call 3 waits 0.2 s again: a fixed interval of 0.2 s.
    let text = timed(&[
        (0, 900, call(0, 429)),
        (100, 0, call(100, 429)),
        (1_100, 0, call(1_100, 429)),
        (1_300, 0, call(1_300, 200)),
    ]);
    let report = analyze(&text, None);
    let found = of_rule(&report, "fixed-interval-retry");
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert!(
        found[0].message.contains("waited 0.200 s and then 0.200 s"),
        "{}",
        found[0].message
    );
}

#[test]
fn of_two_equal_peaks_the_first_window_is_named() {
    let first = ndjson(&evenly(5, 0, 1_000));
    let both: Vec<Call> = evenly(5, 0, 1_000)
        .into_iter()
        .chain(evenly(5, 40_000, 1_000))
        .collect();
    let alone = analyze(&first, None);
    let report = analyze(&ndjson(&both), None);
    assert_eq!(report.rate_profiles[0].peak, 5);
    assert!(alone.rate_profiles[0].peak_window_start.is_some());
    assert_eq!(
        report.rate_profiles[0].peak_window_start,
        alone.rate_profiles[0].peak_window_start
    );
}

#[test]
fn a_burst_keeps_its_highest_count_and_first_window() {
    // 240 calls in the first second (one every 4 ms), far above 200 per 30 s.
    let burst = evenly(240, 0, 960);
    let alone = analyze(&ndjson(&burst), None);
    let bursts = &alone.rate_profiles[0].bursts;
    assert_eq!(bursts.len(), 1, "{bursts:#?}");
    assert_eq!(bursts[0].count, 240);
    // One more call just as the first leaves the window: 240 again, the same burst and window;
    // one later still, as 11 more have left: 230, still above the limit, not a higher count.
    let mut more = burst.clone();
    more.push(Call::at(30_001, CONFIGURATION));
    more.push(Call::at(30_045, CONFIGURATION));
    let report = analyze(&ndjson(&more), None);
    let bursts_after = &report.rate_profiles[0].bursts;
    assert_eq!(bursts_after.len(), 1, "{bursts_after:#?}");
    assert_eq!(bursts_after[0].count, 240);
    assert_eq!(bursts_after[0].window_start, bursts[0].window_start);
}

// The datetime scope's mutation survivors (MUTANTS.md): an interval of one day, the dates and
// times its messages show, and an excess in minutes, seconds and less than a second.

const LEDGER_BALANCES: &str = "/api/connector/v1/ledgerBalances/getAll";
const MESSAGES: &str = "/api/connector/v1/messages/getAll";

/// The one finding of `report` but the docs examples' demo tokens: its rule, pointer and message.
fn only_finding(report: &Report) -> (&str, &str, &str) {
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule != "demo-token")
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    let d = found[0];
    assert_eq!(d.severity, Severity::Error, "{d:#?}");
    (d.rule.as_str(), d.pointer.as_str(), d.message.as_str())
}

#[test]
fn a_date_interval_of_one_day_runs_forwards_and_a_reversed_one_names_both_dates() {
    // The docs example asks for the balances from 2024-01-01 to 2024-01-02; a single day, start
    // and end equal, is an interval that runs forwards too.
    let single_day = example_text(LEDGER_BALANCES, |text| {
        text.replace("\"End\": \"2024-01-02\"", "\"End\": \"2024-01-01\"")
    });
    assert!(single_day.contains("\"End\": \"2024-01-01\""));
    let report = validate_request(LEDGER_BALANCES, &single_day, &options());
    assert_eq!(findings(&report), [], "{:#?}", report.diagnostics);
    // The ends swapped: the end is reported with both dates as written.
    let swapped = example_text(LEDGER_BALANCES, |text| {
        text.replace("\"End\": \"2024-01-02\"", "\"End\": \"2023-12-31\"")
    });
    let report = validate_request(LEDGER_BALANCES, &swapped, &options());
    assert_eq!(
        only_finding(&report),
        (
            "interval-reversed",
            "/Date/End",
            "`End` \"2023-12-31\" is before `Start` \"2024-01-01\"; expected the end at or after the start (swap them?)."
        )
    );
}

#[test]
fn a_date_interval_over_its_one_month_limit_names_both_dates_and_the_latest_end() {
    let text = example_text(LEDGER_BALANCES, |text| {
        text.replace("\"End\": \"2024-01-02\"", "\"End\": \"2024-03-01\"")
    });
    let report = validate_request(LEDGER_BALANCES, &text, &options());
    assert_eq!(
        only_finding(&report),
        (
            "interval-too-long",
            "/Date",
            "`Date` runs from \"2024-01-01\" to \"2024-03-01\", 29 days longer than this operation allows; expected at most 1 month: an end at or before \"2024-02-01\" (split longer periods into several requests)."
        )
    );
}

#[test]
fn a_time_interval_over_its_limit_says_by_how_much_to_the_second() {
    // The docs example asks for the messages created from 2022-03-03 to 2022-03-14; the limit is
    // one month, so the latest end is 2022-04-03T00:00:00Z.
    let over = |end: &str| {
        example_text(MESSAGES, |text| {
            text.replace(
                "\"EndUtc\": \"2022-03-14T00:00:00Z\"",
                &format!("\"EndUtc\": \"{end}\""),
            )
        })
    };
    let report = validate_request(MESSAGES, &over("2022-04-04T02:03:04Z"), &options());
    assert_eq!(
        only_finding(&report),
        (
            "interval-too-long",
            "/CreatedUtc",
            "`CreatedUtc` runs from \"2022-03-03T00:00:00Z\" to \"2022-04-04T02:03:04Z\", 1 day 2 hours 3 minutes 4 seconds longer than this operation allows; expected at most 1 month: an end at or before \"2022-04-03T00:00:00Z\" (split longer periods into several requests)."
        )
    );
    let report = validate_request(MESSAGES, &over("2022-04-03T00:59:00Z"), &options());
    assert!(
        only_finding(&report).2.contains(", 59 minutes longer than"),
        "{:#?}",
        report.diagnostics
    );
    // Half a second over is still over.
    let report = validate_request(MESSAGES, &over("2022-04-03T00:00:00.5Z"), &options());
    assert!(
        only_finding(&report)
            .2
            .contains(", less than a second longer than"),
        "{:#?}",
        report.diagnostics
    );
    // Exactly the limit is not.
    let report = validate_request(MESSAGES, &over("2022-04-03T00:00:00Z"), &options());
    assert_eq!(findings(&report), [], "{:#?}", report.diagnostics);
}
