//! Operation-level notices: deprecated (warning, with replacement and discontinuation date) and
//! restricted (info).

use super::catalog::Operation;
use super::locate;
use crate::diagnostic::Diagnostic;

pub fn notices(operation: &Operation) -> Vec<Diagnostic> {
    let mut notices = Vec::new();
    if operation.deprecated {
        let mut message = format!("{} is deprecated", operation.address);
        if let Some(replacement) = &operation.replacement {
            message.push_str(&format!("; use {replacement} instead"));
        }
        match &operation.discontinued {
            Some(date) => message.push_str(&format!("; it will be discontinued on {date}")),
            None => message.push_str("; no discontinuation date is announced yet"),
        }
        if let Some(note) = &operation.deprecation_message {
            message.push_str(&format!(" (Mews: {})", note.trim()));
        }
        notices.push(locate::at_start(
            "deprecated-operation",
            message,
            operation.docs.clone(),
        ));
    }
    if operation.restricted {
        notices.push(locate::at_start(
            "restricted-operation",
            format!(
                "{} is restricted: Mews must enable it for your integration before it can be used",
                operation.address
            ),
            operation.docs.clone(),
        ));
    }
    notices
}
