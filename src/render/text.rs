//! rustc-like text: `error[rule]: message`, ` --> file:line:col`, the source line, an underline
//! under the span, the docs link; then a summary line.

use std::fmt::Write;

use crate::diagnostic::{Diagnostic, Report, Severity};

/// Widest source excerpt shown, in characters; longer lines (minified bodies) are windowed.
const EXCERPT_CHARS: usize = 100;
/// Characters shown before the span start in a windowed excerpt.
const EXCERPT_LEAD: usize = 40;

/// Renders a report about `text`, named `source_name` in locations.
pub fn render(report: &Report, source_name: &str, text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut out = String::new();
    // Diagnostics come sorted by line: the prepared line is reused by all findings on it (a
    // minified body has a thousand findings on one line of megabytes).
    let mut prepared: Option<(usize, SourceLine)> = None;
    for diagnostic in &report.diagnostics {
        let line_index = usize::try_from(diagnostic.line)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        if prepared
            .as_ref()
            .is_none_or(|(index, _)| *index != line_index)
        {
            prepared = lines
                .get(line_index)
                .map(|line| (line_index, SourceLine::new(line)));
        }
        let line = prepared
            .as_ref()
            .filter(|(index, _)| *index == line_index)
            .map(|(_, line)| line);
        render_one(&mut out, diagnostic, source_name, line);
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// A source line ready for excerpts: tokens masked, and where each character starts in UTF-16
/// units, so a column finds its character by binary search instead of a walk along the line.
struct SourceLine {
    chars: Vec<char>,
    utf16_starts: Vec<usize>,
}

impl SourceLine {
    fn new(line: &str) -> Self {
        let chars = mask_tokens(line.chars().collect());
        let utf16_starts = chars
            .iter()
            .scan(0, |units, c| {
                let start = *units;
                *units += c.len_utf16();
                Some(start)
            })
            .collect();
        SourceLine {
            chars,
            utf16_starts,
        }
    }

    /// The index of the character at a 1-based UTF-16 column (the first one at or after it).
    fn char_index(&self, column: u32) -> usize {
        let target = usize::try_from(column)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        self.utf16_starts.partition_point(|&start| start < target)
    }
}

fn render_one(out: &mut String, d: &Diagnostic, source_name: &str, line: Option<&SourceLine>) {
    let number = d.line.to_string();
    let gutter = " ".repeat(number.len());
    let _ = writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.rule, d.message);
    let _ = writeln!(out, "{gutter}--> {source_name}:{}:{}", d.line, d.column);
    if let Some(line) = line {
        let (excerpt, underline) = excerpt(line, d);
        let _ = writeln!(out, "{gutter} |");
        let _ = writeln!(out, "{number} | {excerpt}");
        let _ = writeln!(out, "{gutter} | {underline}");
    }
    if !d.pointer.is_empty() {
        let _ = writeln!(out, "{gutter} = pointer: {}", d.pointer);
    }
    let _ = writeln!(out, "{gutter} = docs: {}", d.docs);
    // Titles only: a token's fix must not show the token.
    for fix in &d.fixes {
        let _ = writeln!(out, "{gutter} = fix: {}", fix.title);
    }
    out.push('\n');
}

/// The (possibly windowed) source line and the underline under the span.
fn excerpt(line: &SourceLine, d: &Diagnostic) -> (String, String) {
    let chars = &line.chars;
    let start = line.char_index(d.column);
    let end = if d.end_line == d.line {
        line.char_index(d.end_column).max(start + 1)
    } else {
        chars.len().max(start + 1)
    };
    let window_start = if chars.len() > EXCERPT_CHARS {
        start.saturating_sub(EXCERPT_LEAD)
    } else {
        0
    };
    let window_end = (window_start + EXCERPT_CHARS).min(chars.len());
    let mut shown: String = chars
        .get(window_start..window_end)
        .unwrap_or_default()
        .iter()
        .collect();
    let mut lead = start - window_start;
    if window_start > 0 {
        shown.insert(0, '…');
        lead += 1;
    }
    if window_end < chars.len() {
        shown.push('…');
    }
    let width = end.min(window_end.max(start + 1)) - start;
    let marker = if d.severity == Severity::Error {
        '^'
    } else {
        '-'
    };
    let underline = format!(
        "{}{}",
        " ".repeat(lead),
        marker.to_string().repeat(width.max(1))
    );
    (shown, underline)
}

/// Token values (`"…Token": "value"`) keep their first 4 characters; the rest become `*`, one per
/// character, so columns and underlines stay aligned.
fn mask_tokens(mut chars: Vec<char>) -> Vec<char> {
    const KEY_END: [char; 6] = ['T', 'o', 'k', 'e', 'n', '"'];
    const KEPT: usize = crate::secret::SHOWN_PREFIX;
    let mut i = 0;
    while i + KEY_END.len() <= chars.len() {
        if chars.get(i..i + KEY_END.len()) != Some(&KEY_END[..]) {
            i += 1;
            continue;
        }
        let mut j = i + KEY_END.len();
        while chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        if chars.get(j) != Some(&':') {
            i = j;
            continue;
        }
        j += 1;
        while chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        let quoted = chars.get(j) == Some(&'"');
        if quoted {
            j += 1;
        }
        let mut seen = 0;
        while let Some(&c) = chars.get(j) {
            let ends = if quoted {
                c == '"'
            } else {
                !(c.is_ascii_alphanumeric() || "+-.".contains(c))
            };
            if ends {
                break;
            }
            if c == '\\' && quoted {
                j += 1; // keep escapes paired so an escaped quote does not end the value
            }
            if seen >= KEPT {
                if let Some(slot) = chars.get_mut(j) {
                    *slot = '*';
                }
            }
            seen += 1;
            j += 1;
        }
        i = j;
    }
    chars
}

/// The character index of a 1-based UTF-16 column in a line.
/// `valid: 0 error(s), 1 warning(s), 0 info — /api/… (name)`: the last line of every rendering.
pub(crate) fn summary(report: &Report) -> String {
    let counts = format!(
        "{} error(s), {} warning(s), {} info",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    let verdict = if report.valid { "valid" } else { "invalid" };
    match &report.operation {
        Some(op) => format!("{verdict}: {counts} — {} ({})", op.address, op.name),
        None => format!("{verdict}: {counts}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample;

    #[test]
    fn renders_like_rustc() {
        let (report, text) = sample::report();
        insta::assert_snapshot!(render(&report, "body.json", &text));
    }

    #[test]
    fn token_values_are_masked_in_excerpts() {
        let masked = |line: &str| {
            mask_tokens(line.chars().collect())
                .into_iter()
                .collect::<String>()
        };
        assert_eq!(
            masked(r#"  "ClientToken": "E0D439EE522F", "AccessToken":123456789,"#),
            r#"  "ClientToken": "E0D4********", "AccessToken":1234*****,"#
        );
        assert_eq!(
            masked(r#""Client": "Sample Client 1.0.0""#),
            r#""Client": "Sample Client 1.0.0""#
        );
        assert_eq!(masked(r#""AccessToken" "#), r#""AccessToken" "#);
    }

    #[test]
    fn windows_long_minified_lines_and_counts_utf16_columns() {
        let prefix = format!("{{\"Notes\": \"{}😀\", ", "x".repeat(200));
        let text = format!("{prefix}\"Bad\": 1}}");
        let column = u32::try_from(prefix.encode_utf16().count() + 1).unwrap();
        let report = sample::single("unknown-property", 1, column, column + 5);
        let rendered = render(&report, "body.json", &text);
        insta::assert_snapshot!(rendered);
    }
}
