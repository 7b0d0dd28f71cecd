//! The Deprecations page's "Deprecated properties" table as the catalog carries it: when a property
//! of a schema type was deprecated, when it is discontinued, and what replaces it.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::catalog::{self, DeprecatedProperty};

/// The table by property name: most properties are not in it, and this is asked for every one.
fn table() -> &'static HashMap<&'static str, Vec<&'static DeprecatedProperty>> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<&'static DeprecatedProperty>>> =
        OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<&str, Vec<&DeprecatedProperty>> = HashMap::new();
        for entry in catalog::deprecated_properties() {
            table
                .entry(entry.property.as_str())
                .or_default()
                .push(entry);
        }
        table
    })
}

/// The table's entry for `property` of an object typed by any of `defs`.
pub fn find(defs: &[&str], property: &str) -> Option<&'static DeprecatedProperty> {
    table()
        .get(property)?
        .iter()
        .find(|entry| defs.contains(&entry.def.as_str()))
        .copied()
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
