//! A tolerant scan of JSON text up to a cursor: where the cursor is (at a key, at a value, or
//! neither), the path of containers around it, and the token it is typing. Incomplete and invalid
//! text is the normal case while typing, so nothing here requires valid JSON: a stray token is
//! skipped, an unclosed string or container simply ends at the cursor.

/// One step of the path from the root to the cursor's container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// What the cursor is typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A property name of the innermost object.
    Key,
    /// The value of the innermost object's current key, or the innermost array's current item.
    Value,
    /// Neither (between a value and the next comma, or outside any object).
    Elsewhere,
}

/// The cursor's place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub slot: Slot,
    /// Path of the value at the cursor (`Value`) or of the enclosing object (`Key`).
    pub path: Vec<Step>,
    /// Byte range of the token under the cursor (a string with its quotes, or a bare word); empty
    /// at the cursor when the cursor is between tokens.
    pub from: usize,
    pub to: usize,
    /// Keys the enclosing object already has, before and after the cursor (`Key` only), without
    /// the one being typed.
    pub present: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// After `{` or `,` in an object.
    ExpectKey,
    /// After a key, before `:`.
    AfterKey,
    /// After `:` in an object, after `[` or `,` in an array.
    ExpectValue,
    /// After a value.
    AfterValue,
}

/// Byte range of a string token in the text, quotes included: keys are decoded only when the
/// cursor's place needs them, so a megabyte of text costs no allocation per string.
type Token = (usize, usize);

#[derive(Debug)]
enum Frame {
    Object {
        key: Option<Token>,
        keys: Vec<Token>,
        state: State,
    },
    Array {
        index: usize,
        state: State,
    },
}

impl Frame {
    fn state_mut(&mut self) -> &mut State {
        match self {
            Frame::Object { state, .. } | Frame::Array { state, .. } => state,
        }
    }

    /// The step from this container to its current member.
    fn step(&self, text: &str) -> Option<Step> {
        match self {
            Frame::Object { key, .. } => key.map(|token| Step::Key(decode_token(text, token))),
            Frame::Array { index, .. } => Some(Step::Index(*index)),
        }
    }
}

/// Where `cursor` (a byte offset, clamped to the text and to a character boundary) is in `text`.
pub fn place(text: &str, cursor: usize) -> Place {
    let cursor = crate::source::floor_char_boundary(text, cursor);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < cursor {
        let byte = bytes[at];
        match byte {
            b' ' | b'\t' | b'\r' | b'\n' => at += 1,
            b'"' => {
                let end = string_end(bytes, at);
                if end > cursor || (end == cursor && !closed(bytes, at, end)) {
                    // The cursor is inside this string (or right after an unclosed one).
                    return finish(text, &stack, at, string_extent(bytes, at, cursor), true);
                }
                string_token(&mut stack, (at, end));
                at = end;
            }
            b'{' | b'[' => {
                value_started(&mut stack);
                stack.push(if byte == b'{' {
                    Frame::Object {
                        key: None,
                        keys: Vec::new(),
                        state: State::ExpectKey,
                    }
                } else {
                    Frame::Array {
                        index: 0,
                        state: State::ExpectValue,
                    }
                });
                at += 1;
            }
            b'}' | b']' => {
                let wanted_object = byte == b'}';
                // Tolerant: close up to the matching container; a stray closer is skipped.
                if let Some(depth) = stack
                    .iter()
                    .rposition(|frame| matches!(frame, Frame::Object { .. }) == wanted_object)
                {
                    stack.truncate(depth);
                    if let Some(parent) = stack.last_mut() {
                        *parent.state_mut() = State::AfterValue;
                    }
                }
                at += 1;
            }
            b':' => {
                if let Some(frame @ Frame::Object { .. }) = stack.last_mut() {
                    *frame.state_mut() = State::ExpectValue;
                }
                at += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { key, state, .. }) => {
                        *key = None;
                        *state = State::ExpectKey;
                    }
                    Some(Frame::Array { index, state }) => {
                        *index += 1;
                        *state = State::ExpectValue;
                    }
                    None => {}
                }
                at += 1;
            }
            _ => {
                let end = word_end(bytes, at);
                if end >= cursor {
                    // A literal or number being typed.
                    let end = word_end(bytes, cursor).max(end);
                    return finish(text, &stack, at, end, false);
                }
                value_started(&mut stack);
                at = end;
            }
        }
    }
    let to = cursor;
    finish(text, &stack, cursor, to, false)
}

/// The place for a token at `from..to` (or the gap at the cursor when empty), given the stack.
fn finish(text: &str, stack: &[Frame], from: usize, to: usize, is_string: bool) -> Place {
    let path: Vec<Step> = stack
        .iter()
        .take(stack.len().saturating_sub(1))
        .filter_map(|frame| frame.step(text))
        .collect();
    let (slot, path, present) = match stack.last() {
        None => (Slot::Elsewhere, path, Vec::new()),
        Some(Frame::Object { key, keys, state }) => match state {
            // A string after a value is most likely a key typed before its comma.
            State::ExpectKey => (Slot::Key, path, decode_all(text, keys)),
            State::AfterValue if is_string => (Slot::Key, path, decode_all(text, keys)),
            State::ExpectValue => {
                let mut path = path;
                path.extend(key.map(|token| Step::Key(decode_token(text, token))));
                (Slot::Value, path, Vec::new())
            }
            State::AfterKey | State::AfterValue => (Slot::Elsewhere, path, Vec::new()),
        },
        Some(frame @ Frame::Array { state, .. }) => {
            let mut path = path;
            path.extend(frame.step(text));
            let slot = if *state == State::ExpectValue {
                Slot::Value
            } else {
                Slot::Elsewhere
            };
            (slot, path, Vec::new())
        }
    };
    let present = if slot == Slot::Key {
        let mut present = present;
        present.extend(keys_after(text, to));
        present
    } else {
        present
    };
    Place {
        slot,
        path,
        from,
        to,
        present,
    }
}

/// A string token was read: a key or a value, depending on where it stands.
fn string_token(stack: &mut [Frame], token: Token) {
    match stack.last_mut() {
        Some(Frame::Object { key, keys, state }) => match state {
            State::ExpectKey | State::AfterValue => {
                keys.push(token);
                *key = Some(token);
                *state = State::AfterKey;
            }
            State::ExpectValue | State::AfterKey => *state = State::AfterValue,
        },
        Some(Frame::Array { state, .. }) => *state = State::AfterValue,
        None => {}
    }
}

/// A value (container or literal) starts in the innermost container.
fn value_started(stack: &mut [Frame]) {
    if let Some(frame) = stack.last_mut() {
        *frame.state_mut() = State::AfterValue;
    }
}

/// Keys of the object the cursor is in that follow `from`: direct members only, up to the
/// object's closing brace.
fn keys_after(text: &str, from: usize) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut keys = Vec::new();
    let mut depth = 0usize;
    // The cursor stands at a key: the next string is one, unless a colon comes first.
    let mut expect_key = true;
    let mut at = from;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let end = string_end(bytes, at);
                if depth == 0 && expect_key {
                    keys.push(decode(&text[at..end]));
                }
                expect_key = false;
                at = end;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => match depth.checked_sub(1) {
                Some(outer) => depth = outer,
                None => break,
            },
            b',' if depth == 0 => expect_key = true,
            b':' if depth == 0 => expect_key = false,
            _ => {}
        }
        at += 1;
    }
    keys
}

/// End (exclusive) of the string starting at the quote at `start`: after its closing quote, or
/// the end of the line (an unclosed string stops there), or of the text.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            b'\n' => return at,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// True when the string `start..end` ends with its closing quote.
fn closed(bytes: &[u8], start: usize, end: usize) -> bool {
    end > start + 1 && bytes.get(end - 1) == Some(&b'"') && string_end(bytes, start) == end
}

/// The end of the string token the cursor is in: its closing quote on the same line, else the
/// end of the word the cursor is in.
fn string_extent(bytes: &[u8], start: usize, cursor: usize) -> usize {
    let end = string_end(bytes, start);
    if closed(bytes, start, end) {
        return end;
    }
    let mut at = cursor;
    while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
        at += 1;
    }
    at
}

/// End of a bare word (number, literal, or any run of other characters) starting at `start`.
fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start;
    while at < bytes.len() && !b" \t\r\n\"{}[]:,".contains(&bytes[at]) {
        at += 1;
    }
    at
}

fn decode_token(text: &str, (start, end): Token) -> String {
    decode(text.get(start..end).unwrap_or_default())
}

fn decode_all(text: &str, tokens: &[Token]) -> Vec<String> {
    tokens
        .iter()
        .map(|&token| decode_token(text, token))
        .collect()
}

/// The content of a string token (with its quotes), escapes decoded where JSON can decode them.
fn decode(token: &str) -> String {
    let closed = token.len() >= 2 && token.ends_with('"');
    let json = if closed {
        token.to_string()
    } else {
        format!("{token}\"")
    };
    serde_json::from_str::<String>(&json).unwrap_or_else(|_| {
        let inner = token.strip_prefix('"').unwrap_or(token);
        inner.strip_suffix('"').unwrap_or(inner).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place at the `|` in `marked` (which is removed).
    fn at(marked: &str) -> (String, Place) {
        let cursor = marked.find('|').expect("a cursor mark");
        let text = marked.replacen('|', "", 1);
        let place = place(&text, cursor);
        (text, place)
    }

    fn keys(path: &[Step]) -> Vec<String> {
        path.iter()
            .map(|step| match step {
                Step::Key(key) => key.clone(),
                Step::Index(index) => index.to_string(),
            })
            .collect()
    }

    #[test]
    fn key_positions() {
        let (_, place) = at("{\"A\": 1, |");
        assert_eq!(place.slot, Slot::Key);
        assert!(place.path.is_empty());
        assert_eq!(place.present, ["A"]);

        let (text, place) = at("{\"Outer\": {\"In\": [1, {\"X\": 2, \"Pa|\"}]}, \"After\": 3}");
        assert_eq!(place.slot, Slot::Key);
        assert_eq!(keys(&place.path), ["Outer", "In", "1"]);
        assert_eq!(&text[place.from..place.to], "\"Pa\"");
        assert_eq!(place.present, ["X"]);
    }

    #[test]
    fn keys_after_the_cursor_count_as_present() {
        let (_, place) =
            at("{\n  |\n  \"B\": {\"Nested\": 1},\n  \"C\": [\"x\"]\n}\n, \"Outside\": 1");
        assert_eq!(place.slot, Slot::Key);
        assert_eq!(place.present, ["B", "C"]);
    }

    #[test]
    fn value_positions() {
        let (text, place) = at("{\"State\": \"Con|");
        assert_eq!(place.slot, Slot::Value);
        assert_eq!(keys(&place.path), ["State"]);
        assert_eq!(&text[place.from..place.to], "\"Con");

        let (text, place) = at("{\"Flag\": tr|ue, \"Other\": 1}");
        assert_eq!(place.slot, Slot::Value);
        assert_eq!(&text[place.from..place.to], "true");

        let (_, place) = at("{\"States\": [\"Active\", |");
        assert_eq!(place.slot, Slot::Value);
        assert_eq!(keys(&place.path), ["States", "1"]);
    }

    #[test]
    fn neither_key_nor_value() {
        assert_eq!(at("{\"A\": 1 |").1.slot, Slot::Elsewhere);
        assert_eq!(at("{\"A\" |").1.slot, Slot::Elsewhere);
        assert_eq!(at("|").1.slot, Slot::Elsewhere);
        assert_eq!(at("{\"A\": 1}|").1.slot, Slot::Elsewhere);
    }

    #[test]
    fn tolerates_broken_text() {
        // Stray closers, escapes, multibyte text and a missing comma.
        let (_, place) = at("]}{\"K\\\"ey\": \"é😀\\\"\" \"B|");
        assert_eq!(place.slot, Slot::Key);
        assert_eq!(place.present, ["K\"ey"]);
        // A string left open on an earlier line ends at that line.
        let (_, place) = at("{\"A\": \"open\n  , |");
        assert_eq!(place.slot, Slot::Key);
        // A cursor inside a multibyte character is moved back to its start.
        let text = "{\"é";
        assert_eq!(place_in(text, text.len() - 1).slot, Slot::Key);
        assert_eq!(place_in(text, 999).slot, Slot::Key);
    }

    fn place_in(text: &str, cursor: usize) -> Place {
        place(text, cursor)
    }
}
