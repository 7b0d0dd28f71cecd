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
    // From each colon back to its name: colons are rarer than name starts.
    let mut from = 0;
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b':', rest))
    {
        let colon = from + found;
        from = colon + 1;
        let mut end = colon;
        while end > 0 && matches!(bytes.get(end - 1), Some(b' ' | b'\t')) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && end - start < 96 && bytes.get(start - 1).is_some_and(|&b| is_name(b)) {
            start -= 1;
        }
        // `\nAuthorization:` inside a JSON string: the `n` is the escape's, not the name's.
        let escaped_line_start = start
            .checked_sub(1)
            .is_some_and(|at| bytes.get(at..=start) == Some(b"\\n".as_slice()));
        if escaped_line_start {
            start += 1;
        }
        let opener = match start.checked_sub(1).and_then(|at| bytes.get(at)) {
            _ if escaped_line_start => Opener::EscapedLine,
            None | Some(b'\n' | b'\r' | b'\t' | b' ') => Opener::Line,
            Some(b'\'') => Opener::Single,
            Some(b'"') => Opener::Double,
            Some(_) => continue,
        };
        let name =
            std::str::from_utf8(bytes.get(start..end).unwrap_or_default()).unwrap_or_default();
        if name.is_empty() || bytes.get(colon + 1) == Some(&b'/') || !is_secret_name(name) {
            continue;
        }
        let (mut value_start, value_end, next) = header_value(bytes, colon + 1, opener);
        if name.to_ascii_lowercase().contains("authorization") {
            value_start = after_scheme(bytes, value_start, value_end);
        }
        spans.push(value_start..value_end);
        from = next.max(from);
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
    let mut from = 0;
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'=', rest))
    {
        let mut i = from + found;
        from = i + 1;
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
        from = i.max(from);
    }
}

/// The password of `scheme://user:password@host`.
pub fn user_info(bytes: &[u8], spans: &mut Vec<Range<usize>>) {
    for scheme_end in memchr::memmem::find_iter(bytes, b"://") {
        let start = scheme_end + 3;
        let mut i = start;
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
            spans.push(colon + 1..i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of every span `find` marks in `text`.
    fn marked(find: fn(&[u8], &mut Vec<Range<usize>>), text: &str) -> Vec<String> {
        let mut spans = Vec::new();
        find(text.as_bytes(), &mut spans);
        spans
            .into_iter()
            .map(|span| text[span].to_string())
            .collect()
    }

    #[test]
    fn header_values_by_how_their_line_or_word_is_opened() {
        for (text, value) in [
            ("Authorization: Bearer t0k3n\nAccept: */*", "t0k3n"),
            (
                "GET / HTTP/1.1\r\nauthorization:  Basic dXNlcjpwdw== \r\n",
                "dXNlcjpwdw==",
            ),
            ("X-Api-Token:\tabc def\n", "abc def"),
            ("Cookie: sid=1; k=2", "sid=1; k=2"),
            ("curl -H 'Authorization: Bearer t0k3n' https://x", "t0k3n"),
            ("curl -H \"X-Access-Token: a\\\"b\" https://x", "a\\\"b"),
            ("ClientToken: 'E0D4 1234' # a script", "E0D4 1234"),
            ("curl -H 'ClientToken: \"E0D4\"' x", "\"E0D4\""),
            (
                r#"{"text": "GET /x\nAuthorization: Bearer t0k3n\nAccept: */*"}"#,
                "t0k3n",
            ),
            (r#"{"text": "x\nAccessToken: abc"}"#, "abc"),
            (
                r#"{"text": "GET /\nCookie: sid=abc\nAccept: */*"}"#,
                "sid=abc",
            ),
            ("curl.exe -H ^\"X-Token: abc^\" ^\n", "abc"),
            // A scheme alone is the value (nothing follows it); a value without a scheme is
            // whole, letters before digits included.
            ("Authorization: Bearer\n", "Bearer"),
            ("Authorization: Bearer ^\n", "Bearer"),
            ("Authorization: abc123def\n", "abc123def"),
            // Spaces before the colon (a script's `Name : value`) are no part of the name.
            ("X-Api-Token :\tabc\n", "abc"),
            ("Authorization\t: Bearer t0k3n", "t0k3n"),
            // An escaped line start's `\n` is no part of the name: `Auth` and `Sid` are exact
            // names, which `nAuth` or `\nSid` are not.
            (r#"{"text": "GET /\nAuth: s3cr3t\nAccept: */*"}"#, "s3cr3t"),
            (r#"{"text": "x\nSid: abc"}"#, "abc"),
            // A name starting with `n` after a space opens a line's header, not an escaped one:
            // its value runs to the line's end, quotes included.
            ("x nonce-token: ab\"cd\n", "ab\"cd"),
        ] {
            assert_eq!(marked(header_values, text), [value], "{text:?}");
        }
    }

    #[test]
    fn names_that_are_not_secret_or_not_headers_mark_nothing() {
        for text in [
            "Accept: application/json",
            "https://host/AccessToken:1",
            "access_token://host/x",
            "{\"AccessToken\": \"abc\"}",
            "a.Authorization: Bearer t0k3n",
            "Content-Type: text/plain",
        ] {
            assert!(marked(header_values, text).is_empty(), "{text:?}");
        }
        // A name of more than 96 characters is not read back to its start: no header.
        let long = format!("\n{}Token: abc", "X".repeat(100));
        assert!(marked(header_values, &long).is_empty());
        let short = format!("\n{}Token: abc", "X".repeat(80));
        assert_eq!(marked(header_values, &short), ["abc"]);
        let longest = format!("\n{}Token: abc", "X".repeat(91));
        assert_eq!(marked(header_values, &longest), ["abc"], "96 characters");
        let one_more = format!("\n{}Token: abc", "X".repeat(92));
        assert!(marked(header_values, &one_more).is_empty(), "97 characters");
    }

    #[test]
    fn header_values_stop_at_their_cap() {
        let text = format!("Cookie: {}", "a".repeat(MAX_VALUE_BYTES + 10));
        assert_eq!(marked(header_values, &text)[0].len(), MAX_VALUE_BYTES);
        let text = format!("Cookie: '{}", "a".repeat(MAX_VALUE_BYTES + 10));
        assert_eq!(marked(header_values, &text)[0].len(), MAX_VALUE_BYTES);
        // A closing quote at the cap's last byte closes; one past it is not looked for.
        let text = format!("Cookie: '{}' x", "a".repeat(MAX_VALUE_BYTES - 1));
        assert_eq!(marked(header_values, &text)[0].len(), MAX_VALUE_BYTES - 1);
        let text = format!("Cookie: '{}'", "a".repeat(MAX_VALUE_BYTES + 10));
        assert_eq!(marked(header_values, &text)[0].len(), MAX_VALUE_BYTES);
    }

    #[test]
    fn parameters_named_like_secrets() {
        assert_eq!(
            marked(parameters, "https://x/?a=1&access_token=t0k&b=2#f"),
            ["t0k"]
        );
        assert_eq!(
            marked(parameters, "ClientToken=abc;AccessToken=def ok=1"),
            ["abc", "def"]
        );
        assert_eq!(
            marked(parameters, "-d 'client_secret=s3c\"' -d \"api_key=k^\""),
            ["s3c", "k"]
        );
        // A name of more than 64 characters is not read back to its start.
        let long = format!("curl -d {}_token=abc", "x".repeat(70));
        assert!(marked(parameters, &long).is_empty());
        let short = format!("{}_token=abc", "x".repeat(50));
        assert_eq!(marked(parameters, &short), ["abc"]);
        let longest = format!("curl -d {}_token=abc", "x".repeat(58));
        assert_eq!(marked(parameters, &longest), ["abc"], "64 characters");
        let one_more = format!("curl -d {}_token=abc", "x".repeat(59));
        assert!(marked(parameters, &one_more).is_empty(), "65 characters");
        for text in [
            "https://x/?page=2&sort=name",
            "x:access_token=abc",
            "--token=abc",
        ] {
            assert!(marked(parameters, text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn only_the_password_of_user_info() {
        assert_eq!(
            marked(
                user_info,
                "curl https://ana:s3cret@host/x https://host/a:b@c"
            ),
            ["s3cret"]
        );
        assert_eq!(marked(user_info, "ftp://ana:p:w@host"), ["p:w"]);
        assert!(marked(user_info, "https://host:8080/x?a=b@c").is_empty());
        assert!(marked(user_info, "https://ana@host").is_empty());
    }
}
