//! One revision of the Connector API contract, converted by the schema generator: what `diff`
//! compares.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::generate::docs::Docs;
use crate::generate::{bundle, catalog, openapi};

/// A converted OpenAPI document (and, when given, its docs).
#[derive(Debug, Clone)]
pub struct Contract {
    pub title: String,
    pub version: String,
    /// Hex SHA-256 of the document's bytes.
    pub sha256: String,
    /// In document order.
    pub operations: Vec<ContractOperation>,
    /// The converted schemas (`$defs`).
    pub defs: BTreeMap<String, Value>,
    /// Converted with the docs folder: the fields below marked "from the docs" are filled.
    pub with_docs: bool,
    /// Properties the docs' Deprecations page lists, by (`$defs` name, property), with their
    /// discontinuation date (from the docs).
    pub deprecated_properties: BTreeMap<(String, String), Option<String>>,
}

/// One operation, as the generator's catalog describes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractOperation {
    pub address: String,
    pub name: String,
    /// The OpenAPI document marks it `deprecated` (replaced by the document's flag on reading:
    /// the catalog's also counts the docs).
    pub deprecated: bool,
    /// The OpenAPI document marks it deprecated, or the docs' Deprecations page lists it.
    #[serde(skip)]
    pub deprecated_or_listed: bool,
    pub deprecation_message: Option<String>,
    /// `YYYY-MM-DD`, from the docs.
    pub discontinued: Option<String>,
    /// Address of the replacing operation, from the docs.
    pub replacement: Option<String>,
    #[serde(default, deserialize_with = "body_def")]
    pub request: Option<String>,
    #[serde(default, deserialize_with = "body_def")]
    pub response: Option<String>,
}

#[derive(Deserialize)]
struct BodySchema {
    def: String,
}

/// `{"def": "X", "schema": "…"}` → `X`.
fn body_def<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<BodySchema>::deserialize(deserializer)?.map(|body| body.def))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CatalogView {
    operations: Vec<ContractOperation>,
    deprecated_properties: Vec<DeprecatedProperty>,
}

#[derive(Deserialize)]
struct DeprecatedProperty {
    def: String,
    property: String,
    discontinued: Option<String>,
}

impl Contract {
    /// Converts an OpenAPI 3 document (YAML or JSON text) as `mews-schema-gen` does.
    pub fn from_text(text: &str, docs: Option<&Docs>) -> Result<Contract, String> {
        let mut spec = openapi::parse(text)?;
        spec.sha256 = openapi::sha256_hex(text.as_bytes());
        let bundle = bundle::build(&spec)?;
        let catalog = catalog::build(&spec, &bundle, docs, &[])?;
        let mut view: CatalogView = serde_json::from_value(catalog)
            .map_err(|error| format!("the generated catalog does not read back: {error}"))?;
        for (operation, in_spec) in view.operations.iter_mut().zip(&spec.operations) {
            operation.deprecated_or_listed = operation.deprecated;
            operation.deprecated = in_spec.deprecated;
        }
        Ok(Contract {
            title: spec.title,
            version: spec.version,
            sha256: spec.sha256,
            operations: view.operations,
            defs: bundle.defs,
            with_docs: docs.is_some(),
            deprecated_properties: view
                .deprecated_properties
                .into_iter()
                .map(|entry| ((entry.def, entry.property), entry.discontinued))
                .collect(),
        })
    }

    pub fn operation(&self, address: &str) -> Option<&ContractOperation> {
        self.operations.iter().find(|op| op.address == address)
    }
}
