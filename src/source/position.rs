//! Byte offsets → 1-based line and UTF-16 column, the coordinates browser editors use.

/// A 1-based line and a 1-based column counted in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Start offsets of every line of a text, built once per text.
///
/// A line ends at `\n`; a `\r` before it belongs to the line ending, so CRLF input
/// gets the same coordinates as LF input.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// ASCII text (the usual case) maps bytes to UTF-16 units one to one: no counting needed.
    ascii: bool,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            line_starts,
            ascii: text.is_ascii(),
        }
    }

    /// The position of a byte offset. Offsets past the end clamp to the end; offsets inside a
    /// multi-byte character count up to that character's start.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let column = if self.ascii {
            end - start
        } else {
            text[start..end].encode_utf16().count()
        };
        Position {
            line: to_u32(line + 1),
            column: to_u32(column + 1),
        }
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, offset: usize) -> (u32, u32) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column)
    }

    #[test]
    fn first_character_is_line_1_column_1() {
        assert_eq!(at("{}", 0), (1, 1));
    }

    #[test]
    fn columns_count_utf16_units() {
        let text = "{\"a\":\"é😀\",\"b\":1}";
        let b = text.find("\"b\"").unwrap();
        // `{"a":"` is 6 units, é is 1, 😀 is 2, `",` is 2: "b" starts at unit 11 → column 12.
        assert_eq!(at(text, b), (1, 12));
    }

    #[test]
    fn crlf_and_lf_give_the_same_coordinates() {
        let lf = "{\n  \"a\": 1\n}";
        let crlf = "{\r\n  \"a\": 1\r\n}";
        assert_eq!(at(lf, lf.find('1').unwrap()), (2, 8));
        assert_eq!(at(crlf, crlf.find('1').unwrap()), (2, 8));
        assert_eq!(at(crlf, crlf.rfind('}').unwrap()), (3, 1));
    }

    #[test]
    fn offsets_past_the_end_clamp() {
        assert_eq!(at("ab", 99), (1, 3));
    }
}
