//! Quotes at any nesting level (`"`; `\"` for JSON in a JSON string or a shell word; `^\^"` in
//! Windows cmd), whitespace and line ends: what the passes over a text share.

/// Deepest JSON-in-a-string nesting followed (a body in a HAR in a JSON string is level 2).
const MAX_LEVEL: u32 = 3;

/// The backslashes right before `at` (cmd carets between them are skipped), at most 16.
pub fn backslashes_before(bytes: &[u8], at: usize) -> u32 {
    let mut count = 0;
    let mut i = at;
    while i > 0 && count < 16 {
        i -= 1;
        match bytes.get(i) {
            Some(b'\\') => count += 1,
            Some(b'^') => {}
            _ => break,
        }
    }
    count
}

/// The nesting level of the quote at `at`: 0 for `"`, 1 for `\"` (JSON in a JSON string or in a
/// double-quoted shell word), 2 for `\\\"`… The level is the count of trailing one bits of the
/// backslash count, so `\\"` (an escaped backslash, then a quote) is level 0.
pub fn quote_level(bytes: &[u8], at: usize) -> Option<u32> {
    let level = backslashes_before(bytes, at).trailing_ones();
    (level <= MAX_LEVEL).then_some(level)
}

/// Where the delimiter of the quote at `at` starts (its backslashes and carets included).
pub fn delimiter_start(bytes: &[u8], at: usize, level: u32) -> usize {
    let mut wanted = (1usize << level) - 1;
    let mut i = at;
    while wanted > 0 && i > 0 {
        i -= 1;
        if bytes.get(i) == Some(&b'\\') {
            wanted -= 1;
        }
    }
    while i > 0 && bytes.get(i - 1) == Some(&b'^') {
        i -= 1;
    }
    i
}

/// The next quote of `level` from `from`, before a raw line break and within `limit` bytes.
pub fn closing_quote(bytes: &[u8], from: usize, level: u32, limit: usize) -> Option<usize> {
    let end = from.saturating_add(limit).min(bytes.len());
    let mut at = from;
    while let Some(found) = bytes
        .get(at..end)
        .and_then(|rest| memchr::memchr2(b'"', b'\n', rest))
    {
        at += found;
        if bytes.get(at) == Some(&b'\n') {
            return None;
        }
        if quote_level(bytes, at) == Some(level) {
            return Some(at);
        }
        at += 1;
    }
    None
}

pub fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n' || b == b'\r'))
        .map_or(bytes.len(), |at| from + at)
}

/// Whitespace, also as escapes of a deeper level (`\n` inside a HAR's body text) and cmd carets.
pub fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    loop {
        match bytes.get(at) {
            Some(b' ' | b'\t' | b'\r' | b'\n' | b'^') => at += 1,
            Some(b'\\') => {
                let mut next = at;
                while bytes.get(next) == Some(&b'\\') {
                    next += 1;
                }
                if matches!(bytes.get(next), Some(b'n' | b't' | b'r')) {
                    at = next + 1;
                } else {
                    return at;
                }
            }
            _ => return at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delimiter_starts_at_its_backslashes_and_carets_and_never_before_the_text() {
        // `\"` of level 1 starts at its backslash; `^\"` (cmd) at the caret.
        assert_eq!(delimiter_start(b"a\\\"", 2, 1), 1);
        assert_eq!(delimiter_start(b"a^\\\"", 3, 1), 1);
        // Fewer backslashes than a level-2 quote has, at the start of the text.
        assert_eq!(delimiter_start(b"\\\"x", 1, 2), 0);
        assert_eq!(delimiter_start(b"a\"", 1, 0), 1);
    }

    #[test]
    fn backslashes_are_counted_through_carets_up_to_sixteen() {
        assert_eq!(backslashes_before(b"a\\^\\x", 4), 2);
        assert_eq!(backslashes_before(&[b'\\'; 16], 16), 16);
        assert_eq!(backslashes_before(&[b'\\'; 17], 17), 16, "the cap");
        assert_eq!(backslashes_before(b"\\x", 0), 0);
    }

    #[test]
    fn space_is_skipped_also_as_escapes_of_any_level_and_carets() {
        // A HAR body's `\"Password\":\n  \"…\"`: the value is on the next line.
        assert_eq!(skip_space(br#"\n  \"x"#, 0), 4);
        assert_eq!(skip_space(br#" \t^\r\\n"x"#, 0), 9, "level 2: `\\n`");
        // A backslash that escapes no space is where reading goes on.
        assert_eq!(skip_space(br#" \"x"#, 0), 1);
        assert_eq!(skip_space(br#"\\x"#, 0), 0);
        assert_eq!(skip_space(b"  ", 0), 2);
    }

    #[test]
    fn a_line_ends_at_its_first_line_feed_or_carriage_return() {
        assert_eq!(line_end(b"ab\ncd", 0), 2);
        assert_eq!(line_end(b"ab\r\ncd", 1), 2);
        assert_eq!(line_end(b"abc", 1), 3);
        assert_eq!(line_end(b"a\n", 1), 1);
    }
}
