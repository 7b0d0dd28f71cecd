//! Byte offsets ↔ 1-based line and UTF-16 column, the coordinates browser editors use.

/// A 1-based line and a 1-based column counted in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Bytes between two UTF-16 checkpoints of a non-ASCII text (moved forward to a char boundary).
const CHECKPOINT_BYTES: usize = 2048;

/// Start offsets of every line of a text, built once per text.
///
/// A line ends at `\n`; a `\r` before it belongs to the line ending, so CRLF input
/// gets the same coordinates as LF input.
///
/// For non-ASCII text it also keeps checkpoints `(byte offset, UTF-16 units before it)` every
/// ~2 KiB, so converting a position counts at most a checkpoint's distance of bytes, however long
/// the line is.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// ASCII text (the usual case) maps bytes to UTF-16 units one to one: no counting needed.
    ascii: bool,
    /// `(byte offset at a char boundary, UTF-16 units of the text before it)`, ascending, starting
    /// with `(0, 0)`; empty for ASCII text.
    checkpoints: Vec<(usize, usize)>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let ascii = text.is_ascii();
        let checkpoints = if ascii { Vec::new() } else { checkpoints(text) };
        LineIndex {
            line_starts,
            ascii,
            checkpoints,
        }
    }

    /// The position of a byte offset. Offsets past the end clamp to the end; offsets inside a
    /// multi-byte character count up to that character's start.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let column = if self.ascii {
            offset.saturating_sub(start)
        } else {
            self.utf16_before(text, super::floor_char_boundary(text, offset))
                .saturating_sub(self.utf16_before(text, start))
        };
        Position {
            line: to_u32(line + 1),
            column: to_u32(column + 1),
        }
    }

    /// The byte offset of a 1-based line and UTF-16 column: the inverse of [`LineIndex::position`].
    ///
    /// Clamps: line 0 counts as line 1, a line past the last one gives the end of the text, a
    /// column 0 counts as column 1, and a column past the end of its line gives the line's end
    /// (the `\n`, so after a `\r` of a CRLF ending). A column inside a surrogate pair gives the
    /// start of that character.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = usize::try_from(position.line)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        let Some(&line_start) = self.line_starts.get(line) else {
            return text.len();
        };
        let line_start = line_start.min(text.len());
        let line_end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |next| next.saturating_sub(1))
            .clamp(line_start, text.len());
        let units = usize::try_from(position.column)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        if self.ascii {
            return line_start.saturating_add(units).min(line_end);
        }
        let line_units = self.utf16_before(text, line_start);
        let target = line_units.saturating_add(units);
        // Start from the last checkpoint at or before the target, unless the line starts later.
        let at = self
            .checkpoints
            .partition_point(|&(_, before)| before <= target)
            .saturating_sub(1);
        let (mut offset, mut counted) = match self.checkpoints.get(at) {
            Some(&(byte, before)) if byte > line_start => (byte, before),
            _ => (line_start, line_units),
        };
        if offset >= line_end {
            return line_end;
        }
        for ch in text.get(offset..line_end).unwrap_or_default().chars() {
            let next = counted + ch.len_utf16();
            if next > target {
                break;
            }
            counted = next;
            offset += ch.len_utf8();
        }
        offset
    }

    /// UTF-16 units of `text[..offset]`; `offset` is at a char boundary.
    fn utf16_before(&self, text: &str, offset: usize) -> usize {
        let at = self
            .checkpoints
            .partition_point(|&(byte, _)| byte <= offset)
            .saturating_sub(1);
        let (byte, before) = self.checkpoints.get(at).copied().unwrap_or((0, 0));
        before + utf16_len(text.as_bytes().get(byte..offset).unwrap_or_default())
    }
}

/// Checkpoints every ~[`CHECKPOINT_BYTES`] bytes, each at a char boundary.
fn checkpoints(text: &str) -> Vec<(usize, usize)> {
    let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
    checkpoints.push((0, 0));
    let (mut byte, mut units): (usize, usize) = (0, 0);
    loop {
        let next = byte.saturating_add(CHECKPOINT_BYTES);
        if next >= text.len() {
            break;
        }
        let next = super::ceil_char_boundary(text, next);
        units += utf16_len(text.as_bytes().get(byte..next).unwrap_or_default());
        byte = next;
        checkpoints.push((byte, units));
    }
    checkpoints
}

/// UTF-16 units of valid UTF-8 bytes that start and end at char boundaries: one per character
/// (per byte that is not a continuation byte), two for a four-byte character.
fn utf16_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
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

    fn pos(line: u32, column: u32) -> Position {
        Position { line, column }
    }

    /// Every char boundary maps to a position and back to itself; the positions agree with
    /// counting the slow obvious way.
    fn assert_round_trip(text: &str) {
        let index = LineIndex::new(text);
        let mut line = 1;
        let mut line_start = 0;
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let column = text[line_start..offset].encode_utf16().count() as u32 + 1;
            let position = index.position(text, offset);
            assert_eq!(position, pos(line, column), "{text:?} at {offset}");
            assert_eq!(
                index.offset(text, position),
                offset,
                "{text:?} {position:?}"
            );
            if text[offset..].starts_with('\n') {
                line += 1;
                line_start = offset + 1;
            }
        }
    }

    #[test]
    fn offsets_round_trip() {
        for text in [
            "",
            "{}",
            "{\"a\": 1}\n{\"b\": 2}",
            "{\"a\":\"é\"}",
            "é\né\n\n",
            "{\"a\":\"😀x😀\"}\n😀",
            "{\r\n  \"é\": \"😀\"\r\n}\r\n",
        ] {
            assert_round_trip(text);
        }
    }

    #[test]
    fn long_lines_round_trip_across_checkpoints() {
        // Mixed widths so checkpoints land next to multi-byte characters, on one line and on many.
        let one_line: String = (0..3000).map(|i| ["a", "é", "€", "😀"][i % 4]).collect();
        assert_round_trip(&one_line);
        let lines: String = (0..3000)
            .map(|i| ["a", "é\r\n", "€", "😀\n", "bb"][i % 5])
            .collect();
        assert_round_trip(&lines);
        let ascii = "x".repeat(10_000);
        assert_round_trip(&ascii);
    }

    #[test]
    fn offset_clamps() {
        let text = "ab\r\né😀\nc";
        let index = LineIndex::new(text);
        // Column past the end of a line: the `\n` (after the `\r` of a CRLF ending).
        assert_eq!(index.offset(text, pos(1, 99)), 3);
        assert_eq!(index.offset(text, pos(2, 99)), text.rfind('\n').unwrap());
        assert_eq!(index.offset(text, pos(3, 99)), text.len());
        // Line past the end: the end of the text; line 0 and column 0 count as 1.
        assert_eq!(index.offset(text, pos(9, 1)), text.len());
        assert_eq!(index.offset(text, pos(u32::MAX, u32::MAX)), text.len());
        assert_eq!(index.offset(text, pos(0, 0)), 0);
        assert_eq!(index.offset(text, pos(2, 0)), 4);
        // A column inside the surrogate pair of 😀 (é is column 1, 😀 columns 2–3).
        assert_eq!(index.offset(text, pos(2, 3)), text.find('😀').unwrap());
        assert_eq!(index.offset("", pos(1, 5)), 0);
    }

    #[test]
    fn offsets_inside_a_character_count_to_its_start() {
        let text = "é😀";
        assert_eq!(at(text, 1), (1, 1));
        assert_eq!(at(text, 3), (1, 2));
        assert_eq!(at(text, 5), (1, 2));
    }

    #[test]
    fn many_positions_in_a_long_non_ascii_line() {
        // One 3 MB line: counting from the line start for each of these thousands of positions
        // and offsets took minutes in a debug build; the checkpoints bound each one to ~2 KiB.
        let text = "é".repeat(1_500_000);
        let index = LineIndex::new(&text);
        for i in 0..2000 {
            let offset = text.len() - 2 * i * 700;
            let position = index.position(&text, offset);
            assert_eq!(position, pos(1, (offset / 2) as u32 + 1));
            assert_eq!(index.offset(&text, position), offset);
        }
    }
}
