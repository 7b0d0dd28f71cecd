//! Output shows the control characters of its input, it does not obey them: a recording or a paste
//! must not clear the screen, ring the bell, rewrite a line (`\r`) or reorder text (bidi
//! overrides). Text and Markdown escape them as `\u{1b}`; JSON as `\u001b` (valid JSON).

use std::borrow::Cow;
use std::fmt::Write;

/// C0 controls (but `\t` and `\n`, which callers place themselves), DEL, C1 controls, the bidi
/// marks, embeddings, overrides and isolates, the line and paragraph separators, and the byte
/// order mark (invisible: an excerpt would hide it).
pub fn is_hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}'
        | '\u{b}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}')
}

/// How a character of one-line text (a message, a name, a pointer) shows: hostile characters,
/// tabs and line breaks as `\u{…}`.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_hostile(c) || c == '\n' || c == '\t')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `c` as one-line text shows it.
pub fn push_visible(out: &mut String, c: char) {
    if is_hostile(c) || c == '\n' || c == '\t' {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    } else {
        out.push(c);
    }
}

/// Serialized JSON with DEL, C1 and bidi characters escaped too (serde_json escapes C0 only).
/// They can only be inside strings, where `\uXXXX` means the same character.
pub fn json(serialized: String) -> String {
    if !serialized.chars().any(is_hostile) {
        return serialized;
    }
    let mut out = String::with_capacity(serialized.len() + 8);
    for c in serialized.chars() {
        if is_hostile(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_show_escaped() {
        assert_eq!(
            visible("a\u{1b}[2Jb\u{7}\r\n\t\u{7f}\u{9b}\u{202e}ok"),
            "a\\u{1b}[2Jb\\u{7}\\u{d}\\u{a}\\u{9}\\u{7f}\\u{9b}\\u{202e}ok"
        );
        assert!(matches!(visible("café 😀"), Cow::Borrowed(_)));
        // A tab or a line break alone still shows escaped in one-line text.
        assert_eq!(visible("a\tb"), "a\\u{9}b");
        assert_eq!(visible("a\nb"), "a\\u{a}b");
        let escaped = json(serde_json::to_string("x\u{1b}\u{7f}\u{85}\u{2067}").unwrap());
        assert_eq!(escaped, r#""x\u001b\u007f\u0085\u2067""#);
        assert_eq!(
            serde_json::from_str::<String>(&escaped).unwrap(),
            "x\u{1b}\u{7f}\u{85}\u{2067}"
        );
    }
}
