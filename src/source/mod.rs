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

/// Where the first invalid UTF-8 byte is, when `bytes` is not UTF-8.
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, Span> {
    std::str::from_utf8(bytes).map_err(|e| Span {
        start: e.valid_up_to(),
        end: e.valid_up_to() + e.error_len().unwrap_or(0),
    })
}
