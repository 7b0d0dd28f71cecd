//! Operation-level notices: deprecated (warning, with replacement and discontinuation date) and
//! restricted (info).

use crate::api::Operation;
use crate::diagnostic::Finding;
use crate::rules;

pub fn notices(operation: &Operation) -> Vec<Finding> {
    let mut notices = Vec::new();
    if operation.deprecated {
        notices.push(
            Finding::at_start(rules::DEPRECATED_OPERATION, deprecation_message(operation))
                .with_docs(operation.docs.as_str()),
        );
    }
    if operation.restricted {
        let message = format!(
            "{} is restricted: Mews must enable it for your integration before it can be used",
            operation.address
        );
        notices.push(
            Finding::at_start(rules::RESTRICTED_OPERATION, message)
                .with_docs(operation.docs.as_str()),
        );
    }
    notices
}

fn deprecation_message(operation: &Operation) -> String {
    let mut message = format!("{} is deprecated", operation.address);
    if let Some(replacement) = &operation.replacement {
        message.push_str(&format!("; use {replacement} instead"));
    }
    // Neutral wording: the date may be past or future depending on when the check runs.
    match &operation.discontinued {
        Some(date) => message.push_str(&format!("; its discontinuation date is {date}")),
        None => message.push_str("; no discontinuation date is announced"),
    }
    if let Some(note) = operation.deprecation_message.as_deref().map(plain_text) {
        message.push_str(&format!(" (deprecation note: {note})"));
    }
    message
}

/// Markdown links `[text](url)` reduced to their text: the note names operations, the docs link
/// of the diagnostic points at the page.
fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown.trim();
    while let Some((before, link)) = rest.split_once('[') {
        let Some((text, after)) = link.split_once("](") else {
            break;
        };
        let Some((_url, remainder)) = after.split_once(')') else {
            break;
        };
        out.push_str(before);
        out.push_str(text);
        rest = remainder;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_their_text() {
        assert_eq!(
            plain_text(
                "Use [Get all payments](https://x/y#z) and [Get all order items](https://a)."
            ),
            "Use Get all payments and Get all order items."
        );
        assert_eq!(
            plain_text("Use orderItems/getAll."),
            "Use orderItems/getAll."
        );
        assert_eq!(plain_text("broken [link"), "broken [link");
    }
}
