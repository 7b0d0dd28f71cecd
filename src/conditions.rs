//! Conditional requirements that the docs state only in the prose of their parameter tables
//! ("Required if no other filter is provided", "Required when `Discriminator` is `Customer`"),
//! which JSON Schema keywords in the OpenAPI document do not carry. `mews-schema-gen` extracts
//! them into `schemas/catalog.json` (`conditions`); the engine reads them back into these types.
//! Data only: this module imports nothing of the engine.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One conditional requirement on the objects of a schema type.
///
/// "Given" below means present and not `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    /// The schema type (`$defs` name in `schemas/bundle.json`) whose objects it constrains.
    pub def: String,
    #[serde(flatten)]
    pub requirement: Requirement,
    /// The docs section whose parameter table states it (page and anchor).
    pub docs: String,
}

/// What is required, and when. Serialized with a `kind` tag (`atLeastOneOf`, `requiredWhen`, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Requirement {
    /// A filter group: at least one of `properties` must be given ("Required if no other filter
    /// is provided" on each of them; when the docs mark only one property, the group is that
    /// property and the type's other optional filters).
    AtLeastOneOf { properties: Vec<String> },
    /// `property` is required when none of `absent` is given.
    RequiredIfAbsent {
        property: String,
        absent: Vec<String>,
    },
    /// `property` is required when any of `present` is given.
    RequiredIfPresent {
        property: String,
        present: Vec<String>,
    },
    /// `property` is required when the sibling property `sibling` holds one of `values` (one of
    /// the sibling's enum values, or `true`/`false`). When `siblingUpdateValue` is set, the
    /// sibling is an update value (`{"Value": …}`) and its `Value` is compared. With `within`,
    /// `property` belongs to the object that `def`'s property `within` holds (`Pricing` →
    /// `Pricing.DependentRatePricing`), and `sibling` is a property of `def` itself.
    RequiredWhen {
        property: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        within: Option<String>,
        sibling: String,
        #[serde(default)]
        sibling_update_value: bool,
        values: Vec<Value>,
    },
    /// `property` may be given only together with at least one of `with`.
    UsedTogetherWith { property: String, with: Vec<String> },
    /// `property` is required when the request uses a Portfolio Access Token, ignored otherwise.
    PortfolioOnly { property: String },
}

impl Requirement {
    /// The `kind` tag it is serialized with.
    pub fn kind(&self) -> &'static str {
        match self {
            Requirement::AtLeastOneOf { .. } => "atLeastOneOf",
            Requirement::RequiredIfAbsent { .. } => "requiredIfAbsent",
            Requirement::RequiredIfPresent { .. } => "requiredIfPresent",
            Requirement::RequiredWhen { .. } => "requiredWhen",
            Requirement::UsedTogetherWith { .. } => "usedTogetherWith",
            Requirement::PortfolioOnly { .. } => "portfolioOnly",
        }
    }

    /// Every property of `def` the rule names: the constrained ones first (for `within`, the
    /// property holding the constrained object), then the ones that trigger it.
    pub fn properties(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        match self {
            Requirement::AtLeastOneOf { properties } => {
                names.extend(properties.iter().map(String::as_str))
            }
            Requirement::RequiredIfAbsent { property, absent } => {
                names.push(property);
                names.extend(absent.iter().map(String::as_str));
            }
            Requirement::RequiredIfPresent { property, present } => {
                names.push(property);
                names.extend(present.iter().map(String::as_str));
            }
            Requirement::RequiredWhen {
                property,
                within,
                sibling,
                ..
            } => names.extend([
                within.as_ref().unwrap_or(property).as_str(),
                sibling.as_str(),
            ]),
            Requirement::UsedTogetherWith { property, with } => {
                names.push(property);
                names.extend(with.iter().map(String::as_str));
            }
            Requirement::PortfolioOnly { property } => names.push(property),
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn serializes_flat_with_a_camel_case_kind_and_reads_back() {
        let condition = Condition {
            def: "AvailabilityBlockUpdateParameters".to_owned(),
            requirement: Requirement::RequiredWhen {
                property: "ReleasedUtc".to_owned(),
                within: None,
                sibling: "ReleaseStrategy".to_owned(),
                sibling_update_value: true,
                values: vec![json!("FixedRelease")],
            },
            docs: "https://docs.mews.com/connector-api/operations/availabilityblocks#x".to_owned(),
        };
        let value = serde_json::to_value(&condition).unwrap();
        assert_eq!(
            value,
            json!({"def": "AvailabilityBlockUpdateParameters", "kind": "requiredWhen",
                "property": "ReleasedUtc", "sibling": "ReleaseStrategy",
                "siblingUpdateValue": true, "values": ["FixedRelease"],
                "docs": "https://docs.mews.com/connector-api/operations/availabilityblocks#x"})
        );
        assert_eq!(value["kind"], condition.requirement.kind());
        let read: Condition = serde_json::from_value(value).unwrap();
        assert_eq!(read, condition);
        assert_eq!(
            read.requirement.properties(),
            ["ReleasedUtc", "ReleaseStrategy"]
        );
    }

    #[test]
    fn a_rule_on_a_nested_property_names_its_holder() {
        let value = json!({"def": "RateAddData", "kind": "requiredWhen",
            "property": "DependentRatePricing", "within": "Pricing", "sibling": "PricingType",
            "values": ["DependentRatePricing"], "docs": ""});
        let read: Condition = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(read.requirement.properties(), ["Pricing", "PricingType"]);
        let mut written = serde_json::to_value(&read).unwrap();
        assert_eq!(written["siblingUpdateValue"], false);
        written
            .as_object_mut()
            .unwrap()
            .remove("siblingUpdateValue");
        assert_eq!(written, value);
    }

    #[test]
    fn an_unknown_kind_is_an_error() {
        let read = serde_json::from_value::<Condition>(
            json!({"def": "X", "kind": "requiredSometimes", "property": "A", "docs": ""}),
        );
        assert!(read.is_err());
    }
}
