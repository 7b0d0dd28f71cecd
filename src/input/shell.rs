//! Splits a shell command (bash syntax, as "Copy as cURL" and API docs write it) into words,
//! keeping for every unquoted byte where it was in the pasted text.
//!
//! Hand-written because the crates that split shell words (`shlex`, `shell-words`) return plain
//! strings: they cannot say where a body byte was, and `$'…'` quoting is not supported by either.

use super::mapped::Mapped;
use crate::source::Span;

/// One shell word, unquoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub value: Mapped,
    /// The word as pasted, quotes included.
    pub span: Span,
}

/// Why a command cannot be split, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellError {
    pub message: String,
    pub span: Span,
}

/// The words of the first command of `text` (up to an unquoted newline, `;`, `&` or `|`).
pub fn split(text: &str) -> Result<Vec<Word>, ShellError> {
    Splitter { text, at: 0 }.words()
}

struct Splitter<'a> {
    text: &'a str,
    at: usize,
}

impl Splitter<'_> {
    fn peek(&self) -> Option<char> {
        self.text
            .get(self.at..)
            .and_then(|rest| rest.chars().next())
    }

    fn peek_second(&self) -> Option<char> {
        let mut chars = self.text.get(self.at..)?.chars();
        chars.next();
        chars.next()
    }

    /// Consumes one character and returns it with its span.
    /// Appends the character after a backslash, mapped to both (the escape as written).
    fn escaped(&mut self, value: &mut Mapped, backslash: Span) {
        if let Some((ch, span)) = self.bump() {
            value.push(
                ch,
                Span {
                    start: backslash.start,
                    end: span.end,
                },
            );
        }
    }

    fn bump(&mut self) -> Option<(char, Span)> {
        let ch = self.peek()?;
        let start = self.at;
        self.at += ch.len_utf8();
        Some((
            ch,
            Span {
                start,
                end: self.at,
            },
        ))
    }

    /// Consumes a backslash-newline (or backslash-CRLF) line continuation, if one is next.
    fn continuation(&mut self) -> bool {
        let rest = self.text.get(self.at..).unwrap_or_default();
        for continuation in ["\\\n", "\\\r\n"] {
            if rest.starts_with(continuation) {
                self.at += continuation.len();
                return true;
            }
        }
        false
    }

    fn words(mut self) -> Result<Vec<Word>, ShellError> {
        let mut words = Vec::new();
        loop {
            loop {
                if matches!(self.peek(), Some(' ' | '\t' | '\r')) {
                    self.bump();
                } else if !self.continuation() {
                    break;
                }
            }
            match self.peek() {
                None | Some('\n' | ';' | '&' | '|') => return Ok(words),
                Some('#') => {
                    while !matches!(self.peek(), None | Some('\n')) {
                        self.bump();
                    }
                }
                Some(_) => words.push(self.word()?),
            }
        }
    }

    fn word(&mut self) -> Result<Word, ShellError> {
        let start = self.at;
        let mut value = Mapped::default();
        loop {
            if self.continuation() {
                continue;
            }
            match (self.peek(), self.peek_second()) {
                (None | Some(' ' | '\t' | '\r' | '\n' | ';' | '&' | '|'), _) => break,
                (Some('\''), _) => self.single_quoted(&mut value)?,
                (Some('"'), _) => self.double_quoted(&mut value)?,
                (Some('$'), Some('\'')) => self.ansi_c_quoted(&mut value)?,
                (Some('\\'), _) => {
                    let (_, backslash) = self.bump().unwrap_or_default();
                    self.escaped(&mut value, backslash);
                }
                (Some(_), _) => {
                    if let Some((ch, span)) = self.bump() {
                        value.push(ch, span);
                    }
                }
            }
        }
        Ok(Word {
            value,
            span: Span {
                start,
                end: self.at,
            },
        })
    }

    fn unterminated(&self, quote_start: usize, kind: &str) -> ShellError {
        ShellError {
            message: format!(
                "Found a {kind} that is never closed; expected a matching closing quote before the end of the command"
            ),
            span: Span {
                start: quote_start,
                end: self.text.len(),
            },
        }
    }

    /// `'…'`: everything literal up to the next `'`.
    fn single_quoted(&mut self, value: &mut Mapped) -> Result<(), ShellError> {
        let quote = self.at;
        self.bump();
        let rest = self.text.get(self.at..).unwrap_or_default();
        let Some(length) = rest.find('\'') else {
            return Err(self.unterminated(quote, "single quote (')"));
        };
        // A whole JSON body is often one single-quoted word: copied in one piece.
        value.push_str(&rest[..length], self.at);
        self.at += length + 1;
        Ok(())
    }

    /// `"…"`: a backslash escapes `"`, `\`, `$`, `` ` `` and a newline; elsewhere it is literal.
    fn double_quoted(&mut self, value: &mut Mapped) -> Result<(), ShellError> {
        let quote = self.at;
        self.bump();
        loop {
            if self.continuation() {
                continue;
            }
            match self.bump() {
                None => return Err(self.unterminated(quote, "double quote (\")")),
                Some(('"', _)) => return Ok(()),
                Some(('\\', backslash)) if matches!(self.peek(), Some('"' | '\\' | '$' | '`')) => {
                    self.escaped(value, backslash);
                }
                Some((ch, span)) => value.push(ch, span),
            }
        }
    }

    /// `$'…'` (ANSI-C quoting, what Chromium copies when a body has special characters).
    fn ansi_c_quoted(&mut self, value: &mut Mapped) -> Result<(), ShellError> {
        let quote = self.at;
        self.bump();
        self.bump();
        loop {
            match self.bump() {
                None => return Err(self.unterminated(quote, "$' quote")),
                Some(('\'', _)) => return Ok(()),
                Some(('\\', backslash)) => self.ansi_c_escape(backslash.start, value),
                Some((ch, span)) => value.push(ch, span),
            }
        }
    }

    fn ansi_c_escape(&mut self, start: usize, value: &mut Mapped) {
        let Some((letter, _)) = self.bump() else {
            return;
        };
        let simple = match letter {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'e' | 'E' => Some('\u{1b}'),
            'f' => Some('\u{c}'),
            'v' => Some('\u{b}'),
            '\\' | '\'' | '"' | '?' => Some(letter),
            _ => None,
        };
        let decoded = simple.or_else(|| match letter {
            'x' => self.hex(2).and_then(char::from_u32),
            'u' => self.hex(4).and_then(char::from_u32),
            'U' => self.hex(8).and_then(char::from_u32),
            _ => None,
        });
        let span = Span {
            start,
            end: self.at,
        };
        match decoded {
            Some(ch) => value.push(ch, span),
            // Unknown or invalid escapes stay as written.
            None => {
                for ch in self.text.get(start..self.at).unwrap_or_default().chars() {
                    value.push(ch, span);
                }
            }
        }
    }

    /// Up to `max` hex digits, as a number; `None` when there is none.
    fn hex(&mut self, max: usize) -> Option<u32> {
        let mut number: u32 = 0;
        let mut digits = 0;
        while digits < max {
            let Some(digit) = self.peek().and_then(|ch| ch.to_digit(16)) else {
                break;
            };
            self.bump();
            number = number.saturating_mul(16).saturating_add(digit);
            digits += 1;
        }
        (digits > 0).then_some(number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        split(text)
            .unwrap()
            .into_iter()
            .map(|word| word.value.text)
            .collect()
    }

    #[test]
    fn quotes_escapes_and_continuations() {
        assert_eq!(
            values("curl 'a b' \"c\\\"d\\$e\\n\" \\\n  $'x\\ny\\'z\\u00e9\\x41' f\\ g; next"),
            ["curl", "a b", "c\"d$e\\n", "x\ny'zéA", "f g"]
        );
    }

    #[test]
    fn escapes_map_to_their_pasted_bytes() {
        let text = "curl $'a\\nb'";
        let words = split(text).unwrap();
        let body = &words[1].value;
        assert_eq!(body.text, "a\nb");
        let newline = body.origin(1, 2, 0);
        assert_eq!(&text[newline.start..newline.end], "\\n");
        assert_eq!(words[1].span, Span { start: 5, end: 12 });
    }

    #[test]
    fn unterminated_quotes_are_located() {
        let error = split("curl -d '{\"a\": 1}").unwrap_err();
        assert_eq!(error.span.start, 8);
        assert!(error.message.contains("single quote"));
        assert!(split("curl $'abc\\").is_err());
        assert!(split("curl \"abc\\").is_err());
    }

    #[test]
    fn invalid_escapes_stay_as_written() {
        assert_eq!(values("x $'\\q\\xZ\\u{d800}'"), ["x", "\\q\\xZ\\u{d800}"]);
        assert_eq!(values("x $'\\ud800'"), ["x", "\\ud800"]);
    }
}
