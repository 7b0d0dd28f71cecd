//! The Deprecations page's "Deprecated properties" table as the catalog carries it: when a property
//! of a schema type was deprecated, when it is discontinued, and what replaces it.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The catalog is embedded by the engine too; only this table is read from it here.
/// TODO(engine): expose `catalog::deprecated_properties()` and read it from there instead.
const CATALOG_JSON: &str = include_str!("../../schemas/catalog.json");

#[derive(Debug, Deserialize)]
pub(super) struct DeprecatedProperty {
    def: String,
    property: String,
    pub replacement: Option<String>,
    /// `YYYY-MM-DD`.
    pub deprecated: Option<String>,
    /// `YYYY-MM-DD`.
    pub discontinued: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Table {
    #[serde(default)]
    deprecated_properties: Vec<DeprecatedProperty>,
}

/// The table by property name: most properties are not in it, and this is asked for every one.
fn table() -> &'static HashMap<String, Vec<DeprecatedProperty>> {
    static TABLE: OnceLock<HashMap<String, Vec<DeprecatedProperty>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // A catalog that does not parse is a build defect the engine's tests catch; no table then.
        let entries = serde_json::from_str::<Table>(CATALOG_JSON)
            .map(|t| t.deprecated_properties)
            .unwrap_or_default();
        let mut table: HashMap<String, Vec<DeprecatedProperty>> = HashMap::new();
        for entry in entries {
            table.entry(entry.property.clone()).or_default().push(entry);
        }
        table
    })
}

/// The table's entry for `property` of an object typed by any of `defs`.
pub(super) fn find(defs: &[&str], property: &str) -> Option<&'static DeprecatedProperty> {
    table()
        .get(property)?
        .iter()
        .find(|entry| defs.contains(&entry.def.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_table_is_read() {
        let rate = find(&["AvailabilityBlockAddParameters"], "RateId").unwrap();
        assert_eq!(rate.replacement.as_deref(), Some("TemplateRateId"));
        assert!(find(&["AvailabilityBlockAddParameters"], "Name").is_none());
    }
}
