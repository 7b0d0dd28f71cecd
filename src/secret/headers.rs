//! Secrets in the text around a body: header lines, query and form parameters, URL user info.

use std::ops::Range;

use super::names::is_secret_name;
use super::quoting::backslashes_before;

/// Longest header value marked (a long cookie list is 8 KiB; a longer run is not one value).
const MAX_VALUE_BYTES: usize = 8192;

/// `Authorization: Bearer …`, `Cookie: …`, `X-Api-Token: …` at a line start (also an escaped
/// one, `\n`, in a recorded text) or in a quoted shell word: the value to the end of the line or
/// of the quotes; a quoted value (`ClientToken: 'E0D4…'` in a script) to its closing quote; for an
/// authorization, after the scheme.
pub fn header_values(bytes: &[u8], spans: &mut Vec<Range<usize>>) {
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        let escaped_line_start = i >= 2 && bytes.get(i - 2..i) == Some(b"\\n");
        let starts = bytes.get(i).is_some_and(|&b| is_name(b))
            && (i == 0
                || escaped_line_start
                || matches!(
                    bytes.get(i - 1),
                    Some(b'\n' | b'\r' | b'\t' | b' ' | b'\'' | b'"')
                ));
        if !starts {
            i += 1;
            continue;
        }
        let opener = match i.checked_sub(1).and_then(|at| bytes.get(at)) {
            _ if escaped_line_start => Opener::EscapedLine,
            Some(b'\'') => Opener::Single,
            Some(b'"') => Opener::Double,
            _ => Opener::Line,
        };
        let mut end = i;
        while bytes.get(end).is_some_and(|&b| is_name(b)) {
            end += 1;
        }
        let mut colon = end;
        while matches!(bytes.get(colon), Some(b' ' | b'\t')) {
            colon += 1;
        }
        let name = std::str::from_utf8(bytes.get(i..end).unwrap_or_default()).unwrap_or_default();
        if bytes.get(colon) != Some(&b':')
            || bytes.get(colon + 1) == Some(&b'/')
            || !is_secret_name(name)
        {
            i = end;
            continue;
        }
        let (mut start, value_end, next) = header_value(bytes, colon + 1, opener);
        if name.to_ascii_lowercase().contains("authorization") {
            start = after_scheme(bytes, start, value_end);
        }
        spans.push(start..value_end);
        i = next.max(end);
    }
}

/// What a header name follows, which says where its value ends.
#[derive(Clone, Copy, PartialEq)]
enum Opener {
    /// A line start: the value runs to the end of the line.
    Line,
    /// An escaped line start (`\n`) inside a JSON string: to the next escaped line end or the
    /// string's end.
    EscapedLine,
    /// A `'` or `"` shell quote: to the closing quote.
    Single,
    Double,
}

/// The value of a header from `at` (after its colon) in a line or word opened by `opener`: its
/// content's start and end, and where reading goes on.
fn header_value(bytes: &[u8], at: usize, opener: Opener) -> (usize, usize, usize) {
    let mut start = at;
    while matches!(bytes.get(start), Some(b' ' | b'\t')) {
        start += 1;
    }
    if bytes.get(start) == Some(&b'\'') && opener != Opener::Single {
        let close = (start + 1..bytes.len().min(start + 1 + MAX_VALUE_BYTES))
            .find(|&at| matches!(bytes.get(at), Some(b'\'' | b'\n')))
            .unwrap_or(bytes.len().min(start + 1 + MAX_VALUE_BYTES));
        return (start + 1, close, close + 1);
    }
    let limit = bytes.len().min(start + MAX_VALUE_BYTES);
    let mut stop = start;
    while stop < limit {
        let b = bytes.get(stop).copied().unwrap_or_default();
        let unescaped_quote = b == b'"' && backslashes_before(bytes, stop) % 2 == 0;
        let ends = b == b'\n'
            || b == b'\r'
            || match opener {
                Opener::Line => false,
                Opener::EscapedLine => {
                    unescaped_quote
                        || (b == b'\\' && matches!(bytes.get(stop + 1), Some(b'n' | b'r')))
                }
                Opener::Single => b == b'\'',
                Opener::Double => unescaped_quote,
            };
        if ends {
            break;
        }
        stop += 1;
    }
    let mut end = stop;
    while end > start && matches!(bytes.get(end - 1), Some(b' ' | b'\t' | b'^' | b'\\')) {
        end -= 1;
    }
    (start, end, stop)
}

/// Past the scheme of an authorization value (`Bearer `, `Basic `), when it has one.
fn after_scheme(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut word = start;
    while word < end && bytes.get(word).is_some_and(u8::is_ascii_alphabetic) {
        word += 1;
    }
    if word == start || !matches!(bytes.get(word), Some(b' ' | b'\t')) {
        return start;
    }
    while word < end && matches!(bytes.get(word), Some(b' ' | b'\t')) {
        word += 1;
    }
    if word < end { word } else { start }
}

/// `?access_token=…`, `&ClientToken=…` (queries and form bodies), `sid=…` in cookie lists.
pub fn parameters(bytes: &[u8], spans: &mut Vec<Range<usize>>) {
    let is_name =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'[' | b']');
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) != Some(&b'=') {
            i += 1;
            continue;
        }
        let mut name_start = i;
        while name_start > 0
            && i - name_start < 64
            && bytes.get(name_start - 1).is_some_and(|&b| is_name(b))
        {
            name_start -= 1;
        }
        let before = name_start.checked_sub(1).and_then(|at| bytes.get(at));
        let delimited = matches!(
            before,
            None | Some(b'?' | b'&' | b';' | b' ' | b'\t' | b'\n' | b'\'' | b'"')
        );
        let name =
            std::str::from_utf8(bytes.get(name_start..i).unwrap_or_default()).unwrap_or_default();
        i += 1;
        if !delimited || name.starts_with('-') || !is_secret_name(name) {
            continue;
        }
        let start = i;
        while bytes.get(i).is_some_and(|&b| {
            !b.is_ascii_whitespace()
                && !matches!(
                    b,
                    b'&' | b'#'
                        | b'\''
                        | b'"'
                        | b'\\'
                        | b';'
                        | b','
                        | b')'
                        | b']'
                        | b'}'
                        | b'<'
                        | b'>'
                        | b'^'
                )
        }) {
            i += 1;
        }
        spans.push(start..i);
    }
}

/// The password of `scheme://user:password@host`.
pub fn user_info(bytes: &[u8], spans: &mut Vec<Range<usize>>) {
    let mut i = 0;
    while i + 3 <= bytes.len() {
        if bytes.get(i..i + 3) != Some(b"://") {
            i += 1;
            continue;
        }
        i += 3;
        let start = i;
        let mut colon = None;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_whitespace() || matches!(b, b'/' | b'?' | b'#' | b'@' | b'\'' | b'"') {
                break;
            }
            if b == b':' && colon.is_none() {
                colon = Some(i);
            }
            i += 1;
        }
        if let (Some(b'@'), Some(colon)) = (bytes.get(i), colon) {
            if colon >= start {
                spans.push(colon + 1..i);
            }
        }
    }
}
