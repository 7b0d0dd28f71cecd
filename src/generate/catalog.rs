//! Builds `catalog.json`: one entry per operation plus the docs links of types, the
//! deprecated properties and the conditional requirements (the contract is
//! `src/engine/catalog.rs` and `src/conditions.rs`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::conditions::Condition;
use crate::generate::bundle::Bundle;
use crate::generate::convert::DEFS_PREFIX;
use crate::generate::deprecations::{self, Row};
use crate::generate::docs::{self, Docs, OperationDocs};
use crate::generate::openapi::{Spec, SpecOperation};

/// What the deprecations README says about one operation.
struct OperationDeprecation {
    discontinued: Option<String>,
    replacement: Option<String>,
}

pub fn build(
    spec: &Spec,
    bundle: &Bundle,
    docs: Option<&Docs>,
    conditions: &[Condition],
) -> Result<Value, String> {
    let deprecated_operations = docs.map(operation_deprecations).unwrap_or_default();
    let operations: Vec<Value> = spec
        .operations
        .iter()
        .enumerate()
        .map(|(index, operation)| {
            let request = bundle.requests.get(index).cloned().flatten();
            let response = bundle.responses.get(index).cloned().flatten();
            let docs_section = docs
                .and_then(|docs| docs.operations.get(&operation.address).cloned())
                .unwrap_or_else(|| {
                    docs::derived_operation_docs(&operation.tag, &operation.summary)
                });
            operation_entry(
                operation,
                request.as_deref(),
                response.as_deref(),
                &docs_section,
                deprecated_operations.get(&operation.address),
                bundle,
            )
        })
        .collect();
    let types = docs
        .map(|docs| docs.type_urls(&bundle.defs))
        .unwrap_or_default();
    let deprecated_properties = docs
        .map(|docs| deprecated_properties(docs, spec, bundle))
        .unwrap_or_default();
    let conditions = serde_json::to_value(conditions)
        .map_err(|error| format!("cannot serialize the conditions: {error}"))?;
    Ok(json!({
        "source": {"title": spec.title, "version": spec.version, "sha256": spec.sha256},
        "operations": operations,
        "types": types,
        "deprecatedProperties": deprecated_properties,
        "conditions": conditions,
    }))
}

fn operation_entry(
    operation: &SpecOperation,
    request: Option<&str>,
    response: Option<&str>,
    docs_section: &OperationDocs,
    deprecation: Option<&OperationDeprecation>,
    bundle: &Bundle,
) -> Value {
    let (resource, action, version) = address_parts(&operation.address);
    let body = |def: Option<&str>, folder: &str| {
        def.map(|def| {
            json!({"def": def, "schema": format!("{folder}/{}.schema.json", operation.operation_id)})
        })
    };
    json!({
        "address": operation.address,
        "operationId": operation.operation_id,
        "name": operation.summary,
        "resource": resource,
        "action": action,
        "version": version,
        "tag": operation.tag,
        "deprecated": operation.deprecated || deprecation.is_some(),
        "deprecationMessage": operation.deprecation_message,
        "discontinued": deprecation.and_then(|d| d.discontinued.clone()),
        "replacement": deprecation.and_then(|d| d.replacement.clone()),
        "restricted": operation.restricted || docs_section.restricted,
        "paginated": request.is_some_and(|def| is_paginated(&bundle.defs, def)),
        "docs": docs_section.url(),
        "request": body(request, "requests"),
        "response": body(response, "responses"),
        "example": operation.request.as_ref().and_then(|body| body.example.clone()),
        "responseExample": operation.response.as_ref().and_then(|body| body.example.clone()),
    })
}

/// `/api/connector/v1/reservations/getAll/2023-06-06` → (`reservations`, `getAll`, `2023-06-06`).
pub fn address_parts(address: &str) -> (String, String, String) {
    let segments: Vec<&str> = address.split('/').filter(|s| !s.is_empty()).collect();
    // Resource and action follow the API version segment (`v1`); without one, the last two.
    let start = segments
        .iter()
        .position(|segment| is_api_version(segment))
        .map_or(segments.len().saturating_sub(2), |index| index + 1);
    let resource = segments.get(start).copied().unwrap_or_default();
    let action = segments.get(start + 1).copied().unwrap_or_default();
    let version = segments
        .get(start + 2)
        .copied()
        .filter(|segment| is_date(segment))
        .unwrap_or("v1");
    (resource.to_owned(), action.to_owned(), version.to_owned())
}

fn is_api_version(segment: &str) -> bool {
    segment
        .strip_prefix('v')
        .is_some_and(|digits| !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
}

fn is_date(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

/// A request is paginated when it takes a `Limitation` (any shape of a `oneOf` request).
fn is_paginated(defs: &BTreeMap<String, Value>, def: &str) -> bool {
    let Some(schema) = defs.get(def) else {
        return false;
    };
    if schema.pointer("/properties/Limitation").is_some() {
        return true;
    }
    schema
        .get("oneOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .any(|branch| match ref_name(branch) {
            Some(name) => is_paginated(defs, name),
            None => branch.pointer("/properties/Limitation").is_some(),
        })
}

fn ref_name(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix(DEFS_PREFIX)
}

/// By address: the rows of the "Deprecated operations" table whose feature links to a known
/// operation. (Rows without a link name operations that no longer exist.)
fn operation_deprecations(docs: &Docs) -> BTreeMap<String, OperationDeprecation> {
    let Some(readme) = docs.deprecations.as_deref() else {
        return BTreeMap::new();
    };
    let mut found = BTreeMap::new();
    for row in deprecations::table(readme, "Deprecated operations") {
        let Some(address) = deprecations::links(&row.feature)
            .first()
            .and_then(|link| docs.operation_at(link.page(), &link.anchor))
        else {
            continue;
        };
        let replacement = deprecations::links(&row.comments)
            .iter()
            .find_map(|link| docs.operation_at(link.page(), &link.anchor))
            .map(str::to_owned);
        found
            .entry(address.to_owned())
            .or_insert(OperationDeprecation {
                discontinued: row.discontinued.clone(),
                replacement,
            });
    }
    found
}

/// The "Deprecated properties" rows resolved to (def, property) pairs.
fn deprecated_properties(docs: &Docs, spec: &Spec, bundle: &Bundle) -> Vec<Value> {
    let Some(readme) = docs.deprecations.as_deref() else {
        return Vec::new();
    };
    let mut found: BTreeMap<(String, String), Value> = BTreeMap::new();
    for row in deprecations::table(readme, "Deprecated properties") {
        for (def, property) in resolve_property_row(&row, docs, spec, bundle) {
            found
                .entry((def.clone(), property.clone()))
                .or_insert_with(|| {
                    json!({
                        "def": def,
                        "property": property,
                        "replacement": deprecations::replacement_property(&row.comments),
                        "deprecated": row.deprecated,
                        "discontinued": row.discontinued,
                    })
                });
        }
    }
    found.into_values().collect()
}

/// `` `A`, `B` in [Section](../operations/page.md#anchor) and [...] `` → the (def, property)
/// pairs where a linked section's def has the property. `Extent `X`` rows name a property of
/// the def's `Extent` object.
fn resolve_property_row(
    row: &Row,
    docs: &Docs,
    spec: &Spec,
    bundle: &Bundle,
) -> BTreeSet<(String, String)> {
    let defs = &bundle.defs;
    let names_part = row.feature.split('[').next().unwrap_or_default();
    let properties = deprecations::code_spans(names_part);
    let of_extent = names_part.trim_start().starts_with("Extent");
    // Defs the links name; and defs one level below an operation's bodies, which count only
    // where the spec itself marks the property deprecated (a filter's `StartUtc` is not the
    // result's `StartUtc`).
    let mut candidates: BTreeSet<String> = BTreeSet::new();
    let mut nested: BTreeSet<String> = BTreeSet::new();
    for link in deprecations::links(&row.feature) {
        let page = link.page();
        candidates.extend(
            docs.defs_at(defs, page, &link.anchor)
                .into_iter()
                .map(str::to_owned),
        );
        if let Some(address) = docs.operation_at(page, &link.anchor) {
            let index = spec.operations.iter().position(|op| op.address == address);
            let bodies = index.into_iter().flat_map(|index| {
                [bundle.requests.get(index), bundle.responses.get(index)]
                    .into_iter()
                    .flatten()
                    .flatten()
            });
            for body in bodies {
                candidates.insert(body.clone());
                nested.extend(property_targets(defs, body));
            }
        }
    }
    let nested = nested.into_iter().map(|def| (def, true));
    let mut pairs = BTreeSet::new();
    for (candidate, needs_mark) in candidates.into_iter().map(|def| (def, false)).chain(nested) {
        let owner = if of_extent {
            match defs
                .get(&candidate)
                .and_then(|def| def.pointer("/properties/Extent"))
                .and_then(first_ref)
            {
                Some(extent) => extent.to_owned(),
                None => continue,
            }
        } else {
            candidate
        };
        for property in &properties {
            let Some(schema) = defs
                .get(&owner)
                .and_then(|def| def.pointer(&format!("/properties/{property}")))
            else {
                continue;
            };
            if !needs_mark || schema.get("deprecated") == Some(&Value::Bool(true)) {
                pairs.insert((owner.clone(), (*property).to_owned()));
            }
        }
    }
    pairs
}

/// The defs a def's properties refer to (directly or as array items).
fn property_targets(defs: &BTreeMap<String, Value>, def: &str) -> Vec<String> {
    defs.get(def)
        .and_then(|schema| schema.get("properties"))
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|properties| properties.values())
        .filter_map(|property| {
            first_ref(property).or_else(|| property.get("items").and_then(first_ref))
        })
        .map(str::to_owned)
        .collect()
}

/// The `$defs` name a property schema refers to, looking through a null wrapper.
fn first_ref(schema: &Value) -> Option<&str> {
    ref_name(schema).or_else(|| schema.get("anyOf")?.as_array()?.iter().find_map(ref_name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::openapi::parse;

    const SPEC: &str = r##"
openapi: 3.0.4
info: {title: Connector API, version: v1}
paths:
  /api/connector/v1/payments/addCreditCard:
    post:
      tags: [Payments]
      summary: Add credit card payment
      operationId: payments_addCreditCard
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/CardPayment'}
            example: {ClientToken: C, Amount: 1}
  /api/connector/v1/payments/getAll:
    post:
      tags: [Payments]
      summary: Get all payments
      operationId: payments_getAll
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/PaymentFilter'}
components:
  schemas:
    CardPayment:
      type: object
      properties: {ClientToken: {type: string}, Amount: {type: number}}
    PaymentFilter:
      type: object
      properties:
        Limitation: {type: object}
        Extent: {allOf: [{$ref: '#/components/schemas/PaymentExtent'}], nullable: true}
    PaymentExtent:
      type: object
      properties: {Payments: {type: boolean}, Items: {type: boolean}}
"##;

    const PAGE: &str = "# Payments\n\n## ~~Add credit card payment~~\n\n> ### Restricted!\n> Beta.\n\n### Request\n\n`[PlatformAddress]/api/connector/v1/payments/addCreditCard`\n\n## Get all payments\n\n### Request\n\n`[PlatformAddress]/api/connector/v1/payments/getAll`\n\n#### Payment extent\n";

    const README: &str = "## Deprecated operations\n\n| Feature | Comments | Deprecated | Discontinued |\n| :-- | :-- | :-- | :-- |\n| [Add credit card payment](../operations/payments.md#add-credit-card-payment) | Replaced by [Get all payments](payments.md#get-all-payments) | 29 Jul 2026 | 10 Jan 2028 |\n\n## Deprecated properties\n\n| Feature | Comments | Deprecated | Discontinued |\n| :-- | :-- | :-- | :-- |\n| Extent `Items`<br>in [Get all payments](../operations/payments.md#get-all-payments) | Use something else | 02 Feb 2024 | 10 Jan 2026 |\n| `Amount` in [Add credit card payment](../operations/payments.md#add-credit-card-payment) | Replaced by `Value` | 1 Mar 2025 | - |\n";

    fn docs() -> Docs {
        Docs {
            operations: crate::generate::docs::operation_sections("payments", PAGE)
                .into_iter()
                .collect(),
            types: [(
                "paymentextent".to_owned(),
                (
                    "operations/payments".to_owned(),
                    "payment-extent".to_owned(),
                ),
            )]
            .into_iter()
            .collect(),
            deprecations: Some(README.to_owned()),
            tables: Vec::new(),
        }
    }

    #[test]
    fn docs_facts_reach_the_operations() {
        let spec = parse(SPEC).unwrap();
        let bundle = crate::generate::bundle::build(&spec).unwrap();
        let catalog = build(&spec, &bundle, Some(&docs()), &[]).unwrap();
        let card = &catalog["operations"][0];
        assert_eq!(card["deprecated"], true);
        assert_eq!(card["discontinued"], "2028-01-10");
        assert_eq!(card["replacement"], "/api/connector/v1/payments/getAll");
        assert_eq!(card["restricted"], true);
        assert_eq!(card["paginated"], false);
        assert_eq!(
            card["docs"],
            "https://docs.mews.com/connector-api/operations/payments#add-credit-card-payment"
        );
        assert_eq!(card["example"], json!({"ClientToken": "C", "Amount": 1}));
        assert_eq!(card["response"], Value::Null);
        let get_all = &catalog["operations"][1];
        assert_eq!(get_all["deprecated"], false);
        assert_eq!(get_all["restricted"], false);
        assert_eq!(get_all["paginated"], true);
        assert_eq!(
            catalog["types"],
            json!({"PaymentExtent": "https://docs.mews.com/connector-api/operations/payments#payment-extent"})
        );
        assert_eq!(
            catalog["deprecatedProperties"],
            json!([
                {"def": "CardPayment", "property": "Amount", "replacement": "Value",
                    "deprecated": "2025-03-01", "discontinued": null},
                {"def": "PaymentExtent", "property": "Items", "replacement": null,
                    "deprecated": "2024-02-02", "discontinued": "2026-01-10"},
            ])
        );
    }

    #[test]
    fn without_docs_links_come_from_tag_and_summary() {
        let spec = parse(SPEC).unwrap();
        let bundle = crate::generate::bundle::build(&spec).unwrap();
        let catalog = build(&spec, &bundle, None, &[]).unwrap();
        let card = &catalog["operations"][0];
        assert_eq!(card["deprecated"], false);
        assert_eq!(card["discontinued"], Value::Null);
        assert_eq!(
            card["docs"],
            "https://docs.mews.com/connector-api/operations/payments#add-credit-card-payment"
        );
        assert_eq!(catalog["types"], json!({}));
        assert_eq!(catalog["deprecatedProperties"], json!([]));
    }

    #[test]
    fn address_parts_of_plain_and_versioned_addresses() {
        assert_eq!(
            address_parts("/api/connector/v1/accountNotes/getAll"),
            (
                "accountNotes".to_owned(),
                "getAll".to_owned(),
                "v1".to_owned()
            )
        );
        assert_eq!(
            address_parts("/api/connector/v1/reservations/getAll/2023-06-06"),
            (
                "reservations".to_owned(),
                "getAll".to_owned(),
                "2023-06-06".to_owned()
            )
        );
        assert_eq!(
            address_parts("/odd"),
            ("odd".to_owned(), String::new(), "v1".to_owned())
        );
    }
}
