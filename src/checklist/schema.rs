//! The checklist's JSON Schema (`schemas/certification-checklist.schema.json`, embedded); its
//! violations are mapped to diagnostics by the engine's schema mapping, like request bodies.

use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

use super::locate::Location;
use super::rules;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::check;
use crate::source::Document;

const SCHEMA_JSON: &str = include_str!("../../schemas/certification-checklist.schema.json");

/// The schema and its compiled validator (`None` only if the embedded schema were broken, which a
/// test rules out).
fn compiled() -> Option<&'static (Value, Validator)> {
    static COMPILED: OnceLock<Option<(Value, Validator)>> = OnceLock::new();
    COMPILED
        .get_or_init(|| {
            let schema: Value = serde_json::from_str(SCHEMA_JSON).ok()?;
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .should_validate_formats(true)
                .build(&schema)
                .ok()?;
            Some((schema, validator))
        })
        .as_ref()
}

/// The embedded schema text, for tools that publish it.
pub fn schema_text() -> &'static str {
    SCHEMA_JSON
}

/// Schema violations of a parsed checklist, located in its text.
pub fn violations(doc: &Document<'_>) -> Vec<Diagnostic> {
    let Some((schema, validator)) = compiled() else {
        return vec![
            Location::start().diagnostic(
                &rules::CHECKLIST_INVALID_JSON,
                "The embedded checklist schema could not be compiled; please report this defect."
                    .into(),
            ),
        ];
    };
    check::schema_diagnostics(doc, validator, schema, rules::CERTIFYING)
        .into_iter()
        .map(|diagnostic| webhook_list(doc, diagnostic))
        .collect()
}

/// A list where the one webhook URL belongs gets the rule that explains why there is only one.
fn webhook_list(doc: &Document<'_>, diagnostic: Diagnostic) -> Diagnostic {
    let is_list = doc
        .node(&diagnostic.pointer)
        .is_some_and(|node| node.type_name() == "array");
    if diagnostic.rule != "type-mismatch" || diagnostic.pointer != "/webhookUrl" || !is_list {
        return diagnostic;
    }
    Diagnostic {
        rule: rules::MULTIPLE_WEBHOOK_URLS.id.to_string(),
        severity: Severity::Error,
        message: "Found a list of webhook URLs; expected exactly one webhook URL per integration (route by EnterpriseId inside your handler).".into(),
        docs: rules::MULTIPLE_WEBHOOK_URLS.docs.to_string(),
        ..diagnostic
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_schema_compiles() {
        assert!(compiled().is_some());
    }
}
