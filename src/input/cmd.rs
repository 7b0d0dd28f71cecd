//! Splits a Windows `cmd` command (Chromium's "Copy as cURL (cmd)") into words, keeping for every
//! unquoted byte where it was in the pasted text.
//!
//! Two parsers read such a command, in turn, and Chromium escapes for both: `cmd.exe` removes the
//! caret of `^x` (any character taken literally, `^` at a line end continues the line, `^` and two
//! line breaks is one line break), then the C runtime splits the arguments (`"` quotes, `\"` is
//! a literal quote, backslashes before a quote are halved). So `^"` quotes, `^\^"` is a quote in
//! the body and `^{` a brace.

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
    arguments(&unescape_cmd(text))
}

/// What `cmd.exe` passes on: a character and the pasted bytes that produced it (`^{` for `{`).
struct Passed {
    ch: char,
    span: Span,
}

/// The command as `cmd.exe` hands it to the program: carets removed, continuations joined.
fn unescape_cmd(text: &str) -> Vec<Passed> {
    let mut passed = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut quoted = false;
    let span_of = |start: usize, ch: char| Span {
        start,
        end: start + ch.len_utf8(),
    };
    while let Some((at, ch)) = chars.next() {
        match ch {
            '^' if !quoted => {
                let Some((next_at, next)) = chars.next() else {
                    break;
                };
                let mut end = next_at + next.len_utf8();
                if next == '\r' && chars.peek().is_some_and(|&(_, c)| c == '\n') {
                    end += 1;
                    chars.next();
                }
                if matches!(next, '\r' | '\n') {
                    // A continuation; a line break right after it is a literal one.
                    if chars.peek().is_some_and(|&(_, c)| c == '\r') {
                        chars.next();
                    }
                    if let Some(&(break_at, '\n')) = chars.peek() {
                        chars.next();
                        passed.push(Passed {
                            ch: '\n',
                            span: Span {
                                start: at,
                                end: break_at + 1,
                            },
                        });
                    }
                    continue;
                }
                passed.push(Passed {
                    ch: next,
                    span: Span { start: at, end },
                });
            }
            '"' => {
                quoted = !quoted;
                passed.push(Passed {
                    ch,
                    span: span_of(at, ch),
                });
            }
            '\n' | '&' | '|' if !quoted => break,
            '\r' if !quoted => {}
            _ => passed.push(Passed {
                ch,
                span: span_of(at, ch),
            }),
        }
    }
    passed
}

fn spanning(first: &Passed, last: &Passed) -> Span {
    Span {
        start: first.span.start,
        end: last.span.end,
    }
}

/// The C runtime's argument splitting of what `cmd.exe` passed on (as curl.exe receives it: a
/// backslash not before a quote stays as written).
fn arguments(passed: &[Passed]) -> Result<Vec<Word>, ShellError> {
    let mut words = Vec::new();
    let mut current: Option<(Mapped, Span)> = None;
    let mut quote_start: Option<usize> = None;
    let mut i = 0;
    while let Some(item) = passed.get(i) {
        if quote_start.is_none() && matches!(item.ch, ' ' | '\t' | '\n') {
            if let Some((value, span)) = current.take() {
                words.push(Word { value, span });
            }
            i += 1;
            continue;
        }
        let word = current.get_or_insert_with(|| (Mapped::default(), item.span));
        match item.ch {
            '\\' => {
                let run = passed
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|p| p.ch == '\\')
                    .count();
                let backslashes = passed.get(i..i + run).unwrap_or_default();
                if passed.get(i + run).is_some_and(|p| p.ch == '"') {
                    // Before a quote, each pair is one backslash and an odd one makes the quote
                    // literal.
                    for pair in backslashes.chunks_exact(2) {
                        word.0.push('\\', spanning(&pair[0], &pair[1]));
                    }
                    i += run;
                    if run % 2 == 1 {
                        if let (Some(backslash), Some(quote)) = (passed.get(i - 1), passed.get(i)) {
                            word.0.push('"', spanning(backslash, quote));
                        }
                        i += 1;
                    }
                } else {
                    for backslash in backslashes {
                        word.0.push('\\', backslash.span);
                    }
                    i += run;
                }
                word.1.end = passed.get(i - 1).map_or(word.1.end, |p| p.span.end);
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
        i += 1;
    }
    if let Some(start) = quote_start {
        return Err(ShellError {
            message: "Found a double quote (^\") that is never closed; expected a matching closing quote before the end of the command".to_string(),
            span: Span {
                start,
                end: passed.last().map_or(start, |p| p.span.end),
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
        let error = split("curl ^\"https://x^\" -d ^\"{}").unwrap_err();
        assert_eq!(error.span.start, 22);
        assert!(error.message.contains("never closed"), "{}", error.message);
    }
}
