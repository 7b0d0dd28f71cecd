//! What must hold of any report, whatever the input: every diagnostic lies inside the text it is
//! located in, and no output shows a token of the input. Shared by the property and hostile tests
//! (the fuzz targets check the same in `fuzz/src/lib.rs`).
#![allow(dead_code)] // each test crate uses a different subset

use mews_connector_validator::Diagnostic;

/// Panics unless start and end lie inside `text` (line ≤ number of lines, column ≤ line length
/// + 1, in UTF-16 units) and the end does not come before the start.
pub fn assert_inside(text: &str, diagnostic: &Diagnostic) {
    Lines::of(text).assert_inside(diagnostic);
}

/// The lengths of a text's lines in UTF-16 units, measured once for all of its diagnostics (a
/// minified body has a thousand findings on one line of megabytes).
pub struct Lines(Vec<usize>);

impl Lines {
    pub fn of(text: &str) -> Self {
        Lines(text.split('\n').map(|l| l.encode_utf16().count()).collect())
    }

    /// [`assert_inside`] of the text these are the lines of.
    pub fn assert_inside(&self, diagnostic: &Diagnostic) {
        let inside = |line: u32, column: u32| {
            line >= 1
                && column >= 1
                && self
                    .0
                    .get(line as usize - 1)
                    .is_some_and(|&length| column as usize <= length + 1)
        };
        assert!(
            inside(diagnostic.line, diagnostic.column)
                && inside(diagnostic.end_line, diagnostic.end_column),
            "outside the text ({} lines): {diagnostic:#?}",
            self.0.len()
        );
        assert!(
            (diagnostic.end_line, diagnostic.end_column) >= (diagnostic.line, diagnostic.column),
            "end before start: {diagnostic:#?}"
        );
    }
}

/// Panics when an output holds 12 or more consecutive characters of a token.
pub fn assert_no_token_part(tokens: &[&str], outputs: &[(&str, &str)]) {
    const SHOWN_AT_MOST: usize = 11;
    for token in tokens {
        let chars: Vec<char> = token.chars().collect();
        for window in chars.windows(SHOWN_AT_MOST + 1) {
            let part: String = window.iter().collect();
            for (name, output) in outputs {
                assert!(
                    !output.contains(&part),
                    "the {name} output shows {part:?} of a token:\n{output}"
                );
            }
        }
    }
}
