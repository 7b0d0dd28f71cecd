//! A parsed JSON text: the value (parsed once, by `serde_json`), and — built only when something
//! needs locating — the spans of its values and keys and its line index.

use std::cell::OnceCell;

use serde_json::Value;

use super::index::{DuplicateKey, SpanIndex};
use super::parse;
use super::position::{LineIndex, Position};
use super::syntax::SyntaxError;
use super::{Span, pointer};

/// The nesting depth [`Document::parse`] allows: real Connector API bodies nest a few levels.
pub const DEFAULT_MAX_DEPTH: usize = 64;

/// Where a finding is marked, relative to its JSON Pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    /// An explicit span (already located).
    #[default]
    Span,
    /// The value at the pointer, or its nearest existing ancestor when it is missing.
    Value,
    /// The key of the member at the pointer (the value when it is no object member).
    Key,
    /// Where a missing member would go: the first byte (`{`) of the nearest existing value on the
    /// way to the pointer's parent.
    EnclosingStart,
}

/// A parsed JSON text. A leading byte order mark is skipped; spans and positions are still those
/// of the submitted text.
#[derive(Debug)]
pub struct Document<'a> {
    text: &'a str,
    /// Bytes of the byte order mark before the JSON (0 or 3).
    bom: usize,
    value: Value,
    duplicate_keys: bool,
    index: OnceCell<SpanIndex<'a>>,
    lines: OnceCell<LineIndex>,
}

impl<'a> Document<'a> {
    /// Parses `text`, allowing [`DEFAULT_MAX_DEPTH`] levels of nesting.
    pub fn parse(text: &'a str) -> Result<Self, SyntaxError> {
        Self::parse_with_depth(text, DEFAULT_MAX_DEPTH)
    }

    /// Parses `text`, allowing `max_depth` levels of nesting.
    pub fn parse_with_depth(text: &'a str, max_depth: usize) -> Result<Self, SyntaxError> {
        let parsed = parse::parse(text, max_depth)?;
        Ok(Document {
            text,
            bom: parsed.bom,
            value: parsed.value,
            duplicate_keys: parsed.duplicate_keys,
            index: OnceCell::new(),
            lines: OnceCell::new(),
        })
    }

    /// The submitted text, byte order mark included: what spans index.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The JSON text: the submitted text without its byte order mark.
    pub fn json_text(&self) -> &'a str {
        self.text.get(self.bom..).unwrap_or(self.text)
    }

    /// The parsed value (of duplicate keys, the last one).
    pub fn root(&self) -> &Value {
        &self.value
    }

    /// The value an RFC 6901 pointer designates, if it exists.
    pub fn node(&self, pointer: &str) -> Option<&Value> {
        self.value.pointer(pointer)
    }

    /// Whether some object of the text repeats a key.
    pub fn has_duplicate_keys(&self) -> bool {
        self.duplicate_keys
    }

    /// Every repeated key, when there are any (the index is built only then).
    pub fn duplicate_keys(&self) -> Vec<DuplicateKey> {
        if self.duplicate_keys {
            self.index().duplicate_keys()
        } else {
            Vec::new()
        }
    }

    /// The span of the value at `pointer`.
    pub fn span(&self, pointer: &str) -> Option<Span> {
        self.index().value(pointer)
    }

    /// The value at `pointer` as written in the text.
    pub fn written(&self, pointer: &str) -> Option<&'a str> {
        let span = self.span(pointer)?;
        self.text.get(span.start..span.end)
    }

    /// Where a finding about `pointer` is marked.
    pub fn locate(&self, pointer: &str, target: Target) -> Span {
        let index = self.index();
        match target {
            Target::Span | Target::Value => index.nearest(pointer),
            Target::Key => index.key(pointer).unwrap_or_else(|| index.nearest(pointer)),
            Target::EnclosingStart => {
                let parent = pointer.rfind('/').map_or("", |at| &pointer[..at]);
                let start = index.nearest(parent).start;
                Span::new(start, start + 1)
            }
        }
    }

    /// The position (line, UTF-16 column) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines
            .get_or_init(|| LineIndex::new(self.text))
            .position(self.text, offset)
    }

    /// Start and end positions of a span.
    pub fn range(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }

    fn index(&self) -> &SpanIndex<'a> {
        self.index
            .get_or_init(|| SpanIndex::build(self.text, self.bom))
    }
}

/// The JSON type name of a value, as JSON Schema spells it.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A pointer's parent and last token (`None` for the root).
pub fn split_last(at: &str) -> Option<(&str, String)> {
    let cut = at.rfind('/')?;
    let last = pointer::tokens(&at[cut..])?.pop()?;
    Some((&at[..cut], last.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_spans_of_keys_and_values() {
        let text = r#"{"Client": "x", "Ids": [1, 2]}"#;
        let doc = Document::parse(text).unwrap();
        let key = doc.locate("/Ids", Target::Key);
        assert_eq!(&text[key.start..key.end], "\"Ids\"");
        assert_eq!(doc.written("/Ids/1"), Some("2"));
        assert_eq!(doc.node("/Ids/1"), Some(&json!(2)));
    }

    #[test]
    fn duplicate_keys_are_reported_and_the_last_wins() {
        let doc = Document::parse(r#"{"a": 1, "a": "two"}"#).unwrap();
        assert!(doc.has_duplicate_keys());
        assert_eq!(doc.root(), &json!({"a": "two"}));
        assert_eq!(doc.written("/a"), Some("\"two\""));
        assert_eq!(doc.duplicate_keys().len(), 1);
        assert!(Document::parse("{}").unwrap().duplicate_keys().is_empty());
    }

    #[test]
    fn syntax_error_points_at_the_problem() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}";
        let err = Document::parse(text).unwrap_err();
        // Like editors do, the missing comma is reported right after the value that needs one.
        assert_eq!(err.span.start, text.find('1').unwrap() + 1);
        assert_eq!(err.message, "Expected comma");
    }

    #[test]
    fn a_leading_byte_order_mark_is_skipped_and_spans_stay_in_the_submitted_text() {
        let text = "\u{feff}{\"Client\": \"é\",\n \"Ids\": [1, 2]}";
        let doc = Document::parse(text).unwrap();
        assert_eq!(doc.text(), text);
        assert_eq!(doc.json_text(), &text[3..]);
        let key = doc.locate("/Ids", Target::Key);
        assert_eq!(&text[key.start..key.end], "\"Ids\"");
        assert_eq!(doc.written("/Ids/1"), Some("2"));
        assert_eq!(doc.span(""), Some(Span::new(3, text.len())));
        // The BOM is one UTF-16 unit, like editors count it: `{` is column 2.
        assert_eq!(doc.position(3), Position { line: 1, column: 2 });
        let second = doc.span("/Ids/1").unwrap();
        assert_eq!(
            doc.position(second.start),
            Position {
                line: 2,
                column: 13
            }
        );
    }

    #[test]
    fn errors_after_a_byte_order_mark_point_into_the_submitted_text() {
        let only_bom = Document::parse("\u{feff}").unwrap_err();
        assert_eq!(only_bom.span, Span::new(3, 3));
        // Only one, at the very start: a second one or one after whitespace is not JSON.
        assert!(Document::parse("\u{feff}\u{feff}{}").is_err());
        assert!(Document::parse(" \u{feff}{}").is_err());
        assert_eq!(Document::parse("{}").unwrap().json_text(), "{}");
    }

    #[test]
    fn targets_resolve_relative_to_the_pointer() {
        let text = r#"{"Limitation": {"Count": 1}, "Ids": [true]}"#;
        let doc = Document::parse(text).unwrap();
        let span = |pointer, target| {
            let span = doc.locate(pointer, target);
            &text[span.start..span.end]
        };
        assert_eq!(span("/Limitation/Count", Target::Value), "1");
        assert_eq!(span("/Limitation/Cursor", Target::Value), "{\"Count\": 1}");
        assert_eq!(span("/Limitation/Count", Target::Key), "\"Count\"");
        assert_eq!(span("/Limitation/Cursor", Target::Key), "{\"Count\": 1}");
        assert_eq!(span("/Ids/0", Target::Key), "true");
        assert_eq!(span("/Limitation/Cursor", Target::EnclosingStart), "{");
        assert_eq!(span("/Nope/Deeper", Target::EnclosingStart), "{");
        assert_eq!(
            doc.locate("/Limitation/Cursor", Target::EnclosingStart)
                .start,
            15
        );
    }

    #[test]
    fn type_names_and_pointer_parts() {
        assert_eq!(type_name(&json!(1)), "integer");
        assert_eq!(type_name(&json!(1.5)), "number");
        assert_eq!(type_name(&json!(u64::MAX)), "integer");
        assert_eq!(split_last("/a/b~1c"), Some(("/a", "b/c".to_string())));
        assert_eq!(split_last(""), None);
    }
}
