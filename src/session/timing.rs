//! Per-AccessToken timing: the sliding 30 s window (peak and bursts above the limit), the
//! per-second series a chart needs, and how the client waits after responses that ask for a
//! retry later (429, 408, 5xx).
//!
//! Calls are analysed in time order whatever their order in the recording (HAR files of several
//! tabs and merged logs list calls out of order): each call is kept as a small record while the
//! recording is read (token and address as indexes into tables) and the records are sorted at
//! the end. Waits after such a response are measured from its end; a call sent while that
//! response was still outstanding ran concurrently and is no retry.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

use jiff::Timestamp;

use super::report::{Burst, RateProfile, SecondBucket};
use crate::api::limits::{REQUESTS_PER_WINDOW, WINDOW_MS};
use crate::diagnostic::{Diagnostic, Location, Rule};
use crate::rules;

/// What timing needs of one call.
#[derive(Debug, Clone)]
pub struct Event {
    pub start_ms: i64,
    /// Order in the recording, so equal times keep their recorded order.
    pub call: usize,
    /// When the response was complete (`start_ms` when no duration was recorded).
    pub end_ms: i64,
    pub token: String,
    pub address: String,
    pub status: u16,
    pub retry_after_ms: Option<i64>,
    pub started: String,
    pub location: Location,
}

/// The call a finding is located at.
#[derive(Debug, Clone)]
pub struct CallRef {
    pub call: usize,
    pub started: String,
    pub location: Location,
}

/// A call as kept until the analysis: compact, the token and address as table indexes.
struct Record {
    start_ms: i64,
    end_ms: i64,
    call: usize,
    retry_after_ms: Option<i64>,
    started: Box<str>,
    pointer: Box<str>,
    line: u32,
    column: u32,
    token: u32,
    address: u32,
    status: u16,
}

impl Record {
    fn call_ref(&self) -> CallRef {
        CallRef {
            call: self.call,
            started: self.started.to_string(),
            location: Location {
                pointer: self.pointer.to_string(),
                line: self.line,
                column: self.column,
                end_line: self.line,
                end_column: self.column,
            },
        }
    }

    fn diagnostic(&self, rule: Rule, message: String) -> Diagnostic {
        let at = self.call_ref();
        let mut diagnostic = at.location.diagnostic(rule, message);
        diagnostic.call = Some(at.call);
        diagnostic.time = Some(at.started);
        diagnostic
    }
}

/// Distinct strings numbered in order of first appearance.
#[derive(Default)]
struct Table {
    ids: HashMap<String, u32>,
}

impl Table {
    fn id(&mut self, name: String) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(name).or_insert(next)
    }

    /// The strings, indexed by id.
    fn names(self) -> Vec<String> {
        let mut names = vec![String::new(); self.ids.len()];
        for (name, id) in self.ids {
            if let Some(slot) = names.get_mut(id as usize) {
                *slot = name;
            }
        }
        names
    }
}

/// A response asking for a retry later (429, 408, 5xx) the next calls of its token are measured
/// against, ordered by when it ended.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct PendingRetry {
    end_ms: i64,
    call: usize,
    retry_after_ms: Option<i64>,
    address: u32,
    status: u16,
}

/// Statuses the guidelines answer with a retry after a growing wait: 429 (when no `Retry-After`
/// says how long), 408 and 5xx.
fn asks_for_retry(status: u16) -> bool {
    matches!(status, 408 | 429 | 500..=599)
}

/// After a 408 or 5xx, a call this much later is the next scheduled attempt (a poll meeting the
/// same outage), not a retry loop. 429 runs have no such horizon: a fixed pause there is what
/// the request-limits guideline warns against.
const OUTAGE_RETRY_HORIZON_MS: i64 = 60_000;

/// An ongoing run of windows above the limit.
struct OpenBurst {
    start_ms: i64,
    count: usize,
    at: usize,
}

#[derive(Default)]
struct TokenState {
    calls: usize,
    window: VecDeque<i64>,
    peak: usize,
    peak_start_ms: i64,
    peak_at: Option<CallRef>,
    burst: Option<OpenBurst>,
    bursts: Vec<Burst>,
    series: Vec<SecondBucket>,
    /// Responses asking for a retry that no call has started after yet, earliest end first.
    pending: BinaryHeap<Reverse<PendingRetry>>,
    /// Wait before the previous retry of an unbroken run of such responses without `Retry-After`.
    last_retry_gap_ms: Option<i64>,
    fixed_interval_reported: bool,
}

/// The timing result of one AccessToken: its profile and the call at its peak.
pub struct TokenTiming {
    pub profile: RateProfile,
    pub peak_at: Option<CallRef>,
}

/// Collects calls in any order and analyses them in time order.
#[derive(Default)]
pub struct Timing {
    records: Vec<Record>,
    tokens: Table,
    addresses: Table,
}

/// Receives each timing finding with the address of the call it is about.
pub type Sink<'s> = &'s mut dyn FnMut(&str, Diagnostic);

impl Timing {
    pub fn push(&mut self, event: Event) {
        let record = Record {
            start_ms: event.start_ms,
            end_ms: event.end_ms.max(event.start_ms),
            call: event.call,
            retry_after_ms: event.retry_after_ms,
            started: event.started.into_boxed_str(),
            pointer: event.location.pointer.into_boxed_str(),
            line: event.location.line,
            column: event.location.column,
            token: self.tokens.id(event.token),
            address: self.addresses.id(event.address),
            status: event.status,
        };
        self.records.push(record);
    }

    /// Analyses the calls in time order (ties in recorded order), hands each finding to `sink`
    /// and returns the per-token profiles (masked), ordered by token.
    pub fn finish(self, sink: Sink<'_>) -> Vec<TokenTiming> {
        let Timing {
            mut records,
            tokens,
            addresses,
        } = self;
        records.sort_unstable_by_key(|r| (r.start_ms, r.call));
        let tokens = tokens.names();
        let addresses = addresses.names();
        let mut states: Vec<TokenState> = tokens.iter().map(|_| TokenState::default()).collect();
        let mut analysis = Analysis {
            records: &records,
            tokens: &tokens,
            addresses: &addresses,
            sink,
        };
        for (index, record) in records.iter().enumerate() {
            if let Some(state) = states.get_mut(record.token as usize) {
                analysis.process(state, index);
            }
        }
        let mut profiles: Vec<(&String, TokenTiming)> = Vec::new();
        for (token, mut state) in tokens.iter().zip(states) {
            if let Some(open) = state.burst.take() {
                analysis.close_burst(token, open, &mut state.bursts);
            }
            let profile = RateProfile {
                access_token: crate::secret::mask(token),
                calls: state.calls,
                limit: REQUESTS_PER_WINDOW as usize,
                peak: state.peak,
                peak_window_start: state
                    .peak_at
                    .as_ref()
                    .map(|_| iso_millis(state.peak_start_ms)),
                declared_peak: None,
                bursts: state.bursts,
                series: state.series,
            };
            profiles.push((
                token,
                TokenTiming {
                    profile,
                    peak_at: state.peak_at,
                },
            ));
        }
        profiles.sort_by(|a, b| a.0.cmp(b.0));
        profiles.into_iter().map(|(_, timing)| timing).collect()
    }
}

/// The sorted calls, the tables their indexes point into, and where findings go.
struct Analysis<'a, 's> {
    records: &'a [Record],
    tokens: &'a [String],
    addresses: &'a [String],
    sink: Sink<'s>,
}

/// The name of a table index.
fn name(table: &[String], id: u32) -> &str {
    table.get(id as usize).map_or("", String::as_str)
}

impl<'a> Analysis<'a, '_> {
    fn process(&mut self, state: &mut TokenState, index: usize) {
        let records: &'a [Record] = self.records;
        let record = &records[index];
        state.calls += 1;
        while state
            .window
            .front()
            .is_some_and(|&t| t <= record.start_ms.saturating_sub(WINDOW_MS))
        {
            state.window.pop_front();
        }
        state.window.push_back(record.start_ms);
        let count = state.window.len();
        let window_start = state.window.front().copied().unwrap_or(record.start_ms);
        if count > state.peak {
            state.peak = count;
            state.peak_start_ms = window_start;
            state.peak_at = Some(record.call_ref());
        }
        if count > REQUESTS_PER_WINDOW as usize {
            match &mut state.burst {
                Some(open) if count > open.count => {
                    open.count = count;
                    open.start_ms = window_start;
                }
                Some(_) => {}
                None => {
                    state.burst = Some(OpenBurst {
                        start_ms: window_start,
                        count,
                        at: index,
                    })
                }
            }
        } else if let Some(open) = state.burst.take() {
            let tokens: &'a [String] = self.tokens;
            self.close_burst(name(tokens, record.token), open, &mut state.bursts);
        }

        let second = record.start_ms.div_euclid(1000);
        match state.series.last_mut() {
            Some(bucket) if bucket.second == second => {
                bucket.requests += 1;
                bucket.window_peak = bucket.window_peak.max(count);
            }
            _ => state.series.push(SecondBucket {
                second,
                requests: 1,
                window_peak: count,
            }),
        }

        self.check_retry(state, record);
    }

    fn close_burst(&mut self, token: &str, open: OpenBurst, bursts: &mut Vec<Burst>) {
        let records: &'a [Record] = self.records;
        let record = &records[open.at];
        let start = iso_millis(open.start_ms);
        let diagnostic = record.diagnostic(
            rules::RATE_LIMIT_EXCEEDED,
            format!(
                "Found {} requests with AccessToken {} in the 30 s window starting {start}; the limit is {REQUESTS_PER_WINDOW} per sliding 30 s window.",
                open.count,
                crate::secret::mask(token)
            ),
        );
        (self.sink)(name(self.addresses, record.address), diagnostic);
        bursts.push(Burst {
            window_start: start,
            count: open.count,
            call: record.call,
        });
    }

    /// Measures the call against the responses of its token that asked for a retry and ended
    /// before it started; responses still outstanding are left for later calls (this one ran
    /// concurrently).
    fn check_retry(&mut self, state: &mut TokenState, record: &Record) {
        // The 429 Retry-After wait the call cut shortest, and the wait after the latest response
        // without Retry-After of the same operation (a retry), with that response's status.
        let mut ignored: Option<(i64, i64)> = None;
        let mut retry_wait: Option<(i64, u16)> = None;
        while state
            .pending
            .peek()
            .is_some_and(|Reverse(p)| p.end_ms <= record.start_ms)
        {
            let Some(Reverse(pending)) = state.pending.pop() else {
                break;
            };
            let waited = record.start_ms - pending.end_ms;
            match pending.retry_after_ms {
                Some(asked)
                    if pending.status == 429
                        && waited < asked
                        && ignored.is_none_or(|(w, a)| asked - waited > a - w) =>
                {
                    ignored = Some((waited, asked));
                }
                Some(_) => {}
                None if pending.address == record.address
                    && (pending.status == 429 || waited < OUTAGE_RETRY_HORIZON_MS)
                    && retry_wait.is_none_or(|(w, _)| waited < w) =>
                {
                    retry_wait = Some((waited, pending.status));
                }
                None => {}
            }
        }
        if let Some((waited, asked)) = ignored {
            let diagnostic = record.diagnostic(
                rules::RETRY_AFTER_IGNORED,
                format!(
                    "This call came {} after a 429 response that asked (Retry-After) to wait {}; expected no call with this AccessToken before the wait elapsed.",
                    seconds(waited),
                    seconds(asked)
                ),
            );
            (self.sink)(name(self.addresses, record.address), diagnostic);
        }
        if let Some((waited, status)) = retry_wait {
            if let Some(previous) = state.last_retry_gap_ms {
                // Exponential backoff: each wait longer than the last by more than timer jitter.
                let tolerance = (previous / 10).max(250);
                if waited <= previous + tolerance && !state.fixed_interval_reported {
                    state.fixed_interval_reported = true;
                    let answer = match status {
                        429 => "429 responses without Retry-After".to_string(),
                        status => format!("{status} responses"),
                    };
                    let diagnostic = record.diagnostic(
                        rules::FIXED_INTERVAL_RETRY,
                        format!(
                            "Retries after {answer} waited {} and then {}: the wait did not grow; expected exponential backoff (each wait longer than the last).",
                            seconds(previous),
                            seconds(waited)
                        ),
                    );
                    (self.sink)(name(self.addresses, record.address), diagnostic);
                }
            }
            state.last_retry_gap_ms = Some(waited);
        }
        if asks_for_retry(record.status) {
            state.pending.push(Reverse(PendingRetry {
                end_ms: record.end_ms,
                call: record.call,
                retry_after_ms: record.retry_after_ms,
                address: record.address,
                status: record.status,
            }));
        } else {
            state.last_retry_gap_ms = None;
            state.fixed_interval_reported = false;
        }
    }
}

fn seconds(ms: i64) -> String {
    format!("{:.3} s", ms as f64 / 1000.0)
}

/// Milliseconds since the epoch as RFC 3339 UTC with milliseconds.
pub fn iso_millis(ms: i64) -> String {
    match Timestamp::from_millisecond(ms) {
        Ok(at) => format!("{at:.3}"),
        Err(_) => ms.to_string(),
    }
}
