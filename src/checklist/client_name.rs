//! Recognizes `Client` values copied from the docs or left as placeholders: Mews cannot attribute
//! demo activity to an integration that does not send its own, unique `Client` name.

/// Names that the docs, the public demo integrations or templates use.
const PLACEHOLDERS: &[&str] = &[
    "sample client",
    "are you ready to integrate with mews?",
    "connector api test client",
    "my client",
    "my app",
    "my application",
    "client",
    "test",
    "test client",
    "string",
    "example",
    "placeholder",
    "changeme",
    "your client name",
    "todo",
];

/// True when `name` is empty, a docs/sample/placeholder name (with or without a version), or a
/// template marker such as `<client>` or `{{client}}`.
pub fn is_placeholder(name: &str) -> bool {
    let trimmed = name.trim();
    if trimmed.is_empty() || trimmed.contains(['<', '>', '{', '}']) {
        return true;
    }
    let lower = trimmed.to_lowercase();
    let without_version = strip_version(&lower);
    PLACEHOLDERS.iter().any(|placeholder| {
        without_version == *placeholder
            || strip_version(
                without_version
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .trim_end(),
            ) == *placeholder
    })
}

/// `"sample client 1.0.0"` → `"sample client"`: drops a trailing version token.
fn strip_version(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((head, last))
            if last
                .trim_start_matches('v')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
                && last.chars().any(|c| c.is_ascii_digit()) =>
        {
            head.trim_end()
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_and_demo_names_are_placeholders() {
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
    }

    #[test]
    fn real_names_are_not_placeholders() {
        for name in [
            "Brightkeep Housekeeping 3.2.0",
            "Lindenhof Revenue Sync 1.4.2",
            "Testaccio PMS Bridge 2.0",
            "ClientFlow 1.0",
        ] {
            assert!(!is_placeholder(name), "{name:?} is a real name");
        }
    }
}
