//! The Connector API calls of a recording as the review numbers them (the `call` of its
//! diagnostics), for a viewer: when each was sent, to which operation, its response status, and
//! which rate profile (AccessToken) it counts for; and one call's request body on demand.
//!
//! The selection mirrors the review's: POST to `/api/connector/…` with a readable time.

use serde::Serialize;

use super::call::{self, Exchange};
use super::reader::{self, Format, Item};
use super::{har, ndjson};

const CONNECTOR_PREFIX: &str = "/api/connector/";

/// One reviewed call, without its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedCall {
    /// The index diagnostics name in `call`.
    pub call: usize,
    /// The request path (`/api/connector/v1/…`).
    pub address: String,
    /// When it was sent, as recorded.
    pub started: String,
    /// Milliseconds since the Unix epoch of `started`.
    pub started_ms: i64,
    /// Response status; 0 when there was no response.
    pub status: u16,
    /// Index in the report's `rateProfiles` of the profile of this call's AccessToken.
    pub profile: usize,
}

/// Every reviewed call of a recording, in recording order.
pub fn recorded_calls(text: &str) -> Vec<RecordedCall> {
    let mut calls: Vec<(String, RecordedCall)> = Vec::new();
    each_call(text, &mut |index, exchange, started_ms| {
        let recorded = RecordedCall {
            call: index,
            address: call::host_and_path(&exchange.url).1.to_string(),
            started: exchange.started,
            started_ms,
            status: exchange.status,
            profile: 0,
        };
        calls.push((access_token(&exchange.body), recorded));
        true
    });
    // Profiles are ordered by token (the review keeps them in a sorted map).
    let mut tokens: Vec<&str> = calls.iter().map(|(token, _)| token.as_str()).collect();
    tokens.sort_unstable();
    tokens.dedup();
    let profiles: Vec<usize> = calls
        .iter()
        .map(|(token, _)| tokens.binary_search(&token.as_str()).unwrap_or_default())
        .collect();
    calls
        .into_iter()
        .zip(profiles)
        .map(|((_, recorded), profile)| RecordedCall {
            profile,
            ..recorded
        })
        .collect()
}

/// One reviewed call's request body, with the call's address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedCallBody {
    /// The request path (`/api/connector/v1/…`).
    pub address: String,
    /// The body exactly as the review validated it: its diagnostics' lines and columns are in it.
    pub body: String,
}

/// The request body of call `index` exactly as the review validated it, with its address.
pub fn recorded_call_body(text: &str, index: usize) -> Option<RecordedCallBody> {
    let mut found = None;
    each_call(text, &mut |at, exchange, _| {
        if at == index {
            let address = call::host_and_path(&exchange.url).1.to_string();
            found = Some(RecordedCallBody {
                address,
                body: exchange.body,
            });
            return false;
        }
        true
    });
    found
}

/// Calls `visit` with each reviewed call's index, exchange and time until it returns false.
fn each_call(text: &str, visit: &mut dyn FnMut(usize, Exchange, i64) -> bool) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut index = 0;
    let mut going = true;
    let mut sink = |item: Item| {
        let Item::Exchange(exchange) = item else {
            return;
        };
        if !going {
            return;
        }
        let (_, path) = call::host_and_path(&exchange.url);
        if !exchange.method.eq_ignore_ascii_case("POST") || !path.starts_with(CONNECTOR_PREFIX) {
            return;
        }
        let Some(started_ms) = call::epoch_millis(&exchange.started) else {
            return;
        };
        going = visit(index, exchange, started_ms);
        index += 1;
    };
    match reader::detect(text) {
        Format::Har => {
            let _ = har::read(text, &mut sink);
        }
        Format::Ndjson => ndjson::read(text, &mut sink),
    }
}

/// The body's `AccessToken` as the review groups calls by it (`(none)` when absent or not a string).
fn access_token(body: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Credentials {
        #[serde(rename = "AccessToken", default)]
        access_token: Option<serde_json::Value>,
    }
    serde_json::from_str::<Credentials>(body)
        .ok()
        .and_then(|c| c.access_token)
        .and_then(|t| t.as_str().map(str::to_string))
        .unwrap_or_else(|| "(none)".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    fn line(time: &str, token: &str, status: u16) -> String {
        format!(
            "{{\"time\": \"{time}\", \"address\": \"https://api.mews-demo.com/api/connector/v1/configuration/get\", \"request\": {{\"AccessToken\": \"{token}\", \"Client\": \"A 1.0\"}}, \"status\": {status}}}\n"
        )
    }

    #[test]
    fn numbers_calls_and_profiles_as_the_review_does() {
        let text = [
            line("2026-11-23T10:00:00Z", "ZZZZ-second-token", 200),
            "{\"time\": \"yesterday\", \"address\": \"/api/connector/v1/configuration/get\"}\n"
                .into(),
            "{\"time\": \"2026-11-23T10:00:01Z\", \"address\": \"/elsewhere\"}\n".into(),
            line("2026-11-23T10:00:02Z", "AAAA-first-token", 429),
            line("2026-11-23T10:00:03Z", "ZZZZ-second-token", 200),
        ]
        .concat();
        let calls = recorded_calls(&text);
        let summary: Vec<_> = calls
            .iter()
            .map(|c| (c.call, c.status, c.profile, c.started.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (0, 200, 1, "2026-11-23T10:00:00Z"),
                (1, 429, 0, "2026-11-23T10:00:02Z"),
                (2, 200, 1, "2026-11-23T10:00:03Z"),
            ]
        );
        assert_eq!(calls[0].address, "/api/connector/v1/configuration/get");
        let report = crate::session::analyze_session(&text, None, &Options::default(), &mut |_| {});
        assert_eq!(report.summary.calls, calls.len());
        let profiles: Vec<_> = report.rate_profiles.iter().map(|p| p.calls).collect();
        assert_eq!(profiles, [1, 2]);

        let RecordedCallBody { address, body } = recorded_call_body(&text, 1).unwrap();
        assert_eq!(address, "/api/connector/v1/configuration/get");
        assert_eq!(
            body,
            "{\"AccessToken\": \"AAAA-first-token\", \"Client\": \"A 1.0\"}"
        );
        assert_eq!(recorded_call_body(&text, 3), None);
        assert!(recorded_calls("not a recording").is_empty());
    }
}
