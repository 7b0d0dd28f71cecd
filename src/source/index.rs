//! Where the values and keys of a parsed JSON text are: found only when a finding needs locating,
//! and only along the way to it.
//!
//! A pointer is followed from the root one token at a time. The first lookup in a container scans
//! its members (each one's span and its key's start, skipping over what nests inside) and keeps
//! them, so the index holds the members of the containers findings are in, not every value of the
//! text (24 bytes each: more than the text itself for a large body). Array items are found by
//! position, object members by comparing keys (the last of duplicates wins, as in the parsed
//! value); objects with many members are sorted by key on their first lookup.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use super::{Span, pointer};

/// Node has no key (the root, array items).
const NO_KEY: u32 = u32::MAX;

/// Objects with more members than this are looked up by binary search over their sorted keys.
const LINEAR_LOOKUP_MEMBERS: usize = 32;

/// One value of the text.
#[derive(Debug, Clone, Copy)]
struct Node {
    start: u32,
    end: u32,
    /// Start of this member's key (its opening quote), or [`NO_KEY`].
    key: u32,
}

/// The members of one container, in document order.
#[derive(Debug)]
struct Members {
    nodes: Vec<Node>,
    /// For a large object: positions in `nodes` sorted by key, the last of duplicates first.
    sorted: Option<Vec<u32>>,
}

/// A key repeated in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The pointer of the object.
    pub object: String,
    pub key: String,
    /// The key where it first appears, and where it appears again.
    pub first: Span,
    pub repeated: Span,
}

/// The spans of a JSON text's values and keys.
#[derive(Debug)]
pub struct SpanIndex<'a> {
    text: &'a str,
    root: Option<Node>,
    /// The members of the containers looked into so far, by the container's start.
    members: RefCell<HashMap<u32, Members>>,
}

impl<'a> SpanIndex<'a> {
    /// Indexes the JSON text that starts at byte `from` of `text` (after a byte order mark).
    /// `text` must be one JSON value there, with nothing but whitespace after it (the parse said
    /// so), so the value ends where that whitespace starts: no scan of the whole text. Anything
    /// else yields a partial index, never a panic.
    pub fn build(text: &'a str, from: usize) -> Self {
        let bytes = text.as_bytes();
        let start = skip_whitespace(bytes, from);
        let end = text.trim_end_matches([' ', '\t', '\n', '\r']).len();
        let root = (start < end).then(|| Node {
            start: to_u32(start),
            end: to_u32(end),
            key: NO_KEY,
        });
        SpanIndex {
            text,
            root,
            members: RefCell::new(HashMap::new()),
        }
    }

    /// The span of the value `pointer` designates.
    pub fn value(&self, pointer: &str) -> Option<Span> {
        self.find(pointer).map(span_of)
    }

    /// The span of the key of the member `pointer` designates (`None` for array items, the root
    /// and missing members).
    pub fn key(&self, pointer: &str) -> Option<Span> {
        let node = self.find(pointer)?;
        (node.key != NO_KEY).then(|| self.key_span(node))
    }

    /// The span of the deepest existing value on the way to `pointer` (the value itself when it
    /// exists): where to point when the pointer names something missing.
    pub fn nearest(&self, pointer: &str) -> Span {
        let Some(mut node) = self.root else {
            return Span::default();
        };
        for token in pointer::tokens(pointer).unwrap_or_default() {
            match self.child(node, &token) {
                Some(next) => node = next,
                None => break,
            }
        }
        span_of(node)
    }

    /// Every key given more than once in its object, in document order of the objects. Walks the
    /// whole text without keeping what it scans.
    pub fn duplicate_keys(&self) -> Vec<DuplicateKey> {
        let mut found = Vec::new();
        let Some(root) = self.root else {
            return found;
        };
        let mut stack: Vec<(Node, String)> = vec![(root, String::new())];
        while let Some((node, at)) = stack.pop() {
            let kids = self.scan(node);
            let is_object = self.opener(node) == Some(b'{');
            if is_object && kids.len() > 1 {
                let mut keys: Vec<(Cow<'_, str>, Node)> =
                    kids.iter().map(|&kid| (self.key_text(kid), kid)).collect();
                keys.sort_by(|a, b| a.0.cmp(&b.0));
                for pair in keys.chunk_by(|a, b| a.0 == b.0) {
                    let Some((first, repeats)) = pair.split_first() else {
                        continue;
                    };
                    for repeat in repeats {
                        found.push(DuplicateKey {
                            object: at.clone(),
                            key: repeat.0.to_string(),
                            first: self.key_span(first.1),
                            repeated: self.key_span(repeat.1),
                        });
                    }
                }
            }
            for (position, &kid) in kids.iter().enumerate().rev() {
                if !self.has_members(kid) {
                    continue;
                }
                let child_at = if is_object {
                    pointer::push(&at, &self.key_text(kid))
                } else {
                    pointer::push_index(&at, position)
                };
                stack.push((kid, child_at));
            }
        }
        found.sort_by_key(|duplicate| duplicate.repeated.start);
        found
    }

    fn find(&self, pointer: &str) -> Option<Node> {
        let mut node = self.root?;
        for token in pointer::tokens(pointer)? {
            node = self.child(node, &token)?;
        }
        Some(node)
    }

    fn child(&self, node: Node, token: &str) -> Option<Node> {
        let opener = self.opener(node)?;
        if !matches!(opener, b'{' | b'[') {
            return None;
        }
        let mut cache = self.members.borrow_mut();
        let Members { nodes, sorted } = cache.entry(node.start).or_insert_with(|| Members {
            nodes: self.scan(node),
            sorted: None,
        });
        let nodes = &*nodes;
        match opener {
            b'[' => nodes.get(pointer::array_index(token)?).copied(),
            _ if nodes.len() > LINEAR_LOOKUP_MEMBERS => {
                let sorted = sorted.get_or_insert_with(|| {
                    let mut sorted: Vec<u32> = (0..to_u32(nodes.len())).collect();
                    sorted.sort_by(|&a, &b| {
                        self.key_text(nodes[a as usize])
                            .cmp(&self.key_text(nodes[b as usize]))
                            .then(b.cmp(&a))
                    });
                    sorted
                });
                let at = sorted.partition_point(|&i| *self.key_text(nodes[i as usize]) < *token);
                sorted
                    .get(at)
                    .map(|&i| nodes[i as usize])
                    .filter(|&kid| self.key_text(kid) == token)
            }
            _ => nodes
                .iter()
                .rev()
                .find(|&&kid| self.key_text(kid) == token)
                .copied(),
        }
    }

    /// The members of the container `node` (none for a scalar), in document order.
    fn scan(&self, node: Node) -> Vec<Node> {
        let bytes = self.text.as_bytes();
        let object = match self.opener(node) {
            Some(b'{') => true,
            Some(b'[') => false,
            _ => return Vec::new(),
        };
        let mut members = Vec::new();
        let mut at = skip_whitespace(bytes, node.start as usize + 1);
        while at < bytes.len() && !matches!(bytes[at], b'}' | b']') {
            let mut key = NO_KEY;
            if object {
                key = to_u32(at);
                let after_key = skip_whitespace(bytes, string_end(bytes, at));
                // Past the colon.
                at = skip_whitespace(bytes, after_key + 1);
            }
            let end = value_end(bytes, at);
            members.push(Node {
                start: to_u32(at),
                end: to_u32(end),
                key,
            });
            at = skip_whitespace(bytes, end);
            if bytes.get(at) != Some(&b',') {
                break;
            }
            at = skip_whitespace(bytes, at + 1);
        }
        members
    }

    /// Whether `node` is a container with at least one member.
    fn has_members(&self, node: Node) -> bool {
        let bytes = self.text.as_bytes();
        matches!(self.opener(node), Some(b'{' | b'['))
            && !matches!(
                bytes.get(skip_whitespace(bytes, node.start as usize + 1)),
                None | Some(b'}' | b']')
            )
    }

    fn opener(&self, node: Node) -> Option<u8> {
        self.text.as_bytes().get(node.start as usize).copied()
    }

    fn key_span(&self, node: Node) -> Span {
        let start = node.key as usize;
        Span::new(start, string_end(self.text.as_bytes(), start))
    }

    /// The decoded key of member `node` (borrowed from the text unless it has escapes).
    fn key_text(&self, node: Node) -> Cow<'a, str> {
        let span = self.key_span(node);
        let quoted = self.text.get(span.start..span.end).unwrap_or_default();
        let raw = quoted
            .get(1..quoted.len().saturating_sub(1))
            .unwrap_or_default();
        if raw.contains('\\') {
            Cow::Owned(serde_json::from_str(quoted).unwrap_or_default())
        } else {
            Cow::Borrowed(raw)
        }
    }
}

fn span_of(node: Node) -> Span {
    Span::new(node.start as usize, node.end as usize)
}

fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// The end of the value that starts at `start`.
fn value_end(bytes: &[u8], start: usize) -> usize {
    match bytes.get(start) {
        Some(b'"') => string_end(bytes, start),
        Some(b'{' | b'[') => container_end(bytes, start),
        _ => scalar_end(bytes, start),
    }
}

/// The bytes [`container_end`] acts on; everything else is skipped by one table scan.
const STRUCTURAL: [bool; 256] = {
    let mut structural = [false; 256];
    structural[b'"' as usize] = true;
    structural[b'{' as usize] = true;
    structural[b'[' as usize] = true;
    structural[b'}' as usize] = true;
    structural[b']' as usize] = true;
    structural
};

/// The end (after the closer) of the array or object that opens at `start`.
fn container_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut at = start;
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| STRUCTURAL[usize::from(b)]))
    {
        at += offset;
        match bytes.get(at) {
            Some(b'"') => {
                at = string_end(bytes, at);
                continue;
            }
            Some(b'{' | b'[') => depth += 1,
            _ => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at + 1;
                }
            }
        }
        at += 1;
    }
    bytes.len()
}

/// End of a number or literal.
fn scalar_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&byte) = bytes.get(at) {
        if matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
            break;
        }
        at += 1;
    }
    at
}

/// The end (after the closing quote) of the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        at += offset;
        if bytes.get(at) == Some(&b'"') {
            return at + 1;
        }
        at += 2;
    }
    bytes.len()
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(text: &str, span: Option<Span>) -> &str {
        let span = span.unwrap();
        &text[span.start..span.end]
    }

    #[test]
    fn finds_values_and_keys_by_pointer() {
        let text = " {\"Client\" : \"x\",\n \"Ids\": [1, {\"a/b\": [true, null]}, \"s,]\"], \"E\": {}, \"F\": [] } ";
        let index = SpanIndex::build(text, 0);
        assert_eq!(text_of(text, index.value("")), text.trim());
        assert_eq!(text_of(text, index.value("/Client")), "\"x\"");
        assert_eq!(text_of(text, index.key("/Client")), "\"Client\"");
        assert_eq!(text_of(text, index.value("/Ids/0")), "1");
        assert_eq!(text_of(text, index.value("/Ids/1/a~1b/1")), "null");
        assert_eq!(text_of(text, index.value("/Ids/2")), "\"s,]\"");
        assert_eq!(text_of(text, index.value("/E")), "{}");
        assert_eq!(text_of(text, index.value("/F")), "[]");
        assert_eq!(index.key("/Ids/0"), None);
        assert_eq!(index.value("/Ids/3"), None);
        assert_eq!(index.value("/Ids/01"), None);
        assert_eq!(index.value("/Nope"), None);
        assert_eq!(
            &text[index.nearest("/Ids/1/b/c").start..index.nearest("/Ids/1/b/c").end],
            "{\"a/b\": [true, null]}"
        );
    }

    #[test]
    fn scalars_at_the_root_and_after_a_byte_order_mark() {
        let index = SpanIndex::build("42", 0);
        assert_eq!(index.value(""), Some(Span::new(0, 2)));
        let text = "\u{feff}{\"a\": \"é\"}";
        let index = SpanIndex::build(text, 3);
        assert_eq!(text_of(text, index.value("/a")), "\"é\"");
    }

    #[test]
    fn the_last_duplicate_wins_and_escaped_keys_match() {
        let text = r#"{"a": 1, "\u0061": 2, "b\"c": 3}"#;
        let index = SpanIndex::build(text, 0);
        assert_eq!(text_of(text, index.value("/a")), "2");
        assert_eq!(text_of(text, index.value("/b\"c")), "3");
        let duplicates = index.duplicate_keys();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].key, "a");
        assert_eq!(text_of(text, Some(duplicates[0].first)), "\"a\"");
        assert_eq!(text_of(text, Some(duplicates[0].repeated)), "\"\\u0061\"");
    }

    #[test]
    fn large_objects_are_looked_up_by_sorted_keys() {
        let members: Vec<String> = (0..1000).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k7\": \"again\"}}", members.join(", "));
        let index = SpanIndex::build(&text, 0);
        for i in [0, 1, 999, 500] {
            assert_eq!(
                text_of(&text, index.value(&format!("/k{i}"))),
                i.to_string()
            );
        }
        assert_eq!(text_of(&text, index.value("/k7")), "\"again\"");
        assert_eq!(index.value("/k1000"), None);
        assert_eq!(index.duplicate_keys().len(), 1);
    }

    #[test]
    fn duplicates_are_found_in_nested_objects_with_their_pointers() {
        let text = r#"{"x": [{"a": 1, "a": 2, "a": 3}], "y": {"z": {"b": 1, "b": 1}}}"#;
        let duplicates = SpanIndex::build(text, 0).duplicate_keys();
        let found: Vec<_> = duplicates
            .iter()
            .map(|d| (d.object.as_str(), d.key.as_str(), d.first.start))
            .collect();
        assert_eq!(
            found,
            [("/x/0", "a", 8), ("/x/0", "a", 8), ("/y/z", "b", 46)]
        );
    }

    #[test]
    fn whitespace_alone_has_no_root() {
        for text in ["", "  \n\t"] {
            let index = SpanIndex::build(text, 0);
            assert_eq!(index.value(""), None, "{text:?}");
            assert_eq!(index.nearest("/a"), Span::default());
        }
    }

    #[test]
    fn invalid_text_gives_a_partial_index_not_a_panic() {
        for text in ["", "{", "[1,", "{\"a\"", "{\"a\":", "}", "\"abc", "[}]"] {
            let index = SpanIndex::build(text, 0);
            let _ = (
                index.value("/a"),
                index.nearest("/a/b"),
                index.duplicate_keys(),
            );
        }
    }
}
