//! jsonschema errors → typed [`SchemaFinding`]s: the problem, the instance location, the owning
//! schema type. Combinator errors (`anyOf`/`oneOf`) are replaced by the errors of the branch the
//! value most resembles (see [`super::branches`]).

use jsonschema::ValidationError;
use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use super::branches::{self, Choice};
use super::problem::{Bound, Problem, expected_types};
use super::suggest::suggest;
use crate::source::{Document, pointer};

/// One schema problem at one place, before it is located in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaFinding {
    pub problem: Problem,
    /// Instance location the validator reported (for property problems: the enclosing object).
    pub at: String,
    /// The `$defs` type whose schema holds the failed keyword.
    pub def: Option<String>,
    /// The `oneOf`/`anyOf` variant assumed to reach this problem.
    pub variant: Option<String>,
}

impl SchemaFinding {
    /// The JSON Pointer of the offending value (of the property itself for property problems).
    pub fn pointer(&self) -> String {
        match self.problem.property() {
            Some(property) => pointer::push(&self.at, property),
            None => self.at.clone(),
        }
    }
}

/// Appends the findings of one validation error; `bundle` is the schema bundle the paths point into.
pub fn collect(
    error: &ValidationError<'_>,
    doc: &Document<'_>,
    bundle: &Value,
    most: usize,
    out: &mut Vec<SchemaFinding>,
) {
    let at = error.instance_path().as_str().to_string();
    let def = owning_def(error.schema_path().as_str());
    let push = |out: &mut Vec<SchemaFinding>, problem: Problem| {
        out.push(SchemaFinding {
            problem,
            at: at.clone(),
            def: def.clone(),
            variant: None,
        });
    };
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let allowed = allowed_properties(bundle, error.schema_path().as_str());
            // One error can list 100,000 keys; a report shows at most `most` findings, so the
            // rest need no (costly) suggestion.
            for property in unexpected.iter().take(most + 1) {
                let suggestion = suggest(property, &allowed);
                push(
                    out,
                    Problem::UnknownProperty {
                        property: property.clone(),
                        suggestion,
                    },
                );
            }
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            match branches::choose(error, context, doc, bundle) {
                Choice::TypeOnly { expected } => {
                    push(out, type_problem(error.instance(), expected))
                }
                Choice::Branch { index, variant } => {
                    let start = out.len();
                    for inner in context.get(index).into_iter().flatten() {
                        collect(inner, doc, bundle, most, out);
                    }
                    for finding in out.iter_mut().skip(start) {
                        if finding.variant.is_none() {
                            finding.variant.clone_from(&variant);
                        }
                    }
                }
            }
        }
        kind => push(out, problem(kind, &at, error)),
    }
}

/// The problem of a non-combinator error kind.
fn problem(kind: &ValidationErrorKind, at: &str, error: &ValidationError<'_>) -> Problem {
    let range = |bound: Bound, limit: &Value| Problem::Range {
        bound,
        limit: limit.clone(),
        limitation_count: at.ends_with("/Limitation/Count"),
    };
    match kind {
        ValidationErrorKind::Required { property } => Problem::MissingRequired {
            property: property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_string),
        },
        ValidationErrorKind::Type { kind } => type_problem(error.instance(), expected_types(kind)),
        ValidationErrorKind::Enum { options } => Problem::EnumValue {
            allowed: options
                .as_array()
                .cloned()
                .unwrap_or_else(|| vec![(**options).clone()]),
        },
        ValidationErrorKind::Constant { expected_value } => Problem::EnumValue {
            allowed: vec![(**expected_value).clone()],
        },
        ValidationErrorKind::Format { format } => Problem::Format {
            format: format.clone(),
        },
        ValidationErrorKind::Pattern { pattern } => Problem::Pattern {
            pattern: pattern.clone(),
        },
        ValidationErrorKind::MinItems { limit } => Problem::MinItems { limit: *limit },
        ValidationErrorKind::MaxItems { limit } => Problem::MaxItems { limit: *limit },
        ValidationErrorKind::UniqueItems => Problem::UniqueItems,
        ValidationErrorKind::MinLength { limit } => Problem::MinLength { limit: *limit },
        ValidationErrorKind::MaxLength { limit } => Problem::MaxLength { limit: *limit },
        ValidationErrorKind::Minimum { limit } => range(Bound::Minimum, limit),
        ValidationErrorKind::ExclusiveMinimum { limit } => range(Bound::ExclusiveMinimum, limit),
        ValidationErrorKind::Maximum { limit } => range(Bound::Maximum, limit),
        ValidationErrorKind::ExclusiveMaximum { limit } => range(Bound::ExclusiveMaximum, limit),
        ValidationErrorKind::OneOfMultipleValid { .. } => Problem::SeveralVariants,
        // Rare keywords: name the keyword; the validator's own text would echo the value (tokens).
        _ => Problem::Other {
            message: format!(
                "The value breaks the schema's \"{}\" constraint",
                kind.keyword()
            ),
        },
    }
}

fn type_problem(instance: &Value, expected: Vec<String>) -> Problem {
    if instance.is_null() {
        Problem::NullNotAllowed { expected }
    } else {
        Problem::TypeMismatch { expected }
    }
}

/// The `$defs` name a canonical schema path starts in (`/$defs/<name>/...`).
pub fn owning_def(schema_path: &str) -> Option<String> {
    let tokens = pointer::tokens(schema_path)?;
    match tokens.as_slice() {
        [defs, name, ..] if defs == "$defs" => Some(name.to_string()),
        _ => None,
    }
}

/// The property names an object schema defines, found next to its failed `additionalProperties`.
fn allowed_properties(bundle: &Value, schema_path: &str) -> Vec<String> {
    let object_path = schema_path
        .rsplit_once('/')
        .map_or("", |(parent, _)| parent);
    bundle
        .pointer(&format!("{object_path}/properties"))
        .and_then(Value::as_object)
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owning_def_is_the_first_defs_segment() {
        assert_eq!(
            owning_def("/$defs/A/properties/At/format").as_deref(),
            Some("A")
        );
        assert_eq!(owning_def("/properties/x"), None);
    }

    /// The spec uses `minimum`/`maximum` only; the exclusive bounds are mapped for newer specs.
    #[test]
    fn each_numeric_bound_keyword_is_its_own_range_problem() {
        let bundle = serde_json::json!({"$defs": {"N": {"type": "object", "properties": {
            "Min": {"minimum": 1}, "Max": {"maximum": 9},
            "Above": {"exclusiveMinimum": 1}, "Below": {"exclusiveMaximum": 9}}}}});
        let validator = jsonschema::options()
            .build(&serde_json::json!({"$ref": "#/$defs/N", "$defs": bundle["$defs"]}))
            .unwrap();
        let text = r#"{"Min": 0, "Max": 10, "Above": 1, "Below": 9}"#;
        let doc = Document::parse(text).unwrap();
        let mut found = Vec::new();
        for error in validator.iter_errors(doc.root()) {
            collect(&error, &doc, &bundle, 10, &mut found);
        }
        let mut bounds: Vec<(String, Bound, Option<String>)> = found
            .into_iter()
            .map(|finding| match finding.problem {
                Problem::Range { bound, .. } => (finding.at, bound, finding.def),
                other => panic!("{other:?}"),
            })
            .collect();
        bounds.sort_by(|a, b| a.0.cmp(&b.0));
        let n = Some("N".to_string());
        assert_eq!(
            bounds,
            [
                ("/Above".to_string(), Bound::ExclusiveMinimum, n.clone()),
                ("/Below".to_string(), Bound::ExclusiveMaximum, n.clone()),
                ("/Max".to_string(), Bound::Maximum, n.clone()),
                ("/Min".to_string(), Bound::Minimum, n),
            ]
        );
    }

    fn problems(schema: serde_json::Value, text: &str) -> Vec<Problem> {
        let bundle = serde_json::json!({"$defs": {"N": schema}});
        let validator = jsonschema::options()
            .build(&serde_json::json!({"$ref": "#/$defs/N", "$defs": bundle["$defs"]}))
            .unwrap();
        let doc = Document::parse(text).unwrap();
        let mut found = Vec::new();
        for error in validator.iter_errors(doc.root()) {
            collect(&error, &doc, &bundle, 10, &mut found);
        }
        found.into_iter().map(|finding| finding.problem).collect()
    }

    /// The bundle's `const`s are all in `if`s and its `oneOf` variants exclude each other; the
    /// keywords are mapped for specs that use them elsewhere.
    #[test]
    fn a_const_is_a_one_value_enum_and_two_matching_variants_are_several() {
        assert_eq!(
            problems(
                serde_json::json!({"type": "object", "properties": {"Kind": {"const": "Space"}}}),
                r#"{"Kind": "Person"}"#
            ),
            [Problem::EnumValue {
                allowed: vec![serde_json::json!("Space")]
            }]
        );
        assert_eq!(
            problems(
                serde_json::json!({"oneOf": [{"type": "object"}, {"required": ["Id"]}]}),
                r#"{"Id": 1}"#
            ),
            [Problem::SeveralVariants]
        );
    }
}
