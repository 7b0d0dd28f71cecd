//! Tokens are secrets: output shows at most their first 4 characters, never the whole value.

/// How many leading characters of a token output may show.
pub const SHOWN_PREFIX: usize = 4;

/// A token as messages and reports show it: its first 4 characters and an ellipsis; a token of
/// 4 characters or fewer shows nothing but the ellipsis (its prefix would be all of it).
pub fn mask(token: &str) -> String {
    let head: String = token.chars().take(SHOWN_PREFIX).collect();
    if head.len() == token.len() {
        "…".to_string()
    } else {
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_four_characters_at_most_and_never_a_whole_short_token() {
        assert_eq!(mask("C66EF7B239D24632943D115EDE9CB810"), "C66E…");
        assert_eq!(mask("é😀ab-rest"), "é😀ab…");
        assert_eq!(mask("abcd"), "…");
        assert_eq!(mask("b"), "…");
        assert_eq!(mask(""), "…");
    }
}
