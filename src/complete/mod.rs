//! Schema help while typing: the property names and values the operation's schema allows at the
//! cursor. Works on incomplete text (a tolerant scan up to the cursor, see [`scan`]), resolves the
//! schema at the cursor's path in the embedded bundle (see [`schema`]), and lists the properties
//! the enclosing object does not have yet, or the values an enum (or boolean) allows.
//!
//! Pure and bounded: one linear scan of the text, a bounded walk of the schema; never panics.

mod scan;
mod schema;

use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value;

use crate::api::{self, BodyKind, catalog};
use crate::source::pointer;
use scan::{Slot, Step};
use schema::{Node, Property, Resolver};

/// Which document the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A request body of the operation at the address.
    Request,
    /// A response body of the operation at the address.
    Response,
    /// A certification checklist (the address is not used).
    Checklist,
}

/// What the cursor is typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Context {
    /// A property name.
    Key,
    /// A property's value or an array item.
    Value,
    /// Nothing the schema can help with here.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Property,
    Value,
}

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Completion {
    /// The property name or the value as shown (`ContactPerson`, `Confirmed`, `true`).
    pub label: String,
    /// The JSON text that replaces the token at `from..to`: `"ContactPerson": ` (the colon only
    /// when none follows), `"Confirmed"`, `true`.
    pub insert: String,
    pub kind: ItemKind,
    pub deprecated: bool,
    /// A property the schema requires.
    pub required: bool,
    /// The type (`string (uuid)`, `array of ReservationData`) or, for a value, its enum's name.
    pub detail: String,
    /// The schema's description or title, and the deprecation note, when it has them.
    pub info: Option<String>,
}

/// The suggestions at a cursor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Completions {
    pub context: Context,
    /// JSON Pointer of the enclosing object (`key`) or of the value being typed (`value`).
    pub pointer: String,
    /// Byte range of the token a suggestion replaces: the partial key or value under the cursor
    /// with its quotes, or the empty range at the cursor between tokens.
    pub from: usize,
    pub to: usize,
    pub items: Vec<Completion>,
}

/// Suggestions for a request body of the operation at `address`, at byte `offset` of `text`.
pub fn completions(address: &str, text: &str, offset: usize) -> Completions {
    completions_for(Target::Request, address, text, offset)
}

/// Suggestions for `target` at byte `offset` of `text` (clamped to the text).
pub fn completions_for(target: Target, address: &str, text: &str, offset: usize) -> Completions {
    let place = scan::place(text, offset);
    let pointer = pointer_of(&place.path);
    let context = match place.slot {
        Slot::Key => Context::Key,
        Slot::Value => Context::Value,
        Slot::Elsewhere => Context::None,
    };
    let mut result = Completions {
        context,
        pointer,
        from: place.from,
        to: place.to,
        items: Vec::new(),
    };
    if context == Context::None {
        return result;
    }
    let Some((document, root)) = root_of(target, address) else {
        return result;
    };
    let resolver = Resolver::new(document);
    let nodes = resolver.at(root, &place.path);
    result.items = match context {
        Context::Key => {
            let colon_follows = text
                .get(place.to..)
                .is_some_and(|rest| rest.trim_start().starts_with(':'));
            resolver
                .properties(&nodes)
                .into_iter()
                .filter(|property| !place.present.iter().any(|key| key == property.name))
                .map(|property| property_item(&resolver, &property, colon_follows))
                .collect()
        }
        Context::Value => resolver
            .values(&nodes)
            .into_iter()
            .map(|(value, node)| value_item(value, node))
            .collect(),
        Context::None => Vec::new(),
    };
    result
}

/// [`completions_for`] with the cursor and the returned range in UTF-16 code units, as JavaScript
/// strings and editors count them.
pub fn completions_utf16(target: Target, address: &str, text: &str, cursor: usize) -> Completions {
    let byte_cursor = byte_offset(text, cursor);
    let mut found = completions_for(target, address, text, byte_cursor);
    let to_utf16 = |byte: usize| match byte.cmp(&byte_cursor) {
        std::cmp::Ordering::Less => cursor - utf16_len(&text[byte..byte_cursor]),
        _ => cursor + utf16_len(&text[byte_cursor..byte]),
    };
    found.from = to_utf16(found.from);
    found.to = to_utf16(found.to);
    found
}

/// The byte offset of a UTF-16 offset (clamped to the text; inside a surrogate pair, the
/// character's start). Counts bytes rather than decoding characters: a megabyte takes microseconds.
fn byte_offset(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        let width = utf16_units(byte);
        if width == 0 {
            continue;
        }
        if units + width > utf16 {
            return at;
        }
        units += width;
    }
    text.len()
}

fn utf16_len(text: &str) -> usize {
    text.bytes().map(utf16_units).sum()
}

/// UTF-16 code units of the character a UTF-8 byte starts (0 for a continuation byte).
fn utf16_units(byte: u8) -> usize {
    match byte {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }
}

/// The schema document and the node the text's root is checked against.
fn root_of(target: Target, address: &str) -> Option<(&'static Value, Node<'static>)> {
    let kind = match target {
        Target::Checklist => {
            let document = checklist_schema()?;
            return Some((
                document,
                Node {
                    schema: document,
                    def: None,
                },
            ));
        }
        Target::Request => BodyKind::Request,
        Target::Response => BodyKind::Response,
    };
    let operation = api::address::resolve(address, api::operations()).operation?;
    let def = api::schemas::def_of(operation, kind)?;
    let document = catalog::bundle();
    let (name, schema) = document.get("$defs")?.as_object()?.get_key_value(def)?;
    Some((
        document,
        Node {
            schema,
            def: Some(name.as_str()),
        },
    ))
}

fn checklist_schema() -> Option<&'static Value> {
    static SCHEMA: OnceLock<Option<Value>> = OnceLock::new();
    SCHEMA
        .get_or_init(|| serde_json::from_str(crate::checklist::schema_text()).ok())
        .as_ref()
}

fn property_item(
    resolver: &Resolver<'_>,
    property: &Property<'_>,
    colon_follows: bool,
) -> Completion {
    let expanded = resolver.expand(Node {
        schema: property.schema,
        def: None,
    });
    let listed = property.def.and_then(|def| {
        catalog::deprecated_properties()
            .iter()
            .find(|entry| entry.def == def && entry.property == property.name)
    });
    let flagged = expanded.iter().any(|node| flag(node.schema, "deprecated"));
    let deprecated = flagged || listed.is_some();
    let mut notes: Vec<String> = Vec::new();
    if let Some(text) = describe(&expanded) {
        notes.push(text);
    }
    if deprecated {
        let message = expanded
            .iter()
            .find_map(|node| {
                node.schema
                    .get("x-deprecatedMessage")
                    .and_then(Value::as_str)
            })
            .map(str::to_string)
            .or_else(|| {
                let entry = listed?;
                let replacement = entry.replacement.as_deref()?;
                Some(format!("Use `{replacement}` instead."))
            });
        let mut note = "Deprecated".to_string();
        if let Some(date) = listed.and_then(|entry| entry.discontinued.as_deref()) {
            note.push_str(&format!(", discontinued {date}"));
        }
        match message {
            Some(message) => note.push_str(&format!(": {message}")),
            None => note.push('.'),
        }
        notes.push(note);
    }
    let key = serde_json::to_string(property.name).unwrap_or_default();
    Completion {
        label: property.name.to_string(),
        insert: if colon_follows {
            key
        } else {
            format!("{key}: ")
        },
        kind: ItemKind::Property,
        deprecated,
        required: property.required,
        detail: resolver.type_label(property.schema),
        info: (!notes.is_empty()).then(|| notes.join("\n")),
    }
}

fn value_item(value: Value, node: Node<'_>) -> Completion {
    let label = match &value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let title = node
        .schema
        .get("title")
        .and_then(Value::as_str)
        .map(str::to_string);
    Completion {
        label,
        insert: value.to_string(),
        kind: ItemKind::Value,
        deprecated: flag(node.schema, "deprecated"),
        required: false,
        detail: node
            .def
            .map(str::to_string)
            .or(title)
            .unwrap_or_else(|| "value".to_string()),
        info: None,
    }
}

/// The first description, else the first title, of a property's schemas.
fn describe(nodes: &[Node<'_>]) -> Option<String> {
    let text = |key: &str| {
        nodes
            .iter()
            .find_map(|node| node.schema.get(key).and_then(Value::as_str))
    };
    text("description")
        .or_else(|| text("title"))
        .map(str::to_string)
}

fn flag(schema: &Value, key: &str) -> bool {
    schema.get(key).and_then(Value::as_bool) == Some(true)
}

fn pointer_of(path: &[Step]) -> String {
    path.iter().fold(String::new(), |base, step| match step {
        Step::Key(key) => pointer::push(&base, key),
        Step::Index(index) => pointer::push_index(&base, *index),
    })
}

#[cfg(test)]
mod tests;
