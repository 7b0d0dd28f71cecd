//! Strict JSON (RFC 8259) parsed once, by `serde_json`, into a [`serde_json::Value`].
//!
//! A seed of our own builds the value so that the parse also notices duplicate keys (the value
//! keeps the last one, as `serde_json` and the Mews server do) and bounds nesting depth with a
//! diagnostic of its own. Positions are not recorded here: the text is indexed only when a finding
//! needs locating (see [`super::index`]). Errors are located and worded by [`super::syntax`].

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::syntax::{self, SyntaxError, TOO_DEEP};

/// The UTF-8 byte order mark some editors (Notepad, PowerShell 5) write at the start of a file.
pub const BOM: char = '\u{feff}';

/// `serde_json`'s own recursion bound: containers nested deeper than this fail in the
/// parser whatever the option says, so the option is capped here.
pub const MAX_DEPTH_BOUND: usize = 127;

/// What the parse found, besides the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub value: Value,
    /// Some object repeats a key (the value holds the last one).
    pub duplicate_keys: bool,
    /// Bytes of the byte order mark before the JSON (0 or 3).
    pub bom: usize,
}

/// Parses `text` (a leading byte order mark is skipped; spans stay in the submitted text),
/// refusing arrays and objects nested more than `max_depth` levels deep (at most
/// [`MAX_DEPTH_BOUND`]).
pub fn parse(text: &str, max_depth: usize) -> Result<Parsed, SyntaxError> {
    let json = text.strip_prefix(BOM).unwrap_or(text);
    let bom = text.len() - json.len();
    let limit = max_depth.clamp(1, MAX_DEPTH_BOUND);
    let state = State {
        limit,
        duplicate_keys: Cell::new(false),
    };
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let parsed = Seed {
        depth: 0,
        state: &state,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    match parsed {
        Ok(value) => Ok(Parsed {
            value,
            duplicate_keys: state.duplicate_keys.get(),
            bom,
        }),
        Err(error) => Err(syntax::describe(json, &error, limit).shifted(bom)),
    }
}

struct State {
    limit: usize,
    duplicate_keys: Cell<bool>,
}

/// Builds one value at nesting `depth` (containers above it).
#[derive(Clone, Copy)]
struct Seed<'s> {
    depth: usize,
    state: &'s State,
}

impl Seed<'_> {
    /// The seed of a container's children, or the error when the container is one level too deep.
    fn children<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= self.state.limit {
            return Err(E::custom(TOO_DEEP));
        }
        Ok(Seed {
            depth: self.depth + 1,
            state: self.state,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // JSON text has no NaN or infinity; out-of-range numbers are serde_json's error.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let child = self.children()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(child)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let child = self.children()?;
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(child)?;
            if members.insert(key, value).is_some() {
                self.state.duplicate_keys.set(true);
            }
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;
    use crate::source::syntax::ErrorKind;
    use serde_json::json;

    fn error(text: &str) -> SyntaxError {
        parse(text, 64).unwrap_err()
    }

    #[test]
    fn parses_what_serde_json_parses() {
        let text = r#"{"Client": "x", "Ids": [1, -2, 3.5, 1e2, true, null], "N": {"é": "\u00e9"}}"#;
        let parsed = parse(text, 64).unwrap();
        assert_eq!(parsed.value, serde_json::from_str::<Value>(text).unwrap());
        assert!(!parsed.duplicate_keys);
        assert_eq!(parsed.bom, 0);
    }

    #[test]
    fn duplicate_keys_are_noticed_and_the_last_wins() {
        let parsed = parse(r#"{"a": 1, "b": {"c": 1, "c": "two"}}"#, 64).unwrap();
        assert!(parsed.duplicate_keys);
        assert_eq!(parsed.value, json!({"a": 1, "b": {"c": "two"}}));
    }

    #[test]
    fn a_leading_byte_order_mark_is_skipped() {
        let parsed = parse("\u{feff}{\"a\": 1}", 64).unwrap();
        assert_eq!(parsed.bom, 3);
        assert_eq!(parsed.value, json!({"a": 1}));
        // Errors after it point into the submitted text.
        let text = "\u{feff}{\"a\": 1 \"b\": 2}";
        assert_eq!(error(text).span.start, text.find('1').unwrap() + 1);
    }

    #[test]
    fn rejects_json5_extensions_and_raw_control_characters() {
        for text in [
            "{'a': 1}",
            "{a: 1}",
            "[1,]",
            "// c\n{}",
            "{\"a\": 0x1}",
            "{\"a\": +1}",
            "{\"a\": \"tab\there\"}",
            "{\"a\": \"\u{1}\"}",
            "\u{feff}\u{feff}{}",
            " \u{feff}{}",
        ] {
            assert_eq!(error(text).kind, ErrorKind::Invalid, "{text:?}");
        }
    }

    #[test]
    fn nesting_is_bounded_by_the_limit() {
        let at_limit = format!("{}{}", "[".repeat(3), "]".repeat(3));
        assert!(parse(&at_limit, 3).is_ok());
        let deeper = format!("{{\"a\": {}{}}}", "[".repeat(3), "]".repeat(3));
        let error = parse(&deeper, 3).unwrap_err();
        assert_eq!(error.kind, ErrorKind::TooDeep { limit: 3 });
        // At the opening bracket of the fourth level.
        assert_eq!(error.span, Span { start: 8, end: 9 });
        // serde_json's own bound caps the option, and hostile depth does not overflow the stack.
        let hostile = "[".repeat(100_000);
        assert_eq!(
            parse(&hostile, usize::MAX).unwrap_err().kind,
            ErrorKind::TooDeep {
                limit: MAX_DEPTH_BOUND
            }
        );
        let objects = "{\"a\":".repeat(100_000);
        assert!(matches!(
            parse(&objects, 64).unwrap_err().kind,
            ErrorKind::TooDeep { limit: 64 }
        ));
    }
}
