//! The docs' conditional requirements ([`crate::conditions`], read from the catalog) applied to
//! every object of the body whose schema type they are stated on, nested ones included: the
//! walker tells which `$defs` types each value resolves to, union branches chosen as everywhere.
//!
//! "Given" means present and not `null`: the filters and data these rules name are all nullable
//! in the schema, and the API treats a `null` filter as one not provided ("Required if no other
//! filter is provided"). For the required property of an update type (`siblingUpdateValue`), an
//! update value `{"Value": null}` clears the value instead of giving one, so it is not given
//! either. An empty array is given (the schema's `minItems` reports it).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::walker::Visit;
use super::{Findings, shown};
use crate::api::catalog;
use crate::conditions::{Condition, Requirement};
use crate::diagnostic::Finding;
use crate::rules;
use crate::source::{Target, pointer};

/// The conditions of each schema type, by `$defs` name.
type ConditionIndex<'c> = BTreeMap<&'c str, Vec<&'c Condition>>;

/// How many ids of `EnterpriseIds` show a Portfolio Access Token: a token of one enterprise
/// has only one to filter by.
const PORTFOLIO_ENTERPRISES: usize = 2;

/// The catalog's conditions, indexed once.
fn index() -> &'static ConditionIndex<'static> {
    static INDEX: OnceLock<ConditionIndex<'static>> = OnceLock::new();
    INDEX.get_or_init(|| index_of(catalog::conditions()))
}

/// Indexes `conditions` by the schema type they constrain.
fn index_of(conditions: &[Condition]) -> ConditionIndex<'_> {
    let mut index = ConditionIndex::new();
    for condition in conditions {
        index
            .entry(condition.def.as_str())
            .or_default()
            .push(condition);
    }
    index
}

/// Checks the value of `visit` against the catalog's conditions of its types; `portfolio` is
/// [`portfolio_enterprises`] of the body.
pub(super) fn visit(visit: &Visit<'_>, portfolio: Option<usize>, found: &mut Findings<'_>) {
    visit_with(index(), visit, portfolio, found);
}

/// Applies the conditions of `index` to the object of `visit`.
fn visit_with(
    index: &ConditionIndex<'_>,
    visit: &Visit<'_>,
    portfolio: Option<usize>,
    found: &mut Findings<'_>,
) {
    if !visit.value.is_object() {
        return;
    }
    let mut conditions: Vec<&Condition> = Vec::new();
    for def in visit.resolved.defs() {
        for &condition in index.get(def).into_iter().flatten() {
            if !conditions.iter().any(|seen| std::ptr::eq(*seen, condition)) {
                conditions.push(condition);
            }
        }
    }
    if !conditions.is_empty() {
        check_object(&conditions, visit.value, &visit.pointer(), portfolio, found);
    }
}

/// The number of ids of the body's largest `EnterpriseIds` (at any depth), when it shows a
/// portfolio.
pub(super) fn portfolio_enterprises(root: &Value) -> Option<usize> {
    fn largest(value: &Value) -> usize {
        match value {
            Value::Object(members) => members
                .iter()
                .map(|(key, member)| match member {
                    Value::Array(ids) if key == "EnterpriseIds" => ids.len().max(largest(member)),
                    _ => largest(member),
                })
                .max()
                .unwrap_or(0),
            Value::Array(items) => items.iter().map(largest).max().unwrap_or(0),
            _ => 0,
        }
    }
    Some(largest(root)).filter(|&count| count >= PORTFOLIO_ENTERPRISES)
}

/// Checks one object against the conditions of its types. Groups come first: a group that is
/// reported is not reported again by the other half of a pair ("A required if B is not
/// provided" and the reverse), nor by a filter that must be used with one of its members.
fn check_object(
    conditions: &[&Condition],
    object: &Value,
    at: &str,
    portfolio: Option<usize>,
    found: &mut Findings<'_>,
) {
    let at = at.to_string();
    let mut reported_groups: Vec<Vec<&str>> = Vec::new();
    for condition in conditions {
        let group: Vec<&str> = match &condition.requirement {
            Requirement::AtLeastOneOf { properties } => {
                properties.iter().map(String::as_str).collect()
            }
            Requirement::RequiredIfAbsent { property, absent } => std::iter::once(property)
                .chain(absent)
                .map(String::as_str)
                .collect(),
            _ => continue,
        };
        let mut sorted = group.clone();
        sorted.sort_unstable();
        if group.iter().any(|name| given(object, name)) || reported_groups.contains(&sorted) {
            continue;
        }
        reported_groups.push(sorted);
        let message = format!(
            "None of {} is given (null counts as not given); expected at least one of them.",
            listed(&group, "or")
        );
        report(found, rules::CONDITIONAL_REQUIRED, &at, message, condition);
    }
    for condition in conditions {
        match &condition.requirement {
            Requirement::RequiredIfPresent { property, present } => {
                let Some(trigger) = present.iter().find(|name| given(object, name)) else {
                    continue;
                };
                if !given(object, property) {
                    let message = format!(
                        "`{trigger}` is given, which requires `{property}`; `{property}` is missing or null."
                    );
                    report(found, rules::CONDITIONAL_REQUIRED, &at, message, condition);
                }
            }
            Requirement::RequiredWhen {
                property,
                within,
                sibling,
                sibling_update_value,
                values,
            } => {
                let Some(value) = sibling_value(object, sibling, *sibling_update_value) else {
                    continue;
                };
                if !values.iter().any(|expected| value == expected) {
                    continue;
                }
                // With `within`, a missing holder (`Pricing`) is reported on this object.
                let (holder_at, name, missing) = match within {
                    Some(within) => match object.get(within).filter(|n| !n.is_null()) {
                        Some(holder) => (
                            pointer::push(&at, within),
                            property.clone(),
                            !given(holder, property),
                        ),
                        None => (at.clone(), format!("{within}.{property}"), true),
                    },
                    None => (
                        at.clone(),
                        property.clone(),
                        object.get(property).is_none_or(|node| {
                            node.is_null() || (*sibling_update_value && clears(node))
                        }),
                    ),
                };
                if missing {
                    let shown_sibling = if *sibling_update_value {
                        format!("{sibling}.Value")
                    } else {
                        sibling.clone()
                    };
                    let message = format!(
                        "`{shown_sibling}` is {}, which requires `{name}`; `{name}` is missing or null.",
                        shown(value)
                    );
                    report(
                        found,
                        rules::CONDITIONAL_REQUIRED,
                        &holder_at,
                        message,
                        condition,
                    );
                }
            }
            Requirement::UsedTogetherWith { property, with } => {
                if !given(object, property) {
                    continue;
                }
                let group_reported = reported_groups
                    .iter()
                    .any(|group| with.iter().all(|name| group.contains(&name.as_str())));
                if group_reported || with.iter().any(|name| given(object, name)) {
                    continue;
                }
                let with: Vec<&str> = with.iter().map(String::as_str).collect();
                let message = format!(
                    "`{property}` is given without any other filter; expected it together with at least one of {}.",
                    listed(&with, "or")
                );
                found.findings.push(
                    Finding::at(
                        rules::CONDITIONAL_REQUIRED,
                        pointer::push(&at, property),
                        Target::Key,
                        message,
                    )
                    .with_docs(&condition.docs),
                );
            }
            Requirement::PortfolioOnly { property } => {
                let Some(enterprises) = portfolio else {
                    continue;
                };
                if !given(object, property) {
                    let message = format!(
                        "`EnterpriseIds` lists {enterprises} enterprises, so a Portfolio Access Token is used, which requires `{property}`; `{property}` is missing or null."
                    );
                    report(found, rules::PORTFOLIO_REQUIRED, &at, message, condition);
                }
            }
            Requirement::AtLeastOneOf { .. } | Requirement::RequiredIfAbsent { .. } => {}
        }
    }
}

/// Whether `object` gives `property` (present and not `null`).
fn given(object: &Value, property: &str) -> bool {
    object.get(property).is_some_and(|value| !value.is_null())
}

/// The value of `sibling` the condition compares: its `Value` when it is an update value.
fn sibling_value<'d>(object: &'d Value, sibling: &str, update_value: bool) -> Option<&'d Value> {
    let value = object.get(sibling)?;
    let value = if update_value {
        value.get("Value")?
    } else {
        value
    };
    (!value.is_null()).then_some(value)
}

/// Whether an update value sets its property to nothing (`{"Value": null}`).
fn clears(update: &Value) -> bool {
    update.get("Value").is_some_and(Value::is_null)
}

/// `A`, `B` or `C`.
fn listed(names: &[&str], conjunction: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {conjunction} {last}", rest.join(", ")),
    }
}

/// A finding about the object at `at`, marked at its opening `{` (as for `missing-required`),
/// linking the docs section the condition came from.
fn report(
    found: &mut Findings<'_>,
    rule: crate::diagnostic::Rule,
    at: &str,
    message: String,
    condition: &Condition,
) {
    // Any member of the object: its enclosing start is the object's `{`.
    let span = found
        .doc
        .locate(&pointer::push(at, "-"), Target::EnclosingStart);
    found
        .findings
        .push(Finding::new(rule, at, span, message).with_docs(&condition.docs));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::plan::Plan;
    use crate::conformance::walker;
    use crate::source::Document;
    use serde_json::json;

    /// A portfolio-only `EnterpriseId` on a type whose request also filters by `EnterpriseIds`
    /// (no real operation has both yet; see tests/conditional_required.rs).
    fn findings(body: &str) -> Vec<(String, String)> {
        findings_with(
            Requirement::PortfolioOnly {
                property: "EnterpriseId".to_owned(),
            },
            body,
        )
    }

    /// The findings of one `requirement` on the type `Params` of `body`.
    fn findings_with(requirement: Requirement, body: &str) -> Vec<(String, String)> {
        let bundle = json!({"$defs": {"Params": {"type": "object", "properties": {
            "EnterpriseIds": {"type": ["array", "null"], "items": {"type": "string"}},
            "EnterpriseId": {"type": ["string", "null"]},
            "Ids": {"type": ["array", "null"], "items": {"type": "string"}},
            "UpdatedUtc": {"type": ["object", "null"]}}}}});
        let conditions = vec![Condition {
            def: "Params".to_owned(),
            requirement,
            docs: "https://docs.mews.com/x#params".to_owned(),
        }];
        let doc = Document::parse(body).unwrap();
        let plan = Plan::compile(&bundle, "Params");
        let index = index_of(&conditions);
        let portfolio = portfolio_enterprises(doc.root());
        let mut found = Findings {
            doc: &doc,
            findings: Vec::new(),
            deprecated: Vec::new(),
        };
        walker::walk(&plan, doc.root(), &mut |visit| {
            visit_with(&index, visit, portfolio, &mut found);
        });
        found
            .findings
            .into_iter()
            .map(|f| (f.rule.id().to_owned(), f.message))
            .collect()
    }

    #[test]
    fn a_portfolio_shows_in_the_largest_enterprise_ids_at_any_depth() {
        let nested = json!({"Filters": [{"Other": {"EnterpriseIds": ["a", "b", "c"]}}],
            "EnterpriseIds": ["a", "b"]});
        assert_eq!(portfolio_enterprises(&nested), Some(3));
        assert_eq!(
            portfolio_enterprises(&json!([[{"EnterpriseIds": ["a", "b"]}]])),
            Some(2)
        );
        assert_eq!(
            portfolio_enterprises(&json!({"EnterpriseIds": ["a"]})),
            None
        );
        assert_eq!(portfolio_enterprises(&json!({"Ids": ["a", "b"]})), None);
    }

    /// No real type has a filter to use together with others outside a group of the same
    /// filters (which reports first), so this rule is only reached here.
    #[test]
    fn a_filter_used_without_its_companions_is_reported_once_at_its_key() {
        let together = || Requirement::UsedTogetherWith {
            property: "UpdatedUtc".to_owned(),
            with: vec!["Ids".to_owned(), "EnterpriseIds".to_owned()],
        };
        assert_eq!(
            findings_with(together(), r#"{"UpdatedUtc": {}}"#),
            [(
                "conditional-required".to_owned(),
                "`UpdatedUtc` is given without any other filter; expected it together with at least one of `Ids` or `EnterpriseIds`.".to_owned()
            )]
        );
        for body in [
            r#"{"UpdatedUtc": {}, "Ids": ["a"]}"#,
            r#"{"UpdatedUtc": {}, "EnterpriseIds": ["a"]}"#,
            r#"{"UpdatedUtc": null}"#,
            r#"{"Ids": ["a"]}"#,
            "{}",
        ] {
            assert!(findings_with(together(), body).is_empty(), "{body}");
        }
    }

    #[test]
    fn portfolio_only_properties_are_hinted_only_with_several_enterprises() {
        assert_eq!(
            findings(r#"{"EnterpriseIds": ["a", "b"]}"#),
            [(
                "portfolio-required".to_owned(),
                "`EnterpriseIds` lists 2 enterprises, so a Portfolio Access Token is used, which requires `EnterpriseId`; `EnterpriseId` is missing or null.".to_owned()
            )]
        );
        assert!(findings(r#"{"EnterpriseIds": ["a", "b"], "EnterpriseId": "a"}"#).is_empty());
        assert!(findings(r#"{"EnterpriseIds": ["a"]}"#).is_empty());
        assert!(findings("{}").is_empty());
    }

    #[test]
    fn groups_are_listed_in_prose() {
        assert_eq!(listed(&["A"], "or"), "`A`");
        assert_eq!(listed(&["A", "B", "C"], "or"), "`A`, `B` or `C`");
    }
}
