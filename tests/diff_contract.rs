//! `diff` on the real contract (`../shared/mews-connector-api/openapi/openapi.yaml`) against
//! copies edited at test time: an operation removed, one deprecated, a property retyped, an enum
//! value added and a property made required. Skipped, saying so, without the reference data;
//! failing instead in CI.

mod schemas_support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mews_connector_validator::diff::{self, Contract, Impact, Place, Scope, scope};
use mews_connector_validator::generate::docs::Docs;
use serde_norway::Value as Yaml;

const NOTES_ADD: &str = "/api/connector/v1/accountNotes/add";
const NOTES_GET_ALL: &str = "/api/connector/v1/accountNotes/getAll";
const CUSTOMERS_GET_ALL: &str = "/api/connector/v1/customers/getAll";

/// The reference docs folder, the contract's text and its conversion (without docs), read once.
fn reference() -> Option<&'static (PathBuf, String, Contract)> {
    static REFERENCE: OnceLock<Option<(PathBuf, String, Contract)>> = OnceLock::new();
    REFERENCE
        .get_or_init(|| {
            let api = schemas_support::reference_api("diff_contract")?;
            let text =
                std::fs::read_to_string(api.join("openapi/openapi.yaml")).expect("the contract");
            let contract = Contract::from_text(&text, None).expect("the contract converts");
            Some((api, text, contract))
        })
        .as_ref()
}

/// The document with `edit` applied, as YAML text.
fn edited(text: &str, edit: impl FnOnce(&mut Yaml)) -> String {
    let mut document: Yaml = serde_norway::from_str(text).expect("the contract is YAML");
    edit(&mut document);
    serde_norway::to_string(&document).expect("YAML out")
}

fn at<'y>(document: &'y mut Yaml, path: &[&str]) -> &'y mut Yaml {
    path.iter().fold(document, |node, key| {
        node.get_mut(*key)
            .unwrap_or_else(|| panic!("the contract has no `{key}` in {path:?}"))
    })
}

fn schema<'y>(document: &'y mut Yaml, name: &str) -> &'y mut Yaml {
    at(document, &["components", "schemas", name])
}

fn push(sequence: &mut Yaml, item: &str) {
    sequence
        .as_sequence_mut()
        .expect("a list")
        .push(Yaml::String(item.to_owned()));
}

/// The five edits of the issue.
fn five_edits(document: &mut Yaml) {
    at(document, &["paths"])
        .as_mapping_mut()
        .expect("paths")
        .remove(NOTES_ADD)
        .expect("accountNotes/add is in the contract");
    let get_all = at(document, &["paths", CUSTOMERS_GET_ALL, "post"])
        .as_mapping_mut()
        .expect("an operation");
    get_all.insert("deprecated".into(), Yaml::Bool(true));
    get_all.insert(
        "x-deprecatedMessage".into(),
        "Use `customers/search`.".into(),
    );
    *at(
        schema(document, "AccountNote"),
        &["properties", "Content", "type"],
    ) = "integer".into();
    push(
        &mut schema(document, "AccountNoteClassificationEnum")["enum"],
        "Spa",
    );
    push(
        &mut schema(document, "CustomerFilterParameters")["required"],
        "CustomerIds",
    );
}

type Row = (String, Impact, Place, String, String);

fn rows(report: &diff::DiffReport) -> Vec<Row> {
    report
        .operations
        .iter()
        .flat_map(|operation| {
            operation.changes.iter().map(|change| {
                let value = serde_json::to_value(change).expect("a change serializes");
                (
                    operation.address.clone(),
                    change.impact,
                    change.place,
                    change.path.clone(),
                    value["kind"].as_str().unwrap_or_default().to_owned(),
                )
            })
        })
        .collect()
}

#[test]
fn each_edit_of_the_real_contract_is_reported_and_nothing_else() {
    let Some((_, text, old)) = reference() else {
        return;
    };
    let unchanged = diff::diff(old, old, None);
    assert!(unchanged.operations.is_empty(), "{:?}", rows(&unchanged));

    let new = Contract::from_text(&edited(text, five_edits), None).expect("the edit converts");
    let report = diff::diff(old, &new, None);
    let found = rows(&report);
    let has = |address: &str, impact: Impact, place: Place, path: &str, kind: &str| {
        found.contains(&(
            address.to_owned(),
            impact,
            place,
            path.to_owned(),
            kind.to_owned(),
        ))
    };
    use Impact::{Breaking, Compatible, Deprecation};
    assert!(
        has(
            NOTES_ADD,
            Breaking,
            Place::Operation,
            "",
            "operationRemoved"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            CUSTOMERS_GET_ALL,
            Deprecation,
            Place::Operation,
            "",
            "operationDeprecated"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            CUSTOMERS_GET_ALL,
            Breaking,
            Place::Request,
            "/CustomerIds",
            "becameRequired"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            NOTES_GET_ALL,
            Breaking,
            Place::Response,
            "/AccountNotes/*/Content",
            "typeChanged"
        ),
        "{found:#?}"
    );
    // The enum is marked extensible: a new value in a response is announced, not breaking.
    assert!(
        has(
            NOTES_GET_ALL,
            Compatible,
            Place::Response,
            "/AccountNotes/*/Classifications/*",
            "enumValuesAdded"
        ),
        "{found:#?}"
    );
    let expected_kinds = [
        "operationRemoved",
        "operationDeprecated",
        "becameRequired",
        "typeChanged",
        "enumValuesAdded",
    ];
    let unexpected: Vec<&Row> = found
        .iter()
        .filter(|row| !expected_kinds.contains(&row.4.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "changes nobody made: {unexpected:#?}"
    );
    assert!(report.breaking());
    println!("{}", diff::render::text(&report));
}

#[test]
fn a_checklist_limits_the_diff_to_its_operations() {
    let Some((_, text, old)) = reference() else {
        return;
    };
    let checklist_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/checklist-public.json");
    let checklist = std::fs::read_to_string(&checklist_path).expect("the example checklist");
    let declared = scope::checklist_operations(&checklist).expect("the checklist reads");
    let scope = Scope {
        from: vec!["checklist".to_owned()],
        addresses: declared.iter().cloned().collect(),
    };
    // None of the five edits touches an operation the checklist declares.
    let elsewhere = Contract::from_text(&edited(text, five_edits), None).expect("converts");
    let report = diff::diff(old, &elsewhere, Some(&scope));
    assert!(report.operations.is_empty(), "{:#?}", rows(&report));
    assert!(!report.breaking());
    assert_eq!(
        report.scope.as_ref().map(|s| s.operations),
        Some(declared.len())
    );

    // A property removed from the request of a declared operation is.
    let reservations = "/api/connector/v1/reservations/getAll/2023-06-06";
    assert!(declared.iter().any(|address| address == reservations));
    let request = old
        .operation(reservations)
        .and_then(|operation| operation.request.clone())
        .expect("a request body");
    let removed = "UpdatedUtc";
    let touched = Contract::from_text(
        &edited(text, |document| {
            at(schema(document, &request), &["properties"])
                .as_mapping_mut()
                .expect("properties")
                .remove(removed)
                .expect("the request has UpdatedUtc");
        }),
        None,
    )
    .expect("converts");
    let report = diff::diff(old, &touched, Some(&scope));
    assert_eq!(
        rows(&report),
        [(
            reservations.to_owned(),
            Impact::Breaking,
            Place::Request,
            format!("/{removed}"),
            "propertyRemoved".to_owned()
        )]
    );
}

#[test]
fn the_docs_give_a_new_deprecation_its_discontinuation_date() {
    let Some((api, text, _)) = reference() else {
        return;
    };
    let docs = Docs::load(api).expect("the docs load");
    let address = "/api/connector/v1/routingRules/getAll";
    // The older copy did not mark the operation deprecated yet.
    let old_text = edited(text, |document| {
        let operation = at(document, &["paths", address, "post"])
            .as_mapping_mut()
            .expect("an operation");
        operation
            .remove("deprecated")
            .expect("deprecated in the contract");
        operation.remove("x-deprecatedMessage");
    });
    let old = Contract::from_text(&old_text, None).expect("converts");
    let new = Contract::from_text(text, Some(&docs)).expect("converts with the docs");
    let report = diff::diff(&old, &new, None);
    let change = report
        .operations
        .iter()
        .find(|operation| operation.address == address)
        .and_then(|operation| operation.changes.first())
        .expect("the operation changed");
    let value = serde_json::to_value(change).expect("serializes");
    assert_eq!(value["kind"], "operationDeprecated");
    assert_eq!(value["discontinued"], "2027-01-10", "{value}");
    // Only that: the docs' other statements count when both sides have docs.
    assert_eq!(report.operations.len(), 1, "{:#?}", rows(&report));
    assert!(!report.breaking());
}
