//! The docs' conditional requirements (`conditional-required`, `portfolio-required`): every
//! condition the generator extracted, on a body that breaks it and on a near miss that keeps it,
//! each made from the docs example of an operation whose request holds the condition's type
//! (nested types at their place in the body); and the cases the issue names, by hand.

use std::collections::{BTreeMap, BTreeSet};

use mews_connector_validator::api::{bundle, catalog, operations};
use mews_connector_validator::conditions::{Condition, Requirement};
use mews_connector_validator::{Diagnostic, Operation, Options, Severity, validate_request};
use serde_json::{Value, json};

const RULE: &str = "conditional-required";
const ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

fn options() -> Options {
    Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    }
}

fn raised(address: &str, body: &Value) -> Vec<Diagnostic> {
    let text = serde_json::to_string_pretty(body).unwrap();
    validate_request(address, &text, &options())
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == RULE || d.rule == "portfolio-required")
        .collect()
}

/// One step of the way from a request body to a nested object.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Item,
}

/// Where in a request of type `root` the objects of `def` are: the first way found, following
/// properties, array items, `$ref`s and union branches (each type entered once).
fn path_to(root: &str, def: &str) -> Option<Vec<Step>> {
    if root == def {
        return Some(Vec::new());
    }
    let mut seen = BTreeSet::from([root.to_string()]);
    search(&bundle()["$defs"][root], def, &mut Vec::new(), &mut seen)
}

fn search(
    schema: &Value,
    def: &str,
    path: &mut Vec<Step>,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<Step>> {
    if let Some(name) = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) {
        if name == def {
            return Some(path.clone());
        }
        if !seen.insert(name.to_string()) {
            return None;
        }
        return search(&bundle()["$defs"][name], def, path, seen);
    }
    for union in ["allOf", "anyOf", "oneOf"] {
        for branch in schema[union].as_array().into_iter().flatten() {
            if let Some(found) = search(branch, def, path, seen) {
                return Some(found);
            }
        }
    }
    for (name, property) in schema["properties"].as_object().into_iter().flatten() {
        path.push(Step::Key(name.clone()));
        let found = search(property, def, path, seen);
        path.pop();
        if found.is_some() {
            return found;
        }
    }
    if schema["items"].is_object() {
        path.push(Step::Item);
        let found = search(&schema["items"], def, path, seen);
        path.pop();
        return found;
    }
    None
}

/// The operation whose docs example best hosts `def` (its request is the type, or holds it),
/// and the path to it.
fn host(def: &str) -> Option<(&'static Operation, Vec<Step>)> {
    let mut candidates: Vec<(&Operation, Vec<Step>)> = operations()
        .iter()
        .filter(|op| op.example.is_some())
        .filter_map(|op| {
            let request = op.request.as_ref()?;
            path_to(&request.def, def).map(|path| (op, path))
        })
        .collect();
    // The current version of an operation, not a deprecated one, when both hold the type.
    candidates.sort_by_key(|(op, path)| (op.deprecated, path.len()));
    candidates.into_iter().next()
}

/// The object at `path` in `body`, made (as `{}` or `[{}]`) where the example has none.
fn object_at<'b>(body: &'b mut Value, path: &[Step]) -> &'b mut Value {
    let mut current = body;
    for step in path {
        current = match step {
            Step::Key(key) => {
                if !current[key.as_str()].is_object() && !current[key.as_str()].is_array() {
                    current[key.as_str()] = json!({});
                }
                &mut current[key.as_str()]
            }
            Step::Item => {
                if current.as_array().is_none_or(Vec::is_empty) {
                    *current = json!([{}]);
                }
                &mut current[0]
            }
        };
    }
    if !current.is_object() {
        *current = json!({});
    }
    current
}

/// A value to give a property: the docs example's own, else an id list, which every filter
/// of these groups takes or the schema reports.
fn value_for(example: &Value, property: &str) -> Value {
    match example.get(property) {
        Some(value) if !value.is_null() => value.clone(),
        _ if property.ends_with("Utc") => {
            json!({"StartUtc": "2026-11-01T00:00:00Z", "EndUtc": "2026-11-02T00:00:00Z"})
        }
        _ => json!([ID]),
    }
}

/// A body breaking `condition` and its near miss, on the object at `path` of the example.
fn cases(condition: &Condition, example: &Value, path: &[Step]) -> (Value, Value) {
    let mut broken = example.clone();
    let original = object_at(&mut example.clone(), path).clone();
    let object = object_at(&mut broken, path);
    let fixed = |object: &mut Value, property: &str| {
        object[property] = value_for(&original, property);
    };
    let map = object.as_object_mut().unwrap();
    let mut near = None;
    match &condition.requirement {
        Requirement::AtLeastOneOf { properties } => {
            for property in properties {
                map.remove(property);
            }
        }
        Requirement::RequiredIfAbsent { property, absent } => {
            for name in std::iter::once(property).chain(absent) {
                map.remove(name);
            }
        }
        Requirement::RequiredIfPresent { property, present } => {
            map.remove(property);
            let trigger = &present[0];
            map.insert(trigger.clone(), value_for(&original, trigger));
        }
        Requirement::RequiredWhen {
            property,
            within,
            sibling,
            sibling_update_value,
            values,
        } => {
            let value = if *sibling_update_value {
                json!({"Value": values[0]})
            } else {
                values[0].clone()
            };
            map.insert(sibling.clone(), value);
            let holder = match within {
                Some(within) => {
                    if !map.get(within).is_some_and(Value::is_object) {
                        map.insert(within.clone(), json!({}));
                    }
                    map[within].as_object_mut().unwrap()
                }
                None => map,
            };
            holder.remove(property);
            let mut fixed_body = broken.clone();
            let object = object_at(&mut fixed_body, path);
            let holder = match within {
                Some(within) => &mut object[within.as_str()],
                None => object,
            };
            holder[property.as_str()] = if *sibling_update_value {
                json!({"Value": "2026-11-23T00:00:00Z"})
            } else {
                json!({})
            };
            near = Some(fixed_body);
        }
        Requirement::UsedTogetherWith { property, with } => {
            for name in with {
                map.remove(name);
            }
            map.insert(property.clone(), value_for(&original, property));
            let mut fixed_body = broken.clone();
            fixed(object_at(&mut fixed_body, path), &with[0]);
            near = Some(fixed_body);
        }
        Requirement::PortfolioOnly { .. } => {
            unreachable!("portfolio conditions have their own test")
        }
    }
    let near = near.unwrap_or_else(|| {
        let mut fixed_body = broken.clone();
        let member = match &condition.requirement {
            Requirement::AtLeastOneOf { properties } => &properties[0],
            Requirement::RequiredIfAbsent { property, .. }
            | Requirement::RequiredIfPresent { property, .. } => property,
            _ => unreachable!(),
        };
        fixed(object_at(&mut fixed_body, path), member);
        fixed_body
    });
    (broken, near)
}

#[test]
fn every_condition_is_raised_on_a_breaking_body_and_not_on_its_near_miss() {
    let mut checked: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unhosted = Vec::new();
    let mut wrong = Vec::new();
    for condition in catalog::conditions() {
        if matches!(condition.requirement, Requirement::PortfolioOnly { .. }) {
            continue;
        }
        let Some((operation, path)) = host(&condition.def) else {
            unhosted.push(condition.def.as_str());
            continue;
        };
        let example = operation.example.clone().unwrap();
        let (broken, near) = cases(condition, &example, &path);
        let on_broken = raised(&operation.address, &broken);
        let label = format!(
            "{} {} on {}",
            condition.def,
            serde_json::to_string(&condition.requirement).unwrap(),
            operation.address
        );
        if !on_broken
            .iter()
            .any(|d| d.rule == RULE && d.severity == Severity::Error && d.docs == condition.docs)
        {
            wrong.push(format!("{label}: not raised on {broken}"));
        }
        let on_near = raised(&operation.address, &near);
        if !on_near.is_empty() {
            wrong.push(format!(
                "{label}: raised on the near miss {near}: {on_near:?}"
            ));
        }
        *checked.entry(condition.requirement.kind()).or_default() += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Types no request holds (`Task` and `Export` are response types).
    assert_eq!(unhosted, ["Export"], "conditions on types no request holds");
    assert_eq!(
        checked,
        BTreeMap::from([
            ("atLeastOneOf", 13),
            ("requiredIfAbsent", 2),
            ("requiredIfPresent", 2),
            ("requiredWhen", 13),
            ("usedTogetherWith", 1),
        ])
    );
}

#[test]
fn companionships_without_any_id_filter_name_every_filter_of_the_group() {
    let address = "/api/connector/v1/companionships/getAll";
    let body = json!({"ClientToken": "A", "AccessToken": "B", "Client": "Acme 1.0",
        "UpdatedUtc": {"StartUtc": "2026-11-01T00:00:00Z", "EndUtc": "2026-11-02T00:00:00Z"},
        "Extent": {"Customers": true}, "Limitation": {"Count": 10}});
    let found = raised(address, &body);
    assert_eq!(found.len(), 1, "{found:?}");
    let finding = &found[0];
    assert_eq!(finding.pointer, "");
    assert_eq!((finding.line, finding.column), (1, 1));
    for filter in [
        "CompanionshipIds",
        "ReservationIds",
        "CustomerIds",
        "ReservationGroupIds",
    ] {
        assert!(finding.message.contains(filter), "{}", finding.message);
    }
    assert_eq!(
        finding.docs,
        "https://docs.mews.com/connector-api/operations/companionships#get-all-companionships"
    );
    // `null` is not a filter; one id filter is enough, and `UpdatedUtc` may join it.
    let mut nulled = body.clone();
    nulled["CustomerIds"] = Value::Null;
    assert_eq!(raised(address, &nulled).len(), 1);
    let mut one = body.clone();
    one["CustomerIds"] = json!([ID]);
    assert!(raised(address, &one).is_empty());
}

#[test]
fn updated_utc_alone_is_reported_once_as_the_missing_group() {
    let address = "/api/connector/v1/companionships/getAll";
    let body = json!({"ClientToken": "A", "AccessToken": "B", "Client": "Acme 1.0",
        "UpdatedUtc": {"StartUtc": "2026-11-01T00:00:00Z", "EndUtc": "2026-11-02T00:00:00Z"},
        "Extent": {"Customers": true}, "Limitation": {"Count": 10}});
    let found = raised(address, &body);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "");
}

#[test]
fn rate_groups_with_neither_filter_are_reported_once_naming_both() {
    let address = "/api/connector/v1/rateGroups/getAll";
    let body = json!({"ClientToken": "A", "AccessToken": "B", "Client": "Acme 1.0",
        "Limitation": {"Count": 10}});
    let found = raised(address, &body);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message.contains("`RateGroupIds`"),
        "{}",
        found[0].message
    );
    assert!(
        found[0].message.contains("`ServiceIds`"),
        "{}",
        found[0].message
    );
    for filter in ["ServiceIds", "RateGroupIds"] {
        let mut given = body.clone();
        given[filter] = json!([ID]);
        assert!(raised(address, &given).is_empty(), "{filter}");
    }
}

#[test]
fn an_account_update_for_a_customer_without_customer_data_is_reported_at_the_account() {
    let address = "/api/connector/v1/accounts/update";
    let body = json!({"ClientToken": "A", "AccessToken": "B", "Client": "Acme 1.0",
        "AccountUpdates": [{"Id": ID, "Discriminator": "Customer",
            "Company": {"Name": {"Value": "Acme"}}}]});
    let found = raised(address, &body);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/AccountUpdates/0");
    assert_eq!(
        found[0].message,
        "`Discriminator` is \"Customer\", which requires `Customer`; `Customer` is missing or null."
    );
    let mut with_customer = body.clone();
    with_customer["AccountUpdates"][0]["Customer"] = json!({"Email": {"Value": "a@b.c"}});
    assert!(raised(address, &with_customer).is_empty());
}

#[test]
fn an_update_value_that_clears_the_required_property_does_not_give_it() {
    let address = "/api/connector/v1/availabilityBlocks/update";
    let body = json!({"ClientToken": "A", "AccessToken": "B", "Client": "Acme 1.0",
        "AvailabilityBlocks": [{"AvailabilityBlockId": ID,
            "ReleaseStrategy": {"Value": "FixedRelease"}, "ReleasedUtc": {"Value": null}}]});
    let found = raised(address, &body);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .message
            .starts_with("`ReleaseStrategy.Value` is \"FixedRelease\"")
    );
    // An update that leaves the strategy unchanged needs no release time.
    let mut unchanged = body.clone();
    unchanged["AvailabilityBlocks"][0]["ReleaseStrategy"] = Value::Null;
    assert!(raised(address, &unchanged).is_empty());
}

#[test]
fn the_docs_examples_raise_no_conditional_requirement() {
    let mut raised_on = Vec::new();
    for operation in operations() {
        let Some(example) = &operation.example else {
            continue;
        };
        let found = raised(&operation.address, example);
        if !found.is_empty() {
            raised_on.push(format!("{}: {found:?}", operation.address));
        }
    }
    assert!(raised_on.is_empty(), "{}", raised_on.join("\n"));
}

/// `portfolio-required` needs a body that shows a portfolio (`EnterpriseIds` with several ids)
/// beside a property only portfolio tokens require. Today no request has both (the one type
/// with both is `sourceAssignments/getAll`, where that property is `EnterpriseIds` itself): this
/// fails when a newer spec adds one, and the rule then needs a runnable example.
#[test]
fn no_request_yet_shows_a_portfolio_beside_a_portfolio_only_property() {
    let portfolio_only: Vec<(&str, &str)> = catalog::conditions()
        .iter()
        .filter_map(|condition| match &condition.requirement {
            Requirement::PortfolioOnly { property } => {
                Some((condition.def.as_str(), property.as_str()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(portfolio_only.len(), 79);
    let mut both = Vec::new();
    for operation in operations() {
        let Some(request) = &operation.request else {
            continue;
        };
        let holds = |def: &str| path_to(&request.def, def).is_some();
        let shows_portfolio = bundle()["$defs"]
            .as_object()
            .unwrap()
            .iter()
            .any(|(def, schema)| schema["properties"].get("EnterpriseIds").is_some() && holds(def));
        if !shows_portfolio {
            continue;
        }
        for (def, property) in &portfolio_only {
            if *property != "EnterpriseIds" && holds(def) {
                both.push(format!("{} ({def}.{property})", operation.address));
            }
        }
    }
    assert!(both.is_empty(), "{both:?}");
}

/// The one reachable portfolio-only property is `EnterpriseIds` itself: a body shows a portfolio
/// by an `EnterpriseIds` list of several ids anywhere, so one nested in the wrong object (here
/// `Limitation`) is still seen, and the filter the type requires is then missing.
#[test]
fn several_enterprise_ids_in_the_wrong_object_still_require_them_where_they_belong() {
    let address = "/api/connector/v1/sourceAssignments/getAll/2024-09-20";
    let mut body = operations()
        .iter()
        .find(|op| op.address == address)
        .and_then(|op| op.example.clone())
        .unwrap();
    let ids = body
        .as_object_mut()
        .unwrap()
        .remove("EnterpriseIds")
        .unwrap();
    // The docs' other source-assignment example lists this second enterprise.
    let second = "4d0201db-36f5-428b-8d11-4f0a65e960cc";
    let mut misplaced = body.clone();
    misplaced["Limitation"]["EnterpriseIds"] = json!([ids[0], second]);
    let found = raised(address, &misplaced);
    assert_eq!(found.len(), 1, "{found:?}");
    let finding = &found[0];
    assert_eq!(
        (
            finding.rule.as_str(),
            finding.pointer.as_str(),
            finding.line,
            finding.column
        ),
        ("portfolio-required", "", 1, 1)
    );
    assert_eq!(
        finding.message,
        "`EnterpriseIds` lists 2 enterprises, so a Portfolio Access Token is used, which requires `EnterpriseIds`; `EnterpriseIds` is missing or null."
    );
    // One id shows no portfolio; several where they belong give the filter.
    misplaced["Limitation"]["EnterpriseIds"] = json!([ids[0]]);
    assert!(raised(address, &misplaced).is_empty());
    let mut placed = body.clone();
    placed["EnterpriseIds"] = json!([ids[0], second]);
    assert!(raised(address, &placed).is_empty());
}
