//! rustc-like text: `error[rule]: message`, ` --> file:line:col`, the source line, an underline
//! under the span, the docs link; then a summary line.

use std::fmt::Write;
use std::ops::Range;

use super::sanitize::{self, visible};
use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::secret::{self, Scrubber};

/// Widest source excerpt shown, in characters; longer lines (minified bodies) are windowed.
const EXCERPT_CHARS: usize = 100;
/// Characters shown before the span start in a windowed excerpt.
const EXCERPT_LEAD: usize = 40;

/// Renders a report about `text`, named `source_name` in locations. Secrets of `text` are masked
/// in excerpts by their spans and in messages wherever they show; control characters are escaped.
pub fn render(report: &Report, source_name: &str, text: &str) -> String {
    let scrubber = Scrubber::new(text);
    let source_name = visible(source_name);
    let mut lines = Vec::new();
    let mut line_start = 0;
    for raw in text.split('\n') {
        lines.push((line_start, raw.strip_suffix('\r').unwrap_or(raw)));
        line_start += raw.len() + 1;
    }
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
                .map(|&(start, line)| (line_index, SourceLine::new(line, start, &scrubber)));
        }
        let line = prepared
            .as_ref()
            .filter(|(index, _)| *index == line_index)
            .map(|(_, line)| line);
        render_one(&mut out, diagnostic, &source_name, line, &scrubber);
    }
    out.push_str(&super::timeline::text(&report.deprecations));
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// A source line ready for excerpts: secrets masked, and where each character starts in UTF-16
/// units, so a column finds its character by binary search instead of a walk along the line.
struct SourceLine {
    chars: Vec<char>,
    /// Empty for an ASCII line, where a character's index is its column less one: a minified
    /// body is one line of megabytes, and this is 8 bytes a character.
    utf16_starts: Vec<usize>,
}

impl SourceLine {
    /// `line` starts at byte `start` of the text whose secrets `scrubber` knows.
    fn new(line: &str, start: usize, scrubber: &Scrubber) -> Self {
        let utf16_starts = if line.is_ascii() {
            Vec::new()
        } else {
            line.chars()
                .scan(0, |units, c| {
                    let start = *units;
                    *units += c.len_utf16();
                    Some(start)
                })
                .collect()
        };
        SourceLine {
            chars: mask_secrets(line, &secret_ranges(line, start, scrubber)),
            utf16_starts,
        }
    }

    /// The index of the character at a 1-based UTF-16 column (the first one at or after it).
    fn char_index(&self, column: u32) -> usize {
        let target = usize::try_from(column)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        if self.utf16_starts.is_empty() {
            return target.min(self.chars.len());
        }
        self.utf16_starts.partition_point(|&start| start < target)
    }
}

/// A part of a line to mask: its bytes in the line and how many characters of it stay shown.
struct Masked {
    bytes: Range<usize>,
    shown: usize,
}

/// The secrets on the line starting at byte `start`: the source's secret spans that cross it
/// (a value that started on an earlier line shows nothing here) and what the scrubber finds in
/// the line itself (token-like runs, copies of secrets elsewhere).
fn secret_ranges(line: &str, start: usize, scrubber: &Scrubber) -> Vec<Masked> {
    let end = start + line.len();
    let spans = scrubber.spans();
    let first = spans.partition_point(|span| span.end <= start);
    let mut ranges: Vec<Masked> = spans
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|span| span.start < end)
        .map(|span| Masked {
            bytes: span.start.max(start) - start..span.end.min(end) - start,
            shown: if span.start >= start {
                secret::shown_prefix(span.len())
            } else {
                0
            },
        })
        .collect();
    ranges.extend(scrubber.ranges(line).into_iter().map(|bytes| Masked {
        shown: secret::shown_prefix(bytes.len()),
        bytes,
    }));
    ranges.sort_by_key(|range| range.bytes.start);
    ranges
}

/// The line's characters with the masked ones (after each range's shown prefix) as `*`, one per
/// character, so columns and underlines stay aligned.
fn mask_secrets(line: &str, ranges: &[Masked]) -> Vec<char> {
    let mut chars = Vec::with_capacity(line.len());
    let mut ranges = ranges.iter().peekable();
    // The range being masked: where it ends and how many characters of it may still show.
    let mut current: Option<(usize, usize)> = None;
    for (at, c) in line.char_indices() {
        while let Some(next) = ranges.next_if(|range| range.bytes.start <= at) {
            match &mut current {
                Some((end, _)) if *end > at => *end = (*end).max(next.bytes.end),
                _ => current = Some((next.bytes.end, next.shown)),
            }
        }
        match &mut current {
            Some((end, shown)) if *end > at => {
                if *shown > 0 {
                    *shown -= 1;
                    chars.push(c);
                } else {
                    chars.push('*');
                }
            }
            _ => chars.push(c),
        }
    }
    chars
}

fn render_one(
    out: &mut String,
    d: &Diagnostic,
    source_name: &str,
    line: Option<&SourceLine>,
    scrubber: &Scrubber,
) {
    let number = d.line.to_string();
    let gutter = " ".repeat(number.len());
    let message = scrubber.message(&d.message);
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        d.severity.as_str(),
        visible(&d.rule),
        visible(&message)
    );
    let _ = writeln!(out, "{gutter}--> {source_name}:{}:{}", d.line, d.column);
    if let Some(line) = line {
        let (excerpt, underline) = excerpt(line, d);
        let _ = writeln!(out, "{gutter} |");
        let _ = writeln!(out, "{number} | {excerpt}");
        let _ = writeln!(out, "{gutter} | {underline}");
    }
    if !d.pointer.is_empty() {
        let pointer = scrubber.masked(&d.pointer);
        let _ = writeln!(out, "{gutter} = pointer: {}", visible(&pointer));
    }
    let _ = writeln!(out, "{gutter} = docs: {}", visible(&d.docs));
    // Titles only: a token's fix must not show the token.
    for fix in &d.fixes {
        let title = scrubber.masked(&fix.title);
        let _ = writeln!(out, "{gutter} = fix: {}", visible(&title));
    }
    out.push('\n');
}

/// The (possibly windowed) source line and the underline under the span. Control characters show
/// escaped (a tab stays a tab, in the underline too), and the underline counts what shows.
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
    let mut shown = String::new();
    let mut underline = String::new();
    if window_start > 0 {
        shown.push('…');
        underline.push(' ');
    }
    let marker = if d.severity == Severity::Error {
        '^'
    } else {
        '-'
    };
    let mut marked = 0;
    for (index, &c) in chars
        .get(window_start..window_end)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let index = window_start + index;
        let mut cell = String::new();
        if c == '\t' {
            cell.push('\t');
        } else {
            sanitize::push_visible(&mut cell, c);
        }
        let width = cell.chars().count();
        shown.push_str(&cell);
        if index < start {
            let pad = if c == '\t' { '\t' } else { ' ' };
            underline.extend(std::iter::repeat_n(pad, width));
        } else if index < end {
            underline.extend(std::iter::repeat_n(marker, width));
            marked += width;
        }
    }
    if window_end < chars.len() {
        shown.push('…');
    }
    if marked == 0 {
        underline.push(marker);
    }
    (shown, underline)
}

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

    /// The excerpt lines (`N | …`) of a rendering.
    fn excerpts(rendered: &str) -> Vec<&str> {
        rendered
            .lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .collect()
    }

    #[test]
    fn secrets_are_masked_by_their_span_whatever_the_layout() {
        let text = "{\"ClientToken\":\n  \"E0D439EE522F\", \"AccessToken\":123456789, \"x\": [\"AccessToken\"],\n \"Client\": \"Sample Client 1.0.0\"}";
        let report = Report::new(
            None,
            vec![
                sample::diagnostic_at("type-mismatch", (2, 3, 2, 17)),
                sample::diagnostic_at("type-mismatch", (3, 2, 3, 10)),
            ],
        );
        let rendered = render(&report, "body.json", text);
        assert_eq!(
            excerpts(&rendered),
            [
                r#"2 |   "E0D4********", "AccessToken":1234*****, "x": ["AccessToken"],"#,
                r#"3 |  "Client": "Sample Client 1.0.0"}"#,
            ]
        );
    }

    #[test]
    fn pasted_headers_are_masked_and_controls_escaped_with_the_underline_aligned() {
        let text = "curl 'https://x/api/connector/v1/a\u{1b}[2J' \\\n\t-H 'Authorization: Bearer C66EF7B239D24632943D115EDE9CB810' -d '{}'";
        let report = Report::new(
            None,
            vec![
                sample::diagnostic_at("request-method", (1, 6, 1, 40)),
                sample::diagnostic_at("authorization-header", (2, 6, 2, 58)),
            ],
        );
        let rendered = render(&report, "call\u{7}.sh", text);
        assert!(
            !rendered.contains('\u{1b}') && !rendered.contains('\u{7}'),
            "{rendered}"
        );
        assert!(rendered.contains("--> call\\u{7}.sh:1:6"), "{rendered}");
        let lines: Vec<&str> = rendered.lines().collect();
        let at = |prefix: &str| lines.iter().position(|l| l.starts_with(prefix)).unwrap();
        let first = at("1 |");
        assert_eq!(
            lines[first],
            r"1 | curl 'https://x/api/connector/v1/a\u{1b}[2J' \"
        );
        // 34 characters, the escape shown as 6.
        assert_eq!(lines[first + 1], format!("  |      {}", "^".repeat(39)));
        let second = at("2 |");
        assert_eq!(
            lines[second],
            "2 | \t-H 'Authorization: Bearer C66E****************************' -d '{}'"
        );
        assert_eq!(lines[second + 1], format!("  | \t    {}", "^".repeat(52)));
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
