//! The submitted text: decoding, JSON parsed once (with its spans indexed on demand), pointers,
//! positions.

pub mod document;
pub mod index;
pub mod parse;
pub mod pointer;
pub mod position;
mod span;
mod syntax;

pub use document::{DEFAULT_MAX_DEPTH, Document, Target, type_name};
pub use position::{LineIndex, Position};
pub use span::Span;
pub use syntax::{ErrorKind, SyntaxError};

/// The character boundary at or before `offset` in `text` (its length past the end): std's
/// `str::floor_char_boundary`, which is stable only from Rust 1.91 (the crate supports 1.85).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The character boundary at or after `offset` in `text` (its length past the end).
pub fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Where the first invalid UTF-8 byte is, when `bytes` is not UTF-8.
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, Span> {
    std::str::from_utf8(bytes).map_err(|e| Span {
        start: e.valid_up_to(),
        end: e.valid_up_to() + e.error_len().unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_inside_a_character_move_to_its_start_or_past_its_end() {
        let text = "aé€"; // bytes: a 0, é 1–2, € 3–5
        let floors: Vec<usize> = (0..8).map(|at| floor_char_boundary(text, at)).collect();
        assert_eq!(floors, [0, 1, 1, 3, 3, 3, 6, 6]);
        let ceils: Vec<usize> = (0..8).map(|at| ceil_char_boundary(text, at)).collect();
        assert_eq!(ceils, [0, 1, 3, 3, 6, 6, 6, 6]);
    }
}
