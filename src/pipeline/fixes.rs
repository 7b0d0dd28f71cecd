//! Safe fixes, worked out after location from each located diagnostic, the submitted text at its
//! range and the operation the address resolved to.
//!
//! A fix is offered only when the text at the diagnostic's range is the JSON the engine checked,
//! verbatim (a body shell-escaped inside a pasted command offers none), so applying it cannot break
//! the text around it. A fix never shows a token: its title names the field, and a token's fix
//! only deletes what was added around the token, so its replacement is empty.

use std::borrow::Cow;

use crate::api::Operation;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules;
use crate::source::{LineIndex, pointer};

/// The largest and smallest page `Limitation.Count` allows.
const COUNT_RANGE: (f64, f64) = (1.0, 1000.0);

/// Rules whose findings can carry a fix.
const FIXABLE: [crate::diagnostic::Rule; 7] = [
    rules::UNKNOWN_PROPERTY,
    rules::ENUM_VALUE,
    rules::DATETIME_FORMAT,
    rules::PATH_CASE_MISMATCH,
    rules::TOKEN_FORMAT,
    rules::LIMITATION_COUNT_RANGE,
    rules::UPDATE_VALUE_SHAPE,
];

/// A fix in byte offsets of the submitted text, before conversion to UTF-16.
struct Edit {
    title: String,
    start: usize,
    end: usize,
    replacement: String,
}

/// Attaches to `diagnostics` (located in `text`) the fixes that are safe to apply.
pub fn offer(text: &str, diagnostics: &mut [Diagnostic], operation: Option<&Operation>) {
    let fixable = |d: &Diagnostic| FIXABLE.iter().any(|rule| rule.id() == d.rule);
    if !diagnostics.iter().any(fixable) {
        return;
    }
    let lines = LineIndex::new(text);
    let mut edits: Vec<(usize, Edit)> = Vec::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        if !fixable(diagnostic) {
            continue;
        }
        let start = lines.offset(text, diagnostic.start());
        let end = lines.offset(text, diagnostic.end());
        let Some(raw) = text.get(start..end) else {
            continue;
        };
        let context = Context {
            text,
            start,
            raw,
            diagnostic,
            operation,
        };
        if let Some(edit) = context.edit() {
            edits.push((index, edit));
        }
    }
    let units = Utf16Offsets::new(text, edits.iter().flat_map(|(_, e)| [e.start, e.end]));
    for (index, edit) in edits {
        diagnostics[index].fixes.push(Fix {
            title: edit.title,
            start: units.of(edit.start),
            end: units.of(edit.end),
            replacement: edit.replacement,
        });
    }
}

/// One diagnostic and the submitted text at its range.
struct Context<'a> {
    text: &'a str,
    /// Byte offset of `raw` in `text`.
    start: usize,
    raw: &'a str,
    diagnostic: &'a Diagnostic,
    operation: Option<&'a Operation>,
}

impl Context<'_> {
    fn edit(&self) -> Option<Edit> {
        let rule = self.diagnostic.rule.as_str();
        let (title, within, replacement) = if rule == rules::UNKNOWN_PROPERTY.id() {
            self.rename_property()?
        } else if rule == rules::ENUM_VALUE.id() {
            self.replace_enum_value()?
        } else if rule == rules::DATETIME_FORMAT.id() {
            self.utc_instant()?
        } else if rule == rules::PATH_CASE_MISMATCH.id() {
            self.exact_case_address()?
        } else if rule == rules::TOKEN_FORMAT.id() {
            self.strip_token()?
        } else if rule == rules::LIMITATION_COUNT_RANGE.id() {
            self.clamp_count()?
        } else if rule == rules::UPDATE_VALUE_SHAPE.id() {
            self.wrap_update_value()?
        } else {
            return None;
        };
        Some(Edit {
            title,
            start: self.start + within.0,
            end: self.start + within.1,
            replacement,
        })
    }

    /// The whole range, replaced.
    fn whole(&self) -> (usize, usize) {
        (0, self.raw.len())
    }

    /// The JSON string the range holds, verbatim.
    fn string(&self) -> Option<String> {
        serde_json::from_str(self.raw).ok()
    }

    /// The property (last pointer segment) the diagnostic is about.
    fn property(&self) -> Option<String> {
        pointer::tokens(&self.diagnostic.pointer)?
            .pop()
            .map(Cow::into_owned)
    }

    fn rename_property(&self) -> Option<(String, (usize, usize), String)> {
        let name = self.string()?;
        let suggestion = suggested(&self.diagnostic.message)?;
        if self.property().as_deref() != Some(name.as_str()) || suggestion == name {
            return None;
        }
        let title = format!("Rename \"{name}\" to \"{suggestion}\"");
        Some((title, self.whole(), json_string(suggestion)))
    }

    fn replace_enum_value(&self) -> Option<(String, (usize, usize), String)> {
        let value = self.string()?;
        let suggestion = suggested(&self.diagnostic.message)?;
        if suggestion == value {
            return None;
        }
        let title = format!("Replace \"{value}\" with \"{suggestion}\"");
        Some((title, self.whole(), json_string(suggestion)))
    }

    /// A date-time written with an offset, as the same instant in UTC.
    fn utc_instant(&self) -> Option<(String, (usize, usize), String)> {
        let value = self.string()?;
        if value.ends_with(['Z', 'z']) {
            return None;
        }
        let utc = value.parse::<jiff::Timestamp>().ok()?.to_string();
        let title = format!("Use the UTC instant \"{utc}\"");
        Some((title, self.whole(), json_string(utc)))
    }

    /// The operation's address where the URL spells it in another case.
    fn exact_case_address(&self) -> Option<(String, (usize, usize), String)> {
        let address = self.operation?.address.as_str();
        // ASCII lowercasing keeps byte offsets.
        let at = self
            .raw
            .to_ascii_lowercase()
            .find(&address.to_ascii_lowercase())?;
        let within = (at, at + address.len());
        if self.raw.get(within.0..within.1)? == address {
            return None;
        }
        let title = format!("Use the exact-case address {address}");
        Some((title, within, address.to_string()))
    }

    /// Deletes what was added before or after a token (a `Bearer ` prefix, quotes, whitespace).
    /// Junk on both sides gets no fix: one replacement would have to hold the token.
    fn strip_token(&self) -> Option<(String, (usize, usize), String)> {
        let inner = self.raw.strip_prefix('"')?.strip_suffix('"')?;
        let units = string_units(inner)?;
        let junk = |unit: &Unit| unit.char.is_whitespace() || matches!(unit.char, '"' | '\'');
        let mut first = units.iter().take_while(|u| junk(u)).count();
        let prefix: String = units[first..].iter().take(7).map(|u| u.char).collect();
        let bearer = prefix.eq_ignore_ascii_case("bearer ");
        let mut added: Vec<char> = units[..first].iter().map(|u| u.char).collect();
        if bearer {
            first += 7;
            let more = units[first..].iter().take_while(|u| junk(u)).count();
            added.extend(units[first..first + more].iter().map(|u| u.char));
            first += more;
        }
        let last = units.len() - units[first..].iter().rev().take_while(|u| junk(u)).count();
        added.extend(units[last..].iter().map(|u| u.char));
        let token = &units[first..last];
        if token.is_empty() || token.iter().any(junk) {
            return None;
        }
        // Offsets in `raw`: after its opening quote.
        let within = match (first > 0, last < units.len()) {
            (true, false) => (1, 1 + units[first].start),
            (false, true) => (1 + units[last].start, 1 + inner.len()),
            _ => return None,
        };
        let mut parts = Vec::new();
        if bearer {
            parts.push("the `Bearer ` prefix");
        }
        if added.iter().any(|c| matches!(c, '"' | '\'')) {
            parts.push("the quotes");
        }
        if added.iter().any(|c| c.is_whitespace()) {
            parts.push("the whitespace");
        }
        let field = self.property().unwrap_or_else(|| "the token".to_string());
        let title = format!("Remove {} from `{field}`", parts.join(" and "));
        Some((title, within, String::new()))
    }

    /// `Limitation.Count` clamped to the range the API allows.
    fn clamp_count(&self) -> Option<(String, (usize, usize), String)> {
        let count = serde_json::from_str::<serde_json::Number>(self.raw)
            .ok()?
            .as_f64()?;
        let (title, value) = if count < COUNT_RANGE.0 {
            (
                "Set `Limitation.Count` to 1, the smallest page",
                COUNT_RANGE.0,
            )
        } else if count > COUNT_RANGE.1 {
            (
                "Set `Limitation.Count` to 1000, the largest page",
                COUNT_RANGE.1,
            )
        } else {
            return None;
        };
        Some((title.to_string(), self.whole(), value.to_string()))
    }

    /// A bare value wrapped as the update value `{"Value": …}`.
    fn wrap_update_value(&self) -> Option<(String, (usize, usize), String)> {
        let value: serde_json::Value = serde_json::from_str(self.raw).ok()?;
        let property = self.property()?;
        if value.is_object() || value.is_null() || !self.member_is_verbatim(&property) {
            return None;
        }
        let title = format!("Wrap `{property}` as an update value {{\"Value\": …}}");
        Some((title, self.whole(), format!("{{\"Value\": {}}}", self.raw)))
    }

    /// Whether the text before the range is the member's key as plain JSON (`"Key": `): the
    /// quotes a wrapper adds would break a body shell-escaped in a pasted command.
    fn member_is_verbatim(&self, property: &str) -> bool {
        let before = self.text[..self.start].trim_end();
        let Some(before) = before.strip_suffix(':') else {
            return false;
        };
        let key = json_string(property.to_string());
        before
            .trim_end()
            .strip_suffix(key.as_str())
            .is_some_and(|head| !head.ends_with('\\'))
    }
}

/// The name a did-you-mean message suggests: `… did you mean "Name"? …`.
fn suggested(message: &str) -> Option<String> {
    let rest = message.split_once("did you mean \"")?.1;
    let (name, _) = rest.split_once('"')?;
    (!name.is_empty()).then(|| name.to_string())
}

fn json_string(value: String) -> String {
    serde_json::Value::String(value).to_string()
}

/// One character of a JSON string's content and the bytes of its source (an escape is several).
struct Unit {
    char: char,
    start: usize,
}

/// The characters of a JSON string's content (between its quotes), with their source offsets;
/// `None` when it is not valid string content.
fn string_units(inner: &str) -> Option<Vec<Unit>> {
    let mut units = Vec::new();
    let mut chars = inner.char_indices();
    while let Some((start, ch)) = chars.next() {
        let char = if ch == '\\' {
            match chars.next()?.1 {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => {
                    let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                    // A surrogate half gets no fix rather than a guess.
                    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                }
                _ => return None,
            }
        } else {
            ch
        };
        units.push(Unit { char, start });
    }
    Some(units)
}

/// UTF-16 offsets of a set of byte offsets of one text, counted in one pass.
struct Utf16Offsets(Vec<(usize, usize)>);

impl Utf16Offsets {
    fn new(text: &str, offsets: impl Iterator<Item = usize>) -> Self {
        let mut offsets: Vec<usize> = offsets.collect();
        offsets.sort_unstable();
        offsets.dedup();
        let (mut byte, mut units) = (0, 0);
        let pairs = offsets
            .into_iter()
            .map(|offset| {
                units += text
                    .get(byte..offset)
                    .map_or(0, |part| part.encode_utf16().count());
                byte = offset;
                (offset, units)
            })
            .collect();
        Utf16Offsets(pairs)
    }

    fn of(&self, byte: usize) -> usize {
        let at = self.0.partition_point(|&(offset, _)| offset < byte);
        self.0.get(at).map_or(0, |&(_, units)| units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggestion_is_read_from_the_did_you_mean() {
        assert_eq!(
            suggested(
                "Found \"started\"; expected one of … (did you mean \"Started\"? values are case-sensitive)"
            ),
            Some("Started".to_string())
        );
        assert_eq!(suggested("Unknown property \"X\"; no suggestion"), None);
    }

    #[test]
    fn escapes_are_one_unit_each() {
        let units = string_units(r#"a\n\u00e9\"b"#).unwrap();
        let chars: String = units.iter().map(|u| u.char).collect();
        assert_eq!(chars, "a\né\"b");
        assert_eq!(
            units.iter().map(|u| u.start).collect::<Vec<_>>(),
            [0, 1, 3, 9, 11]
        );
        assert!(string_units(r"\x").is_none());
        let every: String = string_units(r#"\"\\\/\b\f\n\r\t\u0041"#)
            .unwrap()
            .iter()
            .map(|u| u.char)
            .collect();
        assert_eq!(every, "\"\\/\u{8}\u{c}\n\r\tA");
        assert!(string_units(r"\ud800").is_none());
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs_twice() {
        let text = "é😀a";
        let offsets = Utf16Offsets::new(text, [0, 2, 6, 7].into_iter());
        assert_eq!([0, 2, 6, 7].map(|b| offsets.of(b)), [0, 1, 3, 4]);
    }
}
