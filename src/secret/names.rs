//! Which names hold secrets: JSON keys, header names, query parameters and HAR `name`/`value`
//! pairs alike, compared case-insensitively and without `-`, `_`, `.` or spaces.

use std::borrow::Cow;

/// Longest name compared in full; of a longer one (a key garbled by bad bytes, data used as a key)
/// only its last `MAX_NAME` normalised bytes are, so `…Token` still masks its value and a 1 MB key
/// costs one pass.
const MAX_NAME: usize = 96;

/// Normalised names that hold a secret wherever they are.
const EXACT: &[&[u8]] = &[b"auth", b"bearer", b"pwd", b"pass", b"sid", b"jsessionid"];

/// Parts of a normalised name that make it a secret name.
const CONTAINED: &[&[u8]] = &[
    b"password",
    b"passwd",
    b"passphrase",
    b"secret",
    b"apikey",
    b"privatekey",
    b"accesskey",
    b"authorization",
    b"cookie",
    b"credential",
    b"sessionid",
    b"signature",
];

/// The letters of a normalised name, one bit each: a part can only occur in a name holding all
/// of its letters, which rejects almost every key of a recording without a comparison.
const fn letters(name: &[u8]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < name.len() {
        if name[i].is_ascii_lowercase() {
            mask |= 1 << (name[i] - b'a');
        }
        i += 1;
    }
    mask
}

/// [`letters`] of each of `names`.
const fn letter_masks<const N: usize>(names: &[&[u8]]) -> [u32; N] {
    let mut masks = [0; N];
    let mut i = 0;
    while i < N {
        masks[i] = letters(names[i]);
        i += 1;
    }
    masks
}

const CONTAINED_LETTERS: [u32; CONTAINED.len()] = letter_masks(CONTAINED);
const EXACT_LETTERS: [u32; EXACT.len()] = letter_masks(EXACT);
const TOKEN_LETTERS: u32 = letters(b"token");

/// True when `name` (a key as written, JSON escapes decoded) names a secret: `ClientToken`,
/// `AccessToken`, `access_token`, `X-Auth-Token`, `Authorization`, `Cookie`, `Set-Cookie`,
/// `password`, `client_secret`, `MerchantSecretKey`, `x-api-key`…
pub fn is_secret_name(name: &str) -> bool {
    may_name_a_secret(name.as_bytes()) && normalised_names_a_secret(name)
}

/// The length of the longest of [`EXACT`].
const LONGEST_EXACT: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < EXACT.len() {
        if EXACT[i].len() > longest {
            longest = EXACT[i].len();
        }
        i += 1;
    }
    longest
};

/// A filter on the name as written, for the scan of every key of a body: a secret name holds
/// all the letters (any case) of `token` or of one of its parts, and an exact one is short
/// without its separators. Rules out almost every key without normalising it.
fn may_name_a_secret(name: &[u8]) -> bool {
    let mut present = 0u32;
    let mut kept = 0;
    for &byte in name {
        // Only ASCII letters become lower-case letters with the 0x20 bit set.
        let lower = byte | 0x20;
        if lower.is_ascii_lowercase() {
            present |= 1 << (lower - b'a');
        }
        kept += usize::from(!matches!(byte, b'-' | b'_' | b'.' | b' '));
    }
    let holds = |needed: &u32| needed & !present == 0;
    holds(&TOKEN_LETTERS)
        || CONTAINED_LETTERS.iter().any(holds)
        || (kept <= LONGEST_EXACT && EXACT_LETTERS.iter().any(holds))
}

fn normalised_names_a_secret(name: &str) -> bool {
    // Normalised from the end (the last MAX_NAME bytes), with the letters it holds.
    let mut buffer = [0u8; MAX_NAME];
    let mut len = 0;
    let mut present = 0u32;
    let mut whole = true;
    for &byte in name.as_bytes().iter().rev() {
        if matches!(byte, b'-' | b'_' | b'.' | b' ') {
            continue;
        }
        if len == MAX_NAME {
            whole = false;
            break;
        }
        let lower = byte.to_ascii_lowercase();
        if lower.is_ascii_lowercase() {
            present |= 1 << (lower - b'a');
        }
        len += 1;
        buffer[MAX_NAME - len] = lower;
    }
    let normalised = &buffer[MAX_NAME - len..];
    if normalised.ends_with(b"token") || (whole && EXACT.contains(&normalised)) {
        return true;
    }
    CONTAINED
        .iter()
        .zip(CONTAINED_LETTERS)
        .filter(|&(_, needed)| needed & !present == 0)
        .any(|(part, _)| contains(normalised, part))
}

/// Whether `part` (non-empty) occurs in `name`: names are short, so a first-byte scan beats
/// building a searcher or calling `memcmp` at every position.
fn contains(name: &[u8], part: &[u8]) -> bool {
    let Some((&first, rest)) = part.split_first() else {
        return true;
    };
    name.windows(part.len())
        .any(|window| window[0] == first && &window[1..] == rest)
}

/// A key as written at quoting depth `depth` (1 = a JSON string, 2 = JSON inside a JSON string
/// or a shell-quoted body…) with its escapes decoded `depth` times; cmd carets (`^`) dropped.
pub fn unescape(raw: &str, depth: usize) -> Cow<'_, str> {
    if !raw.bytes().any(|b| b == b'\\' || b == b'^') {
        return Cow::Borrowed(raw);
    }
    let mut text: String = raw.chars().filter(|&c| c != '^').collect();
    for _ in 0..depth {
        if !text.contains('\\') {
            break;
        }
        text = unescape_once(&text);
    }
    Cow::Owned(text)
}

/// One round of JSON string escapes; invalid escapes stay as written.
fn unescape_once(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.clone().take(4).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(decoded) if hex.len() == 4 => {
                        out.push(decoded);
                        chars.nth(3);
                    }
                    _ => out.push_str("\\u"),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_in_every_spelling() {
        for name in [
            "ClientToken",
            "AccessToken",
            "clienttoken",
            "ACCESSTOKEN",
            "access_token",
            "X-Auth-Token",
            "Authorization",
            "proxy-authorization",
            "Cookie",
            "Set-Cookie",
            "password",
            "client_secret",
            "MerchantSecretKey",
            "x-api-key",
            "apiKey",
            "token",
            "a - u - t - h",
            "J_SESSION_ID",
            "Pwd",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        // The filter rules out ordinary keys without normalising them: short ones holding
        // none of the letter sets, and long ones with only an exact name's letters.
        for key in ["Name", "BookerId", "ResidenceId"] {
            assert!(!may_name_a_secret(key.as_bytes()), "{key}");
        }
        // The filter never rules out what the full comparison finds.
        for part in EXACT
            .iter()
            .chain(CONTAINED)
            .copied()
            .chain([&b"token"[..]])
        {
            let name = String::from_utf8_lossy(part).to_uppercase();
            assert!(may_name_a_secret(name.as_bytes()), "{name}");
            assert!(is_secret_name(&name), "{name}");
        }
        for name in [
            "Client",
            "ResourceAccessTokens",
            "ResourceAccessTokenId",
            "PublicKey",
            "Key",
            "Name",
            "Tokenized",
            "",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
        // A long name is judged by its end: the fuzzer's `"Acces<72 bad bytes>sToken"` held a token.
        assert!(is_secret_name(&format!(
            "Acces{}sToken",
            "\u{fffd}".repeat(72)
        )));
        assert!(is_secret_name(&format!("{}Token", "x".repeat(1_000_000))));
        assert!(is_secret_name(&format!(
            "{}_password",
            "x".repeat(MAX_NAME)
        )));
        assert!(!is_secret_name(&format!("{}Tokens", "x".repeat(MAX_NAME))));
        assert!(!is_secret_name(&format!("{}auth", "x".repeat(MAX_NAME))));
    }

    #[test]
    fn keys_are_compared_after_their_escapes() {
        assert_eq!(unescape(r"\u0041ccessToken", 1), "AccessToken");
        assert_eq!(unescape(r"\\u0041ccessToken", 2), "AccessToken");
        assert_eq!(unescape(r"Client^Token", 1), "ClientToken");
        assert_eq!(unescape(r"bad\u00zz\", 1), r"bad\u00zz\");
    }
}
