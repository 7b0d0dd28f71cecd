//! A safe, mechanical fix of a diagnostic: one replacement in the submitted text.

use serde::{Deserialize, Serialize};

/// Replace the UTF-16 code units `start..end` of the submitted text (what browser editors
/// index) with `replacement`. `title` says what the fix does; it never shows a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}
