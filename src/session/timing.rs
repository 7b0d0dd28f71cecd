//! Per-AccessToken timing: the sliding 30 s window (peak and bursts above the limit), the
//! per-second series a chart needs, and how the client waits after 429 responses.
//!
//! State per token is the timestamps of the current window plus the series and a few counters,
//! so memory does not grow with the recording beyond one bucket per active second.

use std::cmp::Reverse;

use jiff::Timestamp;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use super::report::{Burst, RateProfile, SecondBucket};
use crate::api::limits::{REQUESTS_PER_WINDOW, WINDOW_MS};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Location;
use crate::rules;

/// Events are reordered by time within this horizon (recordings list parallel calls slightly out of order).
const REORDER_HORIZON_MS: i64 = 60_000;
/// And the reorder buffer never holds more events than this.
const REORDER_CAPACITY: usize = 10_000;

/// What timing needs of one call.
#[derive(Debug, Clone)]
pub struct Event {
    pub start_ms: i64,
    /// Order in the recording, so equal times keep their recorded order.
    pub call: usize,
    pub end_ms: i64,
    pub token: String,
    pub address: String,
    pub status: u16,
    pub retry_after_ms: Option<i64>,
    pub started: String,
    pub location: Location,
}

/// Events are ordered by time, then by their order in the recording.
impl Ord for Event {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.start_ms, self.call).cmp(&(other.start_ms, other.call))
    }
}

impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Event {}

/// A 429 response the next call of its token is measured against.
struct Pending429 {
    response_ms: i64,
    retry_after_ms: Option<i64>,
    address: String,
}

/// An ongoing run of windows above the limit.
struct OpenBurst {
    start_ms: i64,
    count: usize,
    event: Event,
}

#[derive(Default)]
struct TokenState {
    calls: usize,
    window: VecDeque<i64>,
    peak: usize,
    peak_start_ms: i64,
    peak_event: Option<Event>,
    burst: Option<OpenBurst>,
    bursts: Vec<Burst>,
    series: Vec<SecondBucket>,
    pending: Option<Pending429>,
    /// Wait before the previous retry of an unbroken run of 429s without `Retry-After`.
    last_retry_gap_ms: Option<i64>,
    fixed_interval_reported: bool,
}

/// The timing result of one AccessToken: its profile and the call at its peak.
pub struct TokenTiming {
    pub profile: RateProfile,
    pub peak_event: Option<Event>,
}

/// Collects events (in any order within the reorder horizon) and analyses them in time order.
#[derive(Default)]
pub struct Timing {
    pending: BinaryHeap<Reverse<Event>>,
    latest_ms: i64,
    tokens: BTreeMap<String, TokenState>,
    /// Findings, each with the address of the call it is about.
    diagnostics: Vec<(String, Diagnostic)>,
}

impl Timing {
    pub fn push(&mut self, event: Event) {
        self.latest_ms = self.latest_ms.max(event.start_ms);
        self.pending.push(Reverse(event));
        while let Some(Reverse(oldest)) = self.pending.peek() {
            let settled = oldest.start_ms <= self.latest_ms - REORDER_HORIZON_MS;
            if !settled && self.pending.len() <= REORDER_CAPACITY {
                break;
            }
            if let Some(Reverse(event)) = self.pending.pop() {
                self.process(event);
            }
        }
    }

    /// Analyses what is left and returns the diagnostics and the per-token profiles (masked).
    pub fn finish(mut self) -> (Vec<(String, Diagnostic)>, Vec<TokenTiming>) {
        while let Some(Reverse(event)) = self.pending.pop() {
            self.process(event);
        }
        let mut profiles = Vec::new();
        for (token, mut state) in std::mem::take(&mut self.tokens) {
            if let Some(open) = state.burst.take() {
                close_burst(&token, open, &mut state.bursts, &mut self.diagnostics);
            }
            let masked = crate::secret::mask(&token);
            profiles.push(TokenTiming {
                profile: RateProfile {
                    access_token: masked,
                    calls: state.calls,
                    limit: REQUESTS_PER_WINDOW as usize,
                    peak: state.peak,
                    peak_window_start: state
                        .peak_event
                        .as_ref()
                        .map(|_| iso_millis(state.peak_start_ms)),
                    declared_peak: None,
                    bursts: state.bursts,
                    series: state.series,
                },
                peak_event: state.peak_event,
            });
        }
        (self.diagnostics, profiles)
    }

    fn process(&mut self, event: Event) {
        let state = self.tokens.entry(event.token.clone()).or_default();
        state.calls += 1;

        while state
            .window
            .front()
            .is_some_and(|&t| t <= event.start_ms - WINDOW_MS)
        {
            state.window.pop_front();
        }
        state.window.push_back(event.start_ms);
        let count = state.window.len();
        let window_start = state.window.front().copied().unwrap_or(event.start_ms);
        if count > state.peak {
            state.peak = count;
            state.peak_start_ms = window_start;
            state.peak_event = Some(event.clone());
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
                        event: event.clone(),
                    })
                }
            }
        } else if let Some(open) = state.burst.take() {
            close_burst(&event.token, open, &mut state.bursts, &mut self.diagnostics);
        }

        let second = event.start_ms.div_euclid(1000);
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

        check_retry(state, &event, &mut self.diagnostics);
    }
}

fn close_burst(
    token: &str,
    open: OpenBurst,
    bursts: &mut Vec<Burst>,
    out: &mut Vec<(String, Diagnostic)>,
) {
    let start = iso_millis(open.start_ms);
    let mut diagnostic = open.event.location.diagnostic(
        rules::RATE_LIMIT_EXCEEDED,
        format!(
            "Found {} requests with AccessToken {} in the 30 s window starting {start}; the limit is {REQUESTS_PER_WINDOW} per sliding 30 s window.",
            open.count,
            crate::secret::mask(token)
        ),
    );
    diagnostic.call = Some(open.event.call);
    diagnostic.time = Some(open.event.started.clone());
    out.push((open.event.address.clone(), diagnostic));
    bursts.push(Burst {
        window_start: start,
        count: open.count,
        call: open.event.call,
    });
}

fn check_retry(state: &mut TokenState, event: &Event, out: &mut Vec<(String, Diagnostic)>) {
    if let Some(pending) = state.pending.take() {
        let waited = event.start_ms.saturating_sub(pending.response_ms);
        match pending.retry_after_ms {
            Some(asked) if waited < asked => {
                let mut diagnostic = event.location.diagnostic(
                    rules::RETRY_AFTER_IGNORED,
                    format!(
                        "This call came {} after a 429 response that asked (Retry-After) to wait {}; expected no call with this AccessToken before the wait elapsed.",
                        seconds(waited),
                        seconds(asked)
                    ),
                );
                diagnostic.call = Some(event.call);
                diagnostic.time = Some(event.started.clone());
                out.push((event.address.clone(), diagnostic));
            }
            None if event.address == pending.address => {
                if let Some(previous) = state.last_retry_gap_ms {
                    let tolerance = (previous / 10).max(250);
                    if waited.abs_diff(previous) <= tolerance.unsigned_abs()
                        && !state.fixed_interval_reported
                    {
                        state.fixed_interval_reported = true;
                        let mut diagnostic = event.location.diagnostic(
                            rules::FIXED_INTERVAL_RETRY,
                            format!(
                                "Retries after 429 responses without Retry-After waited {} and then {}: a fixed interval; expected exponential backoff (each wait longer than the last).",
                                seconds(previous),
                                seconds(waited)
                            ),
                        );
                        diagnostic.call = Some(event.call);
                        diagnostic.time = Some(event.started.clone());
                        out.push((event.address.clone(), diagnostic));
                    }
                }
                state.last_retry_gap_ms = Some(waited);
            }
            _ => {}
        }
    }
    if event.status == 429 {
        state.pending = Some(Pending429 {
            response_ms: event.end_ms,
            retry_after_ms: event.retry_after_ms,
            address: event.address.clone(),
        });
    } else {
        state.last_retry_gap_ms = None;
        state.fixed_interval_reported = false;
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
