//! The conditional requirements `mews-schema-gen` reads from the docs' parameter tables
//! (`schemas/catalog.json` → `conditions`): each names real properties and values of its schema
//! type, every docs row in a known phrasing became a condition (or is listed as unresolved), and
//! a requirement sentence the generator cannot read cannot appear in a newer docs copy unnoticed.

mod schemas_support;

use std::collections::{BTreeMap, BTreeSet};

use mews_connector_validator::conditions::{Condition, Requirement};
use mews_connector_validator::generate::conditions::{Leftover, Leftovers};
use serde_json::Value;

const DOCS_BASE: &str = "https://docs.mews.com/connector-api/operations/";

fn committed_conditions() -> Vec<Condition> {
    let catalog = schemas_support::read_json(&schemas_support::schemas_dir().join("catalog.json"));
    serde_json::from_value(catalog["conditions"].clone())
        .expect("the catalog's conditions read as the library's Condition type")
}

fn committed_leftovers() -> Leftovers {
    let path = schemas_support::schemas_dir().join("conditions-unrecognised.json");
    serde_json::from_value(schemas_support::read_json(&path)).expect("the leftovers file reads")
}

fn defs() -> BTreeMap<String, Value> {
    let bundle = schemas_support::read_json(&schemas_support::schemas_dir().join("bundle.json"));
    serde_json::from_value(bundle["$defs"].clone()).expect("bundle $defs")
}

fn properties<'d>(
    defs: &'d BTreeMap<String, Value>,
    def: &str,
) -> &'d serde_json::Map<String, Value> {
    defs.get(def)
        .and_then(|schema| schema["properties"].as_object())
        .unwrap_or_else(|| panic!("{def} is not an object type of the bundle"))
}

/// Every `$defs` name a schema refers to, at any depth of its own keywords.
fn refs(schema: &Value, found: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value.as_str()) {
                    ("$ref", Some(target)) => {
                        found.push(target.trim_start_matches("#/$defs/").to_owned())
                    }
                    _ => refs(value, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| refs(item, found)),
        _ => {}
    }
}

/// Every enum value and boolean a schema can hold, following `$ref`s (update values included).
fn reachable_values(defs: &BTreeMap<String, Value>, schema: &Value) -> BTreeSet<String> {
    let mut values = BTreeSet::new();
    let mut pending = vec![schema.clone()];
    let mut seen = BTreeSet::new();
    while let Some(schema) = pending.pop() {
        let text = schema.to_string();
        if text.contains("\"boolean\"") {
            values.extend(["true".to_owned(), "false".to_owned()]);
        }
        for value in text.split("\"enum\":").skip(1) {
            let list: Vec<Value> = serde_json::Deserializer::from_str(value)
                .into_iter::<Vec<Value>>()
                .next()
                .and_then(Result::ok)
                .unwrap_or_default();
            values.extend(list.iter().map(|value| match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            }));
        }
        let mut targets = Vec::new();
        refs(&schema, &mut targets);
        for target in targets {
            if seen.insert(target.clone()) {
                if let Some(def) = defs.get(&target) {
                    pending.push(def.clone());
                }
            }
        }
    }
    values
}

#[test]
fn every_condition_names_properties_and_values_of_its_type() {
    let conditions = committed_conditions();
    assert!(!conditions.is_empty(), "the catalog has no conditions");
    let defs = defs();
    for condition in &conditions {
        let context = format!("{condition:?}");
        assert!(
            condition.docs.starts_with(DOCS_BASE) && condition.docs.contains('#'),
            "{context}: docs URL"
        );
        let own = properties(&defs, &condition.def);
        for name in condition.requirement.properties() {
            assert!(
                own.contains_key(name),
                "{context}: `{name}` is not a property of {}",
                condition.def
            );
        }
        let Requirement::RequiredWhen {
            property,
            within,
            sibling,
            values,
            ..
        } = &condition.requirement
        else {
            continue;
        };
        if let Some(holder) = within {
            let mut held = Vec::new();
            refs(&own[holder.as_str()], &mut held);
            assert!(
                held.iter().any(|def| defs
                    .get(def)
                    .is_some_and(|schema| schema["properties"].get(property).is_some())),
                "{context}: the type {} holds in `{holder}` has no `{property}`",
                condition.def
            );
        }
        let allowed = reachable_values(&defs, &own[sibling.as_str()]);
        for value in values {
            let text = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned);
            assert!(
                allowed.contains(&text),
                "{context}: `{text}` is not a value of `{sibling}` ({allowed:?})"
            );
        }
    }
}

/// `(page, property)` of each docs table row whose lower-cased description `matches`.
fn docs_rows(api: &std::path::Path, matches: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let entries = std::fs::read_dir(api.join("operations")).expect("the operations folder");
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Some(page) = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .map(str::to_owned)
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for line in text
            .lines()
            .filter(|line| line.starts_with("| `") || line.starts_with("| ~~`"))
        {
            let description = line.rsplit('|').nth(1).unwrap_or_default().to_lowercase();
            if matches(&description) {
                let property = line.split('`').nth(1).unwrap_or_default().to_owned();
                rows.push((page.clone(), property));
            }
        }
    }
    rows
}

fn page_of(docs: &str) -> String {
    docs.trim_start_matches(DOCS_BASE)
        .split('#')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The docs rows in `rows` that no condition of `kind` covers and no leftover lists.
fn uncovered(
    rows: &[(String, String)],
    conditions: &[Condition],
    kind: &str,
    leftovers: &Leftovers,
) -> Vec<(String, String)> {
    let mut covered: BTreeSet<(String, String)> = BTreeSet::new();
    for condition in conditions.iter().filter(|c| c.requirement.kind() == kind) {
        for name in condition.requirement.properties() {
            covered.insert((page_of(&condition.docs), name.to_owned()));
        }
    }
    for leftover in leftovers.unresolved.iter().chain(&leftovers.unrecognised) {
        covered.insert((page_of(&leftover.docs), leftover.property.clone()));
    }
    rows.iter()
        .filter(|row| !covered.contains(*row))
        .cloned()
        .collect()
}

#[test]
fn counts_per_kind_and_every_docs_row_in_a_known_phrasing_is_covered() {
    let conditions = committed_conditions();
    let leftovers = committed_leftovers();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for condition in &conditions {
        *counts.entry(condition.requirement.kind()).or_default() += 1;
    }
    println!(
        "conditions per kind: {counts:?}; {} unrecognised phrasings, {} unresolved rules",
        leftovers.unrecognised.len(),
        leftovers.unresolved.len()
    );
    for kind in [
        "atLeastOneOf",
        "portfolioOnly",
        "requiredIfAbsent",
        "requiredWhen",
        "usedTogetherWith",
    ] {
        assert!(
            counts.get(kind).is_some_and(|count| *count > 0),
            "no {kind} condition"
        );
    }
    let Some(api) = schemas_support::reference_api("schemas_conditions") else {
        return;
    };
    let filters = docs_rows(&api, |d| {
        d.contains("required if no other filter is provided")
    });
    let portfolio = docs_rows(&api, |d| {
        d.contains("portfolio")
            && d.contains("ignored otherwise")
            && d.contains("required when using")
    });
    let together = docs_rows(&api, |d| d.contains("must be used together with"));
    let marked: BTreeSet<&(String, String)> = filters.iter().collect();
    let grouped: usize = conditions
        .iter()
        .filter(|c| c.requirement.kind() == "atLeastOneOf")
        .flat_map(|c| {
            let page = page_of(&c.docs);
            c.requirement
                .properties()
                .into_iter()
                .map(move |name| (page.clone(), name.to_owned()))
        })
        .filter(|row| marked.contains(row))
        .count();
    println!(
        "docs rows: {} \"Required if no other filter is provided\" ({grouped} in filter \
         groups), {} portfolio-only, {} used-together",
        filters.len(),
        portfolio.len(),
        together.len()
    );
    for (rows, kind) in [
        (&filters, "atLeastOneOf"),
        (&portfolio, "portfolioOnly"),
        (&together, "usedTogetherWith"),
    ] {
        assert!(!rows.is_empty(), "no docs row for {kind}");
        let missing = uncovered(rows, &conditions, kind, &leftovers);
        assert!(
            missing.is_empty(),
            "docs rows without a {kind} condition or leftover: {missing:?}"
        );
    }
    assert_eq!(
        grouped,
        filters.len(),
        "every marked filter is in a filter group"
    );
}

fn describe(leftovers: &BTreeSet<&Leftover>) -> String {
    leftovers
        .iter()
        .map(|l| {
            format!(
                "\n  {} `{}`: {} ({})",
                l.docs, l.property, l.sentence, l.reason
            )
        })
        .collect()
}

#[test]
fn no_requirement_sentence_of_the_docs_is_newly_left_unread() {
    let Some(api) = schemas_support::reference_api("schemas_conditions") else {
        return;
    };
    let (out, stderr) = schemas_support::generate("schemas_conditions", &api);
    let fresh: Leftovers = serde_json::from_value(schemas_support::read_json(
        &out.join("conditions-unrecognised.json"),
    ))
    .expect("the generator's leftovers file reads");
    let committed = committed_leftovers();
    for (label, fresh, committed) in [
        (
            "unrecognised phrasings",
            &fresh.unrecognised,
            &committed.unrecognised,
        ),
        ("unresolved rules", &fresh.unresolved, &committed.unresolved),
    ] {
        assert!(
            stderr.contains(&format!("{} {label}", fresh.len())),
            "the generator prints the count of {label}: {stderr}"
        );
        let fresh: BTreeSet<&Leftover> = fresh.iter().collect();
        let committed: BTreeSet<&Leftover> = committed.iter().collect();
        let added: BTreeSet<&Leftover> = fresh.difference(&committed).copied().collect();
        let gone: BTreeSet<&Leftover> = committed.difference(&fresh).copied().collect();
        assert!(
            added.is_empty(),
            "the docs have new {label}: teach src/generate/phrases.rs the phrasing, or accept \
             them with `make schemas` (schemas/conditions-unrecognised.json):{}",
            describe(&added)
        );
        assert!(
            gone.is_empty(),
            "{label} no longer in the docs: refresh with `make schemas`:{}",
            describe(&gone)
        );
    }
}
