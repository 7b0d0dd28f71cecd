//! What the recording readers deliver, format detection, and read errors.

use super::call::Exchange;

/// One entry of a recording.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Exchange(Exchange),
    /// An entry or line the review cannot use (it is skipped).
    Unreadable {
        offset: usize,
        pointer: String,
        message: String,
    },
}

/// Why reading stopped (entries before it were delivered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub offset: usize,
    pub message: String,
}

impl ReadError {
    /// A serde_json error (1-based line and byte column) as an offset in `text`.
    pub fn from_json(text: &str, error: &serde_json::Error, context: &str) -> Self {
        let line_start = text
            .split_inclusive('\n')
            .take(error.line().saturating_sub(1))
            .map(str::len)
            .sum::<usize>();
        ReadError {
            offset: (line_start + error.column().saturating_sub(1)).min(text.len()),
            message: format!("{context}: {error}."),
        }
    }
}

/// The recording formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Har,
    Ndjson,
}

/// HAR when the first key of the text's first object is `log`; NDJSON otherwise. Only the
/// first few bytes are looked at, so detection costs nothing on huge files.
pub fn detect(text: &str) -> Format {
    let rest = text.trim_start_matches('\u{feff}').trim_start();
    let Some(rest) = rest.strip_prefix('{') else {
        return Format::Ndjson;
    };
    if rest.trim_start().starts_with("\"log\"") {
        Format::Har
    } else {
        Format::Ndjson
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_har_by_its_log_key() {
        assert_eq!(detect("{\n  \"log\": {}}"), Format::Har);
        assert_eq!(
            detect("{\"time\": \"x\"}\n{\"time\": \"y\"}"),
            Format::Ndjson
        );
        assert_eq!(detect(""), Format::Ndjson);
    }
}
