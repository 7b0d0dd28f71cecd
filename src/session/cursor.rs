//! Line and UTF-16 column of increasing byte offsets in one pass: a 100 MB recording on a single
//! line must not be rescanned from its start for every entry.

use crate::source::Position;

pub struct Cursor<'a> {
    text: &'a str,
    offset: usize,
    line: u32,
    column: u32,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Self {
        Cursor {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// The position of `offset`; offsets before the previous one restart from the top.
    pub fn position(&mut self, offset: usize) -> Position {
        let offset = crate::source::floor_char_boundary(self.text, offset);
        if offset < self.offset {
            *self = Cursor::new(self.text);
        }
        let skipped = self.text.get(self.offset..offset).unwrap_or_default();
        for unit in skipped.chars() {
            if unit == '\n' {
                self.line = self.line.saturating_add(1);
                self.column = 1;
            } else {
                self.column = self.column.saturating_add(unit.len_utf16() as u32);
            }
        }
        self.offset = offset;
        Position {
            line: self.line,
            column: self.column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LineIndex;

    #[test]
    fn agrees_with_the_line_index() {
        let text = "{\"a\":\"é😀\",\n\"b\":1,\r\n  \"c\": [1, 2]}";
        let index = LineIndex::new(text);
        let mut cursor = Cursor::new(text);
        for offset in (0..text.len()).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(
                cursor.position(offset),
                index.position(text, offset),
                "offset {offset}"
            );
        }
        assert_eq!(cursor.position(0), index.position(text, 0));
    }

    #[test]
    fn an_offset_inside_a_character_is_the_character_s_start() {
        let text = "ab😀c";
        let mut cursor = Cursor::new(text);
        for inside in 3..6 {
            assert_eq!(
                cursor.position(inside),
                Position { line: 1, column: 3 },
                "{inside}"
            );
        }
        assert_eq!(cursor.position(6), Position { line: 1, column: 5 });
        assert_eq!(cursor.position(99), Position { line: 1, column: 6 });
    }
}
