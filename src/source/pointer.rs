//! RFC 6901 JSON Pointers: building them from keys and splitting them back.

use std::borrow::Cow;

/// `base` extended by one reference token, escaped (`~` → `~0`, `/` → `~1`).
pub fn push(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    // Keys almost never hold either: copied whole, not character by character.
    if memchr::memchr2(b'~', b'/', token.as_bytes()).is_none() {
        out.push_str(token);
        return out;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// `base` extended by an array index.
pub fn push_index(base: &str, index: usize) -> String {
    format!("{base}/{index}")
}

/// The unescaped reference tokens of a pointer (borrowed unless escaped); `None` when it is not a
/// valid pointer.
pub fn tokens(pointer: &str) -> Option<Vec<Cow<'_, str>>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|t| {
                if t.contains('~') {
                    Cow::Owned(t.replace("~1", "/").replace("~0", "~"))
                } else {
                    Cow::Borrowed(t)
                }
            })
            .collect(),
    )
}

/// An array index token: digits only, no leading zero (RFC 6901 §4).
pub fn array_index(token: &str) -> Option<usize> {
    if token.is_empty()
        || !token.bytes().all(|b| b.is_ascii_digit())
        || (token.len() > 1 && token.starts_with('0'))
    {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_unescapes() {
        let p = push(&push("", "a/b"), "c~d");
        assert_eq!(p, "/a~1b/c~0d");
        assert_eq!(tokens(&p).unwrap(), vec!["a/b", "c~d"]);
        assert_eq!(push("/x", "Name"), "/x/Name");
        assert_eq!(tokens("/~01/x").unwrap(), vec!["~1", "x"]);
    }

    #[test]
    fn root_pointer_has_no_tokens() {
        assert_eq!(tokens("").unwrap(), Vec::<String>::new());
        assert!(tokens("a").is_none());
    }

    #[test]
    fn array_indexes_are_strict() {
        assert_eq!(array_index("10"), Some(10));
        assert_eq!(array_index("01"), None);
        assert_eq!(array_index("-1"), None);
    }
}
