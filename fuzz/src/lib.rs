//! What every fuzz target checks beyond "no panic": each diagnostic lies inside the text it is
//! located in, and no output shows a token of the input in full.

use mews_connector_validator::{Diagnostic, Options};

/// Options with a fixed evaluation date, so a crash reproduces whatever the day.
pub fn options() -> Options {
    Options {
        date: Some("2026-12-01".to_string()),
        ..Options::default()
    }
}

/// The UTF-16 length of each line of `text` (split at `\n`; a `\r` before it counts).
pub fn line_lengths(text: &str) -> Vec<u32> {
    text.split('\n')
        .map(|line| line.encode_utf16().count() as u32)
        .collect()
}

/// Panics unless the diagnostic's start and end lie inside the text whose line lengths are given
/// (line ≤ number of lines, column ≤ line length + 1) and the end does not come before the start.
pub fn assert_inside(lines: &[u32], diagnostic: &Diagnostic) {
    let inside = |line: u32, column: u32| {
        line >= 1
            && column >= 1
            && lines
                .get(line as usize - 1)
                .is_some_and(|&length| column <= length + 1)
    };
    assert!(
        inside(diagnostic.line, diagnostic.column),
        "start outside the text ({} lines): {diagnostic:#?}",
        lines.len()
    );
    assert!(
        inside(diagnostic.end_line, diagnostic.end_column),
        "end outside the text ({} lines): {diagnostic:#?}",
        lines.len()
    );
    assert!(
        (diagnostic.end_line, diagnostic.end_column) >= (diagnostic.line, diagnostic.column),
        "end before start: {diagnostic:#?}"
    );
}

/// Token values of the input: the string value (at least 12 characters, no quote, backslash or
/// control character) of every member whose name ends in `Token`, also inside escaped JSON (a HAR
/// `postData.text`). Values that also occur in the input outside a token member are left out:
/// the same text as a `Client` or an address may be shown.
pub fn tokens(text: &str) -> Vec<&str> {
    const MIN_CHARS: usize = 12;
    // Each value with the number of token members holding it.
    let mut found: Vec<(&str, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let skip = |i: &mut usize, set: &[u8]| {
        while bytes.get(*i).is_some_and(|b| set.contains(b)) {
            *i += 1;
        }
    };
    let mut from = 0;
    while let Some(at) = text[from..].find("Token") {
        let mut i = from + at + "Token".len();
        from = i;
        skip(&mut i, b"\\");
        if bytes.get(i) != Some(&b'"') {
            continue;
        }
        i += 1;
        skip(&mut i, b" \t\r\n");
        if bytes.get(i) != Some(&b':') {
            continue;
        }
        i += 1;
        skip(&mut i, b" \t\r\n");
        skip(&mut i, b"\\");
        if bytes.get(i) != Some(&b'"') {
            continue;
        }
        let start = i + 1;
        let Some(length) = text[start..].find(|c: char| c == '"' || c == '\\' || c.is_control())
        else {
            continue;
        };
        let value = &text[start..start + length];
        // Blanks are no secret (a run of spaces is also the renderers' own padding).
        if value.trim().chars().count() < MIN_CHARS {
            continue;
        }
        match found.iter_mut().find(|(v, _)| *v == value) {
            Some((_, count)) => *count += 1,
            None => found.push((value, 1)),
        }
    }
    found
        .into_iter()
        .filter(|(value, count)| text.matches(*value).count() <= *count)
        .filter(|(value, _)| !own_words().contains(value.trim()))
        .map(|(value, _)| value)
        .collect()
}

/// The product's own words, which output shows whatever the input (rule summaries, operation
/// addresses and names): a "token" that is one of them (`EnterpriseId`, an address) is no leak.
fn own_words() -> &'static str {
    static WORDS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let rules = mews_connector_validator::rules::all().map(|rule| rule.info().summary);
        let operations = mews_connector_validator::operations()
            .iter()
            .flat_map(|op| [op.address.as_str(), op.name.as_str()]);
        rules.chain(operations).collect::<Vec<_>>().join("\n")
    })
}

/// Panics when an output shows one of the tokens in full.
pub fn assert_no_token(tokens: &[&str], outputs: &[(&str, &str)]) {
    for token in tokens {
        for (name, output) in outputs {
            assert!(
                !output.contains(token),
                "the {name} output shows the token {token:?}:\n{output}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_token_values_in_json_and_escaped_json() {
        let text = r#"{"AccessToken": "C66EF7B239D24632", "ClientToken":"short", "x": "{\"ClientToken\":\"E0D439EE522F44368\"}"}"#;
        assert_eq!(tokens(text), vec!["C66EF7B239D24632", "E0D439EE522F44368"]);
        let shared = r#"{"AccessToken": "C66EF7B239D24632", "Client": "C66EF7B239D24632"}"#;
        assert!(tokens(shared).is_empty());
    }
}
