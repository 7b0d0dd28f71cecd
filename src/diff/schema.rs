//! Compares one body's converted schemas in two contracts, property by property.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Change, ChangeKind, Contract, Direction, Place};
use crate::generate::convert::DEFS_PREFIX;

/// Deeper nesting than this is not compared (the Connector API's bodies nest about 6 levels).
const MAX_DEPTH: usize = 24;

/// The changes between the body `old_def` of `old` and `new_def` of `new`.
pub(super) fn body_changes(
    old: &Contract,
    new: &Contract,
    old_def: &str,
    new_def: &str,
    place: Place,
    direction: Direction,
) -> Vec<Change> {
    let mut walk = Walk {
        old,
        new,
        place,
        direction,
        descended: BTreeSet::new(),
        changes: Vec::new(),
    };
    let before = View::of_def(&old.defs, old_def);
    let after = View::of_def(&new.defs, new_def);
    walk.compare_views("", before, after, None, 0);
    walk.changes
}

/// The property a compared schema is: its name and the `$defs` holding it on each side.
struct Holder<'a> {
    name: &'a str,
    old_def: Option<&'a str>,
    new_def: Option<&'a str>,
}

struct Walk<'a> {
    old: &'a Contract,
    new: &'a Contract,
    place: Place,
    direction: Direction,
    /// Pairs of `$defs` whose contents were compared already (once per body: shared and
    /// recursive types are reported at their first path).
    descended: BTreeSet<(String, String)>,
    changes: Vec<Change>,
}

impl<'a> Walk<'a> {
    fn push(&mut self, path: &str, kind: ChangeKind) {
        self.changes.push(Change {
            impact: kind.impact(self.direction),
            place: self.place,
            path: path.to_owned(),
            kind,
        });
    }

    fn compare(
        &mut self,
        path: &str,
        old: &'a Value,
        new: &'a Value,
        holder: Option<Holder<'a>>,
        depth: usize,
    ) {
        let before = View::of(&self.old.defs, old);
        let after = View::of(&self.new.defs, new);
        self.compare_views(path, before, after, holder, depth);
    }

    fn compare_views(
        &mut self,
        path: &str,
        before: View<'a>,
        after: View<'a>,
        holder: Option<Holder<'a>>,
        depth: usize,
    ) {
        if let Some(holder) = &holder {
            self.deprecation(path, &before, &after, holder);
        }
        self.facts(path, &before, &after);
        if depth >= MAX_DEPTH {
            return;
        }
        if let (Some(old_def), Some(new_def)) = (before.def, after.def) {
            if !self
                .descended
                .insert((old_def.to_owned(), new_def.to_owned()))
            {
                return;
            }
        }
        if let (Some(old_items), Some(new_items)) = (before.items, after.items) {
            self.compare(&format!("{path}/*"), old_items, new_items, None, depth + 1);
        }
        self.properties(path, &before, &after, depth);
        self.variants(path, &before, &after, depth);
    }

    /// A property newly deprecated: by the schema's flag, or by the docs' Deprecations page when
    /// both sides were read with their docs (the new side's docs give the date).
    fn deprecation(&mut self, path: &str, before: &View, after: &View, holder: &Holder) {
        let both_docs = self.old.with_docs && self.new.with_docs;
        let listing = listed(self.new, holder.new_def, holder.name);
        let was = before.deprecated
            || (both_docs && listed(self.old, holder.old_def, holder.name).is_some());
        let is = after.deprecated || (both_docs && listing.is_some());
        if !was && is {
            self.push(
                path,
                ChangeKind::PropertyDeprecated {
                    message: after.message.map(str::to_owned),
                    discontinued: listing.cloned().flatten(),
                },
            );
        }
    }

    /// Type, format and enum of the value at `path`.
    fn facts(&mut self, path: &str, before: &View, after: &View) {
        let (old_types, new_types) = (before.types(), after.types());
        if !old_types.is_empty() && !new_types.is_empty() && old_types != new_types {
            self.push(
                path,
                ChangeKind::TypeChanged {
                    from: old_types,
                    to: new_types,
                },
            );
        }
        if before.format != after.format {
            self.push(
                path,
                ChangeKind::FormatChanged {
                    from: before.format.map(str::to_owned),
                    to: after.format.map(str::to_owned),
                },
            );
        }
        match (&before.values, &after.values) {
            (Some(old_values), Some(new_values)) => {
                let added: Vec<Value> = new_values
                    .iter()
                    .filter(|value| !old_values.contains(value))
                    .map(|value| (*value).clone())
                    .collect();
                let removed: Vec<Value> = old_values
                    .iter()
                    .filter(|value| !new_values.contains(value))
                    .map(|value| (*value).clone())
                    .collect();
                if !added.is_empty() {
                    let extensible = after.extensible;
                    self.push(
                        path,
                        ChangeKind::EnumValuesAdded {
                            values: added,
                            extensible,
                        },
                    );
                }
                if !removed.is_empty() {
                    self.push(path, ChangeKind::EnumValuesRemoved { values: removed });
                }
            }
            (None, Some(new_values)) => {
                let values = new_values.iter().map(|value| (*value).clone()).collect();
                self.push(path, ChangeKind::EnumIntroduced { values });
            }
            (Some(_), None) => self.push(path, ChangeKind::EnumLifted),
            (None, None) => {}
        }
    }

    fn properties(&mut self, path: &str, before: &View<'a>, after: &View<'a>, depth: usize) {
        if !(before.is_object() && after.is_object()) {
            return;
        }
        let names: BTreeSet<&str> = before
            .properties
            .keys()
            .chain(after.properties.keys())
            .copied()
            .collect();
        for name in names {
            let at = format!("{path}/{}", pointer_token(name));
            match (before.properties.get(name), after.properties.get(name)) {
                (Some(_), None) => self.push(&at, ChangeKind::PropertyRemoved),
                (None, Some(_)) => self.push(
                    &at,
                    ChangeKind::PropertyAdded {
                        required: after.required.contains(name),
                    },
                ),
                (Some(old), Some(new)) => {
                    match (
                        before.required.contains(name),
                        after.required.contains(name),
                    ) {
                        (false, true) => self.push(&at, ChangeKind::BecameRequired),
                        (true, false) => self.push(&at, ChangeKind::BecameOptional),
                        _ => {}
                    }
                    let holder = Holder {
                        name,
                        old_def: before.def,
                        new_def: after.def,
                    };
                    self.compare(&at, old, new, Some(holder), depth + 1);
                }
                (None, None) => {}
            }
        }
    }

    fn variants(&mut self, path: &str, before: &View<'a>, after: &View<'a>, depth: usize) {
        if before.variants.is_empty() && after.variants.is_empty() {
            return;
        }
        for (name, old) in &before.variants {
            match after.variants.get(name) {
                Some(new) => self.compare(path, old, new, None, depth + 1),
                None => self.push(path, ChangeKind::VariantRemoved { name: name.clone() }),
            }
        }
        for name in after.variants.keys() {
            if !before.variants.contains_key(name) {
                self.push(path, ChangeKind::VariantAdded { name: name.clone() });
            }
        }
    }
}

/// The docs' Deprecations entry of the property `name` of `def` (its discontinuation date).
fn listed<'c>(contract: &'c Contract, def: Option<&str>, name: &str) -> Option<&'c Option<String>> {
    contract
        .deprecated_properties
        .get(&(def?.to_owned(), name.to_owned()))
}

/// `~` and `/` escaped as JSON Pointer wants.
fn pointer_token(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// A schema with its `$ref`s and null wrappers resolved: what a value there may be. Keywords of
/// the referring schema override those of the referred one.
#[derive(Default)]
struct View<'a> {
    /// The `$defs` whose properties these are (the last object `$ref` followed).
    def: Option<&'a str>,
    /// JSON types of the `type` keyword (the nearest one).
    types: Option<BTreeSet<&'a str>>,
    nullable: bool,
    format: Option<&'a str>,
    /// Enum values other than null.
    values: Option<Vec<&'a Value>>,
    extensible: bool,
    deprecated: bool,
    message: Option<&'a str>,
    properties: BTreeMap<&'a str, &'a Value>,
    required: BTreeSet<&'a str>,
    required_set: bool,
    items: Option<&'a Value>,
    /// Shapes of a `oneOf`/`anyOf` with several non-null branches, by name.
    variants: BTreeMap<String, &'a Value>,
}

impl<'a> View<'a> {
    fn of(defs: &'a BTreeMap<String, Value>, schema: &'a Value) -> View<'a> {
        let mut view = View::default();
        view.collect(defs, schema, 0);
        view
    }

    /// The view of the `$defs` entry `name` (empty when there is none).
    fn of_def(defs: &'a BTreeMap<String, Value>, name: &str) -> View<'a> {
        let mut view = View::default();
        if let Some((name, target)) = defs.get_key_value(name) {
            if target.get("properties").is_some() {
                view.def = Some(name.as_str());
            }
            view.collect(defs, target, 0);
        }
        view
    }

    /// The JSON types, `null` last.
    fn types(&self) -> Vec<String> {
        let types: BTreeSet<&str> = self.types.clone().unwrap_or_default();
        let nullable = self.nullable || types.contains("null");
        let mut names: Vec<String> = types
            .into_iter()
            .filter(|name| *name != "null")
            .map(str::to_owned)
            .collect();
        if nullable && !names.is_empty() {
            names.push("null".to_owned());
        }
        names
    }

    fn is_object(&self) -> bool {
        !self.properties.is_empty()
            || self
                .types
                .as_ref()
                .is_some_and(|types| types.contains("object"))
    }

    fn collect(&mut self, defs: &'a BTreeMap<String, Value>, schema: &'a Value, depth: usize) {
        let Some(map) = schema.as_object() else {
            return;
        };
        if depth > MAX_DEPTH {
            return;
        }
        let text = |key: &str| map.get(key).and_then(Value::as_str);
        if self.types.is_none() {
            self.types = match map.get("type") {
                Some(Value::String(single)) => Some(BTreeSet::from([single.as_str()])),
                Some(Value::Array(types)) => Some(types.iter().filter_map(Value::as_str).collect()),
                _ => None,
            };
        }
        self.format = self.format.or(text("format"));
        if self.values.is_none() {
            if let Some(values) = map.get("enum").and_then(Value::as_array) {
                self.nullable |= values.contains(&Value::Null);
                self.values = Some(values.iter().filter(|value| !value.is_null()).collect());
            }
        }
        self.extensible |= map.get("x-extensible") == Some(&Value::Bool(true));
        self.deprecated |= map.get("deprecated") == Some(&Value::Bool(true));
        self.message = self.message.or(text("x-deprecatedMessage"));
        if let Some(properties) = map.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                self.properties.entry(name.as_str()).or_insert(property);
            }
        }
        if !self.required_set {
            if let Some(required) = map.get("required").and_then(Value::as_array) {
                self.required = required.iter().filter_map(Value::as_str).collect();
                self.required_set = true;
            }
        }
        self.items = self.items.or(map.get("items"));
        for keyword in ["anyOf", "oneOf"] {
            let Some(branches) = map.get(keyword).and_then(Value::as_array) else {
                continue;
            };
            let is_null =
                |branch: &Value| branch.get("type") == Some(&Value::String("null".into()));
            self.nullable |= branches.iter().any(is_null);
            let real: Vec<&Value> = branches.iter().filter(|branch| !is_null(branch)).collect();
            match real.as_slice() {
                [only] => self.collect(defs, only, depth + 1),
                many if self.variants.is_empty() => {
                    for (index, branch) in many.iter().enumerate() {
                        self.variants.insert(variant_name(branch, index), branch);
                    }
                }
                _ => {}
            }
        }
        if let Some(name) = text("$ref").and_then(|target| target.strip_prefix(DEFS_PREFIX)) {
            if let Some((name, target)) = defs.get_key_value(name) {
                if self.def.is_none() && target.get("properties").is_some() {
                    self.def = Some(name.as_str());
                }
                self.collect(defs, target, depth + 1);
            }
        }
    }
}

/// A branch's `$defs` name, else its title, else its position.
fn variant_name(branch: &Value, index: usize) -> String {
    branch
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|target| target.strip_prefix(DEFS_PREFIX))
        .or_else(|| branch.get("title").and_then(Value::as_str))
        .map_or_else(|| format!("#{index}"), str::to_owned)
}
