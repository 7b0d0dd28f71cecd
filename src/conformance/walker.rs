//! A schema-directed walk of a request body: for every value present in the body, the schemas of
//! the bundle that apply to it. Rules read annotations (`format`, `deprecated`,
//! `x-max-interval-in-months`, ...) from here instead of guessing from property names.
//!
//! Resolution follows `$ref` (into the bundle's `$defs`) and `allOf`, and picks one branch of
//! `anyOf`/`oneOf` by best match, so a nullable wrapper or a union yields the branch the value
//! was meant for. A value the schema does not describe is still visited, with no schemas.

use serde_json::Value as Schema;

use crate::source::{Node, Value, pointer};

/// Bound on nested `$ref`/`allOf`/`anyOf` hops while resolving one value: the bundle is
/// generated, but a cyclic or hostile bundle must not hang the engine.
const MAX_RESOLUTION_DEPTH: usize = 32;

/// One value present in the body and what the schema says about it.
#[derive(Debug)]
pub struct Visit<'d, 's> {
    /// The key of this value in its parent object (`None` for the root and array items).
    pub key: Option<&'d str>,
    /// The position of this value in its parent array.
    pub position: Option<usize>,
    pub node: &'d Node,
    /// Index of the enclosing object's or array's visit in the walk's output.
    pub parent: Option<usize>,
    /// Every schema that applies, outermost first (the property's own schema, then the
    /// targets of its `$ref`s and `allOf`s, then the chosen `anyOf`/`oneOf` branches).
    pub schemas: Vec<&'s Schema>,
    /// The `$defs` names reached through `$ref` while resolving this value.
    pub defs: Vec<&'s str>,
}

impl<'s> Visit<'_, 's> {
    /// The RFC 6901 pointer of this value, built from its ancestors in `visits` (the walk's
    /// output): only values with a finding need one, so the walk does not allocate it.
    pub fn pointer(&self, visits: &[Visit<'_, '_>]) -> String {
        let mut path = Vec::new();
        let mut current = Some(self);
        while let Some(visit) = current {
            path.push((visit.key, visit.position));
            current = visit.parent.and_then(|index| visits.get(index));
        }
        path.iter()
            .rev()
            .fold(String::new(), |pointer, step| match *step {
                (Some(key), _) => pointer::push(&pointer, key),
                (None, Some(position)) => pointer::push_index(&pointer, position),
                (None, None) => pointer,
            })
    }

    /// The first value of a keyword among the applying schemas.
    pub fn keyword(&self, name: &str) -> Option<&'s Schema> {
        self.schemas.iter().find_map(|schema| schema.get(name))
    }

    /// The `format` the schema gives this value.
    pub fn format(&self) -> Option<&'s str> {
        self.keyword("format").and_then(Schema::as_str)
    }
}

/// Visits every value of `root` in document order, starting from the bundle's `$defs/<root_def>`
/// (`None`: the body has no known schema, every value is visited without schemas).
pub fn walk<'d, 's>(
    bundle: &'s Schema,
    root_def: Option<&str>,
    root_node: &'d Node,
) -> Vec<Visit<'d, 's>> {
    let root = root_def.and_then(|def| definition(bundle, def));
    let mut visits = Vec::new();
    // Depth-first with an explicit stack, children pushed in reverse to keep document order.
    let mut stack: Vec<Pending<'d, 's>> = vec![Pending {
        key: None,
        position: None,
        node: root_node,
        parent: None,
        def: root.map(|(name, _)| name),
        schema: root.map(|(_, schema)| schema),
    }];
    while let Some(Pending {
        key,
        position,
        node,
        parent,
        def,
        schema,
    }) = stack.pop()
    {
        let index = Some(visits.len());
        let mut visit = Visit {
            key,
            position,
            node,
            parent,
            schemas: Vec::new(),
            defs: def.into_iter().collect(),
        };
        if let Some(schema) = schema {
            resolve(bundle, schema, node, &mut visit, Unions::Choose, 0);
        }
        match &node.value {
            Value::Object(members) => {
                for member in members.iter().rev() {
                    stack.push(Pending {
                        key: Some(member.key.as_str()),
                        position: None,
                        node: &member.value,
                        parent: index,
                        def: None,
                        schema: property_schema(&visit.schemas, &member.key),
                    });
                }
            }
            Value::Array(items) => {
                let item_schema = visit.keyword("items").filter(|s| s.is_object());
                for (position, item) in items.iter().enumerate().rev() {
                    stack.push(Pending {
                        key: None,
                        position: Some(position),
                        node: item,
                        parent: index,
                        def: None,
                        schema: item_schema,
                    });
                }
            }
            _ => {}
        }
        visits.push(visit);
    }
    visits
}

/// A value waiting to be visited, with the schema its parent gives it.
struct Pending<'d, 's> {
    key: Option<&'d str>,
    position: Option<usize>,
    node: &'d Node,
    parent: Option<usize>,
    /// The `$defs` name of the root schema (other values reach theirs through `$ref`).
    def: Option<&'s str>,
    schema: Option<&'s Schema>,
}

/// A schema in the bundle's `$defs`, with its name.
fn definition<'s>(bundle: &'s Schema, name: &str) -> Option<(&'s str, &'s Schema)> {
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

/// Whether resolution descends into `anyOf`/`oneOf`. Scoring a branch does not, so nested unions
/// cannot make branch choice exponential.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unions {
    Choose,
    Skip,
}

fn resolve<'s>(
    bundle: &'s Schema,
    schema: &'s Schema,
    node: &Node,
    visit: &mut Visit<'_, 's>,
    unions: Unions,
    depth: usize,
) {
    if depth > MAX_RESOLUTION_DEPTH || !schema.is_object() {
        return;
    }
    visit.schemas.push(schema);
    if let Some((name, target)) = schema
        .get("$ref")
        .and_then(Schema::as_str)
        .and_then(|reference| dereference(bundle, reference))
    {
        visit.defs.push(name);
        resolve(bundle, target, node, visit, unions, depth + 1);
    }
    if let Some(parts) = schema.get("allOf").and_then(Schema::as_array) {
        for part in parts {
            resolve(bundle, part, node, visit, unions, depth + 1);
        }
    }
    if unions == Unions::Skip {
        return;
    }
    for union in ["anyOf", "oneOf"] {
        if let Some(branch) = schema
            .get(union)
            .and_then(Schema::as_array)
            .and_then(|branches| best_branch(bundle, branches, node, depth))
        {
            resolve(bundle, branch, node, visit, unions, depth + 1);
        }
    }
}

/// The branch of a union that fits the value best. When none fits (a bare string where an object
/// is expected), the best non-null branch still wins: rules then explain what was expected.
fn best_branch<'s>(
    bundle: &'s Schema,
    branches: &'s [Schema],
    node: &Node,
    depth: usize,
) -> Option<&'s Schema> {
    // The common nullable wrapper `[X, {"type": "null"}]` needs no scoring.
    if let [first, second] = branches {
        match (is_null_only(first), is_null_only(second)) {
            (true, false) => return Some(if node.is_null() { first } else { second }),
            (false, true) => return Some(if node.is_null() { second } else { first }),
            _ => {}
        }
    }
    let mut best: Option<(i64, &'s Schema)> = None;
    for branch in branches {
        let mut probe = Visit {
            key: None,
            position: None,
            node,
            parent: None,
            schemas: Vec::new(),
            defs: Vec::new(),
        };
        resolve(bundle, branch, node, &mut probe, Unions::Skip, depth + 1);
        let score = fit(&probe.schemas, node);
        if best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, branch));
        }
    }
    best.map(|(_, branch)| branch)
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
fn property_schema<'s>(schemas: &[&'s Schema], key: &str) -> Option<&'s Schema> {
    schemas
        .iter()
        .find_map(|s| s.get("properties").and_then(|p| p.get(key)))
        .or_else(|| {
            schemas
                .iter()
                .find_map(|s| s.get("additionalProperties").filter(|a| a.is_object()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Document;
    use serde_json::json;

    fn bundle() -> Schema {
        json!({"$defs": {
            "Params": {"type": "object", "properties": {
                "Name": {"anyOf": [{"$ref": "#/$defs/StringUpdateValue"}, {"type": "null"}]},
                "UpdatedUtc": {"title": "Time interval", "allOf": [{"$ref": "#/$defs/Interval"}],
                               "x-max-interval-in-months": 3},
                "Items": {"type": "array", "items": {"$ref": "urn:mews-connector-validator:bundle#/$defs/Interval"}},
                "Data": {"oneOf": [{"$ref": "#/$defs/Space"}, {"$ref": "#/$defs/Person"}]}
            }},
            "StringUpdateValue": {"type": "object", "properties": {"Value": {"type": ["string", "null"]}}},
            "Interval": {"type": "object", "properties": {
                "StartUtc": {"type": "string", "format": "date-time"},
                "EndUtc": {"type": "string", "format": "date-time"}}},
            "Space": {"type": "object", "properties": {"Discriminator": {"const": "Space"}, "Floor": {}}},
            "Person": {"type": "object", "properties": {"Discriminator": {"const": "Person"}, "Age": {}}}
        }})
    }

    fn visit<'a, 'd, 's>(visits: &'a [Visit<'d, 's>], pointer: &str) -> &'a Visit<'d, 's> {
        visits
            .iter()
            .find(|v| v.pointer(visits) == pointer)
            .unwrap()
    }

    #[test]
    fn follows_refs_allof_and_nullable_anyof() {
        let bundle = bundle();
        let doc = Document::parse(
            r#"{"Name": {"Value": "x"}, "UpdatedUtc": {"StartUtc": "a"}, "Items": [{"EndUtc": "b"}], "Extra": 1}"#,
        )
        .unwrap();
        let visits = walk(&bundle, Some("Params"), doc.root());
        let pointers: Vec<_> = visits.iter().map(|v| v.pointer(&visits)).collect();
        assert_eq!(visits[0].defs, ["Params"]);
        assert_eq!(
            pointers,
            [
                "",
                "/Name",
                "/Name/Value",
                "/UpdatedUtc",
                "/UpdatedUtc/StartUtc",
                "/Items",
                "/Items/0",
                "/Items/0/EndUtc",
                "/Extra"
            ]
        );
        assert_eq!(visit(&visits, "/Name").defs, ["StringUpdateValue"]);
        let interval = visit(&visits, "/UpdatedUtc");
        assert_eq!(
            interval.keyword("x-max-interval-in-months"),
            Some(&json!(3))
        );
        assert_eq!(
            visit(&visits, "/UpdatedUtc/StartUtc").format(),
            Some("date-time")
        );
        assert_eq!(
            visit(&visits, "/Items/0/EndUtc").format(),
            Some("date-time")
        );
        assert!(visit(&visits, "/Extra").schemas.is_empty());
        let start = visit(&visits, "/UpdatedUtc/StartUtc");
        assert_eq!(
            visits[start.parent.unwrap()].pointer(&visits),
            "/UpdatedUtc"
        );
        assert_eq!(
            visits[visit(&visits, "/Items/0").parent.unwrap()].pointer(&visits),
            "/Items"
        );
    }

    #[test]
    fn a_bare_value_still_resolves_to_the_non_null_branch() {
        let bundle = bundle();
        let doc = Document::parse(r#"{"Name": "x"}"#).unwrap();
        let visits = walk(&bundle, Some("Params"), doc.root());
        assert_eq!(visit(&visits, "/Name").defs, ["StringUpdateValue"]);
        let doc = Document::parse(r#"{"Name": null}"#).unwrap();
        let visits = walk(&bundle, Some("Params"), doc.root());
        assert!(visit(&visits, "/Name").defs.is_empty());
    }

    #[test]
    fn one_of_picks_the_branch_the_discriminator_names() {
        let bundle = bundle();
        let doc = Document::parse(r#"{"Data": {"Discriminator": "Person", "Age": 3}}"#).unwrap();
        let visits = walk(&bundle, Some("Params"), doc.root());
        assert_eq!(visit(&visits, "/Data").defs, ["Person"]);
    }

    #[test]
    fn cyclic_references_terminate() {
        let bundle =
            json!({"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"allOf": [{"$ref": "#/$defs/A"}]}}});
        let doc = Document::parse("{}").unwrap();
        let visits = walk(&bundle, Some("A"), doc.root());
        assert_eq!(visits.len(), 1);
        assert!(visits[0].schemas.len() <= 2 * (MAX_RESOLUTION_DEPTH + 1));
    }

    #[test]
    fn unknown_root_visits_every_value_without_schemas() {
        let doc = Document::parse(r#"{"a": [1, {"b": 2}]}"#).unwrap();
        let visits = walk(&Schema::Null, Some("Missing"), doc.root());
        assert_eq!(visits.len(), 5);
        assert!(visits.iter().all(|v| v.schemas.is_empty()));
    }
}
