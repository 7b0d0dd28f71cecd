//! The last pass, for garbled text: a quote closing something that ends in `token` (any case,
//! escaped or not), then `:` and a quoted value, is a token key even when its opening quote or
//! first letters are gone (`#\0\0Token": "C66E…"`, a mangled paste or recording), so the value is
//! masked. One look per quote: linear.

use std::ops::Range;

use super::quoting::skip_space;

pub fn token_suffixed_keys(bytes: &[u8], spans: &mut Vec<Range<usize>>) {
    for quote in memchr::memchr_iter(b'"', bytes) {
        let mut name_end = quote;
        while name_end > 0 && bytes[name_end - 1] == b'\\' {
            name_end -= 1;
        }
        let ends_in_token = name_end
            .checked_sub(b"token".len())
            .is_some_and(|start| bytes[start..name_end].eq_ignore_ascii_case(b"token"));
        if !ends_in_token {
            continue;
        }
        let colon = skip_space(bytes, quote + 1);
        if bytes.get(colon) != Some(&b':') {
            continue;
        }
        let mut open = skip_space(bytes, colon + 1);
        while matches!(bytes.get(open), Some(b'\\' | b'^')) {
            open += 1;
        }
        if bytes.get(open) != Some(&b'"') {
            continue;
        }
        let start = open + 1;
        let rest = bytes.get(start..).unwrap_or_default();
        let length = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20 || b == 0x7f)
            .unwrap_or(rest.len());
        spans.push(start..start + length);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        token_suffixed_keys(text.as_bytes(), &mut spans);
        spans.into_iter().map(|span| &text[span]).collect()
    }

    #[test]
    fn a_key_ending_in_token_masks_its_value_whatever_came_before() {
        assert_eq!(
            found("{\n #\0\0Token\": \"C66EF7B239\"log\"x\": 1"),
            ["C66EF7B239"]
        );
        assert_eq!(found(r#"{"AccessTOKEN" :  "a1", "x": "b"}"#), ["a1"]);
        assert_eq!(found(r#"-d "{\"ClientToken\":\"ct1\"}""#), ["ct1"]);
        assert_eq!(
            found("\"ClientToken\": \"open to the line end\nnext"),
            ["open to the line end"]
        );
        // Not a key: no colon, a non-string value, or a name that only contains `token`.
        assert!(
            found(r#"{"Kind": "token", "Tokens": "t", "TokenId": "i", "AccessToken": 5}"#)
                .is_empty()
        );
    }
}
