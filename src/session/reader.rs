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
    /// A serde_json syntax error, located in `text`, its message after `context`.
    pub fn from_json(text: &str, error: &serde_json::Error, context: &str) -> Self {
        ReadError {
            offset: error_offset(text, error),
            message: format!("{context}: {}.", plain_message(error)),
        }
    }

    /// A wrong-kind error raised by a reader's visitor: serde_json places it where it stopped
    /// reading (after a scalar, or inside the array or object), located here at the value's start.
    pub fn at_value(text: &str, error: &serde_json::Error) -> Self {
        ReadError {
            offset: value_start(text, error_offset(text, error)),
            message: format!("{}.", plain_message(error)),
        }
    }
}

/// The message of a serde_json error without the position it appends (`… at line 1 column 5`):
/// diagnostics carry the position in the recording themselves.
pub fn plain_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(plain) => plain.to_string(),
        None => message,
    }
}

/// The byte offset of a serde_json error (1-based line and byte column: the offending character,
/// or the last one read when a visitor raised it).
pub fn error_offset(text: &str, error: &serde_json::Error) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    crate::source::floor_char_boundary(text, line_start + error.column().saturating_sub(1))
}

/// The start of the JSON value serde_json was reading when it stopped at `offset` (the last
/// character it read): the bracket of an array or object it had entered (or read whole, when
/// empty), or the first character of the scalar it had just read.
fn value_start(text: &str, offset: usize) -> usize {
    let end = text[offset..]
        .chars()
        .next()
        .map_or(text.len(), |c| offset + c.len_utf8());
    let mut head = text[..end].trim_end();
    if let Some(inner) = head.strip_suffix([']', '}']) {
        head = inner.trim_end();
    }
    let bytes = head.as_bytes();
    match bytes.last() {
        Some(b'[' | b'{') => head.len() - 1,
        Some(b'"') => {
            // Back to the opening quote: the first one not escaped by an odd run of backslashes.
            let mut at = head.len() - 1;
            while let Some(quote) = head[..at].rfind('"') {
                let backslashes = bytes[..quote]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'\\')
                    .count();
                if backslashes % 2 == 0 {
                    return quote;
                }
                at = quote;
            }
            0
        }
        Some(_) => head
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || "+-.".contains(c))
            .len(),
        None => 0,
    }
}

/// The recording formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Har,
    Ndjson,
}

/// HAR when the first key of the text's first object is `log`, or when that object's brace is
/// alone on its line (a pretty-printed document whose `log` comes after other members: an NDJSON
/// record never spans lines); NDJSON otherwise. Only the first few bytes are looked at, so
/// detection costs nothing on huge files.
pub fn detect(text: &str) -> Format {
    let rest = text.trim_start_matches('\u{feff}').trim_start();
    let Some(rest) = rest.strip_prefix('{') else {
        return Format::Ndjson;
    };
    let brace_alone = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
    if brace_alone || rest.trim_start().starts_with("\"log\"") {
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
        // Another member first: HAR when pretty-printed, NDJSON when the object is one line.
        assert_eq!(
            detect("{\r\n  \"_exported\": 1,\n  \"log\": {}}"),
            Format::Har
        );
        assert_eq!(detect("{ \t\n\"x\": 1}"), Format::Har);
        assert_eq!(detect("{\"_exported\": 1, \"log\": {}}"), Format::Ndjson);
    }

    #[test]
    fn a_value_starts_at_its_bracket_quote_or_first_character() {
        let text = r#"{"log": [1], "a": "x\"y", "b": -1.5e3, "c": true, "d": [ ]}"#;
        // The last character serde_json read: the value's last one, or the first after a bracket.
        let after = |needle: &str| text.find(needle).unwrap() + needle.len() - 1;
        assert_eq!(value_start(text, after("[")), text.find('[').unwrap());
        assert_eq!(
            value_start(text, after(r#""x\"y""#)),
            text.find(r#""x"#).unwrap()
        );
        assert_eq!(value_start(text, after("-1.5e3")), text.find('-').unwrap());
        assert_eq!(value_start(text, after("true")), text.find("true").unwrap());
        assert_eq!(value_start(text, after("[ ]")), text.find("[ ]").unwrap());
    }
}
