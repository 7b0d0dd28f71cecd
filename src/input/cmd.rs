//! Splits a Windows `cmd` command (Chromium's "Copy as cURL (cmd)") into words, keeping for every
//! unquoted byte where it was in the pasted text.
//!
//! Two parsers read such a command, in turn, and Chromium escapes for both: `cmd.exe` removes the
//! caret of `^x` (any character taken literally, `^` at a line end continues the line, `^` and two
//! line breaks is one line break), then the C runtime splits the arguments (`"` quotes, `\"` is
//! a literal quote, backslashes before a quote are halved). So `^"` quotes, `^\^"` is a quote in
//! the body and `^{` a brace.

use std::iter::Peekable;
use std::str::CharIndices;

use super::mapped::Mapped;
use super::shell::{ShellError, Word};
use crate::source::Span;

/// True when the text is written for `cmd`: the URL quoted `^"…^"`, or lines continued by ` ^`.
pub fn is_cmd(text: &str) -> bool {
    let after_curl = text.trim_start().get(4..).unwrap_or_default().trim_start();
    after_curl.starts_with("^\"")
        || text
            .lines()
            .any(|line| line.trim_end().ends_with(" ^") || line.trim_end() == "^")
}

/// The words of the first command of `text` (up to an unescaped line break, `&` or `|`).
pub fn split(text: &str) -> Result<Vec<Word>, ShellError> {
    arguments(Unescaped::new(text))
}

/// What `cmd.exe` passes on: a character and the pasted bytes that produced it (`^{` for `{`).
struct Passed {
    ch: char,
    span: Span,
}

/// The command as `cmd.exe` hands it to the program, one character at a time (carets removed,
/// continuations joined): read as it goes, so a 50 MB body costs no per-character list.
struct Unescaped<'a> {
    chars: Peekable<CharIndices<'a>>,
    quoted: bool,
    ended: bool,
}

impl<'a> Unescaped<'a> {
    fn new(text: &'a str) -> Self {
        Unescaped {
            chars: text.char_indices().peekable(),
            quoted: false,
            ended: false,
        }
    }

    /// What follows a caret at `at`: the character it escapes, a literal line break, or (for a
    /// continuation) nothing.
    fn after_caret(&mut self, at: usize) -> Option<Passed> {
        let Some((next_at, next)) = self.chars.next() else {
            self.ended = true;
            return None;
        };
        let mut end = next_at + next.len_utf8();
        if next == '\r' && self.chars.peek().is_some_and(|&(_, c)| c == '\n') {
            end += 1;
            self.chars.next();
        }
        if !matches!(next, '\r' | '\n') {
            return Some(Passed {
                ch: next,
                span: Span::new(at, end),
            });
        }
        // A continuation; a line break right after it is a literal one.
        if self.chars.peek().is_some_and(|&(_, c)| c == '\r') {
            self.chars.next();
        }
        let &(break_at, '\n') = self.chars.peek()? else {
            return None;
        };
        self.chars.next();
        Some(Passed {
            ch: '\n',
            span: Span::new(at, break_at + 1),
        })
    }
}

impl Iterator for Unescaped<'_> {
    type Item = Passed;

    fn next(&mut self) -> Option<Passed> {
        while !self.ended {
            let (at, ch) = self.chars.next()?;
            let passed = match ch {
                '^' if !self.quoted => self.after_caret(at),
                '\n' | '&' | '|' if !self.quoted => {
                    self.ended = true;
                    None
                }
                '\r' if !self.quoted => None,
                _ => {
                    if ch == '"' {
                        self.quoted = !self.quoted;
                    }
                    Some(Passed {
                        ch,
                        span: Span::new(at, at + ch.len_utf8()),
                    })
                }
            };
            if passed.is_some() {
                return passed;
            }
        }
        None
    }
}

/// The C runtime's argument splitting of what `cmd.exe` passed on (as curl.exe receives it: a
/// backslash not before a quote stays as written).
fn arguments(passed: Unescaped<'_>) -> Result<Vec<Word>, ShellError> {
    let mut passed = passed.peekable();
    let mut words = Vec::new();
    let mut current: Option<(Mapped, Span)> = None;
    let mut quote_start: Option<usize> = None;
    let mut last_end = 0;
    while let Some(item) = passed.next() {
        last_end = item.span.end;
        if quote_start.is_none() && matches!(item.ch, ' ' | '\t' | '\n') {
            if let Some((value, span)) = current.take() {
                words.push(Word { value, span });
            }
            continue;
        }
        let word = current.get_or_insert_with(|| (Mapped::default(), item.span));
        match item.ch {
            '\\' => {
                // The run of backslashes, mapped as pasted (runs of a map, not one entry each).
                let mut run = Mapped::default();
                run.push('\\', item.span);
                while let Some(next) = passed.next_if(|p| p.ch == '\\') {
                    run.push('\\', next.span);
                }
                let count = run.text.len();
                let quote = passed.next_if(|p| p.ch == '"');
                let Some(quote) = quote else {
                    word.0.append(&run);
                    word.1.end = run.span(word.1.end).end;
                    last_end = word.1.end;
                    continue;
                };
                // Before a quote, each pair is one backslash and an odd one makes the quote
                // literal.
                for pair in (0..count / 2).map(|pair| 2 * pair) {
                    word.0.push('\\', run.origin(pair, pair + 2, 0));
                }
                last_end = quote.span.end;
                if count % 2 == 1 {
                    let backslash = run.origin(count - 1, count, 0);
                    word.0.push('"', Span::new(backslash.start, quote.span.end));
                    word.1.end = quote.span.end;
                    continue;
                }
                // An even run: the quote opens or closes a quoted part.
                word.1.end = quote.span.end;
                quote_start = match quote_start {
                    Some(_) => None,
                    None => Some(quote.span.start),
                };
                continue;
            }
            '"' => {
                quote_start = match quote_start {
                    Some(_) => None,
                    None => Some(item.span.start),
                };
            }
            ch => word.0.push(ch, item.span),
        }
        word.1.end = item.span.end;
    }
    if let Some(start) = quote_start {
        return Err(ShellError {
            message: "Found a double quote (^\") that is never closed; expected a matching closing quote before the end of the command".to_string(),
            span: Span {
                start,
                end: last_end.max(start),
            },
        });
    }
    words.extend(current.map(|(value, span)| Word { value, span }));
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Chromium copies (`Copy as cURL (cmd)`, DevTools' `escapeStringWin`) for the body
    /// `{"Client":"A & B \"1.0\" 100%","Notes":"line\nbreak"}`.
    const CHROMIUM: &str = "curl ^\"https://api.mews-demo.com/api/connector/v1/configuration/get^\" ^\n  -H ^\"content-type: application/json^\" ^\n  --data-raw ^\"^{^\\^\"Client^\\^\":^\\^\"A ^& B ^\\^\\^\\^\"1.0^\\^\\^\\^\" 100^%^\\^\",^\\^\"Notes^\\^\":^\\^\"line^\\^\\nbreak^\\^\"^}^\"";

    fn values(text: &str) -> Vec<String> {
        split(text)
            .unwrap()
            .into_iter()
            .map(|word| word.value.text)
            .collect()
    }

    #[test]
    fn reads_what_chromium_copies() {
        assert!(is_cmd(CHROMIUM));
        assert!(!is_cmd("curl 'https://x' -d '{\"a\": \"^\"}'"));
        assert_eq!(
            values(CHROMIUM),
            [
                "curl",
                "https://api.mews-demo.com/api/connector/v1/configuration/get",
                "-H",
                "content-type: application/json",
                "--data-raw",
                // curl.exe keeps a backslash that is not before a quote: `\n` arrives as `\\n`.
                r#"{"Client":"A & B \"1.0\" 100%","Notes":"line\\nbreak"}"#,
            ]
        );
    }

    #[test]
    fn body_characters_map_to_their_escapes() {
        let words = split(CHROMIUM).unwrap();
        let body = &words[5].value;
        let quote = body.origin(1, 2, 0);
        assert_eq!(&CHROMIUM[quote.start..quote.end], "^\\^\"");
        let brace = body.origin(0, 1, 0);
        assert_eq!(&CHROMIUM[brace.start..brace.end], "^{");
        assert_eq!(
            &CHROMIUM[words[1].span.start..words[1].span.end],
            "^\"https://api.mews-demo.com/api/connector/v1/configuration/get^\""
        );
    }

    #[test]
    fn line_breaks_continuations_and_separators() {
        assert_eq!(
            values("curl a ^\n  b ^\r\n c & echo no"),
            ["curl", "a", "b", "c"]
        );
        assert_eq!(values("x ^\"a^\n\nb^\""), ["x", "a\nb"]);
        assert_eq!(values("x \"a ^ & b\" c"), ["x", "a ^ & b", "c"]);
        assert_eq!(values(r#"x a\\b \\\\^"c d^""#), ["x", r"a\\b", r"\\c d"]);
    }

    #[test]
    fn an_unclosed_quote_is_located() {
        // From the quote to the end of the command, also when it ends in backslashes.
        for text in [
            "curl ^\"https://x^\" -d ^\"{}",
            "curl ^\"https://x^\" -d ^\"{}\\\\",
        ] {
            let error = split(text).unwrap_err();
            assert_eq!((error.span.start, error.span.end), (22, text.len()));
            assert!(error.message.contains("never closed"), "{}", error.message);
        }
    }

    #[test]
    fn backslash_pairs_before_a_quote_map_to_both_backslashes() {
        let text = r#"x ^"a\\\\^"b"#;
        let words = split(text).unwrap();
        assert_eq!(words[1].value.text, r"a\\b");
        for (at, pasted) in [(1, 5), (2, 7)] {
            let pair = words[1].value.origin(at, at + 1, 0);
            assert_eq!((pair.start, pair.end), (pasted, pasted + 2));
        }
    }
}
