//! One pass over a recording: each Connector API call is validated by the engine and tallied as
//! it is read; timing is analysed per AccessToken; the checklist cross-check runs at the end.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use super::call::{self, Exchange};
use super::cursor::Cursor;
use super::findings::Findings;
use super::insight::{self, Insight};
use super::reader::{self, Format, Item, ReadError};
use super::report::{OperationRow, ReadinessReport, Summary, Verdict};
use super::timing::{CallRef, Event, Timing};
use super::{Progress, har, ndjson};
use crate::api::{BodyKind, address};
use crate::checklist::{self, Declared};
use crate::diagnostic::Location;
use crate::diagnostic::{Diagnostic, Severity};
use crate::options::{Environment, Options};
use crate::pipeline::{self, timeline::Timeline};
use crate::rules;

/// Progress is reported at most once per this many bytes.
const PROGRESS_STEP: usize = 256 * 1024;
const PRODUCTION_HOST: &str = "api.mews.com";
const CONNECTOR_PREFIX: &str = "/api/connector/";

/// The authentication fields of a body, as far as they are strings (other shapes are the engine's
/// to report).
#[derive(Deserialize, Default)]
struct Credentials {
    #[serde(rename = "AccessToken", default)]
    access_token: Option<serde_json::Value>,
    #[serde(rename = "Client", default)]
    client: Option<serde_json::Value>,
}

#[derive(Default)]
struct OperationTally {
    row: OperationRow,
    first_call: Option<(usize, String, Location)>,
}

struct Review<'t, 'p> {
    text: &'t str,
    options: &'t Options,
    progress: &'p mut dyn FnMut(Progress),
    last_progress: usize,
    cursor: Cursor<'t>,
    summary: Summary,
    /// The hosts of `summary.hosts`, for a quick "seen" test.
    hosts: HashSet<String>,
    /// The earliest and latest call by time: (epoch ms, call index, time as recorded).
    first_call: Option<(i64, usize, String)>,
    last_call: Option<(i64, usize, String)>,
    operations: BTreeMap<String, OperationTally>,
    clients: BTreeMap<String, (usize, Location, usize, String)>,
    production: Option<(usize, Location, usize, String)>,
    timing: Timing,
    insight: Insight,
    findings: Findings,
    timeline: Timeline,
}

pub fn analyze(
    text: &str,
    checklist_text: Option<&str>,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> ReadinessReport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = reader::detect(text);
    let mut review = Review {
        text,
        options,
        progress,
        last_progress: 0,
        cursor: Cursor::new(text),
        summary: Summary {
            format: Some(format.name().to_string()),
            ..Summary::default()
        },
        hosts: HashSet::new(),
        first_call: None,
        last_call: None,
        operations: BTreeMap::new(),
        clients: BTreeMap::new(),
        production: None,
        timing: Timing::default(),
        insight: Insight::default(),
        findings: Findings::default(),
        timeline: Timeline::default(),
    };
    if let Some(too_large) = pipeline::limits::too_large("The recording", text.len(), options) {
        let place = review.place(0, String::new());
        review.add(place.diagnostic(too_large.rule, too_large.message));
        let checklist = checklist_text.map(|t| checklist::review_checklist(t, options));
        return review.finish(checklist);
    }
    let outcome = match format {
        Format::Har => har::read(text, &mut |item| review.item(item)),
        Format::Ndjson => {
            ndjson::read(text, &mut |item| review.item(item));
            Ok(())
        }
    };
    if let Err(error) = outcome {
        review.unreadable(&error);
    }
    let checklist = checklist_text.map(|t| checklist::review_checklist(t, options));
    review.finish(checklist)
}

impl Review<'_, '_> {
    fn item(&mut self, item: Item) {
        self.summary.entries += 1;
        match item {
            Item::Exchange(exchange) => self.exchange(exchange),
            Item::Unreadable {
                offset,
                pointer,
                message,
            } => {
                self.summary.unreadable += 1;
                let place = self.place(offset, pointer);
                self.add(place.diagnostic(rules::SESSION_ENTRY_UNREADABLE, message));
                self.report_progress(offset);
            }
        }
    }

    fn unreadable(&mut self, error: &ReadError) {
        let place = self.place(error.offset, String::new());
        self.add(place.diagnostic(rules::SESSION_UNREADABLE, error.message.clone()));
    }

    fn add(&mut self, diagnostic: Diagnostic) {
        self.findings.add(self.options, diagnostic);
    }

    fn place(&mut self, offset: usize, pointer: String) -> Location {
        let at = self.cursor.position(offset);
        Location {
            pointer,
            line: at.line,
            column: at.column,
            end_line: at.line,
            end_column: at.column,
        }
    }

    fn report_progress(&mut self, offset: usize) {
        if offset >= self.last_progress + PROGRESS_STEP {
            self.last_progress = offset;
            (self.progress)(Progress {
                bytes: offset,
                total_bytes: self.text.len(),
                calls: self.summary.calls,
            });
        }
    }

    fn exchange(&mut self, exchange: Exchange) {
        self.report_progress(exchange.offset);
        let (host, path) = call::host_and_path(&exchange.url);
        if !exchange.method.eq_ignore_ascii_case("POST") || !path.starts_with(CONNECTOR_PREFIX) {
            self.summary.ignored += 1;
            return;
        }
        let Some(start_ms) = call::epoch_millis(&exchange.started) else {
            self.summary.unreadable += 1;
            let place = self.place(exchange.offset, exchange.pointer.clone());
            let time = call::quoted(&exchange.started);
            let message = if call::beyond_range(&exchange.started) {
                format!(
                    "The call's time `{time}` is after 9999-12-30, the latest time the review can place; the call is skipped."
                )
            } else {
                format!(
                    "The call's time `{time}` is not an RFC 3339 date-time (e.g. 2026-11-23T14:05:00.123Z); the call is skipped."
                )
            };
            self.add(place.diagnostic(rules::SESSION_ENTRY_UNREADABLE, message));
            return;
        };
        let index = self.summary.calls;
        self.summary.calls += 1;
        if self
            .first_call
            .as_ref()
            .is_none_or(|(ms, ..)| start_ms < *ms)
        {
            self.first_call = Some((start_ms, index, exchange.started.clone()));
        }
        if self
            .last_call
            .as_ref()
            .is_none_or(|(ms, ..)| start_ms >= *ms)
        {
            self.last_call = Some((start_ms, index, exchange.started.clone()));
        }
        if !host.is_empty() && !self.hosts.contains(host) {
            self.hosts.insert(host.to_string());
            self.summary.hosts.push(host.to_string());
        }
        let place = self.place(exchange.offset, exchange.pointer.clone());
        let path = path.to_string();

        let mut checked = pipeline::check(&path, &exchange.body, BodyKind::Request, self.options);
        if let Some(operation) = checked.operation {
            self.timeline.operation(operation, 1);
            let deprecated = std::mem::take(&mut checked.deprecated);
            self.timeline.properties(operation, deprecated);
        }
        // An address that is no operation is shown (and grouped) shortened, as its message shows
        // it: a 1 MB URL would otherwise repeat in full in the table and on every finding.
        let path = match checked.operation {
            Some(_) => path,
            None => address::shortened(&path),
        };
        let report = pipeline::report(&exchange.body, checked, self.options);
        let tally = self.operations.entry(path.clone()).or_default();
        tally.row.address.clone_from(&path);
        if tally.row.name.is_none() {
            tally.row.name = report.operation.as_ref().map(|op| op.name.clone());
        }
        tally.row.calls += 1;
        if (200..300).contains(&exchange.status) {
            tally.row.successes += 1;
        } else {
            tally.row.failures += 1;
        }
        if tally.first_call.is_none() {
            tally.first_call = Some((index, exchange.started.clone(), place.clone()));
        }
        for mut diagnostic in report.diagnostics {
            // Fixes are offsets into the call's body, not into the recording.
            diagnostic.fixes.clear();
            diagnostic.call = Some(index);
            diagnostic.time = Some(exchange.started.clone());
            diagnostic.address = Some(path.clone());
            // Warnings and infos repeat word for word on every call (the demo-token notice):
            // listed once with a count, they leave room for the errors.
            // The table counts what the list shows: a repeated notice once.
            let counted = if diagnostic.severity == Severity::Error {
                self.findings.add(self.options, diagnostic);
                true
            } else {
                self.findings.add_repeatable(self.options, diagnostic)
            };
            if let Some(tally) = counted.then(|| self.operations.get_mut(&path)).flatten() {
                tally.row.diagnostics += 1;
            }
        }

        let credentials: Credentials = serde_json::from_str(&exchange.body).unwrap_or_default();
        if let Some(client) = credentials.client.as_ref().and_then(|c| c.as_str()) {
            let seen = self
                .clients
                .entry(client.to_string())
                .or_insert_with(|| (0, place.clone(), index, exchange.started.clone()));
            seen.0 += 1;
        }
        if host.eq_ignore_ascii_case(PRODUCTION_HOST) {
            let seen = self
                .production
                .get_or_insert_with(|| (0, place.clone(), index, exchange.started.clone()));
            seen.0 += 1;
        }
        let token = credentials
            .access_token
            .as_ref()
            .and_then(|t| t.as_str())
            .unwrap_or("(none)")
            .to_string();
        let end_ms = start_ms.saturating_add(call::bounded_millis(exchange.duration_ms));
        let retry_after_ms = exchange
            .retry_after
            .as_deref()
            .and_then(|value| call::retry_after_millis(value, end_ms));
        self.insight.push(insight::Call {
            start_ms,
            end_ms,
            call: index,
            started: &exchange.started,
            location: &place,
            token: &token,
            address: &path,
            status: exchange.status,
            body: &exchange.body,
            response: &exchange.response,
        });
        self.timing.push(Event {
            start_ms,
            call: index,
            end_ms,
            token,
            address: path,
            status: exchange.status,
            retry_after_ms,
            started: exchange.started,
            location: place,
        });
    }

    fn finish(mut self, checklist: Option<checklist::ChecklistReview>) -> ReadinessReport {
        (self.progress)(Progress {
            bytes: self.text.len(),
            total_bytes: self.text.len(),
            calls: self.summary.calls,
        });
        let timing = std::mem::take(&mut self.timing);
        let insight = std::mem::take(&mut self.insight);
        let (findings, operations, options) =
            (&mut self.findings, &mut self.operations, self.options);
        let mut sink = |address: &str, diagnostic| {
            add_about(findings, operations, options, address, diagnostic);
        };
        let profiles = timing.finish(&mut sink);
        insight.finish(&mut sink);
        self.session_wide_checks();

        let declared = checklist.as_ref().and_then(|c| c.declared.clone());
        let mut checklist_report = checklist.map(|c| c.report);
        let mut rate_profiles = Vec::new();
        for timing in profiles {
            let mut profile = timing.profile;
            if let Some(declared) = &declared {
                self.check_declared_load(declared, &mut profile, timing.peak_at);
            }
            rate_profiles.push(profile);
        }
        if let Some(declared) = &declared {
            self.check_declared_client(declared);
            let not_tested = self.check_declared_operations(declared);
            if let Some(report) = &mut checklist_report {
                report.diagnostics.extend(self.options.apply(not_tested));
                let deprecations = std::mem::take(&mut report.deprecations);
                *report =
                    crate::diagnostic::Report::new(None, std::mem::take(&mut report.diagnostics));
                report.deprecations = deprecations;
            }
        }
        // Without a usable evaluation date (a malformed option, or none in wasm) the recording dates
        // itself.
        let evaluated = self.options.evaluation_date().ok().flatten().or_else(|| {
            let (last_ms, ..) = self.last_call.as_ref()?;
            pipeline::timeline::day_of(*last_ms)
        });
        let deprecations = std::mem::take(&mut self.timeline).entries(evaluated);
        self.summary.client_names = self.clients.keys().cloned().collect();
        self.summary.first_call = self.first_call.map(|(.., time)| time);
        self.summary.last_call = self.last_call.map(|(.., time)| time);
        let operations = self.operations.into_values().map(|t| t.row).collect();
        let mut report = ReadinessReport {
            valid: false,
            verdict: Verdict::NotReady,
            counts: Default::default(),
            summary: self.summary,
            operations,
            rate_profiles,
            checklist: checklist_report,
            diagnostics: self.findings.into_listed(self.options),
            deprecations,
        };
        report.scrub(self.text);
        report.finish();
        report
    }

    fn session_wide_checks(&mut self) {
        if self.summary.calls == 0 {
            let message = format!(
                "Found no Connector API call (POST to /api/connector/…) among {} entries; expected the demo activity of your integration.",
                self.summary.entries
            );
            self.add(Location::start().diagnostic(rules::SESSION_NO_CALLS, message));
        }
        if self.clients.len() > 1 {
            // A session may send a different name on every call: name a few, count the rest.
            const NAMED: usize = 5;
            let named: Vec<String> = self
                .clients
                .iter()
                .take(NAMED)
                .map(|(name, (count, ..))| format!("\"{}\" ({count} calls)", call::quoted(name)))
                .collect();
            let latest = self.clients.values().max_by_key(|(_, _, call, _)| *call);
            if let Some((_, place, call, time)) = latest {
                let more = match self.clients.len().saturating_sub(NAMED) {
                    0 => String::new(),
                    rest => format!(" and {rest} more"),
                };
                let message = format!(
                    "Found {} `Client` names: {}{more}; expected one unique name in every demo call.",
                    self.clients.len(),
                    named.join(", ")
                );
                self.add(with_call(
                    place.diagnostic(rules::MULTIPLE_CLIENT_NAMES, message),
                    *call,
                    time,
                ));
            }
        }
        let placeholders: Vec<_> = self
            .clients
            .iter()
            .filter(|(name, _)| crate::conformance::is_placeholder_client(name))
            .map(|(name, (count, place, call, time))| {
                (name.clone(), *count, place.clone(), *call, time.clone())
            })
            .collect();
        for (name, count, place, call, time) in placeholders {
            let message = format!(
                "{count} calls send the sample or placeholder `Client` \"{}\"; expected your application's own unique name and version.",
                call::quoted(&name)
            );
            self.add(with_call(
                place.diagnostic(rules::PLACEHOLDER_CLIENT_NAME, message),
                call,
                &time,
            ));
        }
        if let (Some((count, place, call, time)), Environment::Demo) =
            (&self.production, self.options.environment)
        {
            let message = format!(
                "{count} calls went to the production host {PRODUCTION_HOST}; a demo review expects calls to api.mews-demo.com only."
            );
            self.add(with_call(
                place.diagnostic(rules::PRODUCTION_HOST_IN_DEMO, message),
                *call,
                time,
            ));
        }
        let failing: Vec<(String, Diagnostic)> = self
            .operations
            .values()
            .filter(|t| t.row.successes == 0)
            .filter_map(|t| {
                let (call, time, place) = t.first_call.as_ref()?;
                let calls = match t.row.calls {
                    1 => "The only call".to_string(),
                    n => format!("All {n} calls"),
                };
                let message = format!(
                    "{calls} of `{}` failed (no 2xx response); expected at least one successful call showing the operation works.",
                    call::quoted(&t.row.address)
                );
                let diagnostic = place.diagnostic(rules::OPERATION_ALWAYS_FAILING, message);
                Some((t.row.address.clone(), with_call(diagnostic, *call, time)))
            })
            .collect();
        for (address, diagnostic) in failing {
            self.add_about(&address, diagnostic);
        }
    }

    fn check_declared_load(
        &mut self,
        declared: &Declared,
        profile: &mut super::report::RateProfile,
        peak_at: Option<CallRef>,
    ) {
        let Some((declared_peak, _)) = &declared.peak else {
            return;
        };
        profile.declared_peak = Some(*declared_peak);
        let (Some(event), true) = (peak_at, profile.peak as u64 > *declared_peak) else {
            return;
        };
        let message = format!(
            "Measured {} requests with AccessToken {} in the 30 s window starting {}; the checklist expects at most {declared_peak}. Update the expected load or reduce the calls.",
            profile.peak,
            profile.access_token,
            profile.peak_window_start.as_deref().unwrap_or("?")
        );
        self.add(with_call(
            event
                .location
                .diagnostic(rules::LOAD_ABOVE_DECLARED, message),
            event.call,
            &event.started,
        ));
    }

    fn check_declared_client(&mut self, declared: &Declared) {
        let Some(expected) = &declared.client else {
            return;
        };
        let mismatches: Vec<Diagnostic> = self
            .clients
            .iter()
            .filter(|(name, _)| *name != expected)
            .map(|(name, (count, place, call, time))| {
                let message = format!(
                    "{count} calls send `Client` \"{}\"; the checklist declares \"{}\". Mews finds your demo activity by the declared name.",
                    call::quoted(name),
                    call::quoted(expected)
                );
                with_call(place.diagnostic(rules::CLIENT_NAME_NOT_DECLARED, message), *call, time)
            })
            .collect();
        for mismatch in mismatches {
            self.add(mismatch);
        }
    }

    /// `operation-not-declared` into the session diagnostics; returns `operation-not-tested`
    /// (located in the checklist).
    fn check_declared_operations(&mut self, declared: &Declared) -> Vec<Diagnostic> {
        for tally in self.operations.values_mut() {
            tally.row.declared = Some(
                declared
                    .operations
                    .iter()
                    .any(|(a, _)| *a == tally.row.address),
            );
        }
        let not_declared: Vec<(String, Diagnostic)> = self
            .operations
            .values()
            .filter(|t| t.row.declared == Some(false))
            .filter_map(|t| {
                let (call, time, place) = t.first_call.as_ref()?;
                let message = format!(
                    "`{}` is called {} times but not listed in the checklist; expected every operation the integration uses to be declared with its purpose.",
                    call::quoted(&t.row.address),
                    t.row.calls
                );
                let diagnostic = place.diagnostic(rules::OPERATION_NOT_DECLARED, message);
                Some((t.row.address.clone(), with_call(diagnostic, *call, time)))
            })
            .collect();
        for (address, diagnostic) in not_declared {
            self.add_about(&address, diagnostic);
        }

        declared
            .operations
            .iter()
            .filter_map(|(address, place)| {
                let row = self.operations.get(address).map(|t| &t.row);
                let found = match row {
                    Some(row) if row.successes > 0 => return None,
                    Some(row) => format!("{} calls, none successful", row.calls),
                    None => "no call".to_string(),
                };
                let mut diagnostic = place.diagnostic(
                    rules::OPERATION_NOT_TESTED,
                    format!(
                        "`{}` is listed but the session has {found}; expected at least one successful demo call.",
                        call::quoted(address)
                    ),
                );
                diagnostic.address = Some(address.clone());
                Some(diagnostic)
            })
            .collect()
    }

    fn add_about(&mut self, address: &str, diagnostic: Diagnostic) {
        add_about(
            &mut self.findings,
            &mut self.operations,
            self.options,
            address,
            diagnostic,
        );
    }
}

/// Adds a finding about calls of `address`, counted in that operation's row.
fn add_about(
    findings: &mut Findings,
    operations: &mut BTreeMap<String, OperationTally>,
    options: &Options,
    address: &str,
    diagnostic: Diagnostic,
) {
    // A rule turned off is not counted either.
    let Some(mut diagnostic) = options.apply(vec![diagnostic]).pop() else {
        return;
    };
    diagnostic.address = Some(address.to_string());
    if let Some(tally) = operations.get_mut(address) {
        tally.row.diagnostics += 1;
    }
    findings.add(options, diagnostic);
}

fn with_call(mut diagnostic: Diagnostic, call: usize, time: &str) -> Diagnostic {
    diagnostic.call = Some(call);
    diagnostic.time = Some(time.to_string());
    diagnostic
}
