//! The embedded operation catalog and schema bundle, generated into `schemas/` by `mews-schema-gen`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::conditions::Condition;

/// `schemas/catalog.json` without its indentation (see build.rs).
const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));
const BUNDLE_JSON: &str = include_str!("../../schemas/bundle.json");

/// The `$id` of the bundle; operation schemas are `{"$ref": "<BUNDLE_ID>#/$defs/<def>"}`.
pub const BUNDLE_ID: &str = "urn:mews-connector-validator:bundle";

/// Where a request or response body's schema is: its `$defs` name in the bundle and its published file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodySchema {
    pub def: String,
    pub schema: String,
}

/// One Connector API operation, as the catalog describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    pub address: String,
    pub operation_id: String,
    pub name: String,
    pub resource: String,
    pub action: String,
    pub version: String,
    pub tag: String,
    pub deprecated: bool,
    pub deprecation_message: Option<String>,
    /// Planned discontinuation date, `YYYY-MM-DD`.
    pub discontinued: Option<String>,
    /// Address of the operation that replaces a deprecated one.
    pub replacement: Option<String>,
    pub restricted: bool,
    pub paginated: bool,
    pub docs: String,
    pub request: Option<BodySchema>,
    pub response: Option<BodySchema>,
    pub example: Option<serde_json::Value>,
    pub response_example: Option<serde_json::Value>,
}

/// A property the Deprecations page lists, on the schema type (`$defs` name) that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeprecatedProperty {
    pub def: String,
    pub property: String,
    pub replacement: Option<String>,
    /// `YYYY-MM-DD`.
    pub deprecated: Option<String>,
    /// `YYYY-MM-DD`.
    pub discontinued: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Catalog {
    operations: Vec<Operation>,
    /// Docs URL of each schema type, by `$defs` name.
    #[serde(default)]
    types: BTreeMap<String, String>,
    #[serde(default)]
    deprecated_properties: Vec<DeprecatedProperty>,
    /// The docs' conditional requirements (see [`crate::conditions`]).
    #[serde(default)]
    conditions: Vec<Condition>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        // Generated and embedded at build time, and read by every test: an unreadable catalog is
        // a build defect that must fail loudly, not validate everything against nothing.
        serde_json::from_str(CATALOG_JSON)
            .unwrap_or_else(|error| panic!("the embedded schemas/catalog.json is corrupt: {error}"))
    })
}

/// Every operation of the Connector API, in catalog order.
pub fn operations() -> &'static [Operation] {
    &catalog().operations
}

/// The deprecated properties the docs list, with their dates and replacements.
pub fn deprecated_properties() -> &'static [DeprecatedProperty] {
    &catalog().deprecated_properties
}

/// The conditional requirements the docs' parameter tables state, in catalog order.
pub fn conditions() -> &'static [Condition] {
    &catalog().conditions
}

/// The docs URL of a schema type (a `$defs` name), when the docs have a section for it.
pub fn type_docs(def: &str) -> Option<&'static str> {
    catalog().types.get(def).map(String::as_str)
}

/// The schema bundle: every component schema under `$defs`.
pub fn bundle() -> &'static serde_json::Value {
    static BUNDLE: OnceLock<serde_json::Value> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        serde_json::from_str(BUNDLE_JSON)
            .unwrap_or_else(|error| panic!("the embedded schemas/bundle.json is corrupt: {error}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalog_and_bundle_load() {
        assert_eq!(operations().len(), 200);
        assert!(!deprecated_properties().is_empty());
        assert!(conditions().len() > 100);
        let defs = bundle().get("$defs").and_then(serde_json::Value::as_object);
        assert!(defs.is_some_and(|defs| defs.len() > 800));
        for operation in operations() {
            for body in [&operation.request, &operation.response]
                .into_iter()
                .flatten()
            {
                assert!(
                    defs.is_some_and(|defs| defs.contains_key(&body.def)),
                    "{} names the missing type {}",
                    operation.address,
                    body.def
                );
            }
        }
    }
}
