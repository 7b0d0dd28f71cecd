//! A schema-directed walk of a request body: for every value present in the body, the schemas of
//! the bundle that apply to it. Rules read annotations (`format`, `deprecated`,
//! `x-max-interval-in-months`, ...) from here instead of guessing from property names.
//!
//! Resolution is the spec's ([`crate::api::union`]): `$ref` and `allOf` followed, and of a union
//! the branch the value was meant for. A value the schema does not describe is still visited,
//! with no schemas.

use serde_json::Value as Schema;

use crate::api::union::{self, Resolved, Unions};
use crate::source::{Node, Value, pointer};

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
    let root = root_def.and_then(|def| union::definition(bundle, def));
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
        let mut resolved = Resolved {
            schemas: Vec::new(),
            defs: def.into_iter().collect(),
        };
        if let Some(schema) = schema {
            union::resolve(bundle, schema, node, &mut resolved, Unions::Choose, 0);
        }
        let visit = Visit {
            key,
            position,
            node,
            parent,
            schemas: resolved.schemas,
            defs: resolved.defs,
        };
        match &node.value {
            Value::Object(members) => {
                for member in members.iter().rev() {
                    stack.push(Pending {
                        key: Some(member.key.as_str()),
                        position: None,
                        node: &member.value,
                        parent: index,
                        def: None,
                        schema: union::property_schema(&visit.schemas, &member.key),
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
        assert!(visits[0].schemas.len() <= 2 * (union::MAX_RESOLUTION_DEPTH + 1));
    }

    #[test]
    fn unknown_root_visits_every_value_without_schemas() {
        let doc = Document::parse(r#"{"a": [1, {"b": 2}]}"#).unwrap();
        let visits = walk(&Schema::Null, Some("Missing"), doc.root());
        assert_eq!(visits.len(), 5);
        assert!(visits.iter().all(|v| v.schemas.is_empty()));
    }
}
