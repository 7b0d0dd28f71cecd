//! Which branch of a union (`anyOf`/`oneOf`) a value was meant for — the one way the product picks
//! a branch, for the certification rules' walk ([`super::plan`]) and for reporting a failed union
//! alike.
//!
//! Each branch is summarised once as a [`Shape`] (the JSON types it accepts, the property names it
//! knows with their `const`/`enum` discriminators, the names it requires), read from the schemas
//! the branch leads to through `$ref` and `allOf`; [`choose`] scores a value against the shapes.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::source::pointer;

/// Bound on nested `$ref`/`allOf`/`anyOf` hops while resolving one value: the bundle is
/// generated, but a cyclic or hostile bundle must not hang the engine.
pub const MAX_RESOLUTION_DEPTH: usize = 32;

/// Where the `$defs` of a schema bundle come from: the embedded bundle, or a hand-made one.
pub trait Defs {
    /// The schema of a `$defs` entry.
    fn def(&self, name: &str) -> Option<&Value>;
}

/// A bundle document: its `$defs`.
impl Defs for Value {
    fn def(&self, name: &str) -> Option<&Value> {
        self.get("$defs")?.get(name)
    }
}

/// The `$defs` name and schema a `$ref` designates (`#/$defs/X` or `<bundle id>#/$defs/X`).
pub fn dereference<'s, D: Defs + ?Sized>(
    defs: &'s D,
    reference: &str,
) -> Option<(String, &'s Value)> {
    let (_, fragment) = reference.split_once('#')?;
    let name = fragment.strip_prefix("/$defs/")?;
    // Generated names never need RFC 6901 escapes; unescape only when present (rare, allocates).
    let name = if name.contains('~') {
        let tokens = pointer::tokens(fragment)?;
        let [_, name] = tokens.as_slice() else {
            return None;
        };
        name.to_string()
    } else if name.contains('/') {
        return None;
    } else {
        name.to_string()
    };
    let schema = defs.def(&name)?;
    Some((name, schema))
}

/// The schemas `schema` leads to without choosing any union branch: itself, then the targets of
/// its `$ref`s and `allOf`s, outermost first, starting at resolution `depth`.
pub fn closure<'s, D: Defs + ?Sized>(
    defs: &'s D,
    schema: &'s Value,
    depth: usize,
) -> Vec<&'s Value> {
    let mut out = Vec::new();
    collect(defs, schema, depth, &mut out);
    out
}

fn collect<'s, D: Defs + ?Sized>(
    defs: &'s D,
    schema: &'s Value,
    depth: usize,
    out: &mut Vec<&'s Value>,
) {
    if depth > MAX_RESOLUTION_DEPTH || !schema.is_object() {
        return;
    }
    out.push(schema);
    if let Some((_, target)) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| dereference(defs, reference))
    {
        collect(defs, target, depth + 1, out);
    }
    for part in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        collect(defs, part, depth + 1, out);
    }
}

/// JSON types as bits: a branch's accepted types and a value's own.
const NULL: u8 = 1;
const BOOLEAN: u8 = 2;
const INTEGER: u8 = 4;
const NUMBER: u8 = 8;
const STRING: u8 = 16;
const ARRAY: u8 = 32;
const OBJECT: u8 = 64;
/// A type name JSON Schema does not define: never matches a value.
const OTHER: u8 = 128;

fn type_bit(name: &str) -> u8 {
    match name {
        "null" => NULL,
        "boolean" => BOOLEAN,
        "integer" => INTEGER,
        "number" => NUMBER,
        "string" => STRING,
        "array" => ARRAY,
        "object" => OBJECT,
        _ => OTHER,
    }
}

fn value_bit(value: &Value) -> u8 {
    match value {
        Value::Null => NULL,
        Value::Bool(_) => BOOLEAN,
        Value::Number(n) if n.is_i64() || n.is_u64() => INTEGER,
        Value::Number(_) => NUMBER,
        Value::String(_) => STRING,
        Value::Array(_) => ARRAY,
        Value::Object(_) => OBJECT,
    }
}

/// What a property's schema says its value must be, for telling variants apart.
#[derive(Debug, Clone, PartialEq)]
enum Discriminator {
    None,
    Const(Value),
    Enum(Vec<Value>),
}

impl Discriminator {
    fn of(schema: &Value) -> Self {
        if let Some(constant) = schema.get("const") {
            return Discriminator::Const(constant.clone());
        }
        match schema.get("enum").and_then(Value::as_array) {
            Some(values) => Discriminator::Enum(values.clone()),
            None => Discriminator::None,
        }
    }

    fn matches(&self, value: &Value) -> Option<bool> {
        match self {
            Discriminator::None => None,
            Discriminator::Const(constant) => Some(constant == value),
            Discriminator::Enum(values) => Some(values.contains(value)),
        }
    }
}

/// A union branch summarised for scoring.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The `type`s of the branch's schemas, as bits; `has_types` is false when none names one.
    types: u8,
    has_types: bool,
    /// Property names (first schema defining one wins), sorted, with their discriminators.
    properties: Vec<(Box<str>, Discriminator)>,
    /// The first object `additionalProperties`: what unknown names are checked against.
    additional: Option<Discriminator>,
    /// Every `required` name, repeats included (each missing one counts).
    required: Vec<Box<str>>,
    /// The branch is exactly `{"type": "null"}` (the branch a nullable wrapper adds).
    null_only: bool,
}

impl Shape {
    /// The shape of `branch`, resolved from `depth` on.
    pub fn of<D: Defs + ?Sized>(defs: &D, branch: &Value, depth: usize) -> Self {
        let schemas = closure(defs, branch, depth);
        let mut types = 0;
        let mut has_types = false;
        let mut properties: BTreeMap<&str, Discriminator> = BTreeMap::new();
        let mut additional = None;
        let mut required = Vec::new();
        for schema in &schemas {
            match schema.get("type") {
                Some(Value::String(name)) => {
                    has_types = true;
                    types |= type_bit(name);
                }
                Some(Value::Array(names)) => {
                    for name in names.iter().filter_map(Value::as_str) {
                        has_types = true;
                        types |= type_bit(name);
                    }
                }
                _ => {}
            }
            if let Some(defined) = schema.get("properties").and_then(Value::as_object) {
                for (name, property) in defined {
                    properties
                        .entry(name.as_str())
                        .or_insert_with(|| Discriminator::of(property));
                }
            }
            if additional.is_none()
                && let Some(extra) = schema.get("additionalProperties").filter(|a| a.is_object())
            {
                additional = Some(Discriminator::of(extra));
            }
            required.extend(
                schema
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(Box::from),
            );
        }
        Shape {
            types,
            has_types,
            properties: properties
                .into_iter()
                .map(|(name, discriminator)| (Box::from(name), discriminator))
                .collect(),
            additional,
            required,
            null_only: branch.as_object().is_some_and(|s| {
                s.len() == 1 && s.get("type").and_then(Value::as_str) == Some("null")
            }),
        }
    }

    /// The discriminator of a member named `key`: of its property, else of `additionalProperties`.
    fn property(&self, key: &str) -> Option<&Discriminator> {
        self.properties
            .binary_search_by(|(name, _)| (**name).cmp(key))
            .ok()
            .map(|at| &self.properties[at].1)
            .or(self.additional.as_ref())
    }

    /// How well `value` fits: the type first, then for objects how many keys the branch knows,
    /// how many required keys are present, and whether `const`/`enum` discriminators match.
    fn fit(&self, value: &Value) -> i64 {
        let found = value_bit(value);
        let type_fits = !self.has_types
            || self.types & found != 0
            || (found == INTEGER && self.types & NUMBER != 0);
        let mut score = if type_fits {
            1000
        } else if self.types == NULL {
            -1
        } else {
            0
        };
        if let Value::Object(members) = value {
            for (key, member) in members {
                match self.property(key) {
                    Some(discriminator) => {
                        score += 10;
                        match discriminator.matches(member) {
                            Some(true) => score += 50,
                            Some(false) => score -= 50,
                            None => {}
                        }
                    }
                    None => score -= 10,
                }
            }
            let missing = self
                .required
                .iter()
                .filter(|key| !members.contains_key(&***key))
                .count();
            score -= 5 * i64::try_from(missing).unwrap_or(i64::MAX / 8);
        }
        score
    }
}

/// The index of the branch of a union that fits `value` best, among those `allowed`. When none
/// fits (a bare string where an object is expected), the best non-null branch still wins: rules
/// then explain what was expected.
pub fn choose(shapes: &[Shape], value: &Value, allowed: impl Fn(usize) -> bool) -> Option<usize> {
    // The common nullable wrapper `[X, {"type": "null"}]` needs no scoring.
    if let [first, second] = shapes
        && allowed(0)
        && allowed(1)
    {
        match (first.null_only, second.null_only) {
            (true, false) => return Some(if value.is_null() { 0 } else { 1 }),
            (false, true) => return Some(if value.is_null() { 1 } else { 0 }),
            _ => {}
        }
    }
    let mut best: Option<(i64, usize)> = None;
    for (index, shape) in shapes.iter().enumerate().filter(|(i, _)| allowed(*i)) {
        let score = shape.fit(value);
        if best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

/// The shapes of a union's branches, resolved from `depth` on.
pub fn shapes<D: Defs + ?Sized>(defs: &D, branches: &[Value], depth: usize) -> Vec<Shape> {
    branches
        .iter()
        .map(|branch| Shape::of(defs, branch, depth))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bundle() -> Value {
        json!({"$defs": {
            "Space": {"type": "object", "properties": {"Discriminator": {"const": "Space"}, "Floor": {}}},
            "Person": {"type": "object", "required": ["Name"],
                       "properties": {"Discriminator": {"const": "Person"}, "Age": {}, "Name": {}}},
            "Wrapped": {"allOf": [{"$ref": "urn:x#/$defs/Person"}]}
        }})
    }

    fn pick(branches: &Value, value: Value) -> Option<usize> {
        let bundle = bundle();
        let shapes = shapes(&bundle, branches.as_array().unwrap(), 1);
        choose(&shapes, &value, |_| true)
    }

    #[test]
    fn nullable_wrappers_need_no_scoring() {
        let branches = json!([{"$ref": "#/$defs/Space"}, {"type": "null"}]);
        assert_eq!(pick(&branches, json!(null)), Some(1));
        assert_eq!(pick(&branches, json!("bare")), Some(0));
    }

    #[test]
    fn discriminators_and_known_keys_decide() {
        let branches = json!([{"$ref": "#/$defs/Space"}, {"$ref": "#/$defs/Wrapped"}]);
        assert_eq!(
            pick(&branches, json!({"Discriminator": "Person", "Name": "x"})),
            Some(1)
        );
        assert_eq!(pick(&branches, json!({"Discriminator": "Space"})), Some(0));
        assert_eq!(pick(&branches, json!({"Floor": 1})), Some(0));
        assert_eq!(pick(&branches, json!({"Age": 1, "Name": "x"})), Some(1));
    }

    #[test]
    fn types_come_first_and_allowed_branches_limit_the_choice() {
        let branches = json!([{"type": "string"}, {"type": "integer"}, {"type": "number"}]);
        assert_eq!(pick(&branches, json!(1)), Some(1));
        assert_eq!(pick(&branches, json!(1.5)), Some(2));
        let bundle = bundle();
        let shapes = shapes(&bundle, branches.as_array().unwrap(), 1);
        assert_eq!(choose(&shapes, &json!(1), |i| i != 1), Some(2));
        assert_eq!(choose(&shapes, &json!(1), |_| false), None);
    }

    #[test]
    fn references_resolve_with_and_without_escapes() {
        let bundle = json!({"$defs": {"a/b": {"type": "string"}, "c": {"type": "null"}}});
        assert_eq!(
            dereference(&bundle, "#/$defs/a~1b").map(|(n, _)| n),
            Some("a/b".into())
        );
        assert_eq!(
            dereference(&bundle, "urn:x#/$defs/c").map(|(n, _)| n),
            Some("c".into())
        );
        assert!(dereference(&bundle, "#/$defs/a/b").is_none());
        assert!(dereference(&bundle, "#/properties/x").is_none());
    }

    #[test]
    fn cycles_terminate() {
        let bundle =
            json!({"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"allOf": [{"$ref": "#/$defs/A"}]}}});
        let schemas = closure(&bundle, bundle.def("A").unwrap(), 0);
        assert!(schemas.len() <= 2 * (MAX_RESOLUTION_DEPTH + 1));
    }
}
