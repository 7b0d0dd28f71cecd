//! The deprecation timeline section of the text and Markdown renderings (JSON has the field).
//! Its texts come from the catalog, but for property pointers, which are built from the input.

use std::fmt::Write;

use super::sanitize::visible;
use crate::diagnostic::{Deprecation, DeprecationKind};
use crate::secret::Scrubber;

/// What one entry is about: the operation, or the property with its type and first pointer.
fn subject(entry: &Deprecation) -> String {
    match entry.kind {
        DeprecationKind::Operation => format!("operation {}", entry.address),
        DeprecationKind::Property => {
            let of_type = entry
                .schema_type
                .as_deref()
                .map(|t| format!(" of {t}"))
                .unwrap_or_default();
            let at = entry
                .pointer
                .as_deref()
                .map(|p| format!(" at {p}"))
                .unwrap_or_default();
            format!(
                "property {}{of_type}{at} in {}",
                entry.property.as_deref().unwrap_or("?"),
                entry.address
            )
        }
    }
}

/// The entry's dates, status, replacement and uses, as one clause.
fn details(entry: &Deprecation) -> String {
    let mut parts = Vec::new();
    if let Some(since) = &entry.deprecated {
        parts.push(format!("deprecated {since}"));
    }
    if let Some(end) = &entry.discontinued {
        parts.push(format!("discontinued on {end}"));
    }
    let mut out = parts.join(", ");
    if !out.is_empty() {
        out.push(' ');
    }
    let _ = write!(out, "({})", entry.status.describe());
    if let Some(replacement) = &entry.replacement {
        let _ = write!(out, "; use {replacement}");
    }
    let uses = match entry.uses {
        1 => "1 use".to_string(),
        n => format!("{n} uses"),
    };
    let _ = write!(out, "; {uses}");
    out
}

/// The text section: a heading line and one indented line per entry; nothing when empty.
pub fn text(entries: &[Deprecation]) -> String {
    if entries.is_empty() {
        return String::new();
    }
    let scrubber = Scrubber::heuristic();
    let mut out = "deprecation timeline:\n".to_string();
    for entry in entries {
        let line = format!("{}: {}", subject(entry), details(entry));
        let _ = writeln!(
            out,
            "  {}\n    docs: {}",
            visible(&scrubber.masked(&line)),
            visible(&entry.docs)
        );
    }
    out
}

/// The Markdown section: a table (`escape` makes input text safe in a cell).
pub fn markdown(out: &mut String, entries: &[Deprecation], escape: impl Fn(&str) -> String) {
    let _ = writeln!(out, "## Deprecation timeline\n");
    if entries.is_empty() {
        let _ = writeln!(
            out,
            "No deprecated operation or property is used, and none is discontinued within 12 months.\n"
        );
        return;
    }
    let _ = writeln!(
        out,
        "| Kind | Operation | Property | Deprecated | Discontinued | Status | Replacement | Uses |"
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- | --- | ---: |");
    let code = |text: Option<&str>| text.map_or("–".to_string(), |t| format!("`{}`", escape(t)));
    for entry in entries {
        let (kind, operation, property) = match entry.kind {
            DeprecationKind::Operation => (
                "operation",
                format!("[`{}`]({})", escape(&entry.address), escape(&entry.docs)),
                "–".to_string(),
            ),
            DeprecationKind::Property => {
                let of_type = entry
                    .schema_type
                    .as_deref()
                    .map(|t| format!(" of `{}`", escape(t)))
                    .unwrap_or_default();
                let at = entry
                    .pointer
                    .as_deref()
                    .map(|p| format!(" at `{}`", escape(p)))
                    .unwrap_or_default();
                (
                    "property",
                    code(Some(&entry.address)),
                    format!(
                        "[`{}`]({}){of_type}{at}",
                        escape(entry.property.as_deref().unwrap_or("?")),
                        escape(&entry.docs)
                    ),
                )
            }
        };
        let _ = writeln!(
            out,
            "| {kind} | {operation} | {property} | {} | {} | {} | {} | {} |",
            entry.deprecated.as_deref().map_or("–".to_string(), &escape),
            entry
                .discontinued
                .as_deref()
                .map_or("–".to_string(), &escape),
            entry.status.describe(),
            code(entry.replacement.as_deref()),
            entry.uses
        );
    }
    out.push('\n');
}
