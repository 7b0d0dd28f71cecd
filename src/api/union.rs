//! Which schemas of the bundle apply to a value: `$ref` and `allOf` are followed, and of a union
//! (`anyOf`/`oneOf`) the branch the value was meant for is chosen — the one way the product picks
//! a branch, for the certification rules' walk and for reporting a failed union alike.

use serde_json::Value as Schema;

use crate::source::{Node, Value, pointer};

/// Bound on nested `$ref`/`allOf`/`anyOf` hops while resolving one value: the bundle is
/// generated, but a cyclic or hostile bundle must not hang the engine.
pub const MAX_RESOLUTION_DEPTH: usize = 32;

/// Whether resolution descends into `anyOf`/`oneOf`. Scoring a branch does not, so nested unions
/// cannot make branch choice exponential.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unions {
    Choose,
    Skip,
}

/// The schemas that apply to one value, outermost first, and the `$defs` names reached.
#[derive(Debug, Default)]
pub struct Resolved<'s> {
    pub schemas: Vec<&'s Schema>,
    pub defs: Vec<&'s str>,
}

/// Adds to `resolved` `schema` and what it leads to for `node`: the targets of its `$ref`s and
/// `allOf`s, then (with [`Unions::Choose`]) the chosen branch of each `anyOf`/`oneOf`.
pub fn resolve<'s>(
    bundle: &'s Schema,
    schema: &'s Schema,
    node: &Node,
    resolved: &mut Resolved<'s>,
    unions: Unions,
    depth: usize,
) {
    if depth > MAX_RESOLUTION_DEPTH || !schema.is_object() {
        return;
    }
    resolved.schemas.push(schema);
    if let Some((name, target)) = schema
        .get("$ref")
        .and_then(Schema::as_str)
        .and_then(|reference| dereference(bundle, reference))
    {
        resolved.defs.push(name);
        resolve(bundle, target, node, resolved, unions, depth + 1);
    }
    if let Some(parts) = schema.get("allOf").and_then(Schema::as_array) {
        for part in parts {
            resolve(bundle, part, node, resolved, unions, depth + 1);
        }
    }
    if unions == Unions::Skip {
        return;
    }
    for union in ["anyOf", "oneOf"] {
        if let Some(branch) = schema
            .get(union)
            .and_then(Schema::as_array)
            .and_then(|branches| {
                choose(bundle, branches, node, |_| true, depth).and_then(|i| branches.get(i))
            })
        {
            resolve(bundle, branch, node, resolved, unions, depth + 1);
        }
    }
}

/// A schema in the bundle's `$defs`, with its name.
pub fn definition<'s>(bundle: &'s Schema, name: &str) -> Option<(&'s str, &'s Schema)> {
    bundle
        .get("$defs")?
        .as_object()?
        .get_key_value(name)
        .map(|(name, schema)| (name.as_str(), schema))
}

/// The `$defs` name and schema a `$ref` designates (`#/$defs/X` or `<bundle id>#/$defs/X`).
fn dereference<'s>(bundle: &'s Schema, reference: &str) -> Option<(&'s str, &'s Schema)> {
    let (_, fragment) = reference.split_once('#')?;
    let name = fragment.strip_prefix("/$defs/")?;
    // Generated names never need RFC 6901 escapes; unescape only when present (rare, allocates).
    if name.contains('~') {
        let tokens = pointer::tokens(fragment)?;
        let [_, name] = tokens.as_slice() else {
            return None;
        };
        return definition(bundle, name);
    }
    if name.contains('/') {
        return None;
    }
    definition(bundle, name)
}

/// The index of the branch of a union that fits `node` best, among those `allowed`. When none
/// fits (a bare string where an object is expected), the best non-null branch still wins: rules
/// then explain what was expected.
pub fn choose(
    bundle: &Schema,
    branches: &[Schema],
    node: &Node,
    allowed: impl Fn(usize) -> bool,
    depth: usize,
) -> Option<usize> {
    // The common nullable wrapper `[X, {"type": "null"}]` needs no scoring.
    if let [first, second] = branches
        && allowed(0)
        && allowed(1)
    {
        match (is_null_only(first), is_null_only(second)) {
            (true, false) => return Some(if node.is_null() { 0 } else { 1 }),
            (false, true) => return Some(if node.is_null() { 1 } else { 0 }),
            _ => {}
        }
    }
    let mut best: Option<(i64, usize)> = None;
    for (index, branch) in branches.iter().enumerate().filter(|(i, _)| allowed(*i)) {
        let mut probe = Resolved::default();
        resolve(bundle, branch, node, &mut probe, Unions::Skip, depth + 1);
        let score = fit(&probe.schemas, node);
        if best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

/// `{"type": "null"}`: the branch a nullable wrapper adds.
fn is_null_only(schema: &Schema) -> bool {
    schema
        .as_object()
        .is_some_and(|s| s.len() == 1 && s.get("type").and_then(Schema::as_str) == Some("null"))
}

/// How well a value fits a set of schemas: the type first, then for objects how many keys the
/// schemas know, how many required keys are present, and whether `const`/`enum` discriminators match.
fn fit(schemas: &[&Schema], node: &Node) -> i64 {
    let types: Vec<&str> = schemas
        .iter()
        .filter_map(|s| s.get("type"))
        .flat_map(|t| match t {
            Schema::String(name) => vec![name.as_str()],
            Schema::Array(names) => names.iter().filter_map(Schema::as_str).collect(),
            _ => Vec::new(),
        })
        .collect();
    let node_type = node.type_name();
    let type_fits = types.is_empty()
        || types
            .iter()
            .any(|&t| t == node_type || (t == "number" && node_type == "integer"));
    let mut score = if type_fits {
        1000
    } else if types.iter().all(|&t| t == "null") {
        -1
    } else {
        0
    };
    for member in node.members() {
        match property_schema(schemas, &member.key) {
            Some(property) => {
                score += 10;
                let constant = property.get("const").map(|c| c == &member.value.to_json());
                let listed = property
                    .get("enum")
                    .and_then(Schema::as_array)
                    .map(|values| values.contains(&member.value.to_json()));
                match constant.or(listed) {
                    Some(true) => score += 50,
                    Some(false) => score -= 50,
                    None => {}
                }
            }
            None => score -= 10,
        }
    }
    if matches!(node.value, Value::Object(_)) {
        let missing = schemas
            .iter()
            .filter_map(|s| s.get("required").and_then(Schema::as_array))
            .flatten()
            .filter_map(Schema::as_str)
            .filter(|key| node.member(key).is_none())
            .count();
        score -= 5 * i64::try_from(missing).unwrap_or(i64::MAX / 8);
    }
    score
}

/// The schema of an object member: the first `properties` entry, else `additionalProperties`.
pub fn property_schema<'s>(schemas: &[&'s Schema], key: &str) -> Option<&'s Schema> {
    schemas
        .iter()
        .find_map(|s| s.get("properties").and_then(|p| p.get(key)))
        .or_else(|| {
            schemas
                .iter()
                .find_map(|s| s.get("additionalProperties").filter(|a| a.is_object()))
        })
}
