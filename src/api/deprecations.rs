//! The Deprecations page's "Deprecated properties" table as the catalog carries it: when a property
//! of a schema type was deprecated, when it is discontinued, and what replaces it.

use std::sync::OnceLock;

use super::catalog::{self, DeprecatedProperty};

/// The table sorted by property name (table order kept among one property's entries): most
/// properties are not in it, and this is asked for every member of a body.
fn table() -> &'static [&'static DeprecatedProperty] {
    static TABLE: OnceLock<Vec<&'static DeprecatedProperty>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<&DeprecatedProperty> = catalog::deprecated_properties().iter().collect();
        table.sort_by(|a, b| a.property.cmp(&b.property));
        table
    })
}

/// The table's entries for `property`, in table order.
pub fn entries(property: &str) -> &'static [&'static DeprecatedProperty] {
    let table = table();
    let start = table.partition_point(|entry| entry.property.as_str() < property);
    let end = start + table[start..].partition_point(|entry| entry.property == property);
    &table[start..end]
}

/// The table's entry for `property` of an object typed by any of the `$defs` types `holds`
/// answers yes for.
pub fn find(property: &str, holds: impl Fn(&str) -> bool) -> Option<&'static DeprecatedProperty> {
    entries(property)
        .iter()
        .find(|entry| holds(&entry.def))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_table_is_read() {
        let rate = find("RateId", |def| def == "AvailabilityBlockAddParameters").unwrap();
        assert_eq!(rate.replacement.as_deref(), Some("TemplateRateId"));
        assert!(find("Name", |def| def == "AvailabilityBlockAddParameters").is_none());
        assert!(entries("NoSuchProperty").is_empty());
        assert!(
            entries("RateId")
                .iter()
                .all(|entry| entry.property == "RateId")
        );
    }
}
