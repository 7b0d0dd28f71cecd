//! Secrets (tokens, passwords, cookies, authorization headers) in the texts the product reads, and
//! how output shows them: at most a short prefix, never the whole value or a long part of it.
//!
//! [`find`] marks every secret value of a text by its byte span (JSON, cURL, HTTP, HAR, NDJSON
//! alike); the text renderer masks excerpts by these spans, and a [`Scrubber`] masks messages: the
//! values found, anything token-like, and quoted values longer than a short excerpt.

mod curl;
mod headers;
mod json;
mod names;
mod quoting;
mod scan;
mod scrub;
mod suffix;

pub use names::is_secret_name;
pub use scan::find;
pub use scrub::{QUOTED_CHARS, Scrubber};

/// How many leading characters of a token output may show.
pub const SHOWN_PREFIX: usize = 4;

/// How many leading characters of a secret of `chars` characters output may show: 4, fewer for a
/// short one (less than half of it), none for one of 4 characters or fewer.
pub fn shown_prefix(chars: usize) -> usize {
    if chars <= SHOWN_PREFIX {
        0
    } else {
        SHOWN_PREFIX.min((chars - 1) / 2)
    }
}

/// A token as messages and reports show it: its first characters ([`shown_prefix`]) and an
/// ellipsis.
pub fn mask(token: &str) -> String {
    let shown = shown_prefix(token.chars().count());
    let head: String = token.chars().take(shown).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_four_characters_at_most_and_less_than_half_of_a_short_token() {
        assert_eq!(mask("C66EF7B239D24632943D115EDE9CB810"), "C66E…");
        assert_eq!(mask("é😀ab-rest"), "é😀ab…");
        assert_eq!(mask("hunter2"), "hun…");
        assert_eq!(mask("abcde"), "ab…");
        assert_eq!(mask("abcd"), "…");
        assert_eq!(mask("b"), "…");
        assert_eq!(mask(""), "…");
    }
}
