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

use super::walker::Visit;
use super::{Findings, shown};
use crate::api::catalog;
use crate::conditions::{Condition, Requirement};
use crate::rules;
use crate::source::{Node, Span, Value, pointer};

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

pub(super) fn check(visits: &[Visit<'_, '_>], found: &mut Findings<'_>) {
    check_with(index(), visits, found);
}

/// Applies the conditions of `index` to every object of the walk.
fn check_with(index: &ConditionIndex<'_>, visits: &[Visit<'_, '_>], found: &mut Findings<'_>) {
    let portfolio = portfolio_enterprises(visits);
    for visit in visits {
        if !matches!(visit.node.value, Value::Object(_)) {
            continue;
        }
        let mut conditions: Vec<&Condition> = Vec::new();
        for def in &visit.defs {
            for &condition in index.get(def).into_iter().flatten() {
                if !conditions.iter().any(|seen| std::ptr::eq(*seen, condition)) {
                    conditions.push(condition);
                }
            }
        }
        if !conditions.is_empty() {
            check_object(&conditions, visit, visits, portfolio, found);
        }
    }
}

/// The number of ids of the body's largest `EnterpriseIds`, when it shows a portfolio.
fn portfolio_enterprises(visits: &[Visit<'_, '_>]) -> Option<usize> {
    visits
        .iter()
        .filter(|visit| visit.key == Some("EnterpriseIds"))
        .map(|visit| visit.node.items().len())
        .filter(|&count| count >= PORTFOLIO_ENTERPRISES)
        .max()
}

/// Checks one object against the conditions of its types. Groups come first: a group that is
/// reported is not reported again by the other half of a pair ("A required if B is not
/// provided" and the reverse), nor by a filter that must be used with one of its members.
fn check_object(
    conditions: &[&Condition],
    visit: &Visit<'_, '_>,
    visits: &[Visit<'_, '_>],
    portfolio: Option<usize>,
    found: &mut Findings<'_>,
) {
    let object = visit.node;
    let at = visit.pointer(visits);
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
        report(
            found,
            rules::CONDITIONAL_REQUIRED,
            &at,
            opening(object),
            message,
            condition,
        );
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
                    report(
                        found,
                        rules::CONDITIONAL_REQUIRED,
                        &at,
                        opening(object),
                        message,
                        condition,
                    );
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
                if !values.iter().any(|expected| value.to_json() == *expected) {
                    continue;
                }
                // With `within`, a missing holder (`Pricing`) is reported on this object.
                let (holder, holder_at, name, missing) = match within {
                    Some(within) => match object.get(within).filter(|n| !n.is_null()) {
                        Some(holder) => (
                            holder,
                            pointer::push(&at, within),
                            property.clone(),
                            !given(holder, property),
                        ),
                        None => (object, at.clone(), format!("{within}.{property}"), true),
                    },
                    None => (
                        object,
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
                        shown(&value.to_json())
                    );
                    report(
                        found,
                        rules::CONDITIONAL_REQUIRED,
                        &holder_at,
                        opening(holder),
                        message,
                        condition,
                    );
                }
            }
            Requirement::UsedTogetherWith { property, with } => {
                let Some(member) = object.member(property).filter(|m| !m.value.is_null()) else {
                    continue;
                };
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
                report(
                    found,
                    rules::CONDITIONAL_REQUIRED,
                    &pointer::push(&at, property),
                    member.key_span,
                    message,
                    condition,
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
                    report(
                        found,
                        rules::PORTFOLIO_REQUIRED,
                        &at,
                        opening(object),
                        message,
                        condition,
                    );
                }
            }
            Requirement::AtLeastOneOf { .. } | Requirement::RequiredIfAbsent { .. } => {}
        }
    }
}

/// Whether `object` gives `property` (present and not `null`).
fn given(object: &Node, property: &str) -> bool {
    object.get(property).is_some_and(|value| !value.is_null())
}

/// The value of `sibling` the condition compares: its `Value` when it is an update value.
fn sibling_value<'d>(object: &'d Node, sibling: &str, update_value: bool) -> Option<&'d Node> {
    let value = object.get(sibling)?;
    let value = if update_value {
        value.get("Value")?
    } else {
        value
    };
    (!value.is_null()).then_some(value)
}

/// Whether an update value sets its property to nothing (`{"Value": null}`).
fn clears(update: &Node) -> bool {
    update.get("Value").is_some_and(Node::is_null)
}

/// The opening `{` of an object: where a missing property is marked, as for `missing-required`.
fn opening(object: &Node) -> Span {
    let start = object.span.start;
    Span {
        start,
        end: start + 1,
    }
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

fn report(
    found: &mut Findings<'_>,
    rule: crate::diagnostic::Rule,
    at: &str,
    span: Span,
    message: String,
    condition: &Condition,
) {
    found.add_with_docs(rule, at, span, message, &condition.docs);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::walker;
    use crate::source::Document;
    use serde_json::json;

    /// A portfolio-only `EnterpriseId` on a type whose request also filters by `EnterpriseIds`
    /// (no real operation has both yet; see tests/conditional_required.rs).
    fn findings(body: &str) -> Vec<(String, String)> {
        let bundle = json!({"$defs": {"Params": {"type": "object", "properties": {
            "EnterpriseIds": {"type": ["array", "null"], "items": {"type": "string"}},
            "EnterpriseId": {"type": ["string", "null"]}}}}});
        let conditions = vec![Condition {
            def: "Params".to_owned(),
            requirement: Requirement::PortfolioOnly {
                property: "EnterpriseId".to_owned(),
            },
            docs: "https://docs.mews.com/x#params".to_owned(),
        }];
        let doc = Document::parse(body).unwrap();
        let visits = walker::walk(&bundle, Some("Params"), doc.root());
        let mut found = Findings {
            doc: &doc,
            findings: Vec::new(),
        };
        check_with(&index_of(&conditions), &visits, &mut found);
        found
            .findings
            .into_iter()
            .map(|f| (f.rule.id().to_owned(), f.message))
            .collect()
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
