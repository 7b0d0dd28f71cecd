//! The `Client` name: Mews reviews demo activity by it, so it must be unique to the integration
//! and carry its version.

use super::{Findings, RequestContext, quoted};
use crate::rules;

/// Names that do not identify an integration (compared without version, case or extra spaces):
/// the docs' samples, tool defaults (Swagger UI sends "string") and the demo integrations' names.
const PLACEHOLDER_NAMES: &[&str] = &[
    "sample client",
    "sample",
    "client",
    "my client",
    "myclient",
    "test",
    "test client",
    "testclient",
    "testing",
    "demo",
    "demo client",
    "example",
    "example client",
    "app",
    "my app",
    "application",
    "my application",
    "integration",
    "my integration",
    "string",
    "name",
    "client name",
    "postman",
    "insomnia",
    "swagger",
    "curl",
    "mypos",
    "foo",
    "bar",
    "todo",
    "xxx",
    "mews",
    "are you ready to integrate with mews?",
    "connector api test client",
];

pub(super) fn check(context: &RequestContext<'_>, found: &mut Findings<'_>) {
    let Some(name) = context.doc.root().get("Client").and_then(|v| v.as_str()) else {
        return;
    };
    if name.trim().is_empty() {
        return; // auth's `credential-empty` (or the schema) reports it
    }
    let path = "/Client";
    if is_placeholder(name) {
        let message = if name == "Sample Client 1.0.0" {
            "`Client` is \"Sample Client 1.0.0\", the sample name from the docs; expected the unique name and version of your application, so Mews can find your calls when reviewing them.".to_string()
        } else {
            format!(
                "`Client` is {}, a placeholder name; expected the unique name and version of your application, so Mews can find your calls when reviewing them.",
                quoted(name)
            )
        };
        found.add(rules::CLIENT_NOT_UNIQUE, path, message);
    }
    if !has_version(name) {
        let message = format!(
            "`Client` is {} with no version; expected the application's name and version, e.g. {}.",
            quoted(name),
            quoted(&format!("{} 1.0.0", name.trim()))
        );
        found.add(rules::CLIENT_VERSION_MISSING, path, message);
    }
}

/// Whether a `Client` name does not identify an integration: empty, a docs/sample/tool-default
/// name (with or without a version), or an unsubstituted template variable (`{{client}}`, `<name>`).
/// Checklists and recorded sessions use the same test.
pub fn is_placeholder(name: &str) -> bool {
    let trimmed = name.trim();
    trimmed.is_empty()
        || trimmed.contains(['<', '>', '{', '}'])
        || PLACEHOLDER_NAMES.contains(&name_without_version(trimmed).as_str())
}

/// Splits a name into words at spaces, slashes and parentheses (`Acme/1.2 (build 7)`).
fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| c.is_whitespace() || matches!(c, '/' | '(' | ')' | ','))
        .filter(|w| !w.is_empty())
}

/// A word that reads as a version: `1.0`, `2.3.4-beta`, `v2`, `v1.0`, `2024.1`. One pass over the
/// bytes: it runs on every word of every request's `Client`.
fn is_version(word: &str) -> bool {
    let (number, has_v) = match word.strip_prefix(['v', 'V']) {
        Some(rest) => (rest, true),
        None => (word, false),
    };
    // Dot-separated non-empty digit groups, up to a `-` or `+` suffix.
    let (mut dots, mut group) = (0, 0);
    for byte in number.bytes() {
        match byte {
            b'-' | b'+' => break,
            b'.' if group > 0 => (dots, group) = (dots + 1, 0),
            b'0'..=b'9' => group += 1,
            _ => return false,
        }
    }
    group > 0 && (dots > 0 || has_v)
}

fn has_version(name: &str) -> bool {
    words(name).any(is_version)
}

/// The name lowercased, versions removed, words joined by single spaces.
fn name_without_version(name: &str) -> String {
    let mut stem = String::with_capacity(name.len());
    for word in words(name).filter(|w| !is_version(w)) {
        if !stem.is_empty() {
            stem.push(' ');
        }
        if word.is_ascii() {
            let start = stem.len();
            stem.push_str(word);
            stem[start..].make_ascii_lowercase();
        } else {
            stem.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    // "Connector API Test Client 2" names one of the demo integrations.
    match stem.strip_suffix(|c: char| c.is_ascii_digit()) {
        Some(rest) if rest.ends_with("test client ") => rest.trim_end().to_string(),
        _ => stem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_demo_and_template_names_are_placeholders() {
        for name in [
            "Sample Client 1.0.0",
            "sample client",
            "Connector API Test Client 2",
            "Are you ready to integrate with Mews?",
            "  ",
            "<client name>",
            "{{client}}",
            "Test 1.0",
            "string",
        ] {
            assert!(is_placeholder(name), "{name:?} must be a placeholder");
        }
        for name in [
            "Brightkeep Housekeeping 3.2.0",
            "Lindenhof Revenue Sync 1.4.2",
            "Testaccio PMS Bridge 2.0",
            "ClientFlow 1.0",
        ] {
            assert!(!is_placeholder(name), "{name:?} is a real name");
        }
    }

    #[test]
    fn versions_are_recognised() {
        for name in [
            "Acme 1.0",
            "Acme PMS v2",
            "Acme/2.3.4-beta",
            "Acme (1.0.0+build7)",
            "Acme 2024.1",
        ] {
            assert!(has_version(name), "{name}");
        }
        for name in ["Acme", "Acme 2", "Acme v", "Acme 1.", "Acme PMS Bridge"] {
            assert!(!has_version(name), "{name}");
        }
    }

    #[test]
    fn placeholders_are_compared_without_version_and_case() {
        assert_eq!(name_without_version("Sample Client 1.0.0"), "sample client");
        assert_eq!(name_without_version("  TEST   v2 "), "test");
        assert_eq!(
            name_without_version("Connector API Test Client 3"),
            "connector api test client"
        );
        assert_eq!(
            name_without_version("Acme PMS Bridge 2.1.0"),
            "acme pms bridge"
        );
        // A trailing number is part of a name, but for the demo integrations' numbering.
        assert_eq!(
            name_without_version("Channel Manager 3"),
            "channel manager 3"
        );
        assert!(!is_placeholder("Test 2") && is_placeholder("Test Client 2"));
        assert_eq!(name_without_version("Ünïcode ÀPP v1"), "ünïcode àpp");
    }
}
