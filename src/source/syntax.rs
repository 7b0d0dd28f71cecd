//! `serde_json`'s parse errors made into diagnostics an editor user can act on: the line and
//! column it reports become a byte span around the problem, and its terse wording a message that
//! says what is wrong there (the wording editors built on `jsonc-parser` use, where it fits).
//!
//! Only a failed parse comes here, so the text around the error may be scanned freely.

use super::Span;

/// Why a text is not JSON, and where (a span of the submitted text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON.
    Invalid,
    /// Valid so far, but containers nest deeper than the limit allows.
    TooDeep { limit: usize },
}

impl SyntaxError {
    /// The same error in a text that has `shift` more bytes before the parsed part.
    pub(super) fn shifted(mut self, shift: usize) -> Self {
        self.span.start += shift;
        self.span.end += shift;
        self
    }
}

/// The message a too-deep container raises inside the parse.
pub(super) const TOO_DEEP: &str = "nesting deeper than the limit";

/// Longest excerpt of the text a message quotes, in characters.
const EXCERPT_CHARS: usize = 60;

/// The diagnostic of `error`, raised while parsing `json`; `limit` is the nesting limit in force.
pub fn describe(json: &str, error: &serde_json::Error, limit: usize) -> SyntaxError {
    let code = error.to_string();
    let code = code
        .rfind(" at line ")
        .map_or(code.as_str(), |at| &code[..at]);
    let bytes = json.as_bytes();
    let at = offset(json, error.line(), error.column());
    let found = bytes.get(at).copied();
    let invalid = |message: &str, span: Span| SyntaxError {
        kind: ErrorKind::Invalid,
        message: message.to_string(),
        span,
    };
    let here = char_span(json, at);
    if code == TOO_DEEP || code == "recursion limit exceeded" {
        return SyntaxError {
            kind: ErrorKind::TooDeep { limit },
            message: format!(
                "Arrays and objects nest deeper than {limit} levels here; expected at most {limit} (the option `limits.maxDepth`)"
            ),
            span: too_deep(json, limit).unwrap_or(here),
        };
    }
    if error.is_eof() {
        return eof(json, code);
    }
    if found == Some(b'/') && code != "invalid number" {
        return invalid("Comments are not allowed", comment_span(json, at));
    }
    match code {
        "expected `,` or `}`" | "expected `,` or `]`" => match found {
            Some(b']') if code == "expected `,` or `}`" => {
                invalid("Unexpected close bracket", here)
            }
            Some(b'}') if code == "expected `,` or `]`" => invalid("Unexpected close brace", here),
            // A word or number running on (`truex`, `0x1`): the token is wrong, not a comma missing.
            Some(byte) if byte.is_ascii_alphanumeric() && at > 0 && is_word(bytes[at - 1]) => {
                let start = word_start(bytes, at);
                if bytes.get(start..at) == Some(b"0") && matches!(byte, b'x' | b'X') {
                    invalid(
                        "Hexadecimal numbers are not allowed",
                        Span::new(start, word_end(bytes, at)),
                    )
                } else {
                    invalid("Unexpected token", Span::new(start, word_end(bytes, at)))
                }
            }
            // Like editors do, the missing comma is placed right after the value that needs one.
            _ => {
                let after = before_whitespace(bytes, at);
                invalid("Expected comma", Span::new(after, after))
            }
        },
        "trailing comma" => {
            let comma = before_whitespace(bytes, at).saturating_sub(1);
            invalid(
                "Trailing commas are not allowed",
                Span::new(comma, comma + 1),
            )
        }
        "key must be a string" => match found {
            Some(b'\'') => invalid("Single-quoted strings are not allowed", here),
            Some(byte) if is_word(byte) => invalid(
                "Expected string for object property",
                Span::new(at, word_end(bytes, at)),
            ),
            _ => invalid("Unexpected token in object", here),
        },
        "expected `:`" => invalid(
            "Expected colon after the string or word in object property",
            here,
        ),
        "expected value" => match found {
            Some(b'+') => invalid("Unary plus on numbers is not allowed", here),
            Some(b'.') => invalid(
                "Leading or trailing decimal points on numbers are not allowed",
                here,
            ),
            Some(b'}') => invalid("Unexpected close brace", here),
            Some(b']') => invalid("Unexpected close bracket", here),
            Some(b':') => invalid("Unexpected colon", here),
            Some(b',') => invalid("Unexpected comma", here),
            Some(b'\'') => invalid("Single-quoted strings are not allowed", here),
            Some(byte) if is_word(byte) => {
                invalid("Unexpected token", Span::new(at, word_end(bytes, at)))
            }
            _ => invalid("Unexpected token", here),
        },
        // `tru`, `nul`, `fals`: a literal cut short or misspelt.
        "expected ident" => {
            let start = word_start(bytes, at);
            invalid("Unexpected token", Span::new(start, word_end(bytes, start)))
        }
        "invalid number" => invalid_number(json, at),
        "number out of range" => {
            let span = number_span(bytes, at);
            let message = format!(
                "The number {} is out of range",
                excerpt(json.get(span.start..span.end).unwrap_or_default())
            );
            invalid(&message, span)
        }
        "invalid escape" => {
            let escape = backslash_before(bytes, at);
            if bytes.get(escape + 1) == Some(&b'u') {
                invalid(
                    "Expected four hex digits",
                    Span::new(escape, at.max(escape)),
                )
            } else {
                invalid("Invalid escape", Span::new(escape, at + 1))
            }
        }
        "lone leading surrogate in hex escape"
        | "unexpected end of hex escape"
        | "invalid unicode code point" => {
            let escape = unicode_escape_before(bytes, at);
            let end = (escape + 6).min(json.len());
            let message = format!(
                "Invalid unicode escape sequence {}: a lone surrogate is not a character",
                json.get(escape..end).unwrap_or_default()
            );
            invalid(&message, Span::new(escape, end))
        }
        code if code.starts_with("control character") => {
            let message = match found {
                Some(byte) => format!(
                    "Found the control character U+{byte:04X} in a string; expected it escaped, as {}",
                    escaped(byte)
                ),
                None => "Found a control character in a string; expected it escaped".to_string(),
            };
            invalid(&message, here)
        }
        "trailing characters" => invalid("Text cannot contain more than one JSON value", here),
        other => {
            let mut message = other.to_string();
            if let Some(first) = message.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            invalid(&message, here)
        }
    }
}

/// The byte a `serde_json` line and column designate: the column counts the bytes of the line up
/// to and including it (0 before the first byte of a line).
fn offset(json: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        json.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(json.len(), |(at, _)| at + 1)
    };
    super::floor_char_boundary(json, (line_start + column).saturating_sub(1))
}

/// The character at `at` (empty at the end of the text).
fn char_span(json: &str, at: usize) -> Span {
    let len = json
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8);
    Span::new(at, at + len)
}

/// The text ended inside something: the innermost construct left open.
fn eof(json: &str, code: &str) -> SyntaxError {
    let invalid = |message: &str, span: Span| SyntaxError {
        kind: ErrorKind::Invalid,
        message: message.to_string(),
        span,
    };
    if json.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return invalid(
            "The text is empty: expected a JSON value",
            Span::new(json.len(), json.len()),
        );
    }
    let end = json.len();
    match open_construct(json) {
        Some((start, b'"')) => invalid("Unterminated string literal", Span::new(start, end)),
        Some((start, b'[')) => invalid("Unterminated array", Span::new(start, end)),
        Some((start, _)) => invalid("Unterminated object", Span::new(start, end)),
        None => invalid(&capitalized(code), Span::new(end, end)),
    }
}

/// Where the innermost string, array or object still open at the end of the text starts, and its
/// opening byte.
fn open_construct(json: &str) -> Option<(usize, u8)> {
    let bytes = json.as_bytes();
    let mut open: Vec<(usize, u8)> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let start = at;
                at += 1;
                loop {
                    match bytes.get(at) {
                        None => return Some((start, b'"')),
                        Some(b'\\') => at += 2,
                        Some(b'"') => break,
                        Some(_) => at += 1,
                    }
                }
            }
            byte @ (b'[' | b'{') => open.push((at, byte)),
            b']' | b'}' => {
                open.pop();
            }
            _ => {}
        }
        at += 1;
    }
    open.pop()
}

/// The first array or object opened more than `limit` levels deep (the parser's own position
/// for this error depends on how far it read on).
fn too_deep(json: &str, limit: usize) -> Option<Span> {
    let bytes = json.as_bytes();
    let mut depth = 0;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(Span::new(at, at + 1));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    None
}

fn capitalized(code: &str) -> String {
    let mut message = code.to_string();
    if let Some(first) = message.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    message
}

fn invalid_number(json: &str, at: usize) -> SyntaxError {
    let bytes = json.as_bytes();
    let span = number_span(bytes, at.saturating_sub(1));
    let number = &bytes[span.start..at.max(span.start)];
    let previous = at.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let here = char_span(json, at);
    let (message, span) = match previous {
        Some(b'-') if number == b"-" => ("Expected digit following negative sign", here),
        Some(b'.') => (
            "Leading or trailing decimal points on numbers are not allowed",
            Span::new(span.start, at),
        ),
        Some(b'e' | b'E') => ("Expected plus, minus, or digit in number literal", here),
        Some(b'+' | b'-') => ("Expected digit", here),
        _ if number.starts_with(b"0") || number.starts_with(b"-0") => {
            ("Numbers cannot have leading zeros", number_span(bytes, at))
        }
        _ => ("Invalid number", Span::new(span.start, here.end)),
    };
    SyntaxError {
        kind: ErrorKind::Invalid,
        message: message.to_string(),
        span,
    }
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'$')
}

fn is_number_byte(byte: u8) -> bool {
    byte.is_ascii_digit() || matches!(byte, b'-' | b'+' | b'.' | b'e' | b'E')
}

/// Start of the run of word bytes that ends at (or contains) `at`.
fn word_start(bytes: &[u8], at: usize) -> usize {
    let mut start = at.min(bytes.len());
    while start > 0 && is_word(bytes[start - 1]) {
        start -= 1;
    }
    start
}

/// End of the run of word bytes starting at `at`.
fn word_end(bytes: &[u8], at: usize) -> usize {
    let mut end = at;
    while end < bytes.len() && is_word(bytes[end]) {
        end += 1;
    }
    end.max(at + 1).min(bytes.len())
}

/// The number written around `at`.
fn number_span(bytes: &[u8], at: usize) -> Span {
    let at = at.min(bytes.len());
    let mut start = at;
    while start > 0 && is_number_byte(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = at;
    while end < bytes.len() && is_number_byte(bytes[end]) {
        end += 1;
    }
    Span::new(start, end)
}

/// Where the whitespace before `at` starts: right after the previous token.
fn before_whitespace(bytes: &[u8], at: usize) -> usize {
    let mut end = at.min(bytes.len());
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
        end -= 1;
    }
    end
}

/// The backslash of the escape sequence that `at` is in (escapes are at most six bytes).
fn backslash_before(bytes: &[u8], at: usize) -> usize {
    let floor = at.saturating_sub(6);
    (floor..=at.min(bytes.len().saturating_sub(1)))
        .rev()
        .find(|&i| bytes[i] == b'\\')
        .unwrap_or(at)
}

/// The last `\u` escape starting at or before `at`.
fn unicode_escape_before(bytes: &[u8], at: usize) -> usize {
    let floor = at.saturating_sub(12);
    (floor..=at.min(bytes.len().saturating_sub(1)))
        .rev()
        .find(|&i| bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b'u'))
        .unwrap_or(at)
}

/// A `//` comment to the end of its line, a `/*` comment to its `*/` (or the end).
fn comment_span(json: &str, at: usize) -> Span {
    let rest = &json[at..];
    let len = if rest.starts_with("/*") {
        rest.find("*/").map_or(rest.len(), |end| end + 2)
    } else {
        rest.find(['\n', '\r']).unwrap_or(rest.len())
    };
    Span::new(at, at + len.max(1))
}

/// How a control character is written in a JSON string.
fn escaped(byte: u8) -> String {
    match byte {
        b'\n' => "\\n".to_string(),
        b'\r' => "\\r".to_string(),
        b'\t' => "\\t".to_string(),
        0x08 => "\\b".to_string(),
        0x0C => "\\f".to_string(),
        other => format!("\\u{other:04X}"),
    }
}

/// At most [`EXCERPT_CHARS`] characters of `text`, with an ellipsis when cut.
fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;

    /// (message, start, end) of the error of `text`.
    fn error(text: &str) -> (String, usize, usize) {
        let error = parse(text, 64).unwrap_err();
        (error.message, error.span.start, error.span.end)
    }

    fn is(text: &str, message: &str, start: usize, end: usize) {
        assert_eq!(error(text), (message.to_string(), start, end), "{text:?}");
    }

    #[test]
    fn a_missing_comma_is_placed_after_the_value_that_needs_one() {
        is("{\n  \"a\": 1\n  \"b\": 2\n}", "Expected comma", 10, 10);
        is("{\"a\": 1 \"b\": 2}", "Expected comma", 7, 7);
        is("[1 2]", "Expected comma", 2, 2);
        is("[true false]", "Expected comma", 5, 5);
        is(
            "{\n\"a\": {\n\"b\": 1\n}\n\"c\": 2}",
            "Expected comma",
            17,
            17,
        );
    }

    #[test]
    fn trailing_and_doubled_commas() {
        is(
            "{\n  \"Client\": \"x\",\n}",
            "Trailing commas are not allowed",
            17,
            18,
        );
        is("[1,]", "Trailing commas are not allowed", 2, 3);
        is("{\"a\":1 , }", "Trailing commas are not allowed", 7, 8);
        is(
            "{\"a\": [1, 2,\n]}",
            "Trailing commas are not allowed",
            11,
            12,
        );
        is("{\"a\":1,,}", "Unexpected token in object", 7, 8);
        // Columns of the pasted text are UTF-16 units later, but spans are bytes.
        let text = "{\n  \"ClientToken\": \"E0D4\",\n  \"Client\": \"😀 app\",,\n}\n";
        is(text, "Unexpected token in object", 50, 51);
        is("[,]", "Unexpected comma", 1, 2);
        is("[1,\n\n  ,2]", "Unexpected comma", 7, 8);
    }

    #[test]
    fn json5_and_javascript_habits() {
        is("{'a': 1}", "Single-quoted strings are not allowed", 1, 2);
        is("{a: 1}", "Expected string for object property", 1, 2);
        is("// c\n{}", "Comments are not allowed", 0, 4);
        is("{\"a\":\"b\" /* x */}", "Comments are not allowed", 9, 16);
        is("{\"a\": 0x1}", "Hexadecimal numbers are not allowed", 6, 9);
        is("{\"a\": +1}", "Unary plus on numbers is not allowed", 6, 7);
        is(
            "{\"a\": .5}",
            "Leading or trailing decimal points on numbers are not allowed",
            6,
            7,
        );
        is("{\"a\": NaN}", "Unexpected token", 6, 9);
        is("{\"a\": undefined}", "Unexpected token", 6, 15);
    }

    #[test]
    fn literals_and_numbers() {
        is("{\"a\": tru}", "Unexpected token", 6, 9);
        is("{\"a\": nul}", "Unexpected token", 6, 9);
        is("{\"a\": truex}", "Unexpected token", 6, 11);
        is("{\"a\": -}", "Expected digit following negative sign", 7, 8);
        is(
            "{\"a\": -a}",
            "Expected digit following negative sign",
            7,
            8,
        );
        is(
            "{\"a\": 1.}",
            "Leading or trailing decimal points on numbers are not allowed",
            6,
            8,
        );
        is(
            "{\"a\": 1e}",
            "Expected plus, minus, or digit in number literal",
            8,
            9,
        );
        is("{\"a\": 1e+}", "Expected digit", 9, 10);
        is("{\"a\": 01}", "Numbers cannot have leading zeros", 6, 8);
        is(
            "{\"Count\": 1e999999}",
            "The number 1e999999 is out of range",
            10,
            18,
        );
        // A huge number is quoted as a short excerpt.
        let huge = format!("{{\"a\": {}}}", "9".repeat(1_000_000));
        let (message, start, end) = error(&huge);
        assert!(message.chars().count() < 100, "{message}");
        assert_eq!((start, end), (6, 1_000_006));
    }

    #[test]
    fn strings() {
        is("{\"a\": \"x}", "Unterminated string literal", 6, 9);
        is("\"abc", "Unterminated string literal", 0, 4);
        is("{\"a\": \"\\q\"}", "Invalid escape", 7, 9);
        is("{\"a\": \"\\u12\"}", "Expected four hex digits", 7, 12);
        is(
            "{\"Client\": \"\\ud800\"}",
            "Invalid unicode escape sequence \\ud800: a lone surrogate is not a character",
            12,
            18,
        );
        is(
            "{\"a\": \"tab\there\"}",
            "Found the control character U+0009 in a string; expected it escaped, as \\t",
            10,
            11,
        );
        is(
            "{\"a\": \"\u{1}\"}",
            "Found the control character U+0001 in a string; expected it escaped, as \\u0001",
            7,
            8,
        );
        is(
            "{\"a\": \"line\nbreak\"}",
            "Found the control character U+000A in a string; expected it escaped, as \\n",
            11,
            12,
        );
    }

    #[test]
    fn structure() {
        is(
            "{\"a\" 1}",
            "Expected colon after the string or word in object property",
            5,
            6,
        );
        is("{\"a\":}", "Unexpected close brace", 5, 6);
        is("{\"a\"::1}", "Unexpected colon", 5, 6);
        is("{\"a\": 1]", "Unexpected close bracket", 7, 8);
        is("[1}", "Unexpected close brace", 2, 3);
        is("}", "Unexpected close brace", 0, 1);
        is("]", "Unexpected close bracket", 0, 1);
        is(":", "Unexpected colon", 0, 1);
        is("{,}", "Unexpected token in object", 1, 2);
        is(
            "{} {}",
            "Text cannot contain more than one JSON value",
            3,
            4,
        );
        is("{}x", "Text cannot contain more than one JSON value", 2, 3);
        is("{\"a\": 1", "Unterminated object", 0, 7);
        is("{\"a\": ", "Unterminated object", 0, 6);
        is("[1", "Unterminated array", 0, 2);
        is("[", "Unterminated array", 0, 1);
        is("{\"a\": [1, {\"b\": 2}", "Unterminated array", 6, 18);
        is("", "The text is empty: expected a JSON value", 0, 0);
        is("  \n ", "The text is empty: expected a JSON value", 4, 4);
        is("{\"a\": é}", "Unexpected token", 6, 8);
    }
}
