//! The checklist's JSON Schema (`schemas/certification-checklist.schema.json`, embedded) and the
//! mapping of its errors to located diagnostics.
//!
//! The mapping mirrors what the engine does for request bodies; when the engine exposes its own
//! error → diagnostic mapping, this module should call it instead.

use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};

use super::locate::Location;
use super::rules;
use crate::diagnostic::Diagnostic;
use crate::source::{Document, pointer};

const SCHEMA_JSON: &str = include_str!("../../schemas/certification-checklist.schema.json");

/// The compiled checklist schema (`None` only if the embedded schema were broken, which a test rules out).
fn validator() -> Option<&'static Validator> {
    static VALIDATOR: OnceLock<Option<Validator>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            let schema = serde_json::from_str(SCHEMA_JSON).ok()?;
            jsonschema::draft202012::new(&schema).ok()
        })
        .as_ref()
}

/// The embedded schema text, for tools that publish it.
pub fn schema_text() -> &'static str {
    SCHEMA_JSON
}

/// Schema violations of a parsed checklist, located in its text.
pub fn violations(doc: &Document<'_>) -> Vec<Diagnostic> {
    let Some(validator) = validator() else {
        return vec![
            Location::start().diagnostic(
                &rules::CHECKLIST_SCHEMA,
                "The embedded checklist schema could not be compiled; please report this defect."
                    .into(),
            ),
        ];
    };
    let instance = doc.root().to_json();
    validator
        .iter_errors(&instance)
        .map(|error| to_diagnostic(doc, &error))
        .collect()
}

fn to_diagnostic(doc: &Document<'_>, error: &ValidationError<'_>) -> Diagnostic {
    let at = error.instance_path().as_str().to_string();
    let place = if at.is_empty() {
        "The checklist".to_string()
    } else {
        format!("`{at}`")
    };
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let missing = pointer::push(&at, name);
            Location::of_pointer(doc, &missing).diagnostic(
                &rules::CHECKLIST_SCHEMA,
                format!("{place} has no `{name}`: the certification form requires it."),
            )
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let name = unexpected.first().map(String::as_str).unwrap_or_default();
            let key = pointer::push(&at, name);
            let span = doc
                .node(&at)
                .and_then(|node| node.member(name))
                .map(|member| member.key_span)
                .unwrap_or(doc.nearest_node(&at).span);
            let names = unexpected.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>();
            Location::of_span(doc, &key, span).diagnostic(
                &rules::CHECKLIST_SCHEMA,
                format!(
                    "{place} has {} that the checklist does not define; expected only the fields of the checklist schema.",
                    names.join(", ")
                ),
            )
        }
        ValidationErrorKind::Type { .. }
            if at == "/webhookUrl" && error.instance().is_array() =>
        {
            Location::of_pointer(doc, &at).diagnostic(
                &rules::MULTIPLE_WEBHOOK_URLS,
                "Found a list of webhook URLs; an integration has exactly one webhook URL (route by EnterpriseId inside your handler).".into(),
            )
        }
        _ => Location::of_pointer(doc, &at).diagnostic(
            &rules::CHECKLIST_SCHEMA,
            format!("{place}: {}.", shortened(error)),
        ),
    }
}

/// The validator's message (found value, then the violated constraint), with a long found value cut short.
fn shortened(error: &ValidationError<'_>) -> String {
    let text = error.to_string();
    let value = error.instance().to_string();
    match text.strip_prefix(&value) {
        Some(rest) => format!("{}{rest}", short(error.instance())),
        None => text,
    }
}

/// A value shown in a message, cut short so huge values do not flood the output.
fn short(value: &serde_json::Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_schema_compiles() {
        assert!(validator().is_some());
    }
}
