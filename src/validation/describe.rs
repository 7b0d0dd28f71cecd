//! What was found at a location, made safe to print: shortened, and tokens masked.

use serde_json::Value;

use super::problem::{Found, shorten};
use crate::secret::mask;
use crate::source::{Document, pointer, type_name};

/// The value at `pointer`, as a message shows it.
pub fn found(doc: &Document<'_>, at: &str) -> Found {
    let Some(value) = doc.node(at) else {
        return Found {
            type_name: "nothing",
            shown: String::new(),
            length: 0,
        };
    };
    let is_token = pointer::tokens(at)
        .and_then(|tokens| tokens.last().cloned())
        .is_some_and(|key| is_token_key(&key));
    Found {
        type_name: type_name(value),
        shown: show(doc, at, value, is_token),
        length: match value {
            Value::Array(items) => items.len(),
            Value::String(s) => s.chars().count(),
            _ => 0,
        },
    }
}

/// Properties holding secrets (`ClientToken`, `AccessToken`, …).
pub fn is_token_key(key: &str) -> bool {
    key.ends_with("Token")
}

fn show(doc: &Document<'_>, at: &str, value: &Value, is_token: bool) -> String {
    match value {
        Value::String(s) if is_token => format!("\"{}\"", mask(s)),
        Value::Object(members) => format!("{{…}} ({} properties)", members.len()),
        Value::Array(items) => format!("[…] ({} items)", items.len()),
        _ => {
            // As written (a number keeps its notation, a string its escapes).
            let written = doc.written(at).unwrap_or_default();
            if is_token {
                mask(written)
            } else {
                shorten(written)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::problem::SHOWN_CHARS;
    use super::*;

    #[test]
    fn tokens_are_masked_and_long_values_shortened() {
        let long = "x".repeat(100);
        let text = format!(r#"{{"AccessToken": "SECRETVALUE", "Name": "{long}"}}"#);
        let doc = Document::parse(&text).unwrap();
        assert_eq!(found(&doc, "/AccessToken").shown, "\"SECR…\"");
        let name = found(&doc, "/Name");
        assert_eq!(name.length, 100);
        assert!(name.shown.ends_with('…') && name.shown.chars().count() == SHOWN_CHARS + 1);
    }
}
