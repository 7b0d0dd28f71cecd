//! Text extracted from the pasted input (an unquoted shell word, an HTTP body) that remembers,
//! for every byte, which bytes of the pasted text produced it, so findings map back.

use crate::source::Span;

/// Extracted text plus, per byte, the span of pasted text it came from (an escape such as `\n`
/// maps its one byte to the two pasted bytes; a multi-byte character maps each byte to the same span).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    pub text: String,
    origins: Vec<Span>,
}

impl Mapped {
    /// A verbatim slice of the pasted text starting at `offset`.
    pub fn verbatim(text: &str, offset: usize) -> Self {
        let mut mapped = Mapped::default();
        for (i, ch) in text.char_indices() {
            let start = offset + i;
            mapped.push(
                ch,
                Span {
                    start,
                    end: start + ch.len_utf8(),
                },
            );
        }
        mapped
    }

    /// Appends a character produced by the pasted bytes `origin`.
    pub fn push(&mut self, ch: char, origin: Span) {
        self.text.push(ch);
        self.origins
            .extend(std::iter::repeat_n(origin, ch.len_utf8()));
    }

    /// Appends another mapped text.
    pub fn append(&mut self, other: &Mapped) {
        self.text.push_str(&other.text);
        self.origins.extend_from_slice(&other.origins);
    }

    /// The part from byte `from` on (clamped to a character boundary at or after it).
    pub fn tail(&self, from: usize) -> Mapped {
        let mut from = from.min(self.text.len());
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        Mapped {
            text: self.text.get(from..).unwrap_or_default().to_string(),
            origins: self.origins.get(from..).unwrap_or_default().to_vec(),
        }
    }

    /// The pasted span of the extracted bytes `start..end`; `fallback` when the text is empty.
    pub fn origin(&self, start: usize, end: usize, fallback: usize) -> Span {
        let Some(last) = self.origins.last() else {
            return Span {
                start: fallback,
                end: fallback,
            };
        };
        let start_at = self.origins.get(start).map_or(last.end, |span| span.start);
        let end_at = if end > start {
            self.origins
                .get(end.saturating_sub(1))
                .map_or(last.end, |span| span.end)
        } else {
            start_at
        };
        Span {
            start: start_at,
            end: end_at.max(start_at),
        }
    }

    /// The pasted span of the whole text (without the quotes around it).
    pub fn span(&self, fallback: usize) -> Span {
        self.origin(0, self.text.len(), fallback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_map_one_byte_to_several_and_characters_to_their_bytes() {
        let mut mapped = Mapped::default();
        mapped.push('a', Span { start: 3, end: 4 });
        mapped.push('\n', Span { start: 4, end: 6 });
        mapped.push('é', Span { start: 6, end: 12 });
        assert_eq!(mapped.origin(1, 2, 0), Span { start: 4, end: 6 });
        assert_eq!(mapped.origin(2, 4, 0), Span { start: 6, end: 12 });
        assert_eq!(mapped.origin(0, 0, 0), Span { start: 3, end: 3 });
        assert_eq!(mapped.origin(4, 4, 0), Span { start: 12, end: 12 });
        assert_eq!(mapped.tail(3).text, "");
        assert_eq!(Mapped::default().span(7), Span { start: 7, end: 7 });
    }
}
