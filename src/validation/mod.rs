//! Schema checks: a body against its operation's compiled schema. jsonschema's errors become typed
//! [`Problem`]s (one module per concern: collecting them, choosing a failed union's branch,
//! describing the value found) located as [`Finding`]s.

mod branches;
mod collect;
mod describe;
mod locate;
mod problem;
mod suggest;

use jsonschema::Validator;
use serde_json::Value;

use std::collections::HashSet;

use crate::api::{self, BodyKind, Operation, schemas};
use crate::diagnostic::Finding;
use crate::rules;
use crate::source::{Document, Target, type_name};
use collect::SchemaFinding;

pub use problem::Problem;
pub use suggest::suggest;

/// Schema findings of a parsed body sent to (or returned by) `operation`: at most `most` + 1, so
/// that a report showing `most` can say that more were found.
pub fn check_body(
    doc: &Document<'_>,
    operation: Option<&Operation>,
    kind: BodyKind,
    most: usize,
) -> Vec<Finding> {
    let root = doc.root();
    if !root.is_object() {
        let message = format!(
            "Found {} as the body; expected a JSON object",
            type_name(root)
        );
        return vec![Finding::at(
            rules::NOT_AN_OBJECT,
            "",
            Target::Value,
            message,
        )];
    }
    let Some(operation) = operation else {
        return Vec::new();
    };
    match schemas::validator(operation, kind) {
        None => Vec::new(),
        Some(Err(reason)) => vec![
            Finding::at_start(
                rules::SCHEMA_UNAVAILABLE,
                format!(
                    "The schema of {} could not be compiled, so the body was not checked: {reason}",
                    operation.address
                ),
            )
            .with_docs(operation.docs.as_str()),
        ],
        Some(Ok(validator)) => {
            schema_findings(doc, validator, api::bundle(), &operation.docs, most)
        }
    }
}

/// Schema findings of `doc`; `bundle` is what the validator's schema paths point into,
/// `fallback_docs` the operation's docs page for types without their own docs section; at most
/// `most` + 1 findings. Their targets are resolved by the caller
/// ([`crate::diagnostic::locate_all`]).
pub fn schema_findings(
    doc: &Document<'_>,
    validator: &Validator,
    bundle: &Value,
    fallback_docs: &str,
    most: usize,
) -> Vec<Finding> {
    let instance = doc.root();
    // Most bodies are valid: the fast check builds no error at all.
    if validator.is_valid(instance) {
        return Vec::new();
    }
    let mut found = Vec::new();
    // More errors than a report can show are never needed; stop collecting early.
    for error in validator.iter_errors(instance).take(most + 1) {
        collect::collect(&error, doc, bundle, most, &mut found);
    }
    // Describing a finding reads the value as written (the text gets indexed): describe no more
    // findings than a report shows; the cap then says that more were found.
    tidy(found)
        .iter()
        .take(most + 1)
        .map(|finding| locate::locate(doc, finding, fallback_docs))
        .collect()
}

/// One finding per rule and place, and none about the content of a value of the wrong type
/// (an object where a string enum is expected is a type problem, not also an enum problem).
fn tidy(found: Vec<SchemaFinding>) -> Vec<SchemaFinding> {
    let wrong_type: HashSet<String> = found
        .iter()
        .filter(|f| f.problem.is_type_problem())
        .map(SchemaFinding::pointer)
        .collect();
    let mut seen = HashSet::new();
    found
        .into_iter()
        .filter(|f| f.problem.is_type_problem() || !wrong_type.contains(&f.pointer()))
        .filter(|f| seen.insert((f.problem.rule(), f.pointer())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::source::LineIndex;
    use serde_json::json;

    const DOCS: &str = "https://docs.mews.com/connector-api/operations/test";

    /// A small bundle shaped like the generated one: auth fields, nullable wrappers, variants.
    fn bundle() -> &'static Value {
        static BUNDLE: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
        BUNDLE.get_or_init(|| {
            json!({
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "$id": "urn:test:bundle",
                "$defs": {
                    "Limitation": {"type": "object", "additionalProperties": false, "required": ["Count"],
                        "properties": {"Count": {"type": "integer", "minimum": 1, "maximum": 1000},
                                       "Cursor": {"type": ["string", "null"], "format": "uuid"}}},
                    "Filter": {"type": "object", "additionalProperties": false,
                        "required": ["ClientToken", "AccessToken", "Client", "Limitation"],
                        "properties": {
                            "ClientToken": {"type": "string"}, "AccessToken": {"type": "string"},
                            "Client": {"type": "string", "minLength": 1},
                            "ContactPerson": {"type": ["string", "null"]},
                            "IsActive": {"type": ["boolean", "null"]},
                            "State": {"type": "string", "enum": ["Confirmed", "Started"]},
                            "StartUtc": {"type": "string", "format": "date-time"},
                            "Ids": {"type": ["array", "null"], "items": {"type": "string", "format": "uuid"}, "minItems": 1, "maxItems": 2},
                            "Limitation": {"$ref": "#/$defs/Limitation"},
                            "Nested": {"anyOf": [{"$ref": "#/$defs/Limitation"}, {"type": "null"}]}}},
                    "ByName": {"type": "object", "additionalProperties": false, "required": ["ClientToken", "Name"],
                        "properties": {"ClientToken": {"type": "string"}, "Name": {"type": "string"}}},
                    "Root": {"oneOf": [{"$ref": "#/$defs/Filter"}, {"$ref": "#/$defs/ByName"}]}
                }
            })
        })
    }

    fn check(def: &str, text: &str) -> Vec<Diagnostic> {
        let registry = jsonschema::Registry::new()
            .add("urn:test:bundle", bundle())
            .unwrap()
            .prepare()
            .unwrap();
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .with_registry(&registry)
            .build(&json!({"$ref": format!("urn:test:bundle#/$defs/{def}")}))
            .unwrap();
        let doc = Document::parse(text).unwrap();
        let lines = LineIndex::new(text);
        let most = crate::options::Limits::default().max_diagnostics;
        let mut findings = schema_findings(&doc, &validator, bundle(), DOCS, most);
        crate::diagnostic::locate_all(&doc, &mut findings);
        let mut diagnostics: Vec<Diagnostic> = findings
            .into_iter()
            .map(|finding| {
                let severity = finding.rule.severity();
                finding.locate(text, &lines, severity)
            })
            .collect();
        diagnostics.sort_by_key(|d| (d.line, d.column));
        diagnostics
    }

    fn summary(diagnostics: &[Diagnostic]) -> Vec<(String, String, u32, u32)> {
        diagnostics
            .iter()
            .map(|d| (d.rule.clone(), d.pointer.clone(), d.line, d.column))
            .collect()
    }

    const VALID: &str =
        r#"{"ClientToken": "C1", "AccessToken": "A1", "Client": "X", "Limitation": {"Count": 10}}"#;

    #[test]
    fn a_valid_body_has_no_findings() {
        assert!(check("Filter", VALID).is_empty());
    }

    #[test]
    fn missing_property_points_where_it_would_be_at_the_enclosing_object() {
        let text =
            "{\n  \"ClientToken\": \"C1\",\n  \"AccessToken\": \"A1\",\n  \"Client\": \"X\"\n}";
        let found = check("Filter", text);
        assert_eq!(
            summary(&found),
            [("missing-required".into(), "/Limitation".into(), 1, 1)]
        );
        assert!(found[0].message.contains("\"Limitation\""));
    }

    #[test]
    fn unknown_property_is_located_at_its_key_with_a_suggestion() {
        let text = VALID.replace(
            "\"Client\": \"X\"",
            "\"Client\": \"X\", \"ContacPerson\": \"Jo\"",
        );
        let found = check("Filter", &text);
        let column = u32::try_from(text.find("\"ContacPerson\"").unwrap() + 1).unwrap();
        assert_eq!(
            summary(&found),
            [("unknown-property".into(), "/ContacPerson".into(), 1, column)]
        );
        assert_eq!(found[0].end_column, column + 14);
        assert!(
            found[0].message.contains("did you mean \"ContactPerson\""),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn types_null_enum_format_items_and_count() {
        let text = VALID
            .replace("\"Count\": 10", "\"Count\": 5000")
            .replace("\"Client\": \"X\"", "\"Client\": \"X\", \"IsActive\": \"true\", \"State\": \"Confirmd\", \"StartUtc\": \"2024-01-01 10:00\", \"Ids\": [\"x\"]")
            .replace("\"ClientToken\": \"C1\"", "\"ClientToken\": null");
        let rules: Vec<_> = summary(&check("Filter", &text))
            .into_iter()
            .map(|(rule, pointer, ..)| (rule, pointer))
            .collect();
        let expected = [
            ("null-not-allowed", "/ClientToken"),
            ("type-mismatch", "/IsActive"),
            ("enum-value", "/State"),
            ("datetime-format", "/StartUtc"),
            ("format", "/Ids/0"),
            ("limitation-count-range", "/Limitation/Count"),
        ];
        assert_eq!(rules, expected.map(|(r, p)| (r.to_string(), p.to_string())));
    }

    #[test]
    fn item_limits() {
        let too_many = VALID.replace("\"Client\": \"X\"", "\"Client\": \"X\", \"Ids\": [\"3fa85f64-5717-4562-b3fc-2c963f66afa6\", \"3fa85f64-5717-4562-b3fc-2c963f66afa6\", \"3fa85f64-5717-4562-b3fc-2c963f66afa6\"]");
        let found = check("Filter", &too_many);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].rule.as_str(), found[0].pointer.as_str()),
            ("max-items", "/Ids")
        );
        assert_eq!(found[0].message, "Found 3 items; expected at most 2");
        let empty = VALID.replace("\"Client\": \"X\"", "\"Client\": \"X\", \"Ids\": []");
        assert_eq!(check("Filter", &empty)[0].rule, "min-items");
    }

    #[test]
    fn nullable_wrapper_reports_the_real_error() {
        let text = VALID.replace(
            "\"Client\": \"X\"",
            "\"Client\": \"X\", \"Nested\": {\"Cont\": 1}",
        );
        let rules: Vec<_> = check("Filter", &text)
            .into_iter()
            .map(|d| (d.rule, d.pointer))
            .collect();
        assert_eq!(
            rules,
            [
                ("missing-required".to_string(), "/Nested/Count".to_string()),
                ("unknown-property".to_string(), "/Nested/Cont".to_string())
            ]
        );
        let wrong_type = VALID.replace("\"Client\": \"X\"", "\"Client\": \"X\", \"Nested\": 3");
        let found = check("Filter", &wrong_type);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "type-mismatch");
        assert_eq!(
            found[0].message,
            "Found integer 3; expected an object or null"
        );
    }

    #[test]
    fn one_of_reports_the_variant_the_body_resembles() {
        let text = VALID.replace("\"Count\": 10", "\"Count\": 0");
        let found = check("Root", &text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].pointer, "/Limitation/Count");
        assert!(
            found[0].message.contains("checked as Filter"),
            "{}",
            found[0].message
        );
        let by_name = check("Root", r#"{"ClientToken": "C", "Name": 1}"#);
        assert_eq!(by_name.len(), 1);
        assert_eq!(by_name[0].pointer, "/Name");
        assert!(by_name[0].message.contains("checked as ByName"));
    }

    #[test]
    fn token_values_are_never_printed_in_full() {
        let text = VALID.replace("\"AccessToken\": \"A1\"", "\"AccessToken\": 123456789");
        let found = check("Filter", &text);
        assert_eq!(found[0].rule, "type-mismatch");
        assert_eq!(found[0].message, "Found integer 1234…; expected a string");
        let text = VALID.replace(
            "\"ClientToken\": \"C1\"",
            "\"ClientToken\": [\"SECRET-TOKEN-VALUE\"]",
        );
        let found = check("Filter", &text);
        assert!(
            !found[0].message.contains("SECRET-TOKEN-VALUE"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_value_of_the_wrong_type_gets_one_type_problem() {
        let text = VALID.replace(
            "\"Client\": \"X\"",
            "\"Client\": \"X\", \"State\": {\"Value\": 1}",
        );
        let found = summary(&check("Filter", &text));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str()),
            ("type-mismatch", "/State")
        );
    }

    #[test]
    fn docs_fall_back_to_the_operation_page() {
        let found = check("Filter", "{}");
        assert!(found.iter().all(|d| d.docs == DOCS));
    }
}
