//! Extracts the conditional requirements of the docs' parameter tables into
//! [`crate::conditions::Condition`]s, each checked against the schema type it belongs to.
//! Sentences it cannot read, and rules that do not fit the schema, are kept as leftovers
//! (committed as `schemas/conditions-unrecognised.json`) rather than dropped.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::bundle::{Bundle, request_shapes};
use super::convert::DEFS_PREFIX;
use super::docs::{DOCS_BASE, Docs};
use super::openapi::Spec;
use super::phrases::{self, Phrase, Word};
use super::tables::{Place, Table};
use crate::conditions::{Condition, Requirement};

/// Request properties that scope a query (which enterprises or chains) or shape its result
/// (extent, page, currency of amounts) rather than filter it: they are not "another filter".
const NOT_FILTERS: [&str; 5] = [
    "EnterpriseIds",
    "ChainIds",
    "Extent",
    "Limitation",
    "Currency",
];

#[derive(Debug, Default)]
pub struct Extraction {
    /// Sorted by type, kind and properties.
    pub conditions: Vec<Condition>,
    pub leftovers: Leftovers,
}

/// What the generator read but could not turn into a condition.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leftovers {
    /// Requirement sentences in no phrasing the generator knows.
    pub unrecognised: Vec<Leftover>,
    /// Sentences in a known phrasing whose rule does not fit the schema.
    pub unresolved: Vec<Leftover>,
}

/// One requirement sentence of a docs table row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Leftover {
    pub docs: String,
    pub property: String,
    pub sentence: String,
    /// Why it is not a condition.
    pub reason: String,
}

/// A recognised sentence of one row.
struct Mark<'t> {
    property: &'t str,
    sentence: String,
    phrase: Phrase,
}

pub fn extract(docs: &Docs, spec: &Spec, bundle: &Bundle) -> Extraction {
    let mut extraction = Extraction::default();
    for table in &docs.tables {
        read_table(table, docs, spec, bundle, &mut extraction);
    }
    let Extraction {
        conditions,
        leftovers,
    } = &mut extraction;
    conditions.sort_by_cached_key(|condition| {
        (
            condition.def.clone(),
            condition.requirement.kind(),
            condition.requirement.properties().join(","),
            condition.docs.clone(),
        )
    });
    leftovers.unrecognised.sort();
    leftovers.unresolved.sort();
    extraction
}

fn read_table(
    table: &Table,
    docs: &Docs,
    spec: &Spec,
    bundle: &Bundle,
    extraction: &mut Extraction,
) {
    let url = format!(
        "{DOCS_BASE}operations/{}#{}",
        table.page,
        table.place.anchor()
    );
    let leftover = |property: &str, sentence: &str, reason: String| Leftover {
        docs: url.clone(),
        property: property.to_owned(),
        sentence: sentence.to_owned(),
        reason,
    };
    let mut marks = Vec::new();
    for row in &table.rows {
        for sentence in phrases::requirement_sentences(&row.description) {
            match phrases::parse(&sentence) {
                Some(phrase) => marks.push(Mark {
                    property: &row.property,
                    sentence,
                    phrase,
                }),
                None => extraction.leftovers.unrecognised.push(leftover(
                    &row.property,
                    &sentence,
                    "no known phrasing".to_owned(),
                )),
            }
        }
    }
    if marks.is_empty() {
        return;
    }
    let defs = table_defs(table, docs, spec, bundle);
    if defs.is_empty() {
        for mark in &marks {
            extraction.leftovers.unresolved.push(leftover(
                mark.property,
                &mark.sentence,
                "the section maps to no schema type".to_owned(),
            ));
        }
        return;
    }
    let owned: Vec<(&str, &Map<String, Value>)> = defs
        .iter()
        .filter_map(|name| Some((name.as_str(), object_properties(&bundle.defs, name)?)))
        .collect();
    for mark in &marks {
        let owners: Vec<&str> = owned
            .iter()
            .filter(|(_, properties)| properties.contains_key(mark.property))
            .map(|(name, _)| *name)
            .collect();
        if owners.is_empty() {
            extraction.leftovers.unresolved.push(leftover(
                mark.property,
                &mark.sentence,
                format!(
                    "`{}` is not a property of {}",
                    mark.property,
                    defs.join(", ")
                ),
            ));
        }
        for def in owners {
            let reader = TypeTable {
                table,
                marks: &marks,
                def,
                defs: &bundle.defs,
            };
            match reader.rules(mark) {
                Ok(rules) => {
                    for (def, requirement) in rules {
                        let known = extraction
                            .conditions
                            .iter()
                            .any(|other| other.def == def && other.requirement == requirement);
                        if !known {
                            extraction.conditions.push(Condition {
                                def,
                                requirement,
                                docs: url.clone(),
                            });
                        }
                    }
                }
                Err(reason) => extraction.leftovers.unresolved.push(leftover(
                    mark.property,
                    &mark.sentence,
                    reason,
                )),
            }
        }
    }
}

/// The `$defs` a table documents: the operation's body (each shape of a `oneOf` body), or the
/// types `_generator/types.yaml` places at the section.
fn table_defs(table: &Table, docs: &Docs, spec: &Spec, bundle: &Bundle) -> Vec<String> {
    let roots: Vec<String> = match &table.place {
        Place::Body {
            addresses,
            response,
            ..
        } => addresses
            .iter()
            .filter_map(|address| {
                let index = spec
                    .operations
                    .iter()
                    .position(|op| op.address == *address)?;
                let bodies = if *response {
                    &bundle.responses
                } else {
                    &bundle.requests
                };
                bodies.get(index).cloned().flatten()
            })
            .collect(),
        Place::Type { anchor } => docs
            .defs_at(&bundle.defs, &table.page, anchor)
            .into_iter()
            .map(str::to_owned)
            .collect(),
    };
    let mut defs: Vec<String> = Vec::new();
    for shape in roots
        .iter()
        .flat_map(|root| request_shapes(&bundle.defs, root))
    {
        if !defs.contains(&shape) {
            defs.push(shape);
        }
    }
    defs
}

fn object_properties<'d>(
    defs: &'d BTreeMap<String, Value>,
    def: &str,
) -> Option<&'d Map<String, Value>> {
    defs.get(def)?.get("properties")?.as_object()
}

/// The marks of one table, read for one type that has the marked property.
struct TypeTable<'a> {
    table: &'a Table,
    marks: &'a [Mark<'a>],
    def: &'a str,
    defs: &'a BTreeMap<String, Value>,
}

impl TypeTable<'_> {
    fn properties(&self) -> Option<&Map<String, Value>> {
        object_properties(self.defs, self.def)
    }

    fn has(&self, property: &str) -> bool {
        self.properties()
            .is_some_and(|properties| properties.contains_key(property))
    }

    fn missing(&self, names: &[String]) -> Result<(), String> {
        match names.iter().find(|name| !self.has(name)) {
            Some(name) => Err(format!("`{name}` is not a property of {}", self.def)),
            None => Ok(()),
        }
    }

    /// The rules of a mark on this type, each with the type it constrains: none when the mark
    /// is part of a rule made from another one (the first mark of a filter group makes the
    /// group); the parents' when the rule's sibling is a property of a parent object.
    fn rules(&self, mark: &Mark) -> Result<Vec<(String, Requirement)>, String> {
        let property = mark.property.to_owned();
        let rule = match &mark.phrase {
            Phrase::NoOtherFilter => {
                let group = self.group();
                if group.first().copied() != Some(mark.property) {
                    return Ok(Vec::new());
                }
                let mut properties: Vec<String> =
                    group.iter().map(|name| (*name).to_owned()).collect();
                // One marked property: "no other filter" names the type's other filters.
                if let [only] = group.as_slice() {
                    properties.extend(self.other_filters(only));
                }
                Requirement::AtLeastOneOf { properties }
            }
            Phrase::IfAbsent(absent) => {
                self.missing(absent)?;
                Requirement::RequiredIfAbsent {
                    property,
                    absent: absent.clone(),
                }
            }
            Phrase::IfPresent(present) => {
                self.missing(present)?;
                Requirement::RequiredIfPresent {
                    property,
                    present: present.clone(),
                }
            }
            Phrase::When { sibling, values } => {
                return self.required_when(property, sibling, values);
            }
            Phrase::WithAnotherFilter => {
                let group = self.group();
                let with = if group.is_empty() {
                    self.other_filters(mark.property)
                } else {
                    group.iter().map(|name| (*name).to_owned()).collect()
                };
                if with.is_empty() {
                    return Err(format!("{} has no other filter", self.def));
                }
                Requirement::UsedTogetherWith { property, with }
            }
            Phrase::PortfolioOnly => Requirement::PortfolioOnly { property },
        };
        Ok(vec![(self.def.to_owned(), rule)])
    }

    /// The properties of this type the table marks "Required if no other filter is provided",
    /// in table order.
    fn group(&self) -> Vec<&str> {
        let mut group: Vec<&str> = Vec::new();
        for mark in self.marks {
            if mark.phrase == Phrase::NoOtherFilter
                && self.has(mark.property)
                && !group.contains(&mark.property)
            {
                group.push(mark.property);
            }
        }
        group
    }

    /// The optional properties of the table, other than `property`, that can filter on their
    /// own: not a scope, not required by the schema, not limited by a rule of their own.
    fn other_filters(&self, property: &str) -> Vec<String> {
        let required: Vec<&str> = self
            .defs
            .get(self.def)
            .and_then(|def| def.get("required"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let limited = |name: &str| {
            self.marks.iter().any(|mark| {
                mark.property == name
                    && matches!(
                        mark.phrase,
                        Phrase::WithAnotherFilter | Phrase::PortfolioOnly
                    )
            })
        };
        let mut filters: Vec<String> = Vec::new();
        for row in &self.table.rows {
            let name = row.property.as_str();
            let counts = row.optional
                && name != property
                && self.has(name)
                && !NOT_FILTERS.contains(&name)
                && !required.contains(&name)
                && !limited(name);
            if counts && !filters.iter().any(|known| known == name) {
                filters.push(name.to_owned());
            }
        }
        filters
    }

    /// "`property` is required when `sibling` is …": on this type when it has `sibling`, else on
    /// each parent type that holds this one in a property and has `sibling` ("Required when
    /// `PricingType` is …" on the pricing data that `RateAddData.Pricing` holds).
    fn required_when(
        &self,
        property: String,
        sibling: &str,
        words: &[Word],
    ) -> Result<Vec<(String, Requirement)>, String> {
        let holders: Vec<(&str, Option<&str>)> = if self.has(sibling) {
            vec![(self.def, None)]
        } else {
            parents(self.defs, self.def)
                .into_iter()
                .filter(|(parent, _)| {
                    object_properties(self.defs, parent).is_some_and(|p| p.contains_key(sibling))
                })
                .map(|(parent, holder)| (parent, Some(holder)))
                .collect()
        };
        if holders.is_empty() {
            return Err(format!(
                "`{sibling}` is not a property of {} nor of a type holding it",
                self.def
            ));
        }
        holders
            .into_iter()
            .map(|(def, within)| {
                let schema = object_properties(self.defs, def)
                    .and_then(|properties| properties.get(sibling))
                    .ok_or_else(|| format!("`{sibling}` is not a property of {def}"))?;
                let (values, sibling_update_value) =
                    sibling_values(self.defs, def, sibling, schema, words)?;
                let rule = Requirement::RequiredWhen {
                    property: property.clone(),
                    within: within.map(str::to_owned),
                    sibling: sibling.to_owned(),
                    sibling_update_value,
                    values,
                };
                Ok((def.to_owned(), rule))
            })
            .collect()
    }
}

/// The types with a property that holds `def` (directly, nullable, or as array items), with
/// that property's name.
fn parents<'d>(defs: &'d BTreeMap<String, Value>, def: &str) -> Vec<(&'d str, &'d str)> {
    let holds = |schema: &Value| {
        let schema = non_null(schema);
        let item = schema.get("items").map(non_null);
        [Some(schema), item]
            .into_iter()
            .flatten()
            .any(|schema| target_name(schema) == Some(def))
    };
    let mut found = Vec::new();
    for (name, schema) in defs {
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (property, value) in properties {
            if holds(value) {
                found.push((name.as_str(), property.as_str()));
            }
        }
    }
    found
}

/// The sibling's values that `words` name, and whether the sibling is an update value
/// (`{"Value": …}`) whose `Value` holds them.
fn sibling_values(
    defs: &BTreeMap<String, Value>,
    def: &str,
    sibling: &str,
    schema: &Value,
    words: &[Word],
) -> Result<(Vec<Value>, bool), String> {
    let schema = non_null(schema);
    let (allowed, update_value) = match update_value(defs, schema) {
        Some(value) => (values_of(defs, value, 0), true),
        None => (values_of(defs, schema, 0), false),
    };
    let allowed =
        allowed.ok_or_else(|| format!("`{sibling}` of {def} has no enum or boolean values"))?;
    let values = words
        .iter()
        .map(|word| {
            matching_value(word, &allowed).ok_or_else(|| {
                let listed: Vec<String> = allowed.iter().map(value_text).collect();
                let closest = listed
                    .iter()
                    .find(|candidate| strsim::levenshtein(candidate, word.text()) <= 2)
                    .map(|candidate| format!(" (closest: `{candidate}`)"))
                    .unwrap_or_default();
                format!(
                    "`{}` is not a value of `{sibling}` in {def} ({}){closest}",
                    word.text(),
                    listed.join(", ")
                )
            })
        })
        .collect::<Result<Vec<Value>, String>>()?;
    Ok((values, update_value))
}

/// `X` of `{anyOf: [X, {type: null}]}`.
fn non_null(schema: &Value) -> &Value {
    let branches = schema.get("anyOf").and_then(Value::as_array);
    let mut real = branches
        .into_iter()
        .flatten()
        .filter(|branch| branch.get("type") != Some(&Value::String("null".to_owned())));
    match (real.next(), real.next()) {
        (Some(only), None) => only,
        _ => schema,
    }
}

fn target_name(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix(DEFS_PREFIX)
}

fn target<'d>(defs: &'d BTreeMap<String, Value>, schema: &Value) -> Option<&'d Value> {
    defs.get(target_name(schema)?)
}

/// The `Value` schema of an update value: an object whose only property is `Value` (a local
/// override of it comes first).
fn update_value<'s>(defs: &'s BTreeMap<String, Value>, schema: &'s Value) -> Option<&'s Value> {
    let only_value = |holder: &'s Value| {
        let properties = holder.get("properties")?.as_object()?;
        (properties.len() == 1)
            .then(|| properties.get("Value"))
            .flatten()
    };
    only_value(schema).or_else(|| only_value(target(defs, schema)?))
}

/// A schema's enum values (without null), or true and false for a boolean.
fn values_of(defs: &BTreeMap<String, Value>, schema: &Value, depth: usize) -> Option<Vec<Value>> {
    if depth > 8 {
        return None;
    }
    let schema = non_null(schema);
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return Some(
            values
                .iter()
                .filter(|value| !value.is_null())
                .cloned()
                .collect(),
        );
    }
    let is_boolean = match schema.get("type") {
        Some(Value::String(single)) => single == "boolean",
        Some(Value::Array(types)) => types.contains(&Value::String("boolean".to_owned())),
        _ => false,
    };
    if is_boolean {
        return Some(vec![Value::Bool(true), Value::Bool(false)]);
    }
    values_of(defs, target(defs, schema)?, depth + 1)
}

/// The allowed value a word names: a code span literally, a bare word ignoring case.
fn matching_value(word: &Word, allowed: &[Value]) -> Option<Value> {
    allowed
        .iter()
        .find(|value| {
            let text = value_text(value);
            match word {
                Word::Code(code) => text == *code,
                Word::Bare(bare) => text.eq_ignore_ascii_case(bare),
            }
        })
        .cloned()
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// How many conditions of each kind.
pub fn counts(conditions: &[Condition]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for condition in conditions {
        *counts.entry(condition.requirement.kind()).or_insert(0) += 1;
    }
    counts
}

/// `3 atLeastOneOf, 80 portfolioOnly, …`.
pub fn summary(conditions: &[Condition]) -> String {
    counts(conditions)
        .iter()
        .map(|(kind, count)| format!("{count} {kind}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The human-readable list the lead reviews (`--conditions-list`).
pub fn render_list(extraction: &Extraction) -> String {
    let mut text = format!(
        "Conditions read from the docs' parameter tables: {} ({})\n",
        extraction.conditions.len(),
        summary(&extraction.conditions)
    );
    let mut by_kind: BTreeMap<&str, Vec<&Condition>> = BTreeMap::new();
    for condition in &extraction.conditions {
        by_kind
            .entry(condition.requirement.kind())
            .or_default()
            .push(condition);
    }
    for (kind, conditions) in by_kind {
        text.push_str(&format!("\n== {kind} ({}) ==\n", conditions.len()));
        for condition in conditions {
            text.push_str(&format!(
                "{}: {}\n    {}\n",
                condition.def,
                describe(&condition.requirement),
                condition.docs
            ));
        }
    }
    for (title, leftovers) in [
        ("unrecognised phrasings", &extraction.leftovers.unrecognised),
        ("unresolved rules", &extraction.leftovers.unresolved),
    ] {
        text.push_str(&format!("\n== {title} ({}) ==\n", leftovers.len()));
        for leftover in leftovers {
            text.push_str(&format!(
                "`{}`: {} — {}\n    {}\n",
                leftover.property, leftover.sentence, leftover.reason, leftover.docs
            ));
        }
    }
    text
}

fn describe(rule: &Requirement) -> String {
    let list = |names: &[String]| names.join(", ");
    match rule {
        Requirement::AtLeastOneOf { properties } => format!("at least one of {}", list(properties)),
        Requirement::RequiredIfAbsent { property, absent } => {
            format!("{property} required when none of {} is given", list(absent))
        }
        Requirement::RequiredIfPresent { property, present } => {
            format!("{property} required when any of {} is given", list(present))
        }
        Requirement::RequiredWhen {
            property,
            within,
            sibling,
            sibling_update_value,
            values,
        } => {
            let values: Vec<String> = values.iter().map(Value::to_string).collect();
            let at = if *sibling_update_value { ".Value" } else { "" };
            let path = match within {
                Some(holder) => format!("{holder}.{property}"),
                None => property.clone(),
            };
            format!(
                "{path} required when {sibling}{at} is {}",
                values.join(" or ")
            )
        }
        Requirement::UsedTogetherWith { property, with } => {
            format!("{property} only together with one of {}", list(with))
        }
        Requirement::PortfolioOnly { property } => {
            format!("{property} required with a Portfolio Access Token, ignored otherwise")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::openapi::parse;
    use crate::generate::tables::page_tables;
    use serde_json::json;

    const SPEC: &str = r##"
openapi: 3.0.4
info: {title: Connector API, version: v1}
paths:
  /api/connector/v1/companionships/getAll:
    post:
      operationId: companionships_getAll
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/CompanionshipFilter'}
  /api/connector/v1/bills/getAll:
    post:
      operationId: bills_getAll
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/BillFilter'}
components:
  schemas:
    CompanionshipFilter:
      type: object
      required: [ClientToken, Extent]
      properties:
        ClientToken: {type: string}
        ChainIds: {type: array, items: {type: string}, nullable: true}
        CompanionshipIds: {type: array, items: {type: string}, nullable: true}
        CustomerIds: {type: array, items: {type: string}, nullable: true}
        UpdatedUtc: {type: string, nullable: true}
        Extent: {type: object}
    BillFilter:
      type: object
      required: [ClientToken]
      properties:
        ClientToken: {type: string}
        EnterpriseIds: {type: array, items: {type: string}, nullable: true}
        BillIds: {type: array, items: {type: string}, nullable: true}
        CustomerIds: {type: array, items: {type: string}, nullable: true}
        State: {$ref: '#/components/schemas/BillState'}
    BillState: {type: string, enum: [Open, Closed]}
    AccountUpdate:
      type: object
      properties:
        Discriminator: {$ref: '#/components/schemas/AccountKind'}
        Customer: {type: object, nullable: true}
        Company: {type: object, nullable: true}
    AccountKind: {type: string, enum: [Customer, Company]}
    BlockUpdate:
      type: object
      properties:
        ReleaseStrategy:
          allOf: [{$ref: '#/components/schemas/ReleaseStrategyUpdateValue'}]
          nullable: true
        ReleasedUtc: {type: string, nullable: true}
        RollingReleaseOffset: {type: string, nullable: true}
    ReleaseStrategyUpdateValue:
      type: object
      properties: {Value: {$ref: '#/components/schemas/ReleaseStrategy'}}
    ReleaseStrategy: {type: string, enum: [FixedRelease, RollingRelease, None]}
    RateAdd:
      type: object
      properties:
        PricingType: {$ref: '#/components/schemas/PricingKind'}
        Pricing: {allOf: [{$ref: '#/components/schemas/RatePricing'}], nullable: true}
    RatePricing:
      type: object
      properties: {DependentRatePricing: {type: object, nullable: true}}
    PricingKind: {type: string, enum: [BaseRatePricing, DependentRatePricing]}
"##;

    // Rows of operations/companionships.md, bills.md, accounts.md and availabilityblocks.md
    // (abridged), and one invented row per failure.
    const PAGE: &str = "# Things\n\n## Get all companionships\n\n### Request\n\n`[PlatformAddress]/api/connector/v1/companionships/getAll`\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `ClientToken` | string | required | Token identifying the client application. |\n| `ChainIds` | array of string | optional, max 1000 items | Unique identifiers of the chain. Required when using [Portfolio Access Tokens](../concepts/multi-property.md), ignored otherwise. |\n| `CompanionshipIds` | array of string | optional, max 1000 items | Unique identifiers of `Companionship`. Required if no other filter is provided. |\n| `Extent` | [Companionship extent](companionships.md#companionship-extent) | required | Extent of data to be returned. |\n| `CustomerIds` | array of string | optional, max 1000 items | Unique identifiers of `Customer`. Required if no other filter is provided. |\n| `UpdatedUtc` | [Time interval](_objects.md#time-interval) | optional, max length 3 months | Interval in which the `Companionship` was updated. Must be used together with at least one another filter. |\n| `GhostIds` | array of string | optional | Required if no other filter is provided. |\n\n## Get all bills\n\n### Request\n\n`[PlatformAddress]/api/connector/v1/bills/getAll`\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `ClientToken` | string | required | Token identifying the client application. |\n| `EnterpriseIds` | array of string | optional, max 1000 items | Unique identifiers of the Enterprises. |\n| `BillIds` | array of string | optional, max 1000 items | Unique identifiers of the `Bills`. Required if no other filter is provided. |\n| `CustomerIds` | array of string | optional, max 1000 items | Unique identifiers of the `Customers`. Required for France LE. |\n| `State` | [Bill state](bills.md#bill-state) | optional | State the bills should be in. |\n\n#### Account update parameters\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `Discriminator` | string | required | Type of the account. |\n| `Customer` | object | optional | Customer data to be updated. Required when `Discriminator` is `Customer`. |\n| `Company` | object | optional | Company data to be updated. Required when `Discriminator` is `Compny`. |\n\n#### Availability block update parameters\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `ReleasedUtc` | string | optional | Required if `ReleaseStrategy` is set to `FixedRelease`, or used when `ReleaseStrategy` update is unspecified. |\n| `RollingReleaseOffset` | string | optional | Required if `Strategy` is set to `RollingRelease`, ignored otherwise. |\n\n#### Rate pricing parameters\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `DependentRatePricing` | object | optional | Additional data for rate with dependent rate pricing. Required when `PricingType` is `DependentRatePricing`. |\n\n#### Unplaced parameters\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `Id` | string | optional | Required if no other filter is provided. |\n";

    fn extraction() -> Extraction {
        let spec = parse(SPEC).unwrap();
        let bundle = crate::generate::bundle::build(&spec).unwrap();
        let place = |anchor: &str| ("operations/things".to_owned(), anchor.to_owned());
        let docs = Docs {
            operations: crate::generate::docs::operation_sections("things", PAGE)
                .into_iter()
                .collect(),
            types: [
                (
                    "accountupdate".to_owned(),
                    place("account-update-parameters"),
                ),
                (
                    "blockupdate".to_owned(),
                    place("availability-block-update-parameters"),
                ),
                ("ratepricing".to_owned(), place("rate-pricing-parameters")),
            ]
            .into_iter()
            .collect(),
            tables: page_tables("things", PAGE),
            deprecations: None,
        };
        extract(&docs, &spec, &bundle)
    }

    fn url(anchor: &str) -> String {
        format!("{DOCS_BASE}operations/things#{anchor}")
    }

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn rules_land_on_their_types() {
        let extraction = extraction();
        let found: Vec<(&str, &Requirement, &str)> = extraction
            .conditions
            .iter()
            .map(|c| (c.def.as_str(), &c.requirement, c.docs.as_str()))
            .collect();
        let companionships = url("get-all-companionships");
        let bills = url("get-all-bills");
        assert_eq!(
            found,
            [
                (
                    "AccountUpdate",
                    &Requirement::RequiredWhen {
                        property: "Customer".to_owned(),
                        within: None,
                        sibling: "Discriminator".to_owned(),
                        sibling_update_value: false,
                        values: vec![json!("Customer")],
                    },
                    url("account-update-parameters").as_str()
                ),
                (
                    "BillFilter",
                    // One marked property: the other filters join it (not the scope).
                    &Requirement::AtLeastOneOf {
                        properties: names(&["BillIds", "CustomerIds", "State"])
                    },
                    bills.as_str()
                ),
                (
                    "BlockUpdate",
                    &Requirement::RequiredWhen {
                        property: "ReleasedUtc".to_owned(),
                        within: None,
                        sibling: "ReleaseStrategy".to_owned(),
                        sibling_update_value: true,
                        values: vec![json!("FixedRelease")],
                    },
                    url("availability-block-update-parameters").as_str()
                ),
                (
                    "CompanionshipFilter",
                    &Requirement::AtLeastOneOf {
                        properties: names(&["CompanionshipIds", "CustomerIds"])
                    },
                    companionships.as_str()
                ),
                (
                    "CompanionshipFilter",
                    &Requirement::PortfolioOnly {
                        property: "ChainIds".to_owned()
                    },
                    companionships.as_str()
                ),
                (
                    "CompanionshipFilter",
                    &Requirement::UsedTogetherWith {
                        property: "UpdatedUtc".to_owned(),
                        with: names(&["CompanionshipIds", "CustomerIds"])
                    },
                    companionships.as_str()
                ),
                (
                    "RateAdd",
                    // The sibling is the parent's: the rule is on the parent.
                    &Requirement::RequiredWhen {
                        property: "DependentRatePricing".to_owned(),
                        within: Some("Pricing".to_owned()),
                        sibling: "PricingType".to_owned(),
                        sibling_update_value: false,
                        values: vec![json!("DependentRatePricing")],
                    },
                    url("rate-pricing-parameters").as_str()
                ),
            ]
        );
    }

    #[test]
    fn what_does_not_fit_is_left_over_with_a_reason() {
        let leftovers = extraction().leftovers;
        let unrecognised: Vec<(&str, &str)> = leftovers
            .unrecognised
            .iter()
            .map(|l| (l.property.as_str(), l.sentence.as_str()))
            .collect();
        assert_eq!(unrecognised, [("CustomerIds", "Required for France LE")]);
        let unresolved: Vec<(&str, &str)> = leftovers
            .unresolved
            .iter()
            .map(|l| (l.property.as_str(), l.reason.as_str()))
            .collect();
        assert_eq!(
            unresolved,
            [
                (
                    "Company",
                    "`Compny` is not a value of `Discriminator` in AccountUpdate (Customer, Company) (closest: `Company`)"
                ),
                (
                    "RollingReleaseOffset",
                    "`Strategy` is not a property of BlockUpdate nor of a type holding it"
                ),
                (
                    "GhostIds",
                    "`GhostIds` is not a property of CompanionshipFilter"
                ),
                ("Id", "the section maps to no schema type"),
            ]
        );
    }

    #[test]
    fn values_match_literally_in_code_and_ignoring_case_when_bare() {
        let allowed = [json!("Continuous"), json!("Recurring")];
        assert_eq!(
            matching_value(&Word::Bare("recurring".to_owned()), &allowed),
            Some(json!("Recurring"))
        );
        assert_eq!(
            matching_value(&Word::Code("recurring".to_owned()), &allowed),
            None
        );
        assert_eq!(
            matching_value(&Word::Bare("true".to_owned()), &[json!(true), json!(false)]),
            Some(json!(true))
        );
    }
}
