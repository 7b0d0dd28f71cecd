//! Typed reading of a recorded entry's fields, borrowed from the recording, with errors that name
//! the field in plain words (`log.entries[3].request.url: expected a string, found a number`) and
//! point at the offending value in the recording.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// A field that is missing or has the wrong type: where (byte offset in the recording) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub offset: usize,
    /// JSON Pointer of the offending value (or of the object that lacks it).
    pub pointer: String,
    pub message: String,
}

/// The kind of a JSON value, named as messages name it.
pub fn kind(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// Where a JSON value sits: its path as messages say it (`log.entries[3].request`) and its JSON
/// Pointer (`/log/entries/3/request`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path {
    pub words: String,
    pub pointer: String,
}

impl Path {
    /// The path of member `key` (a fixed field name of the format).
    pub fn key(&self, key: &str) -> Path {
        Path {
            words: if self.words.is_empty() {
                key.to_string()
            } else {
                format!("{}.{key}", self.words)
            },
            pointer: format!("{}/{key}", self.pointer),
        }
    }

    /// The path of item `index` of an array.
    pub fn index(&self, index: usize) -> Path {
        Path {
            words: format!("{}[{index}]", self.words),
            pointer: format!("{}/{index}", self.pointer),
        }
    }
}

/// A JSON object of the recording: its members as raw slices (the last of duplicate keys wins,
/// as in JavaScript's `JSON.parse`).
pub struct Object<'a> {
    recording: &'a str,
    path: Path,
    offset: usize,
    members: Vec<(Cow<'a, str>, &'a RawValue)>,
}

impl<'a> Object<'a> {
    /// `raw` (a slice of `recording`) as an object at `path`; any other kind is an error.
    pub fn new(recording: &'a str, raw: &'a RawValue, path: Path) -> Result<Self, FieldError> {
        let offset = offset_in(recording, raw);
        if !raw.get().starts_with('{') {
            return Err(FieldError {
                offset,
                message: format!("{}: expected an object, found {}", path.words, kind(raw)),
                pointer: path.pointer,
            });
        }
        let mut deserializer = serde_json::Deserializer::from_str(raw.get());
        // A raw value is valid JSON already: this cannot fail, but stays an error if it did.
        let members = match deserializer.deserialize_map(MembersVisitor) {
            Ok(members) => members,
            Err(error) => {
                return Err(FieldError {
                    offset,
                    message: format!("{}: {error}", path.words),
                    pointer: path.pointer,
                });
            }
        };
        Ok(Object {
            recording,
            path,
            offset,
            members,
        })
    }

    /// The value of `key`; `null` counts as absent (exporters write it for "not recorded").
    pub fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.members
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, raw)| *raw)
            .filter(|raw| raw.get() != "null")
    }

    /// The members, in order.
    pub fn members(&self) -> impl Iterator<Item = (&str, &'a RawValue)> {
        self.members.iter().map(|(name, raw)| (name.as_ref(), *raw))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A string member; `what` says what it holds, for the message when it is missing.
    pub fn required_string(&self, key: &str, what: &str) -> Result<Cow<'a, str>, FieldError> {
        self.string(key)?.ok_or_else(|| {
            let path = self.path.key(key);
            FieldError {
                offset: self.offset,
                message: format!("{}: missing; expected {what}", path.words),
                pointer: path.pointer,
            }
        })
    }

    pub fn string(&self, key: &str) -> Result<Option<Cow<'a, str>>, FieldError> {
        self.get(key)
            .map(|raw| self.decode_string(key, raw))
            .transpose()
    }

    /// A raw member value that must be a string, decoded (borrowed when it has no escapes).
    pub fn decode_string(&self, key: &str, raw: &'a RawValue) -> Result<Cow<'a, str>, FieldError> {
        if !raw.get().starts_with('"') {
            return Err(self.wrong_kind(key, raw, "a string"));
        }
        match serde_json::from_str::<&'a str>(raw.get()) {
            Ok(text) => Ok(Cow::Borrowed(text)),
            Err(_) => serde_json::from_str::<String>(raw.get())
                .map(Cow::Owned)
                .map_err(|_| self.wrong_kind(key, raw, "a string")),
        }
    }

    /// A number member (any JSON number; one too large for a 64-bit float is an error).
    pub fn number(&self, key: &str) -> Result<Option<f64>, FieldError> {
        let Some(raw) = self.get(key) else {
            return Ok(None);
        };
        if kind(raw) != "a number" {
            return Err(self.wrong_kind(key, raw, "a number"));
        }
        serde_json::from_str::<f64>(raw.get())
            .map(Some)
            .map_err(|_| self.error_at(key, raw, "the number is out of range".to_string()))
    }

    pub fn object(&self, key: &str) -> Result<Option<Object<'a>>, FieldError> {
        self.get(key)
            .map(|raw| Object::new(self.recording, raw, self.path.key(key)))
            .transpose()
    }

    /// An array member's items.
    pub fn array(&self, key: &str) -> Result<Option<Vec<&'a RawValue>>, FieldError> {
        let Some(raw) = self.get(key) else {
            return Ok(None);
        };
        if !raw.get().starts_with('[') {
            return Err(self.wrong_kind(key, raw, "an array"));
        }
        serde_json::from_str::<Vec<&'a RawValue>>(raw.get())
            .map(Some)
            .map_err(|error| self.error_at(key, raw, error.to_string()))
    }

    /// Item `index` of an array member, as an object.
    pub fn item(
        &self,
        key: &str,
        index: usize,
        raw: &'a RawValue,
    ) -> Result<Object<'a>, FieldError> {
        Object::new(self.recording, raw, self.path.key(key).index(index))
    }

    fn wrong_kind(&self, key: &str, raw: &RawValue, expected: &str) -> FieldError {
        self.error_at(
            key,
            raw,
            format!("expected {expected}, found {}", kind(raw)),
        )
    }

    fn error_at(&self, key: &str, raw: &RawValue, problem: String) -> FieldError {
        let path = self.path.key(key);
        FieldError {
            offset: offset_in(self.recording, raw),
            message: format!("{}: {problem}", path.words),
            pointer: path.pointer,
        }
    }
}

/// The byte offset of a raw value borrowed from `recording`.
pub fn offset_in(recording: &str, raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize)
        .saturating_sub(recording.as_ptr() as usize)
        .min(recording.len())
}

struct MembersVisitor;

impl<'de> Visitor<'de> for MembersVisitor {
    type Value = Vec<(Cow<'de, str>, &'de RawValue)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            members.push((key.0, map.next_value::<&'de RawValue>()?));
        }
        Ok(members)
    }
}

/// A member name, borrowed from the recording unless it has escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(text: &str) -> Object<'_> {
        let raw: &RawValue = serde_json::from_str(text).unwrap();
        let path = Path::default().key("log").key("entries").index(3);
        Object::new(text, raw, path).unwrap()
    }

    #[test]
    fn names_the_field_and_the_kinds() {
        let text = r#"{"url": 5, "time": "x", "headers": {}, "ok": "a\"b", "n": null}"#;
        let entry = object(text);
        let error = entry.required_string("url", "the URL").unwrap_err();
        assert_eq!(
            error,
            FieldError {
                offset: text.find('5').unwrap(),
                pointer: "/log/entries/3/url".into(),
                message: "log.entries[3].url: expected a string, found a number".into()
            }
        );
        assert_eq!(
            entry.number("time").unwrap_err().message,
            "log.entries[3].time: expected a number, found a string"
        );
        assert_eq!(
            entry.array("headers").unwrap_err().message,
            "log.entries[3].headers: expected an array, found an object"
        );
        assert_eq!(entry.string("ok").unwrap().as_deref(), Some("a\"b"));
        assert_eq!(entry.string("n").unwrap(), None, "null is absent");
        let missing = entry.required_string("method", "the method").unwrap_err();
        assert_eq!(
            (missing.offset, missing.message.as_str()),
            (0, "log.entries[3].method: missing; expected the method")
        );
    }

    #[test]
    fn the_last_duplicate_wins_and_huge_numbers_are_out_of_range() {
        let entry = object(r#"{"status": 200, "status": 1e400}"#);
        assert_eq!(
            entry.number("status").unwrap_err().message,
            "log.entries[3].status: the number is out of range"
        );
    }

    #[test]
    fn other_kinds_are_not_objects() {
        let text = "[1]";
        let raw: &RawValue = serde_json::from_str(text).unwrap();
        let error = Object::new(text, raw, Path::default().key("line"))
            .err()
            .unwrap();
        assert_eq!(error.message, "line: expected an object, found an array");
    }
}
