//! Which branch of a failed `anyOf`/`oneOf` to report: among the branches that do not reject
//! the value's type outright, the one the value was meant for, chosen the one way the product
//! chooses a union's branch ([`crate::api::union::choose`]).
//!
//! A nullable wrapper (`anyOf [X, null]`) reports X's own errors rather than "not valid under any";
//! a `oneOf` of request variants reports the variant whose properties the body uses, named so
//! the partner knows which one was assumed.

use jsonschema::ValidationError;
use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use super::problem::expected_types;
use crate::api::union;
use crate::source::Document;

/// The outcome of comparing the branches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Every branch rejected the value's type outright: report one type problem.
    TypeOnly { expected: Vec<String> },
    /// Report this branch's errors; `variant` names it when other branches were plausible too.
    Branch {
        index: usize,
        variant: Option<String>,
    },
}

pub fn choose(
    error: &ValidationError<'_>,
    context: &[Vec<ValidationError<'static>>],
    doc: &Document<'_>,
    bundle: &Value,
) -> Choice {
    let at = error.instance_path().as_str();
    let candidates: Vec<usize> = (0..context.len())
        .filter(|&i| {
            !context
                .get(i)
                .is_some_and(|branch| rejects_type_only(branch, at))
        })
        .collect();
    match candidates.as_slice() {
        [] => Choice::TypeOnly {
            expected: union_of_types(context),
        },
        [only] => Choice::Branch {
            index: *only,
            variant: None,
        },
        _ => {
            let schema_path = error.schema_path().as_str();
            let branches = bundle
                .pointer(schema_path)
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            let shapes = union::shapes(bundle, branches, 1);
            let best = doc
                .node(at)
                .and_then(|value| union::choose(&shapes, value, |i| candidates.contains(&i)))
                .or_else(|| candidates.first().copied())
                .unwrap_or_default();
            Choice::Branch {
                index: best,
                variant: variant_name(branches, best),
            }
        }
    }
}

/// A branch whose only complaint is the type of the value itself (e.g. the `null` of a wrapper).
fn rejects_type_only(branch: &[ValidationError<'_>], at: &str) -> bool {
    !branch.is_empty()
        && branch.iter().all(|e| {
            matches!(e.kind(), ValidationErrorKind::Type { .. }) && e.instance_path().as_str() == at
        })
}

fn union_of_types(context: &[Vec<ValidationError<'static>>]) -> Vec<String> {
    let mut expected: Vec<String> = Vec::new();
    for error in context.iter().flatten() {
        if let ValidationErrorKind::Type { kind } = error.kind() {
            for name in expected_types(kind) {
                if !expected.contains(&name) {
                    expected.push(name);
                }
            }
        }
    }
    expected
}

/// The name of branch `index` of a combinator: its `$ref` target or `title`.
fn variant_name(branches: &[Value], index: usize) -> Option<String> {
    let branch = branches.get(index)?;
    let by_ref = branch
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.rsplit('/').next())
        .map(|name| name.replace("~1", "/").replace("~0", "~"));
    by_ref.or_else(|| {
        branch
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_string)
    })
}
