//! The deprecation timeline: which of the operations and properties an integration uses are
//! deprecated, or discontinued on or before the evaluation date plus 12 months, with their dates
//! and replacements. Sessions feed it every call (and the deprecated properties the conformance
//! walk found in its body); checklists their listed operations.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::api::Operation;
use crate::api::catalog;
use crate::conformance::DeprecatedUse;
use crate::diagnostic::{Deprecation, DeprecationKind, DeprecationStatus};
use crate::options::parse_date;
use crate::rules;

/// What an integration uses, tallied as it is read.
#[derive(Debug, Default)]
pub struct Timeline {
    /// Deprecated (or dated) operations by address, with their uses.
    operations: BTreeMap<&'static str, (&'static Operation, usize)>,
    /// Deprecated properties by (operation address, schema type, name).
    properties: BTreeMap<(&'static str, Option<String>, String), Property>,
}

#[derive(Debug)]
struct Property {
    first: DeprecatedUse,
    uses: usize,
}

impl Timeline {
    /// Counts `uses` of `operation` (calls, or listings in a checklist).
    pub fn operation(&mut self, operation: &'static Operation, uses: usize) {
        if operation.deprecated || operation.discontinued.is_some() {
            self.operations
                .entry(operation.address.as_str())
                .or_insert((operation, 0))
                .1 += uses;
        }
    }

    /// Counts the deprecated properties a request to `operation` sent.
    pub fn properties(&mut self, operation: &'static Operation, found: Vec<DeprecatedUse>) {
        for found in found {
            let key = (
                operation.address.as_str(),
                found.schema_type.clone(),
                found.property.clone(),
            );
            self.properties
                .entry(key)
                .or_insert(Property {
                    first: found,
                    uses: 0,
                })
                .uses += 1;
        }
    }

    /// The entries within the horizon of `evaluated` (all of them without one), in date order.
    pub fn entries(self, evaluated: Option<Date>) -> Vec<Deprecation> {
        let operations = self.operations.into_values().map(|(op, uses)| Deprecation {
            kind: DeprecationKind::Operation,
            address: op.address.clone(),
            property: None,
            pointer: None,
            schema_type: None,
            // The catalog dates only the discontinuation of operations.
            deprecated: None,
            discontinued: op.discontinued.clone(),
            replacement: op.replacement.clone(),
            docs: op.docs.clone(),
            uses,
            status: DeprecationStatus::DeprecatedNoDate,
        });
        let properties =
            self.properties
                .into_iter()
                .map(|((address, schema_type, property), found)| {
                    let listed = found.first.listed;
                    let docs = schema_type
                        .as_deref()
                        .and_then(catalog::type_docs)
                        .unwrap_or(rules::DEPRECATED_PROPERTY.docs());
                    Deprecation {
                        kind: DeprecationKind::Property,
                        address: address.to_string(),
                        property: Some(property),
                        pointer: Some(found.first.pointer),
                        schema_type,
                        deprecated: listed.and_then(|entry| entry.deprecated.clone()),
                        discontinued: listed.and_then(|entry| entry.discontinued.clone()),
                        replacement: listed.and_then(|entry| entry.replacement.clone()),
                        docs: docs.to_string(),
                        uses: found.uses,
                        status: DeprecationStatus::DeprecatedNoDate,
                    }
                });
        let mut entries: Vec<Deprecation> = operations
            .chain(properties)
            .filter_map(|mut entry| {
                entry.status = status(&entry, evaluated)?;
                Some(entry)
            })
            .collect();
        // A timeline: by discontinuation date, then the undated by deprecation date (`None`
        // last in both), then address and property.
        entries.sort_by(|a, b| {
            let key = |e: &Deprecation| {
                (
                    e.discontinued.is_none(),
                    e.discontinued.clone(),
                    e.deprecated.is_none(),
                    e.deprecated.clone(),
                    e.address.clone(),
                    e.property.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        entries
    }
}

/// The entry's status at `evaluated`; `None` when it is outside the horizon (discontinued, or
/// deprecated without a discontinuation date, after evaluation date + 12 months).
fn status(entry: &Deprecation, evaluated: Option<Date>) -> Option<DeprecationStatus> {
    let date = |text: &Option<String>| text.as_deref().and_then(|t| parse_date(t).ok());
    // Inclusive: exactly 12 months ahead is within (a 29 February ends on 28 February).
    let horizon = |evaluated: Date| evaluated.saturating_add(jiff::Span::new().years(1));
    match (date(&entry.discontinued), evaluated) {
        (Some(_), None) => Some(DeprecationStatus::NoEvaluationDate),
        (Some(end), Some(evaluated)) if end <= evaluated => Some(DeprecationStatus::Discontinued),
        (Some(end), Some(evaluated)) => {
            (end <= horizon(evaluated)).then_some(DeprecationStatus::DiscontinuedWithin12Months)
        }
        (None, evaluated) => {
            let later = date(&entry.deprecated)
                .zip(evaluated)
                .is_some_and(|(since, evaluated)| since > horizon(evaluated));
            (!later).then_some(DeprecationStatus::DeprecatedNoDate)
        }
    }
}

/// The date sessions evaluate against without a usable evaluation date (a malformed option, or
/// none in wasm): the day (UTC) of the session's last call.
pub fn day_of(epoch_ms: i64) -> Option<Date> {
    let timestamp = jiff::Timestamp::from_millisecond(epoch_ms).ok()?;
    Some(jiff::tz::Offset::UTC.to_datetime(timestamp).date())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::operations;

    fn operation(address: &str) -> &'static Operation {
        operations()
            .iter()
            .find(|op| op.address == address)
            .unwrap()
    }

    fn statuses(evaluated: Option<&str>) -> Vec<(String, DeprecationStatus)> {
        let mut timeline = Timeline::default();
        // Discontinued 2027-01-10, and deprecated without a date.
        timeline.operation(operation("/api/connector/v1/routingRules/getAll"), 2);
        timeline.operation(operation("/api/connector/v1/customers/getOpenItems"), 1);
        // Neither: not listed.
        timeline.operation(operation("/api/connector/v1/configuration/get"), 5);
        let evaluated = evaluated.map(|d| parse_date(d).unwrap());
        timeline
            .entries(evaluated)
            .into_iter()
            .map(|e| (e.address, e.status))
            .collect()
    }

    #[test]
    fn the_horizon_is_twelve_months_inclusive() {
        use DeprecationStatus::*;
        let routing = "/api/connector/v1/routingRules/getAll".to_string();
        let open = "/api/connector/v1/customers/getOpenItems".to_string();
        assert_eq!(
            statuses(Some("2026-01-10")),
            [
                (routing.clone(), DiscontinuedWithin12Months),
                (open.clone(), DeprecatedNoDate)
            ]
        );
        assert_eq!(
            statuses(Some("2026-01-09")),
            [(open.clone(), DeprecatedNoDate)]
        );
        assert_eq!(
            statuses(Some("2027-01-10")),
            [
                (routing.clone(), Discontinued),
                (open.clone(), DeprecatedNoDate)
            ]
        );
        assert_eq!(
            statuses(None),
            [(routing, NoEvaluationDate), (open, DeprecatedNoDate)]
        );
    }

    #[test]
    fn the_last_call_gives_its_utc_day() {
        // 2026-11-23T23:59:59.999Z and one millisecond later.
        assert_eq!(day_of(1_795_478_399_999).unwrap().to_string(), "2026-11-23");
        assert_eq!(day_of(1_795_478_400_000).unwrap().to_string(), "2026-11-24");
    }
}
