//! The checklist's JSON Schema (`schemas/certification-checklist.schema.json`, embedded); its
//! violations are mapped to findings by the schema checks of request bodies.

use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

use crate::diagnostic::Finding;
use crate::rules;
use crate::source::Document;
use crate::validation;

/// Where the certification docs describe the checklist's content.
const CERTIFYING: &str =
    "https://docs.mews.com/connector-api/your-journey/certification#certifying-your-integration";

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

/// Schema violations of a parsed checklist (at most `most` + 1), located in its text.
pub fn violations(doc: &Document<'_>, most: usize) -> Vec<Finding> {
    let Some((schema, validator)) = compiled() else {
        return vec![Finding::at_start(
            rules::CHECKLIST_INVALID_JSON,
            "The embedded checklist schema could not be compiled; please report this defect."
                .into(),
        )];
    };
    validation::schema_findings(doc, validator, schema, CERTIFYING, most)
        .into_iter()
        .map(|finding| webhook_list(doc, finding))
        .collect()
}

/// A list where the one webhook URL belongs gets the rule that explains why there is only one.
fn webhook_list(doc: &Document<'_>, finding: Finding) -> Finding {
    let is_list = doc
        .node(&finding.pointer)
        .is_some_and(serde_json::Value::is_array);
    if finding.rule != rules::TYPE_MISMATCH || finding.pointer != "/webhookUrl" || !is_list {
        return finding;
    }
    Finding {
        rule: rules::CHECKLIST_MULTIPLE_WEBHOOK_URLS,
        message: "Found a list of webhook URLs; expected exactly one webhook URL per integration (route by EnterpriseId inside your handler).".into(),
        ..finding
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
