//! Strict JSON parsed into a tree that remembers where every key and value is in the text.
//!
//! The tokenizer is `jsonc-parser` with every JSON5/JSONC extension switched off (it also bounds
//! nesting depth, so hostile input cannot overflow the stack). Duplicate keys are kept, in order,
//! so rules can report them; lookups take the last one, as `serde_json` and the Mews server do.

use jsonc_parser::ast;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use super::pointer;
use super::position::{LineIndex, Position};

/// The UTF-8 byte order mark some editors (Notepad, PowerShell 5) write at the start of a file.
const BOM: char = '\u{feff}';

pub use super::span::Span;

trait FromRange {
    fn from_range(range: jsonc_parser::common::Range, shift: usize) -> Self;
}

impl FromRange for Span {
    /// A range of the parsed text, which starts `shift` bytes into the submitted text.
    fn from_range(range: jsonc_parser::common::Range, shift: usize) -> Self {
        Span {
            start: range.start + shift,
            end: range.end + shift,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// A value and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
}

/// An object member: the key, where the key is, and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    /// The value of a member (the last one when the key is duplicated).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }

    /// The member with this key (the last one when the key is duplicated).
    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key == key),
            _ => None,
        }
    }

    pub fn members(&self) -> &[Member] {
        match &self.value {
            Value::Object(members) => members,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Array(items) => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// The JSON type name, as JSON Schema spells it.
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The same value as `serde_json` would have parsed it (last duplicate key wins).
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => {
                serde_json::Value::Array(items.iter().map(Node::to_json).collect())
            }
            Value::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|m| (m.key.clone(), m.value.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

/// A parsed JSON text with its line index. A leading byte order mark is skipped; spans and
/// positions are still those of the submitted text.
#[derive(Debug)]
pub struct Document<'a> {
    text: &'a str,
    /// Bytes of the byte order mark before the JSON (0 or 3).
    bom: usize,
    lines: LineIndex,
    root: Node,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str) -> Result<Self, SyntaxError> {
        let json = text.strip_prefix(BOM).unwrap_or(text);
        let bom = text.len() - json.len();
        let strict = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        let parsed =
            parse_to_ast(json, &CollectOptions::default(), &strict).map_err(|e| SyntaxError {
                message: e.kind().to_string(),
                span: Span::from_range(e.range(), bom),
            })?;
        let value = parsed.value.ok_or(SyntaxError {
            message: "The text is empty: expected a JSON value".to_string(),
            span: Span {
                start: text.len(),
                end: text.len(),
            },
        })?;
        Ok(Document {
            text,
            bom,
            lines: LineIndex::new(text),
            root: convert(value, bom)?,
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

    pub fn root(&self) -> &Node {
        &self.root
    }

    /// The node an RFC 6901 pointer designates, if it exists.
    pub fn node(&self, pointer: &str) -> Option<&Node> {
        let mut node = &self.root;
        for token in pointer::tokens(pointer)? {
            node = match &node.value {
                Value::Object(_) => node.get(&token)?,
                Value::Array(items) => items.get(pointer::array_index(&token)?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The deepest existing node on the way to `pointer` (the node itself when it exists):
    /// where to point at when the pointer names something missing.
    pub fn nearest_node(&self, pointer: &str) -> &Node {
        let mut node = &self.root;
        for token in pointer::tokens(pointer).unwrap_or_default() {
            let next = match &node.value {
                Value::Object(_) => node.get(&token),
                Value::Array(items) => pointer::array_index(&token).and_then(|i| items.get(i)),
                _ => None,
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }

    /// Start and end positions of a span.
    pub fn range(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
}

/// The tree of a parsed value; `shift` is where the parsed text starts in the submitted one.
fn convert(value: ast::Value<'_>, shift: usize) -> Result<Node, SyntaxError> {
    Ok(match value {
        ast::Value::NullKeyword(n) => Node {
            span: Span::from_range(n.range, shift),
            value: Value::Null,
        },
        ast::Value::BooleanLit(b) => Node {
            span: Span::from_range(b.range, shift),
            value: Value::Bool(b.value),
        },
        ast::Value::NumberLit(n) => {
            let span = Span::from_range(n.range, shift);
            let number = n
                .value
                .parse::<serde_json::Number>()
                .map_err(|_| SyntaxError {
                    message: format!("The number {} is out of range", n.value),
                    span,
                })?;
            Node {
                span,
                value: Value::Number(number),
            }
        }
        ast::Value::StringLit(s) => Node {
            span: Span::from_range(s.range, shift),
            value: Value::String(s.value.into_owned()),
        },
        ast::Value::Array(a) => Node {
            span: Span::from_range(a.range, shift),
            value: Value::Array(
                a.elements
                    .into_iter()
                    .map(|item| convert(item, shift))
                    .collect::<Result<_, _>>()?,
            ),
        },
        ast::Value::Object(o) => Node {
            span: Span::from_range(o.range, shift),
            value: Value::Object(
                o.properties
                    .into_iter()
                    .map(|p| {
                        let key_span = match &p.name {
                            ast::ObjectPropName::String(s) => Span::from_range(s.range, shift),
                            ast::ObjectPropName::Word(w) => Span::from_range(w.range, shift),
                        };
                        Ok(Member {
                            key: p.name.into_string(),
                            key_span,
                            value: convert(p.value, shift)?,
                        })
                    })
                    .collect::<Result<_, _>>()?,
            ),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_spans_of_keys_and_values() {
        let text = r#"{"Client": "x", "Ids": [1, 2]}"#;
        let doc = Document::parse(text).unwrap();
        let ids = doc.root().member("Ids").unwrap();
        assert_eq!(&text[ids.key_span.start..ids.key_span.end], "\"Ids\"");
        let second = doc.node("/Ids/1").unwrap();
        assert_eq!(&text[second.span.start..second.span.end], "2");
    }

    #[test]
    fn duplicate_keys_are_kept_and_the_last_wins() {
        let doc = Document::parse(r#"{"a": 1, "a": "two"}"#).unwrap();
        assert_eq!(doc.root().members().len(), 2);
        assert_eq!(doc.node("/a").unwrap().as_str(), Some("two"));
        assert_eq!(doc.root().to_json(), serde_json::json!({"a": "two"}));
    }

    #[test]
    fn rejects_json5_extensions() {
        for text in [
            "{'a': 1}",
            "{a: 1}",
            "[1,]",
            "// c\n{}",
            "{\"a\": 0x1}",
            "{\"a\": +1}",
        ] {
            assert!(Document::parse(text).is_err(), "{text} must be rejected");
        }
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
        let ids = doc.root().member("Ids").unwrap();
        assert_eq!(&text[ids.key_span.start..ids.key_span.end], "\"Ids\"");
        let second = doc.node("/Ids/1").unwrap();
        assert_eq!(&text[second.span.start..second.span.end], "2");
        assert_eq!(
            doc.root().span,
            Span {
                start: 3,
                end: text.len()
            }
        );
        // The BOM is one UTF-16 unit, like editors count it: `{` is column 2.
        assert_eq!(
            doc.position(doc.root().span.start),
            Position { line: 1, column: 2 }
        );
        assert_eq!(
            doc.position(second.span.start),
            Position {
                line: 2,
                column: 13
            }
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(doc.json_text()).unwrap(),
            doc.root().to_json()
        );
    }

    #[test]
    fn errors_after_a_byte_order_mark_point_into_the_submitted_text() {
        let text = "\u{feff}{\"a\": 1 \"b\": 2}";
        let err = Document::parse(text).unwrap_err();
        assert_eq!(err.span.start, text.find('1').unwrap() + 1);
        let only_bom = Document::parse("\u{feff}").unwrap_err();
        assert_eq!(only_bom.span, Span { start: 3, end: 3 });
        // Only one, at the very start: a second one or one after whitespace is not JSON.
        assert!(Document::parse("\u{feff}\u{feff}{}").is_err());
        assert!(Document::parse(" \u{feff}{}").is_err());
        assert_eq!(Document::parse("{}").unwrap().json_text(), "{}");
    }

    #[test]
    fn empty_text_is_an_error() {
        assert!(Document::parse("   ").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(Document::parse(&text).is_err());
    }

    #[test]
    fn nearest_node_stops_at_the_last_existing_ancestor() {
        let doc = Document::parse(r#"{"Limitation": {"Count": 1}}"#).unwrap();
        let node = doc.nearest_node("/Limitation/Cursor");
        assert_eq!(node.get("Count").map(Node::type_name), Some("integer"));
    }
}
