//! The readiness report: a verdict, per-operation table, per-AccessToken rate profile, deprecation
//! timeline and every diagnostic. Shaped like a [`Report`](crate::diagnostic::Report) (`valid`,
//! `diagnostics`) so tools can treat it as one; the JSON Schema is
//! `schemas/readiness-report.schema.json`.

use serde::{Deserialize, Serialize};

use super::reader::Format;
use crate::diagnostic::{Deprecation, Diagnostic, Report, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Ready,
    NotReady,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// What the recording held.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub format: Option<String>,
    /// Entries (HAR) or non-blank lines (NDJSON) read.
    pub entries: usize,
    /// Connector API calls reviewed.
    pub calls: usize,
    /// Entries that are not Connector API calls (other URLs, non-POST methods), skipped.
    pub ignored: usize,
    /// Entries that could not be read, skipped (each has a diagnostic).
    pub unreadable: usize,
    pub first_call: Option<String>,
    pub last_call: Option<String>,
    pub client_names: Vec<String>,
    pub hosts: Vec<String>,
}

/// One row of the per-operation table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationRow {
    pub address: String,
    /// Operation name from the catalog; `None` for addresses that are no operation.
    pub name: Option<String>,
    /// Listed in the checklist; `None` without a checklist.
    pub declared: Option<bool>,
    pub calls: usize,
    /// Calls answered 2xx.
    pub successes: usize,
    /// Calls answered otherwise, or not answered.
    pub failures: usize,
    /// Findings listed about this operation's calls (request and session rules; a notice repeated
    /// by many calls is listed, and counted, once), plus request findings beyond the listing cap.
    pub diagnostics: usize,
}

/// Requests per second and the sliding-window count, for one second with calls.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecondBucket {
    /// Unix time, seconds.
    pub second: i64,
    pub requests: usize,
    /// Highest count of the sliding 30 s window at any call in this second.
    pub window_peak: usize,
}

/// A run of windows above the limit: the largest window's start and count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Burst {
    pub window_start: String,
    pub count: usize,
    /// Index of the first call above the limit.
    pub call: usize,
}

/// The rate profile of one AccessToken (masked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RateProfile {
    pub access_token: String,
    pub calls: usize,
    pub limit: usize,
    /// Highest count of requests in any sliding 30 s window.
    pub peak: usize,
    pub peak_window_start: Option<String>,
    /// The checklist's `expectedLoad.peakRequestsPer30s`, when a checklist was given.
    pub declared_peak: Option<u64>,
    pub bursts: Vec<Burst>,
    /// One bucket per second with calls, in time order.
    pub series: Vec<SecondBucket>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessReport {
    /// False exactly when `diagnostics` or `checklist.diagnostics` hold an error.
    pub valid: bool,
    pub verdict: Verdict,
    pub counts: Counts,
    pub summary: Summary,
    pub operations: Vec<OperationRow>,
    pub rate_profiles: Vec<RateProfile>,
    /// The checklist's own report (located in the checklist text), when one was given.
    pub checklist: Option<Report>,
    /// Findings located in the recording; request-rule findings (with `call`) are located in that call's body.
    pub diagnostics: Vec<Diagnostic>,
    /// The deprecation timeline of the called operations and the deprecated properties sent
    /// (absent from reports of earlier versions: read as empty).
    #[serde(default)]
    pub deprecations: Vec<Deprecation>,
}

impl ReadinessReport {
    /// Orders diagnostics (session-wide first, then by call), counts them and sets the verdict.
    pub fn finish(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (a.call.map_or(0, |c| c + 1), a.line, a.column, &a.rule).cmp(&(
                b.call.map_or(0, |c| c + 1),
                b.line,
                b.column,
                &b.rule,
            ))
        });
        let all = || {
            self.diagnostics
                .iter()
                .chain(self.checklist.iter().flat_map(|c| c.diagnostics.iter()))
        };
        self.counts = Counts {
            errors: all().filter(|d| d.severity == Severity::Error).count(),
            warnings: all().filter(|d| d.severity == Severity::Warning).count(),
            infos: all().filter(|d| d.severity == Severity::Info).count(),
        };
        self.valid = self.counts.errors == 0;
        self.verdict = if self.valid {
            Verdict::Ready
        } else {
            Verdict::NotReady
        };
    }
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Har => "har",
            Format::Ndjson => "ndjson",
        }
    }
}
