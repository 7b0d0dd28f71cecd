//! curl options whose value is a secret, in bash or Windows cmd quoting.

use std::ops::Range;

use super::quoting::backslashes_before;

/// What a curl option's value reveals.
#[derive(Clone, Copy)]
enum Reveals {
    /// `user:password`: the password.
    Password,
    /// The whole value (`--oauth2-bearer`).
    Whole,
    /// The whole value when it is `name=value` data rather than a file name (`--cookie`).
    Cookies,
}

/// curl options whose value is a secret: `-u user:password`, `--oauth2-bearer`, `-b 'sid=…'`.
pub fn options(bytes: &[u8], spans: &mut Vec<Range<usize>>) {
    const LONG: &[(&[u8], Reveals)] = &[
        (b"--user", Reveals::Password),
        (b"--proxy-user", Reveals::Password),
        (b"--oauth2-bearer", Reveals::Whole),
        (b"--cookie", Reveals::Cookies),
    ];
    let mut i = 0;
    while let Some(found) = bytes.get(i..).and_then(|rest| memchr::memchr(b'-', rest)) {
        i += found;
        let word_start = i == 0 || bytes.get(i - 1).is_some_and(u8::is_ascii_whitespace);
        if !word_start {
            i += 1;
            continue;
        }
        let mut end = i;
        while bytes
            .get(end)
            .is_some_and(|&b| !b.is_ascii_whitespace() && b != b'=')
        {
            end += 1;
        }
        let word = bytes.get(i..end).unwrap_or_default();
        let option = if let Some(&(_, reveals)) = LONG.iter().find(|(name, _)| *name == word) {
            let value_at = if bytes.get(end) == Some(&b'=') {
                end + 1
            } else {
                next_word(bytes, end)
            };
            Some((reveals, value_at))
        } else {
            short_option(bytes, i, end)
        };
        if let Some((reveals, value_at)) = option {
            let (start, stop) = word_value(bytes, value_at);
            let value = bytes.get(start..stop).unwrap_or_default();
            match reveals {
                Reveals::Password => {
                    if let Some(colon) = value.iter().position(|&b| b == b':') {
                        spans.push(start + colon + 1..stop);
                    }
                }
                Reveals::Whole => spans.push(start..stop),
                Reveals::Cookies if value.contains(&b'=') => spans.push(start..stop),
                Reveals::Cookies => {}
            }
            i = stop.max(end);
        } else {
            i = end.max(i + 1);
        }
    }
}

/// `-u`, `-U`, `-b`, alone, with the value attached (`-uuser:pw`) or after flags (`-su`).
fn short_option(bytes: &[u8], start: usize, end: usize) -> Option<(Reveals, usize)> {
    const FLAGS: &[u8] = b"sSLkvifgGINjJlnOqR#";
    let letters = bytes.get(start + 1..end)?;
    if letters.first() == Some(&b'-') {
        return None;
    }
    let at = letters.iter().position(|b| !FLAGS.contains(b))?;
    let reveals = match letters.get(at)? {
        b'u' | b'U' => Reveals::Password,
        b'b' => Reveals::Cookies,
        _ => return None,
    };
    let attached = start + 1 + at + 1;
    Some(if attached < end {
        (reveals, attached)
    } else {
        (reveals, next_word(bytes, end))
    })
}

/// The start of the next word, over whitespace and line continuations (`\`, cmd `^`).
fn next_word(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&b) = bytes.get(at) {
        let continuation =
            matches!(b, b'\\' | b'^') && matches!(bytes.get(at + 1), Some(b'\n' | b'\r'));
        let continued_break = matches!(b, b'\n' | b'\r')
            && at > 0
            && matches!(bytes.get(at - 1), Some(b'\\' | b'^' | b'\r'));
        if matches!(b, b' ' | b'\t') || continuation || continued_break {
            at += 1;
        } else {
            break;
        }
    }
    at
}

/// How a shell word is quoted, for where its value ends.
#[derive(Clone, Copy, PartialEq)]
enum Quoting {
    Single,
    Double,
    AnsiC,
    Cmd,
}

/// The content of the shell word at `at`: inside `'…'`, `"…"`, `$'…'` or cmd `^"…^"`, else up to
/// whitespace; a quoted value ends at its closing quote or at the end of the line.
fn word_value(bytes: &[u8], at: usize) -> (usize, usize) {
    let (start, quoting) = match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'\''), _) => (at + 1, Quoting::Single),
        (Some(b'"'), _) => (at + 1, Quoting::Double),
        (Some(b'$'), Some(b'\'')) => (at + 2, Quoting::AnsiC),
        (Some(b'^'), Some(b'"')) => (at + 2, Quoting::Cmd),
        _ => {
            let mut end = at;
            while bytes.get(end).is_some_and(|b| !b.is_ascii_whitespace()) {
                end += 1;
            }
            return (at, end);
        }
    };
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        let unescaped = |quote: usize| backslashes_before(bytes, quote) % 2 == 0;
        let closes = match quoting {
            Quoting::Single => b == b'\'',
            Quoting::Double => b == b'"' && unescaped(end),
            Quoting::AnsiC => b == b'\'' && unescaped(end),
            Quoting::Cmd => b == b'^' && bytes.get(end + 1) == Some(&b'"') && unescaped(end + 1),
        };
        if closes || b == b'\n' {
            break;
        }
        end += 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of every span `options` finds in `command`.
    fn secrets(command: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        options(command.as_bytes(), &mut spans);
        spans.into_iter().map(|span| &command[span]).collect()
    }

    #[test]
    fn passwords_of_user_options_in_every_spelling() {
        for command in [
            "curl -u ana:s3cret https://x",
            "curl -uana:s3cret https://x",
            "curl -su ana:s3cret https://x",
            "curl -vU ana:s3cret https://x",
            "curl --user=ana:s3cret https://x",
            "curl --user 'ana:s3cret' https://x",
            "curl --proxy-user \"ana:s3cret\" https://x",
            "curl.exe -u ^\"ana:s3cret^\" https://x",
            "curl https://x \\\n  -u \\\n  ana:s3cret",
            "curl https://x \\\r\n  -u \\\r\n  ana:s3cret",
            "curl.exe https://x ^\n  -u ^\n  ana:s3cret",
        ] {
            assert_eq!(secrets(command), ["s3cret"], "{command:?}");
        }
    }

    #[test]
    fn quoted_values_end_at_their_unescaped_closing_quote_or_the_line() {
        assert_eq!(
            secrets(r#"curl --user "ana:s3 \"c\" ret" -k https://x"#),
            [r#"s3 \"c\" ret"#]
        );
        assert_eq!(
            secrets(r"curl --oauth2-bearer $'tok\'en' https://x"),
            [r"tok\'en"]
        );
        assert_eq!(secrets("curl -u 'ana:s3cret\n-k"), ["s3cret"]);
        assert_eq!(
            secrets("curl.exe --oauth2-bearer ^\"t\\^\"k^\" x"),
            ["t\\^\"k"]
        );
    }

    #[test]
    fn cookies_are_secret_as_data_not_as_a_file_name() {
        assert_eq!(
            secrets("curl -b 'sid=abc; k=v' https://x"),
            ["sid=abc; k=v"]
        );
        assert_eq!(secrets("curl --cookie=sid=abc https://x"), ["sid=abc"]);
        assert!(secrets("curl -b cookies.txt https://x").is_empty());
    }

    #[test]
    fn other_options_and_words_reveal_nothing() {
        for command in [
            "curl --user-agent ana:s3cret https://x",
            "curl --user ana https://x",
            "curl -H x-u:1 -d a-u:b https://x",
            "curl -d ana:s3cret https://x",
            "curl -u",
        ] {
            assert!(
                secrets(command).is_empty(),
                "{command:?}: {:?}",
                secrets(command)
            );
        }
    }
}
