//! Where the values and keys of a parsed JSON text are: built only when a finding needs locating,
//! by one scan of the (already valid) text into a compact flat tree.
//!
//! Each value is one [`Entry`] (its span, its key's start when it is an object member, and the
//! range of its children in one shared list), so a pointer is found by one hop per token: array
//! items directly by position, object members by comparing keys (the last of duplicates wins, as
//! in the parsed value). Objects with many members are sorted by key on their first lookup.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use super::{Span, pointer};

/// Entry has no key (the root, array items).
const NO_KEY: u32 = u32::MAX;

/// Objects with more members than this are looked up by binary search over their sorted keys.
const LINEAR_LOOKUP_MEMBERS: usize = 32;

#[derive(Debug, Clone, Copy)]
struct Entry {
    start: u32,
    end: u32,
    /// Start of this member's key (its opening quote), or [`NO_KEY`].
    key: u32,
    /// This container's children: `children[first..first + count]`.
    first: u32,
    count: u32,
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
    entries: Vec<Entry>,
    children: Vec<u32>,
    /// Members of large objects sorted by key (ties: last first), built on first lookup.
    sorted: RefCell<HashMap<u32, Vec<u32>>>,
}

impl<'a> SpanIndex<'a> {
    /// Indexes the JSON value that starts at byte `from` of `text` (after a byte order mark).
    /// `text` must be valid JSON there (the parse said so); anything else yields a partial index,
    /// never a panic.
    pub fn build(text: &'a str, from: usize) -> Self {
        Builder::new(text).run(from)
    }

    /// The span of the value `pointer` designates.
    pub fn value(&self, pointer: &str) -> Option<Span> {
        self.find(pointer).map(|id| self.span_of(id))
    }

    /// The span of the key of the member `pointer` designates (`None` for array items, the root
    /// and missing members).
    pub fn key(&self, pointer: &str) -> Option<Span> {
        let id = self.find(pointer)?;
        let entry = self.entries.get(id as usize)?;
        (entry.key != NO_KEY).then(|| {
            let start = entry.key as usize;
            Span::new(start, string_end(self.text.as_bytes(), start))
        })
    }

    /// The span of the deepest existing value on the way to `pointer` (the value itself when it
    /// exists): where to point when the pointer names something missing.
    pub fn nearest(&self, pointer: &str) -> Span {
        let mut id = 0;
        for token in pointer::tokens(pointer).unwrap_or_default() {
            match self.child(id, &token) {
                Some(next) => id = next,
                None => break,
            }
        }
        self.span_of(id)
    }

    /// Every key given more than once in its object, in document order of the objects.
    pub fn duplicate_keys(&self) -> Vec<DuplicateKey> {
        let mut found = Vec::new();
        if self.entries.is_empty() {
            return found;
        }
        let mut stack: Vec<(u32, String)> = vec![(0, String::new())];
        while let Some((id, at)) = stack.pop() {
            let kids = self.kids(id);
            let is_object = self.opener(id) == Some(b'{');
            if is_object && kids.len() > 1 {
                let mut keys: Vec<(Cow<'_, str>, u32)> =
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
                if self.kids(kid).is_empty() {
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

    fn find(&self, pointer: &str) -> Option<u32> {
        if self.entries.is_empty() {
            return None;
        }
        let mut id = 0;
        for token in pointer::tokens(pointer)? {
            id = self.child(id, &token)?;
        }
        Some(id)
    }

    fn child(&self, id: u32, token: &str) -> Option<u32> {
        let kids = self.kids(id);
        match self.opener(id)? {
            b'[' => kids.get(pointer::array_index(token)?).copied(),
            b'{' if kids.len() > LINEAR_LOOKUP_MEMBERS => self.sorted_member(id, kids, token),
            b'{' => kids
                .iter()
                .rev()
                .find(|&&kid| self.key_text(kid) == token)
                .copied(),
            _ => None,
        }
    }

    fn sorted_member(&self, id: u32, kids: &[u32], token: &str) -> Option<u32> {
        let mut sorted = self.sorted.borrow_mut();
        let members = sorted.entry(id).or_insert_with(|| {
            let mut members = kids.to_vec();
            members.sort_by(|&a, &b| self.key_text(a).cmp(&self.key_text(b)).then(b.cmp(&a)));
            members
        });
        let at = members.partition_point(|&kid| *self.key_text(kid) < *token);
        members
            .get(at)
            .copied()
            .filter(|&kid| self.key_text(kid) == token)
    }

    fn kids(&self, id: u32) -> &[u32] {
        self.entries
            .get(id as usize)
            .and_then(|e| {
                self.children
                    .get(e.first as usize..(e.first as usize).saturating_add(e.count as usize))
            })
            .unwrap_or_default()
    }

    fn opener(&self, id: u32) -> Option<u8> {
        let entry = self.entries.get(id as usize)?;
        self.text.as_bytes().get(entry.start as usize).copied()
    }

    fn span_of(&self, id: u32) -> Span {
        self.entries.get(id as usize).map_or(Span::default(), |e| {
            Span::new(e.start as usize, e.end as usize)
        })
    }

    fn key_span(&self, id: u32) -> Span {
        let start = self.entries.get(id as usize).map_or(0, |e| e.key as usize);
        Span::new(start, string_end(self.text.as_bytes(), start))
    }

    /// The decoded key of member `id` (borrowed from the text unless it has escapes).
    fn key_text(&self, id: u32) -> Cow<'a, str> {
        let span = self.key_span(id);
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

/// One forward scan of valid JSON.
struct Builder<'a> {
    text: &'a str,
    bytes: &'a [u8],
    entries: Vec<Entry>,
    children: Vec<u32>,
    /// Open containers: entry id and where their children start in `pending`.
    open: Vec<(u32, usize)>,
    /// Children of the open containers, innermost last.
    pending: Vec<u32>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            bytes: text.as_bytes(),
            entries: Vec::new(),
            children: Vec::new(),
            open: Vec::new(),
            pending: Vec::new(),
        }
    }

    fn run(mut self, from: usize) -> SpanIndex<'a> {
        let mut at = self.skip_whitespace(from);
        let mut key = NO_KEY;
        'values: while at < self.bytes.len() {
            let id = to_u32(self.entries.len());
            if !self.open.is_empty() {
                self.pending.push(id);
            }
            let start = to_u32(at);
            match self.bytes[at] {
                opener @ (b'{' | b'[') => {
                    self.entries.push(Entry {
                        start,
                        end: start,
                        key,
                        first: 0,
                        count: 0,
                    });
                    self.open.push((id, self.pending.len()));
                    at = self.skip_whitespace(at + 1);
                    if !matches!(self.bytes.get(at), Some(b'}' | b']')) {
                        (at, key) = self.member_start(at, opener == b'{');
                        continue 'values;
                    }
                }
                b'"' => {
                    let end = string_end(self.bytes, at);
                    self.push_leaf(start, end, key);
                    at = end;
                }
                _ => {
                    let end = self.scalar_end(at);
                    self.push_leaf(start, end, key);
                    at = end;
                }
            }
            // After a value: commas move to the next one, closers end containers.
            loop {
                at = self.skip_whitespace(at);
                match self.bytes.get(at) {
                    Some(b',') => {
                        let in_object = self.open.last().is_some_and(|&(id, _)| {
                            self.bytes.get(self.entries[id as usize].start as usize) == Some(&b'{')
                        });
                        (at, key) = self.member_start(self.skip_whitespace(at + 1), in_object);
                        continue 'values;
                    }
                    Some(b'}' | b']') => {
                        let Some((id, mark)) = self.open.pop() else {
                            break 'values;
                        };
                        let first = to_u32(self.children.len());
                        let count = to_u32(self.pending.len() - mark);
                        self.children.extend(self.pending.drain(mark..));
                        let entry = &mut self.entries[id as usize];
                        entry.end = to_u32(at + 1);
                        entry.first = first;
                        entry.count = count;
                        at += 1;
                        if self.open.is_empty() {
                            break 'values;
                        }
                    }
                    _ => break 'values,
                }
            }
        }
        SpanIndex {
            text: self.text,
            entries: self.entries,
            children: self.children,
            sorted: RefCell::new(HashMap::new()),
        }
    }

    fn push_leaf(&mut self, start: u32, end: usize, key: u32) {
        self.entries.push(Entry {
            start,
            end: to_u32(end),
            key,
            first: 0,
            count: 0,
        });
    }

    /// At the start of an array item or object member: where its value starts, and its key.
    fn member_start(&self, at: usize, in_object: bool) -> (usize, u32) {
        if !in_object {
            return (at, NO_KEY);
        }
        let after_key = self.skip_whitespace(string_end(self.bytes, at));
        // Past the colon.
        (self.skip_whitespace(after_key + 1), to_u32(at))
    }

    fn skip_whitespace(&self, mut at: usize) -> usize {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(at) {
            at += 1;
        }
        at
    }

    /// End of a number or literal.
    fn scalar_end(&self, mut at: usize) -> usize {
        while let Some(&byte) = self.bytes.get(at) {
            if matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            at += 1;
        }
        at
    }
}

/// The end (after the closing quote) of the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => return at + 1,
            b'\\' => at += 2,
            _ => at += 1,
        }
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
