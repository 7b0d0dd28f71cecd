//! The table-driven half of the hostile suite: a [`Case`] is one bad input for one entry point and
//! the rule ids a user must get for it. [`run`] times each case, checks the rules exactly, every
//! position against the text it is located in, and every output format for tokens and raw control
//! characters; it reports all failing cases at once (with what they gave), so a table is fixed in
//! one round. `HOSTILE_TIMES=1` prints each case's time (how the bounds were chosen).

use std::time::{Duration, Instant};

use mews_connector_validator::render::{github, json, junit, markdown, plain, sarif, text};
use mews_connector_validator::session::calls::recorded_call_body;
use mews_connector_validator::session::{ReadinessReport, analyze_session, located_in_recording};
use mews_connector_validator::{
    Diagnostic, Options, Report, input, validate_checklist, validate_input, validate_request_bytes,
    validate_response_bytes,
};

use crate::invariants::{Lines, assert_inside, assert_no_token_part};

/// Every time bound is at least this: a loaded CI machine must not fail a case that takes 10 ms.
const AT_LEAST: Duration = Duration::from_secs(2);

/// What is fed to which entry point.
pub enum Input {
    /// `validate_request_bytes(address, bytes)`.
    Request(String, Vec<u8>),
    /// `validate_response_bytes(address, bytes)`.
    Response(String, Vec<u8>),
    /// `validate_input(text, None)`.
    Paste(String),
    /// `input::validate_input_bytes(bytes, None)`: a paste that is not UTF-8.
    PasteBytes(Vec<u8>),
    /// `analyze_session(recording, checklist)`.
    Session(String, Option<String>),
    /// `validate_checklist(text)`.
    Checklist(String),
}

pub struct Case {
    pub name: &'static str,
    pub input: Input,
    /// The distinct rule ids raised, sorted (a report of 1001 findings is still one set).
    pub rules: &'static [&'static str],
    /// The time bound: about 10× the debug build's time here, and at least [`AT_LEAST`].
    pub bound: Duration,
}

pub fn case(name: &'static str, input: Input, rules: &'static [&'static str]) -> Case {
    Case {
        name,
        input,
        rules,
        bound: AT_LEAST,
    }
}

impl Case {
    pub fn within(mut self, seconds: u64) -> Self {
        self.bound = Duration::from_secs(seconds).max(AT_LEAST);
        self
    }
}

/// A report and what it was located in.
enum Outcome {
    Report(Report, String),
    Readiness(Box<ReadinessReport>, String, Option<String>),
}

impl Outcome {
    fn diagnostics(&self) -> Vec<&Diagnostic> {
        match self {
            Outcome::Report(report, _) => report.diagnostics.iter().collect(),
            Outcome::Readiness(report, ..) => report
                .diagnostics
                .iter()
                .chain(report.checklist.iter().flat_map(|c| c.diagnostics.iter()))
                .collect(),
        }
    }

    fn rules(&self) -> Vec<String> {
        let mut rules: Vec<String> = self.diagnostics().iter().map(|d| d.rule.clone()).collect();
        rules.sort();
        rules.dedup();
        rules
    }

    /// Every diagnostic inside its text: the input, the checklist, or a recorded call's body.
    fn check_positions(&self) {
        match self {
            Outcome::Report(report, source) => {
                let lines = Lines::of(source);
                for d in &report.diagnostics {
                    lines.assert_inside(d);
                }
            }
            Outcome::Readiness(report, recording, checklist) => {
                let lines = Lines::of(recording);
                for d in &report.diagnostics {
                    if located_in_recording(d) {
                        lines.assert_inside(d);
                    } else {
                        let call = d
                            .call
                            .expect("a finding outside the recording names its call");
                        let recorded = recorded_call_body(recording, call)
                            .unwrap_or_else(|| panic!("no body for call {call}: {d:#?}"));
                        assert_inside(&recorded.body, d);
                    }
                }
                if let (Some(report), Some(text)) = (&report.checklist, checklist) {
                    let lines = Lines::of(text);
                    for d in &report.diagnostics {
                        lines.assert_inside(d);
                    }
                }
            }
        }
    }

    /// The report in every output format the CLI and the package offer.
    fn renderings(&self) -> Vec<(&'static str, String)> {
        const NAME: &str = "input.txt";
        match self {
            Outcome::Report(report, source) => vec![
                ("text", text::render(report, NAME, source)),
                ("json", json::render(report)),
                ("sarif", sarif::render(report, NAME)),
                ("markdown", markdown::report(report, NAME)),
                ("github", github::report(report, Some(NAME))),
                ("github (stdin)", github::report(report, None)),
            ],
            Outcome::Readiness(report, _, checklist) => {
                let checklist = checklist.as_ref().map(|_| "checklist.json");
                vec![
                    ("json", json::readiness(report)),
                    ("plain", plain::readiness(report, NAME)),
                    ("markdown", markdown::readiness(report, NAME)),
                    ("github", github::readiness(report, Some(NAME), checklist)),
                    ("junit", junit::readiness(report, NAME, checklist)),
                ]
            }
        }
    }
}

fn options() -> Options {
    Options {
        date: Some("2026-12-01".into()),
        ..Options::default()
    }
}

fn outcome(input: &Input) -> Outcome {
    let options = options();
    match input {
        Input::Request(address, bytes) => Outcome::Report(
            validate_request_bytes(address, bytes, &options),
            String::from_utf8_lossy(bytes).into_owned(),
        ),
        Input::Response(address, bytes) => Outcome::Report(
            validate_response_bytes(address, bytes, &options),
            String::from_utf8_lossy(bytes).into_owned(),
        ),
        Input::Paste(text) => Outcome::Report(validate_input(text, None, &options), text.clone()),
        Input::PasteBytes(bytes) => Outcome::Report(
            input::validate_input_bytes(bytes, None, &options),
            String::from_utf8_lossy(bytes).into_owned(),
        ),
        Input::Session(recording, checklist) => Outcome::Readiness(
            Box::new(analyze_session(
                recording,
                checklist.as_deref(),
                &options,
                &mut |_| {},
            )),
            recording.clone(),
            checklist.clone(),
        ),
        Input::Checklist(text) => Outcome::Report(validate_checklist(text, &options), text.clone()),
    }
}

/// Characters no output may hold raw: C0 but tab and line feed, DEL, C1, bidi controls.
fn is_raw_control(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Runs every case; panics listing each one that failed, with the rules it gave and its time.
pub fn run(cases: Vec<Case>, tokens: &[&str]) {
    let names: std::collections::BTreeSet<_> = cases.iter().map(|c| c.name).collect();
    assert_eq!(names.len(), cases.len(), "two cases share a name");
    let mut failed = Vec::new();
    for case in &cases {
        // The bound covers the answer in every format: reviewing and rendering.
        let started = Instant::now();
        let outcome = outcome(&case.input);
        let renderings = outcome.renderings();
        let elapsed = started.elapsed();
        if std::env::var_os("HOSTILE_TIMES").is_some() {
            eprintln!("{elapsed:>10.1?}  {}", case.name);
        }
        let rules = outcome.rules();
        if rules != case.rules || elapsed >= case.bound {
            let messages: Vec<String> = outcome
                .diagnostics()
                .iter()
                .take(3)
                .map(|d| {
                    format!(
                        "  {}: {}",
                        d.rule,
                        d.message.chars().take(200).collect::<String>()
                    )
                })
                .collect();
            failed.push(format!(
                "{}: rules {rules:?} (expected {:?}), {elapsed:?} (bound {:?})\n{}",
                case.name,
                case.rules,
                case.bound,
                messages.join("\n")
            ));
            continue;
        }
        outcome.check_positions();
        for (format, output) in &renderings {
            if let Some(c) = output.chars().find(|&c| is_raw_control(c)) {
                panic!(
                    "{}: a raw {c:?} in the {format} output:\n{output}",
                    case.name
                );
            }
        }
        let named: Vec<(String, &str)> = renderings
            .iter()
            .map(|(format, output)| (format!("{} ({format})", case.name), output.as_str()))
            .collect();
        let outputs: Vec<(&str, &str)> = named.iter().map(|(n, o)| (n.as_str(), *o)).collect();
        assert_no_token_part(tokens, &outputs);
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
