//! NDJSON call log: one JSON object per line, one call per object.
//!
//! Fields: `time` (RFC 3339, when the request was sent; required), `address` (full URL or
//! `/api/connector/...` path; required), `request` (the body: a JSON object, or its text as a
//! string), `status` (response status; absent or 0 = no response), `responseHeaders` (object of
//! header name → value; `Retry-After` is read), `durationMs` (optional, time to the full response),
//! `response` (optional, the response body: a JSON object, or its text as a string).
//! Blank lines are skipped.

use serde_json::value::RawValue;

use super::call::Exchange;
use super::fields::{FieldError, Object, Path, kind};
use super::har::status;
use super::reader::{Item, error_offset, plain_message};

const EXPECTED: &str = "Expected {\"time\": \"<RFC 3339>\", \"address\": \"/api/connector/…\", \"request\": {…}, \"status\": 200, \"responseHeaders\": {…}}.";

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
        let item = match exchange(text, line, start) {
            Ok(call) => Item::Exchange(call),
            Err(error) => Item::Unreadable {
                offset: error.offset,
                pointer: String::new(),
                message: format!(
                    "Line {} is not a call record: {}{}",
                    index + 1,
                    error.message,
                    if error.message.ends_with('.') {
                        ""
                    } else {
                        "."
                    }
                ),
            },
        };
        sink(item);
    }
}

/// The call of one line (a slice of `text` starting at `start`), or why it is none.
fn exchange(text: &str, line: &str, start: usize) -> Result<Exchange, FieldError> {
    let raw = serde_json::from_str::<&RawValue>(line).map_err(|error| FieldError {
        offset: start + error_offset(line, &error),
        pointer: String::new(),
        message: format!("{}. {EXPECTED}", plain_message(&error)),
    })?;
    let call = Object::new(text, raw, Path::default()).map_err(|error| FieldError {
        message: format!("expected a JSON object, found {}. {EXPECTED}", kind(raw)),
        ..error
    })?;
    let started = call.required_string("time", "when the request was sent (RFC 3339)")?;
    let address = call.required_string(
        "address",
        "the call's URL or /api/connector/… path (a string)",
    )?;
    let body = match call.get("request") {
        Some(raw) if raw.get().starts_with('"') => call.decode_string("request", raw)?.into_owned(),
        Some(raw) => raw.get().to_string(),
        None => String::new(),
    };
    let status = status(call.number("status")?);
    let retry_after = match call.object("responseHeaders")? {
        Some(headers) => headers
            .members()
            .find(|(name, _)| name.eq_ignore_ascii_case("retry-after"))
            .map(|(name, raw)| match headers.decode_string(name, raw) {
                Ok(value) => value.into_owned(),
                Err(_) => raw.get().to_string(),
            }),
        None => None,
    };
    let duration_ms = call.number("durationMs")?;
    let response = match call.get("response") {
        Some(raw) if raw.get().starts_with('"') => {
            call.decode_string("response", raw)?.into_owned()
        }
        Some(raw) => raw.get().to_string(),
        None => String::new(),
    };
    Ok(Exchange {
        offset: start,
        pointer: String::new(),
        method: "POST".into(),
        url: address.into_owned(),
        started: started.into_owned(),
        body,
        status,
        retry_after,
        // Negative durations are bounded to 0 where they are read (`call::bounded_millis`).
        duration_ms: duration_ms.unwrap_or(0.0),
        response,
    })
}
