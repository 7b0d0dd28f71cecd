//! The typed problems schema validation finds, apart from where they are: rule and message.

use serde_json::Value;

use jsonschema::error::TypeKind;

use crate::diagnostic::Rule;
use crate::rules;

/// What is wrong with a value, independent of its location (like jsonschema's error kind).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    MissingRequired {
        property: String,
    },
    UnknownProperty {
        property: String,
        suggestion: Option<String>,
    },
    TypeMismatch {
        expected: Vec<String>,
    },
    NullNotAllowed {
        expected: Vec<String>,
    },
    EnumValue {
        allowed: Vec<Value>,
    },
    Format {
        format: String,
    },
    Pattern {
        pattern: String,
    },
    MinItems {
        limit: u64,
    },
    MaxItems {
        limit: u64,
    },
    UniqueItems,
    MinLength {
        limit: u64,
    },
    MaxLength {
        limit: u64,
    },
    /// A minimum or maximum; `Limitation.Count` has its own rule.
    Range {
        bound: Bound,
        limit: Value,
        limitation_count: bool,
    },
    /// The value matches more than one variant of a `oneOf`.
    SeveralVariants,
    /// Any other constraint, with the validator's own wording.
    Other {
        message: String,
    },
}

/// Which side of a numeric range was crossed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Minimum,
    ExclusiveMinimum,
    Maximum,
    ExclusiveMaximum,
}

/// Longest value shown in a message, in characters.
pub(super) const SHOWN_CHARS: usize = 60;

/// `text` cut to its first characters (messages never echo a long value or name whole).
pub(super) fn shorten(text: &str) -> String {
    if text.chars().nth(SHOWN_CHARS).is_none() {
        return text.to_string();
    }
    let kept: String = text.chars().take(SHOWN_CHARS).collect();
    format!("{kept}…")
}

/// What was found at the offending location, already made safe to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// JSON type name (`string`, `integer`, …).
    pub type_name: &'static str,
    /// The value as written (shortened, tokens masked).
    pub shown: String,
    /// Items of an array, characters of a string.
    pub length: usize,
}

impl Problem {
    pub fn rule(&self) -> Rule {
        match self {
            Problem::MissingRequired { .. } => rules::MISSING_REQUIRED,
            Problem::UnknownProperty { .. } => rules::UNKNOWN_PROPERTY,
            Problem::TypeMismatch { .. } => rules::TYPE_MISMATCH,
            Problem::NullNotAllowed { .. } => rules::NULL_NOT_ALLOWED,
            Problem::EnumValue { .. } => rules::ENUM_VALUE,
            Problem::Format { format } if format == "date-time" => rules::DATETIME_FORMAT,
            Problem::Format { .. } => rules::FORMAT,
            Problem::Pattern { .. } => rules::PATTERN,
            Problem::MinItems { .. } => rules::MIN_ITEMS,
            Problem::MaxItems { .. } => rules::MAX_ITEMS,
            Problem::UniqueItems => rules::UNIQUE_ITEMS,
            Problem::MinLength { .. } | Problem::MaxLength { .. } => rules::STRING_LENGTH,
            Problem::Range {
                limitation_count: true,
                ..
            } => rules::LIMITATION_COUNT_RANGE,
            Problem::Range { .. } => rules::NUMBER_RANGE,
            Problem::SeveralVariants => rules::ONE_OF,
            Problem::Other { .. } => rules::SCHEMA_VIOLATION,
        }
    }

    /// Whether the value has the wrong JSON type (which makes checks of its content moot).
    pub fn is_type_problem(&self) -> bool {
        matches!(
            self,
            Problem::TypeMismatch { .. } | Problem::NullNotAllowed { .. }
        )
    }

    /// The property a missing/unknown-property problem is about.
    pub fn property(&self) -> Option<&str> {
        match self {
            Problem::MissingRequired { property } | Problem::UnknownProperty { property, .. } => {
                Some(property)
            }
            _ => None,
        }
    }
}

/// The allowed string closest to a misspelt one.
fn enum_suggestion(found: &Found, allowed: &[Value]) -> Option<String> {
    if found.type_name != "string" {
        return None;
    }
    let candidates: Vec<String> = allowed
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    super::suggest::suggest(found.shown.trim_matches('"'), &candidates)
}

impl Problem {
    /// A message saying what was found and what was expected.
    pub fn message(&self, found: &Found) -> String {
        let shown = &found.shown;
        match self {
            Problem::MissingRequired { property } => {
                let property = shorten(property);
                format!(
                    "Missing required property \"{property}\": this object lacks it; the schema requires it"
                )
            }
            Problem::UnknownProperty {
                property,
                suggestion: Some(suggestion),
            } => format!(
                "Unknown property \"{}\": did you mean \"{suggestion}\"? The schema allows no other properties",
                shorten(property)
            ),
            Problem::UnknownProperty { property, .. } => format!(
                "Unknown property \"{}\": the schema does not define it",
                shorten(property)
            ),
            Problem::TypeMismatch { expected } => format!(
                "Found {} {shown}; expected {}",
                found.type_name,
                alternatives(expected)
            ),
            Problem::NullNotAllowed { expected } => format!(
                "Found null; expected {} (this value cannot be null)",
                alternatives(expected)
            ),
            Problem::EnumValue { allowed } => {
                let hint = match enum_suggestion(found, allowed) {
                    Some(near) if near.eq_ignore_ascii_case(shown.trim_matches('"')) => {
                        format!(" (did you mean \"{near}\"? values are case-sensitive)")
                    }
                    Some(near) => format!(" (did you mean \"{near}\"?)"),
                    None => String::new(),
                };
                format!(
                    "Found {shown}; expected one of {}{hint}",
                    list_values(allowed)
                )
            }
            Problem::Format { format } => {
                format!("Found {shown}; expected {}", describe_format(format))
            }
            Problem::Pattern { pattern } => {
                format!("Found {shown}; expected a string matching {pattern}")
            }
            Problem::MinItems { limit } => {
                format!("Found {} item(s); expected at least {limit}", found.length)
            }
            Problem::MaxItems { limit } => {
                format!("Found {} items; expected at most {limit}", found.length)
            }
            Problem::UniqueItems => {
                format!("Found repeated items in {shown}; expected unique items")
            }
            Problem::MinLength { limit } => format!(
                "Found a string of {} character(s); expected at least {limit}",
                found.length
            ),
            Problem::MaxLength { limit } => format!(
                "Found a string of {} characters; expected at most {limit}",
                found.length
            ),
            Problem::Range { bound, limit, .. } => {
                let expected = match bound {
                    Bound::Minimum => format!("at least {limit}"),
                    Bound::ExclusiveMinimum => format!("more than {limit}"),
                    Bound::Maximum => format!("at most {limit}"),
                    Bound::ExclusiveMaximum => format!("less than {limit}"),
                };
                format!("Found {shown}; expected a number {expected}")
            }
            Problem::SeveralVariants => {
                "Found a value that matches more than one variant; expected exactly one".to_string()
            }
            Problem::Other { message } => message.clone(),
        }
    }
}

fn alternatives(types: &[String]) -> String {
    // "a boolean or null" reads better than "null or a boolean": null is the afterthought.
    let mut types: Vec<&String> = types.iter().collect();
    types.sort_by_key(|t| *t == "null");
    match types.as_slice() {
        [] => "another type".to_string(),
        [only] => article(only),
        [init @ .., last] => format!(
            "{} or {}",
            init.iter()
                .map(|t| article(t))
                .collect::<Vec<_>>()
                .join(", "),
            article(last)
        ),
    }
}

fn article(type_name: &str) -> String {
    match type_name {
        "null" => "null".to_string(),
        "array" | "object" | "integer" => format!("an {type_name}"),
        _ => format!("a {type_name}"),
    }
}

/// Allowed values, shortened when there are many.
fn list_values(values: &[Value]) -> String {
    const SHOWN: usize = 12;
    let mut listed: Vec<String> = values.iter().take(SHOWN).map(Value::to_string).collect();
    if values.len() > SHOWN {
        listed.push(format!("… ({} more)", values.len() - SHOWN));
    }
    listed.join(", ")
}

fn describe_format(format: &str) -> String {
    match format {
        "uuid" => "a UUID (e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)".to_string(),
        "date-time" => "an ISO 8601 date-time in UTC (e.g. 2025-01-31T00:00:00Z)".to_string(),
        "date" => "a date as YYYY-MM-DD (e.g. 2025-01-31)".to_string(),
        "time" => "a time as hh:mm:ss with an offset".to_string(),
        "email" => "an email address".to_string(),
        "uri" => "an absolute URI (e.g. https://example.com/x)".to_string(),
        other => format!("a string in \"{other}\" format"),
    }
}

/// The JSON type names a `type` error expected.
pub fn expected_types(kind: &TypeKind) -> Vec<String> {
    match kind {
        TypeKind::Single(single) => vec![single.to_string()],
        TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(type_name: &'static str, shown: &str, length: usize) -> Found {
        Found {
            type_name,
            shown: shown.to_string(),
            length,
        }
    }

    #[test]
    fn rule_ids_follow_the_contract() {
        let date_time = Problem::Format {
            format: "date-time".into(),
        };
        assert_eq!(date_time.rule(), rules::DATETIME_FORMAT);
        let count = Problem::Range {
            bound: Bound::Maximum,
            limit: 1000.into(),
            limitation_count: true,
        };
        assert_eq!(count.rule(), rules::LIMITATION_COUNT_RANGE);
    }

    #[test]
    fn messages_say_found_and_expected() {
        let problem = Problem::TypeMismatch {
            expected: vec!["boolean".into(), "null".into()],
        };
        assert_eq!(
            problem.message(&found("string", "\"true\"", 4)),
            "Found string \"true\"; expected a boolean or null"
        );
        let merged_branches = Problem::TypeMismatch {
            expected: vec!["null".into(), "boolean".into()],
        };
        assert_eq!(
            merged_branches.message(&found("string", "\"yes\"", 3)),
            "Found string \"yes\"; expected a boolean or null"
        );
        let enum_problem = Problem::EnumValue {
            allowed: vec!["Confirmed".into(), "Started".into()],
        };
        assert_eq!(
            enum_problem.message(&found("string", "\"Confirmd\"", 8)),
            "Found \"Confirmd\"; expected one of \"Confirmed\", \"Started\" (did you mean \"Confirmed\"?)"
        );
        assert_eq!(
            enum_problem.message(&found("string", "\"started\"", 7)),
            "Found \"started\"; expected one of \"Confirmed\", \"Started\" (did you mean \"Started\"? values are case-sensitive)"
        );
        assert_eq!(
            enum_problem.message(&found("string", "\"Cancelled\"", 9)),
            "Found \"Cancelled\"; expected one of \"Confirmed\", \"Started\""
        );
    }

    #[test]
    fn long_property_names_are_shortened_in_messages() {
        let name = format!("Ünknown{}", "x".repeat(1_000_000));
        let unknown = Problem::UnknownProperty {
            property: name.clone(),
            suggestion: None,
        };
        let message = unknown.message(&found("integer", "1", 0));
        let shown = format!("\"{}…\"", name.chars().take(60).collect::<String>());
        assert_eq!(
            message,
            format!("Unknown property {shown}: the schema does not define it")
        );
        let missing = Problem::MissingRequired { property: name };
        assert!(
            missing
                .message(&found("object", "", 0))
                .starts_with(&format!("Missing required property {shown}:"))
        );
        let short = Problem::UnknownProperty {
            property: "x".repeat(60),
            suggestion: None,
        };
        assert!(!short.message(&found("integer", "1", 0)).contains('…'));
    }
}
