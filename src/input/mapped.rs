//! Text extracted from the pasted input (an unquoted shell word, an HTTP body) that remembers,
//! for every byte, which bytes of the pasted text produced it, so findings map back.

use crate::source::Span;

/// Extracted text plus, per byte, the span of pasted text it came from (an escape such as `\n`
/// maps its one byte to the two pasted bytes; a multi-byte character maps each byte to the same span).
///
/// The map is kept as runs, not one span per byte (16 bytes each: 800 MB for a 50 MB body): a
/// quoted body is one run copied verbatim, and only escapes start runs of their own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    pub text: String,
    runs: Vec<Run>,
}

/// The bytes of `text` from `at` to the next run's `at`: copied verbatim from `origin` when it is
/// as long as they are (each character from its own bytes), else one character produced by all of
/// `origin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    at: usize,
    origin: Span,
}

impl Mapped {
    /// A verbatim slice of the pasted text starting at `offset`.
    pub fn verbatim(text: &str, offset: usize) -> Self {
        let mut mapped = Mapped::default();
        mapped.push_str(text, offset);
        mapped
    }

    /// Appends a verbatim slice of the pasted text starting at `offset`.
    pub fn push_str(&mut self, text: &str, offset: usize) {
        if text.is_empty() {
            return;
        }
        let at = self.text.len();
        self.text.push_str(text);
        self.add_run(at, Span::new(offset, offset + text.len()), text.len());
    }

    /// Appends a character produced by the pasted bytes `origin`.
    pub fn push(&mut self, ch: char, origin: Span) {
        let at = self.text.len();
        self.text.push(ch);
        self.add_run(at, origin, ch.len_utf8());
    }

    /// Appends another mapped text.
    pub fn append(&mut self, other: &Mapped) {
        let shift = self.text.len();
        self.text.push_str(&other.text);
        for (index, run) in other.runs.iter().enumerate() {
            self.add_run(run.at + shift, run.origin, other.run_end(index) - run.at);
        }
    }

    /// Maps the `len` bytes of `text` at `at` (the last ones) to `origin`: as part of the last
    /// run when both are verbatim and `origin` follows it, so equal maps have equal runs.
    fn add_run(&mut self, at: usize, origin: Span, len: usize) {
        if let Some(last) = self.runs.last_mut() {
            let verbatim = last.origin.end - last.origin.start == at - last.at;
            if verbatim && origin.start == last.origin.end && origin.end - origin.start == len {
                last.origin.end = origin.end;
                return;
            }
        }
        self.runs.push(Run { at, origin });
    }

    /// The part from byte `from` on (clamped to a character boundary at or after it).
    pub fn tail(&self, from: usize) -> Mapped {
        let from = crate::source::ceil_char_boundary(&self.text, from);
        let first = self.run_of(from);
        let runs = self
            .runs
            .iter()
            .enumerate()
            .skip(first)
            .filter_map(|(index, run)| {
                if run.at >= from {
                    return Some(Run {
                        at: run.at - from,
                        origin: run.origin,
                    });
                }
                // The run `from` falls in: a verbatim one (a single-character run starts at a
                // boundary), cut at the same place.
                let cut = run.origin.start + (from - run.at);
                (from < self.run_end(index)).then_some(Run {
                    at: 0,
                    origin: Span::new(cut, run.origin.end),
                })
            })
            .collect();
        Mapped {
            text: self.text.get(from..).unwrap_or_default().to_string(),
            runs,
        }
    }

    /// The pasted span of the extracted bytes `start..end`; `fallback` when the text is empty.
    pub fn origin(&self, start: usize, end: usize, fallback: usize) -> Span {
        let Some(last) = self.byte_origin(self.text.len().saturating_sub(1)) else {
            return Span {
                start: fallback,
                end: fallback,
            };
        };
        let start_at = self.byte_origin(start).map_or(last.end, |span| span.start);
        let end_at = if end > start {
            self.byte_origin(end.saturating_sub(1))
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

    /// The pasted span of the character that extracted byte `byte` belongs to.
    fn byte_origin(&self, byte: usize) -> Option<Span> {
        if byte >= self.text.len() {
            return None;
        }
        let index = self.run_of(byte);
        let run = self.runs.get(index)?;
        let end = self.run_end(index);
        if run.origin.end - run.origin.start != end - run.at {
            return Some(run.origin);
        }
        let first = crate::source::floor_char_boundary(&self.text, byte);
        let last = crate::source::ceil_char_boundary(&self.text, byte + 1);
        let start = run.origin.start + (first - run.at);
        Some(Span::new(start, start + (last - first)))
    }

    /// The index of the run holding extracted byte `byte`.
    fn run_of(&self, byte: usize) -> usize {
        self.runs
            .partition_point(|run| run.at <= byte)
            .saturating_sub(1)
    }

    /// Where run `index` ends in the extracted text.
    fn run_end(&self, index: usize) -> usize {
        self.runs
            .get(index + 1)
            .map_or(self.text.len(), |next| next.at)
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

    #[test]
    fn verbatim_runs_map_each_character_to_its_own_bytes() {
        // "aé" verbatim at 10, then `\n` (pasted 13..15) as one byte, then "b" verbatim at 15.
        let mut mapped = Mapped::verbatim("aé", 10);
        mapped.push('\n', Span { start: 13, end: 15 });
        mapped.append(&Mapped::verbatim("b", 15));
        assert_eq!(mapped.origin(1, 2, 0), Span { start: 11, end: 13 });
        assert_eq!(mapped.origin(2, 3, 0), Span { start: 11, end: 13 });
        assert_eq!(mapped.origin(3, 4, 0), Span { start: 13, end: 15 });
        assert_eq!(mapped.origin(4, 5, 0), Span { start: 15, end: 16 });
        assert_eq!(mapped.origin(9, 9, 0), Span { start: 16, end: 16 });
        let tail = mapped.tail(2);
        assert_eq!(tail.text, "\nb");
        assert_eq!(tail.span(0), Span { start: 13, end: 16 });
        assert_eq!(mapped.tail(1).origin(0, 1, 0), Span { start: 11, end: 13 });
        // Built character by character or in one piece, the same map.
        let mut pushed = Mapped::default();
        pushed.push('a', Span { start: 10, end: 11 });
        pushed.push('é', Span { start: 11, end: 13 });
        assert_eq!(pushed, Mapped::verbatim("aé", 10));
    }
}
