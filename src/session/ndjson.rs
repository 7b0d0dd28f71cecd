//! NDJSON call log: one JSON object per line, one call per object.
//!
//! Fields: `time` (RFC 3339, when the request was sent; required), `address` (full URL or
//! `/api/connector/...` path; required), `request` (the body: a JSON object, or its text as a
//! string), `status` (response status; absent or 0 = no response), `responseHeaders` (object of
//! header name → value; `Retry-After` is read), `durationMs` (optional, time to the full response).
//! Blank lines are skipped.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::call::Exchange;
use super::reader::Item;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Line<'a> {
    time: String,
    address: String,
    #[serde(default, borrow)]
    request: Option<&'a RawValue>,
    #[serde(default)]
    status: Option<i64>,
    #[serde(default)]
    response_headers: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    duration_ms: Option<f64>,
}

/// Reads every line of an NDJSON call log, in order, into `sink`.
pub fn read(text: &str, sink: &mut dyn FnMut(Item)) {
    let mut offset = 0;
    for (index, line) in text.split('\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let item = match serde_json::from_str::<Line<'_>>(line) {
            Ok(call) => Item::Exchange(exchange(call, start)),
            Err(error) => Item::Unreadable {
                offset: start + error_offset(line, &error),
                pointer: String::new(),
                message: format!(
                    "Line {} is not a call record: {error}. Expected {{\"time\": \"<RFC 3339>\", \"address\": \"/api/connector/…\", \"request\": {{…}}, \"status\": 200, \"responseHeaders\": {{…}}}}.",
                    index + 1
                ),
            },
        };
        sink(item);
    }
}

fn exchange(line: Line<'_>, offset: usize) -> Exchange {
    let body = match line.request {
        Some(raw) if raw.get().starts_with('"') => {
            serde_json::from_str::<String>(raw.get()).unwrap_or_default()
        }
        Some(raw) => raw.get().to_string(),
        None => String::new(),
    };
    let retry_after = line
        .response_headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("retry-after"))
        .map(|(_, value)| match value {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        });
    Exchange {
        offset,
        pointer: String::new(),
        method: "POST".into(),
        url: line.address,
        started: line.time,
        body,
        status: line.status.and_then(|s| u16::try_from(s).ok()).unwrap_or(0),
        retry_after,
        duration_ms: line
            .duration_ms
            .filter(|d| d.is_finite() && *d > 0.0)
            .unwrap_or(0.0),
    }
}

/// Byte offset in `line` of a serde_json error (its column is 1-based, in bytes, on line 1).
fn error_offset(line: &str, error: &serde_json::Error) -> usize {
    error.column().saturating_sub(1).min(line.len())
}
