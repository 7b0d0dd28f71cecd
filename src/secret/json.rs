//! The JSON pass: `"Key": value` pairs at any quoting level; the values of secret keys (strings,
//! scalars, arrays and objects of them) are secrets, and so are HAR `name`/`value` pairs that
//! name a secret and HAR cookie values.

use std::ops::Range;

use super::names::{is_secret_name, unescape};
use super::quoting::{closing_quote, delimiter_start, line_end, quote_level, skip_space};

/// Longest key read (a longer quoted text is a value, not a key).
const MAX_KEY_BYTES: usize = 256;
/// Fields of a HAR cookie object: after `"cookies"`, every `"value"` among these is a secret.
const COOKIE_FIELDS: &[&str] = &[
    "name", "value", "path", "domain", "expires", "httpOnly", "secure", "comment", "sameSite",
];

/// Marks the secret values of `text`'s key/value pairs.
pub fn scan(text: &str, spans: &mut Vec<Range<usize>>) {
    Json {
        text,
        bytes: text.as_bytes(),
        spans,
        pair: false,
        cookies: false,
    }
    .run();
}

fn is_scalar_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'-' | b'.' | b'_' | b'/' | b'=')
}

/// `"Key": value` pairs at any quoting level; the values of secret keys are secrets.
struct Json<'a> {
    text: &'a str,
    bytes: &'a [u8],
    spans: &'a mut Vec<Range<usize>>,
    /// A `{"name": "Authorization", "value": …}` pair (HAR headers, Postman keys) is open.
    pair: bool,
    /// Inside a HAR `cookies` list: every cookie value is a secret.
    cookies: bool,
}

impl Json<'_> {
    fn run(&mut self) {
        let mut i = 0;
        while let Some(found) = self
            .bytes
            .get(i..)
            .and_then(|rest| memchr::memchr2(b'"', b'}', rest))
        {
            let at = i + found;
            if self.bytes.get(at) == Some(&b'"') {
                i = self.quote(at);
            } else {
                self.pair = false;
                i = at + 1;
            }
        }
    }

    /// A quote at `at`: a key (then its value is read when secret) or the start of a value, whose
    /// content is read on (it may hold JSON of a deeper level).
    fn quote(&mut self, at: usize) -> usize {
        let next = at + 1;
        let Some(level) = quote_level(self.bytes, at) else {
            return next;
        };
        let Some(close) = closing_quote(self.bytes, next, level, MAX_KEY_BYTES) else {
            return next;
        };
        let after = skip_space(self.bytes, close + 1);
        if self.bytes.get(after) != Some(&b':') {
            return next;
        }
        let raw = self
            .text
            .get(next..delimiter_start(self.bytes, close, level).max(next))
            .unwrap_or_default();
        let key = unescape(raw, level as usize + 1);
        let value_at = skip_space(self.bytes, after + 1);
        let is_value = key.eq_ignore_ascii_case("value");
        if self.cookies && !COOKIE_FIELDS.iter().any(|f| f.eq_ignore_ascii_case(&key)) {
            self.cookies = false;
        }
        if key.eq_ignore_ascii_case("cookies") && self.bytes.get(value_at) == Some(&b'[') {
            // A HAR cookie list: only the values are secrets, not the names, paths and domains.
            self.cookies = true;
            return value_at;
        }
        if is_secret_name(&key) || (is_value && (self.pair || self.cookies)) {
            self.pair = false;
            let end = self.value(value_at, level);
            // A string value followed by `:` is also a key (garbled text such as
            // `"AccessToken": "C66E…essToken": "…"`): it is read again as one, so that the value
            // after it is masked too when it names a secret.
            let is_also_key = self.bytes.get(skip_space(self.bytes, end)) == Some(&b':');
            if is_also_key && self.string_start(value_at, level).is_some() {
                return value_at;
            }
            return end;
        }
        if key.eq_ignore_ascii_case("name") || key.eq_ignore_ascii_case("key") {
            self.pair = self.names_secret(value_at, level);
        }
        value_at
    }

    /// True when the string value at `at` is a secret name (`"name": "Authorization"`).
    fn names_secret(&self, at: usize, level: u32) -> bool {
        let Some(start) = self.string_start(at, level) else {
            return false;
        };
        closing_quote(self.bytes, start, level, MAX_KEY_BYTES).is_some_and(|close| {
            let end = delimiter_start(self.bytes, close, level).max(start);
            let raw = self.text.get(start..end).unwrap_or_default();
            is_secret_name(&unescape(raw, level as usize + 1))
        })
    }

    /// Where the content of a string of `level` starting at `at` begins, if one starts there.
    fn string_start(&self, at: usize, level: u32) -> Option<usize> {
        let mut quote = at;
        while matches!(self.bytes.get(quote), Some(b'\\' | b'^')) {
            quote += 1;
        }
        (self.bytes.get(quote) == Some(&b'"') && quote_level(self.bytes, quote) == Some(level))
            .then_some(quote + 1)
    }

    /// Marks the value at `at` (string, scalar, array or object of them); returns where it ends.
    fn value(&mut self, at: usize, level: u32) -> usize {
        if let Some(start) = self.string_start(at, level) {
            return self.string(start, level);
        }
        match self.bytes.get(at) {
            Some(b'[' | b'{') => self.container(at, level),
            Some(&byte) if is_scalar_byte(byte) => self.scalar(at),
            _ => at,
        }
    }

    /// Marks a string's content from `start`; unterminated, it runs to the end of the line.
    fn string(&mut self, start: usize, level: u32) -> usize {
        let (content, end) = self.string_content(start, level);
        self.spans.push(content);
        end
    }

    /// The content of the string from `start` and where the string ends.
    fn string_content(&self, start: usize, level: u32) -> (Range<usize>, usize) {
        match closing_quote(self.bytes, start, level, usize::MAX) {
            Some(close) => (
                start..delimiter_start(self.bytes, close, level).max(start),
                close + 1,
            ),
            None => {
                let end = line_end(self.bytes, start);
                (start..end, end)
            }
        }
    }

    fn scalar(&mut self, start: usize) -> usize {
        let mut end = start;
        while self.bytes.get(end).is_some_and(|&b| is_scalar_byte(b)) {
            end += 1;
        }
        let word = self.bytes.get(start..end).unwrap_or_default();
        if !matches!(word, b"true" | b"false" | b"null") {
            self.spans.push(start..end);
        }
        end
    }

    /// Every string and scalar inside the brackets opened at `open`, to the matching close.
    fn container(&mut self, open: usize, level: u32) -> usize {
        let mut depth = 0usize;
        let mut i = open;
        while let Some(&byte) = self.bytes.get(i) {
            match byte {
                b'[' | b'{' => {
                    depth += 1;
                    i += 1;
                }
                b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    i += 1;
                    if depth == 0 {
                        return i;
                    }
                }
                b'"' | b'\\' | b'^' => match self.string_start(i, level) {
                    Some(start) => {
                        // Keys of an object inside a secret value are structure, not secrets.
                        let (content, end) = self.string_content(start, level);
                        if self.bytes.get(skip_space(self.bytes, end)) != Some(&b':') {
                            self.spans.push(content);
                        }
                        i = end;
                    }
                    None => i += 1,
                },
                _ if is_scalar_byte(byte) => i = self.scalar(i),
                _ => i += 1,
            }
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        scan(text, &mut spans);
        spans.into_iter().map(|span| &text[span]).collect()
    }

    #[test]
    fn escaped_key_names_are_read_as_their_characters_at_every_level() {
        assert_eq!(
            marked(r#"{"\u0041ccessToken": "s3cret-value", "Name": "x"}"#),
            ["s3cret-value"]
        );
        // No `Token` suffix to go by: only the unescaped name is a secret's.
        assert_eq!(
            marked(r#"{"\u0041uthorization": "Bearer t0k3n", "Name": "x"}"#),
            ["Bearer t0k3n"]
        );
        assert_eq!(
            marked(r#"{"text": "{\"\\u0041uthorization\": \"Bearer t0k3n\"}"}"#),
            ["Bearer t0k3n"]
        );
        // A body inside a JSON string (a HAR's postData.text): escapes of two levels.
        assert_eq!(
            marked(r#"{"text": "{\"\\u0041ccessToken\": \"s3cret-value\"}"}"#),
            ["s3cret-value"]
        );
    }

    #[test]
    fn every_string_and_scalar_of_a_secret_container_is_marked_not_its_keys() {
        assert_eq!(
            marked(
                r#"{"Credentials": {"a": ["x1", 2], "b": "y1", "c": {"d": true}}, "Name": "n"}"#
            ),
            ["x1", "2", "y1"]
        );
        assert_eq!(
            marked(r#"{"ClientToken": [["t1"], ["t2"]], "Name": "n"}"#),
            ["t1", "t2"]
        );
        // A stray caret or backslash (a cmd paste cut short) opens no string: passed over.
        assert_eq!(
            marked(r#"{"ClientToken": [^ \ "t1"], "Name": "n"}"#),
            ["t1"]
        );
    }

    #[test]
    fn a_name_value_pair_naming_a_secret_marks_its_value() {
        assert_eq!(
            marked(
                r#"[{"name": "\u0041uthorization", "value": "Bearer t0k3n"}, {"name": "Accept", "value": "*/*"}]"#
            ),
            ["Bearer t0k3n"]
        );
        assert_eq!(
            marked(r#"{"text": "[{\"name\": \"X-Api-Token\", \"value\": \"t0k3n\"}]"}"#),
            ["t0k3n"]
        );
    }
}
