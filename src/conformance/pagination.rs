//! Pagination: `Limitation.Cursor` is the identifier a previous response returned, never a page
//! number, a timestamp or a placeholder. (Presence of `Limitation` is the schema's `required`;
//! `Count` 1..1000 is the engine's `limitation-count-range`.)

use super::dates::{self, Written};
use super::walker::Visit;
use super::{Findings, quoted};
use crate::rules;

const NIL_UUID: &str = "00000000-0000-0000-0000-000000000000";

pub(super) fn visit(visit: &Visit<'_>, found: &mut Findings<'_>) {
    if visit.key != Some("Cursor") {
        return;
    }
    let in_limitation = visit.parent.is_some_and(|parent| {
        parent.key == Some("Limitation") || parent.resolved.has_def("Limitation")
    });
    if !in_limitation {
        return;
    }
    let Some(cursor) = visit.value.as_str() else {
        return; // null: the first page; other types are the schema's
    };
    if let Some(problem) = problem(cursor, visit.resolved.format() == Some("uuid")) {
        let message = format!(
            "`Cursor` is {}, {problem}; expected the `Cursor` value returned by the previous response (null or absent for the first page).",
            quoted(cursor)
        );
        found.add(rules::CURSOR_FORMAT, &visit.pointer(), message);
    }
}

/// What is wrong with a cursor. When the schema types it as a UUID, the engine's `format` check
/// rejects anything else, so only the placeholder nil UUID is left to this rule.
fn problem(cursor: &str, schema_says_uuid: bool) -> Option<&'static str> {
    if cursor == NIL_UUID {
        return Some("the nil UUID, a placeholder no response returns");
    }
    if schema_says_uuid {
        return None;
    }
    let trimmed = cursor.trim();
    if trimmed.is_empty() {
        Some("empty")
    } else if trimmed.len() != cursor.len() || cursor.chars().any(char::is_whitespace) {
        Some("padded with or containing whitespace")
    } else if cursor.bytes().all(|b| b.is_ascii_digit()) {
        Some("which looks like a page number or offset")
    } else if ["null", "undefined", "none", "nil"].contains(&cursor.to_ascii_lowercase().as_str()) {
        Some("a null written as text")
    } else if dates::classify(cursor) != Written::Other {
        Some("which looks like a date or time")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opaque_cursors_pass_and_guesses_do_not() {
        for good in [
            "e7f26210-10e7-462e-9da8-ae8300be8ab7",
            "AbC123_x",
            "12345-abc",
        ] {
            assert_eq!(problem(good, false), None, "{good}");
        }
        for bad in [
            "",
            " ",
            "abc ",
            "2",
            "null",
            "2024-01-01",
            "2024-01-01T00:00:00Z",
            NIL_UUID,
        ] {
            assert!(problem(bad, false).is_some(), "{bad:?}");
        }
        assert_eq!(problem("2", true), None);
        assert!(problem(NIL_UUID, true).is_some());
    }
}
