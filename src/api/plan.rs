//! The certification rules' view of an operation's schema, compiled once: for every place a value
//! can take in a body, what the schema says of it (its `format`, interval limit, deprecation, update
//! value shape, property and item schemas), with `$ref` and `allOf` already followed.
//!
//! Unions stay unions: their branches are compiled too, each with its [`Shape`], and the branch a
//! value was meant for is chosen by [`union::choose`] when the value is walked. A walk over a body
//! then does no `$ref` resolution and no hashing of schema keys: it follows indices.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;

use super::union::{self, Defs, MAX_RESOLUTION_DEPTH, Shape};

/// A place in a body the schema describes: the schemas that apply to a value there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeId(u32);

/// What one schema object (one node of the bundle) says, as the rules read it.
#[derive(Debug, Default)]
struct Facts {
    /// `format`, when the keyword is present (its value when that is a string).
    format: Option<Option<Box<str>>>,
    /// `x-max-interval-in-months`, when present (its value when an integer).
    max_interval_months: Option<Option<i64>>,
    deprecated: bool,
    /// `x-deprecatedMessage`, when present (its value when a string).
    deprecated_message: Option<Option<Box<str>>>,
    /// An update value: an object whose only property is `Value`.
    update_value: bool,
    /// `properties`, sorted by name.
    properties: Vec<(Box<str>, TypeId)>,
    /// `additionalProperties`, when it is a schema object.
    additional: Option<TypeId>,
    /// `items`, when present (its type when it is a schema object).
    items: Option<Option<TypeId>>,
}

/// One step of resolving a value's schemas, in the order the schemas apply.
#[derive(Debug, Clone, Copy)]
enum Part {
    Schema(u32),
    /// A `$defs` type reached through `$ref`.
    Def(u32),
    /// A union whose branch depends on the value.
    Union(u32),
}

#[derive(Debug)]
struct Type {
    parts: Vec<Part>,
    /// The resolution, when it depends on no union (most places).
    fixed: Option<Flat>,
}

#[derive(Debug)]
struct Union {
    /// Each branch's resolution steps and shape.
    branches: Vec<Vec<Part>>,
    shapes: Vec<Shape>,
}

/// The schemas and `$defs` types that apply to one value, outermost first.
#[derive(Debug, Clone, Default)]
struct Flat {
    schemas: Vec<u32>,
    defs: Vec<u32>,
}

/// The compiled plan of one body schema.
#[derive(Debug, Default)]
pub struct Plan {
    facts: Vec<Facts>,
    types: Vec<Type>,
    unions: Vec<Union>,
    def_names: Vec<Box<str>>,
    root: Option<TypeId>,
}

/// What applies to one value of a walked body.
#[derive(Debug)]
pub struct Resolved<'p> {
    plan: &'p Plan,
    flat: Cow<'p, Flat>,
}

impl Plan {
    /// The plan of the body schema `$defs/<root>` of `defs`; a plan that knows nothing (every
    /// value unresolved) when there is no such type.
    pub fn compile<D: Defs + ?Sized>(defs: &D, root: &str) -> Self {
        let Some(schema) = defs.def(root) else {
            return Plan::default();
        };
        let mut compiler = Compiler {
            defs,
            plan: Plan::default(),
            facts: HashMap::new(),
            types: HashMap::new(),
            unions: HashMap::new(),
            def_ids: HashMap::new(),
            pending: Vec::new(),
        };
        let mut parts = vec![Part::Def(compiler.def_id(root))];
        compiler.expand(schema, 0, &mut parts);
        let root = compiler.push_type(parts);
        compiler.finish();
        let mut plan = compiler.plan;
        plan.root = Some(root);
        plan
    }

    /// Where a body starts.
    pub fn root(&self) -> Option<TypeId> {
        self.root
    }

    /// What applies to `value`, found at a place of type `place` (`None`: a place the schema
    /// does not describe).
    pub fn resolve(&self, place: Option<TypeId>, value: &Value) -> Resolved<'_> {
        let Some(ty) = place.and_then(|id| self.types.get(id.0 as usize)) else {
            return Resolved {
                plan: self,
                flat: Cow::Owned(Flat::default()),
            };
        };
        if let Some(fixed) = &ty.fixed {
            return Resolved {
                plan: self,
                flat: Cow::Borrowed(fixed),
            };
        }
        let mut flat = Flat::default();
        self.collect(&ty.parts, value, &mut flat);
        Resolved {
            plan: self,
            flat: Cow::Owned(flat),
        }
    }

    fn collect(&self, parts: &[Part], value: &Value, out: &mut Flat) {
        for part in parts {
            match *part {
                Part::Schema(id) => out.schemas.push(id),
                Part::Def(id) => out.defs.push(id),
                Part::Union(id) => {
                    let Some(union) = self.unions.get(id as usize) else {
                        continue;
                    };
                    if let Some(branch) = union::choose(&union.shapes, value, |_| true)
                        .and_then(|index| union.branches.get(index))
                    {
                        self.collect(branch, value, out);
                    }
                }
            }
        }
    }
}

impl<'p> Resolved<'p> {
    fn facts(&self) -> impl Iterator<Item = &'p Facts> + '_ {
        let plan = self.plan;
        self.flat
            .schemas
            .iter()
            .filter_map(move |&id| plan.facts.get(id as usize))
    }

    /// The `format` the schema gives this value.
    pub fn format(&self) -> Option<&'p str> {
        self.facts()
            .find_map(|facts| facts.format.as_ref())
            .and_then(|format| format.as_deref())
    }

    /// The longest interval this value may span, in months (`x-max-interval-in-months`).
    pub fn max_interval_months(&self) -> Option<i64> {
        self.facts()
            .find_map(|facts| facts.max_interval_months)
            .flatten()
    }

    /// Whether a schema flags this value deprecated.
    pub fn is_deprecated(&self) -> bool {
        self.facts().any(|facts| facts.deprecated)
    }

    /// The schema's advice for a deprecated value (`x-deprecatedMessage`).
    pub fn deprecated_message(&self) -> Option<&'p str> {
        self.facts()
            .find_map(|facts| facts.deprecated_message.as_ref())
            .and_then(|message| message.as_deref())
    }

    /// Whether the value is typed as an update value (`{"Value": …}`).
    pub fn is_update_value(&self) -> bool {
        self.facts().any(|facts| facts.update_value)
    }

    /// The `$defs` types reached while resolving this value.
    pub fn defs(&self) -> impl Iterator<Item = &'p str> + '_ {
        let plan = self.plan;
        self.flat
            .defs
            .iter()
            .filter_map(move |&id| plan.def_names.get(id as usize).map(|name| &**name))
    }

    /// Whether the `$defs` type `name` applies to this value.
    pub fn has_def(&self, name: &str) -> bool {
        self.defs().any(|def| def == name)
    }

    /// The place of this object's member `key`: the first schema defining the property, else the
    /// first `additionalProperties` schema.
    pub fn property(&self, key: &str) -> Option<TypeId> {
        self.facts()
            .find_map(|facts| {
                facts
                    .properties
                    .binary_search_by(|(name, _)| (**name).cmp(key))
                    .ok()
                    .map(|at| facts.properties[at].1)
            })
            .or_else(|| self.facts().find_map(|facts| facts.additional))
    }

    /// The place of this array's items.
    pub fn items(&self) -> Option<TypeId> {
        self.facts().find_map(|facts| facts.items).flatten()
    }
}

/// Builds a plan; schema nodes are identified by address while compiling.
struct Compiler<'s, D: ?Sized> {
    defs: &'s D,
    plan: Plan,
    facts: HashMap<*const Value, u32>,
    types: HashMap<*const Value, TypeId>,
    /// By the union's branch list and the resolution depth it is reached at.
    unions: HashMap<(*const Value, usize), u32>,
    def_ids: HashMap<String, u32>,
    /// Types and facts whose content is still to compile.
    pending: Vec<Pending<'s>>,
}

enum Pending<'s> {
    Type(TypeId, &'s Value),
    Facts(u32, &'s Value),
    Union(u32, &'s [Value], usize),
}

impl<'s, D: Defs + ?Sized> Compiler<'s, D> {
    /// Compiles what is pending until nothing is.
    fn finish(&mut self) {
        while let Some(pending) = self.pending.pop() {
            match pending {
                Pending::Type(id, schema) => {
                    let mut parts = Vec::new();
                    self.expand(schema, 0, &mut parts);
                    self.plan.types[id.0 as usize].parts = parts;
                }
                Pending::Facts(id, schema) => {
                    let facts = self.compile_facts(schema);
                    self.plan.facts[id as usize] = facts;
                }
                Pending::Union(id, branches, depth) => {
                    let mut compiled = Vec::with_capacity(branches.len());
                    for branch in branches {
                        let mut parts = Vec::new();
                        self.expand(branch, depth + 1, &mut parts);
                        compiled.push(parts);
                    }
                    self.plan.unions[id as usize] = Union {
                        branches: compiled,
                        shapes: union::shapes(self.defs, branches, depth + 1),
                    };
                }
            }
        }
        // Places that depend on no union resolve the same for every value: once, here.
        for id in 0..self.plan.types.len() {
            let ty = &self.plan.types[id];
            if ty.parts.iter().all(|part| !matches!(part, Part::Union(_))) {
                let mut flat = Flat::default();
                self.plan.collect(&ty.parts, &Value::Null, &mut flat);
                self.plan.types[id].fixed = Some(flat);
            }
        }
    }

    /// The resolution steps of `schema` at `depth`: itself, its `$ref` target, its `allOf` parts,
    /// then its unions (chosen when a value is walked).
    fn expand(&mut self, schema: &'s Value, depth: usize, parts: &mut Vec<Part>) {
        if depth > MAX_RESOLUTION_DEPTH || !schema.is_object() {
            return;
        }
        parts.push(Part::Schema(self.facts_id(schema)));
        if let Some((name, target)) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| union::dereference(self.defs, reference))
        {
            parts.push(Part::Def(self.def_id(&name)));
            self.expand(target, depth + 1, parts);
        }
        for part in schema
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.expand(part, depth + 1, parts);
        }
        for keyword in ["anyOf", "oneOf"] {
            if let Some(branches) = schema.get(keyword).and_then(Value::as_array) {
                parts.push(Part::Union(self.union_id(branches, depth)));
            }
        }
    }

    fn compile_facts(&mut self, schema: &'s Value) -> Facts {
        let mut properties: Vec<(Box<str>, TypeId)> = Vec::new();
        if let Some(defined) = schema.get("properties").and_then(Value::as_object) {
            for (name, property) in defined {
                properties.push((Box::from(name.as_str()), self.type_id(property)));
            }
            properties.sort_by(|a, b| a.0.cmp(&b.0));
        }
        let additional = schema
            .get("additionalProperties")
            .filter(|a| a.is_object())
            .map(|a| self.type_id(a));
        let items = schema
            .get("items")
            .map(|items| items.is_object().then(|| self.type_id(items)));
        let text = |keyword: &str| {
            schema
                .get(keyword)
                .map(|value| value.as_str().map(Box::from))
        };
        Facts {
            format: text("format"),
            max_interval_months: schema.get("x-max-interval-in-months").map(Value::as_i64),
            deprecated: schema.get("deprecated") == Some(&Value::Bool(true)),
            deprecated_message: text("x-deprecatedMessage"),
            update_value: schema
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|p| p.len() == 1 && p.contains_key("Value")),
            properties,
            additional,
            items,
        }
    }

    fn facts_id(&mut self, schema: &'s Value) -> u32 {
        if let Some(&id) = self.facts.get(&(schema as *const Value)) {
            return id;
        }
        let id = to_u32(self.plan.facts.len());
        self.plan.facts.push(Facts::default());
        self.facts.insert(schema, id);
        self.pending.push(Pending::Facts(id, schema));
        id
    }

    /// The place a value described by `schema` takes (resolved from depth 0).
    fn type_id(&mut self, schema: &'s Value) -> TypeId {
        if let Some(&id) = self.types.get(&(schema as *const Value)) {
            return id;
        }
        let id = self.push_type(Vec::new());
        self.types.insert(schema, id);
        self.pending.push(Pending::Type(id, schema));
        id
    }

    fn push_type(&mut self, parts: Vec<Part>) -> TypeId {
        let id = TypeId(to_u32(self.plan.types.len()));
        self.plan.types.push(Type { parts, fixed: None });
        id
    }

    fn union_id(&mut self, branches: &'s [Value], depth: usize) -> u32 {
        let key = (branches.as_ptr(), depth);
        if let Some(&id) = self.unions.get(&key) {
            return id;
        }
        let id = to_u32(self.plan.unions.len());
        self.plan.unions.push(Union {
            branches: Vec::new(),
            shapes: Vec::new(),
        });
        self.unions.insert(key, id);
        self.pending.push(Pending::Union(id, branches, depth));
        id
    }

    fn def_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.def_ids.get(name) {
            return id;
        }
        let id = to_u32(self.plan.def_names.len());
        self.plan.def_names.push(Box::from(name));
        self.def_ids.insert(name.to_string(), id);
        id
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bundle() -> Value {
        json!({"$defs": {
            "Params": {"type": "object", "properties": {
                "Name": {"anyOf": [{"$ref": "#/$defs/StringUpdateValue"}, {"type": "null"}]},
                "UpdatedUtc": {"title": "Time interval", "allOf": [{"$ref": "#/$defs/Interval"}],
                               "x-max-interval-in-months": 3},
                "Items": {"type": "array", "items": {"$ref": "urn:mews-connector-validator:bundle#/$defs/Interval"}},
                "Data": {"oneOf": [{"$ref": "#/$defs/Space"}, {"$ref": "#/$defs/Person"}]},
                "Old": {"type": "string", "deprecated": true, "x-deprecatedMessage": "Use New."}
            }, "additionalProperties": {"format": "uuid"}},
            "StringUpdateValue": {"type": "object", "properties": {"Value": {"type": ["string", "null"]}}},
            "Interval": {"type": "object", "properties": {
                "StartUtc": {"type": "string", "format": "date-time"},
                "EndUtc": {"type": "string", "format": "date-time"}}},
            "Space": {"type": "object", "properties": {"Discriminator": {"const": "Space"}, "Floor": {}}},
            "Person": {"type": "object", "properties": {"Discriminator": {"const": "Person"}, "Age": {}}}
        }})
    }

    /// The place of the value at `path` (keys and array positions) of `body`.
    fn at<'p>(plan: &'p Plan, body: &Value, path: &[&str]) -> Resolved<'p> {
        let mut place = plan.root();
        let mut value = body;
        for step in path {
            let resolved = plan.resolve(place, value);
            match step.parse::<usize>() {
                Ok(index) => {
                    place = resolved.items();
                    value = &value[index];
                }
                Err(_) => {
                    place = resolved.property(step);
                    value = &value[*step];
                }
            }
        }
        plan.resolve(place, value)
    }

    #[test]
    fn follows_refs_allof_and_nullable_unions() {
        let bundle = bundle();
        let plan = Plan::compile(&bundle, "Params");
        let body = json!({"Name": {"Value": "x"}, "UpdatedUtc": {"StartUtc": "a"},
                          "Items": [{"EndUtc": "b"}], "Extra": 1, "Old": "o"});
        assert_eq!(at(&plan, &body, &[]).defs().collect::<Vec<_>>(), ["Params"]);
        let name = at(&plan, &body, &["Name"]);
        assert_eq!(name.defs().collect::<Vec<_>>(), ["StringUpdateValue"]);
        assert!(name.is_update_value());
        let interval = at(&plan, &body, &["UpdatedUtc"]);
        assert_eq!(interval.max_interval_months(), Some(3));
        assert_eq!(
            at(&plan, &body, &["UpdatedUtc", "StartUtc"]).format(),
            Some("date-time")
        );
        assert_eq!(
            at(&plan, &body, &["Items", "0", "EndUtc"]).format(),
            Some("date-time")
        );
        assert_eq!(at(&plan, &body, &["Extra"]).format(), Some("uuid"));
        let old = at(&plan, &body, &["Old"]);
        assert!(old.is_deprecated());
        assert_eq!(old.deprecated_message(), Some("Use New."));
        assert!(at(&plan, &body, &["Extra", "x"]).format().is_none());
    }

    #[test]
    fn union_branches_follow_the_value() {
        let bundle = bundle();
        let plan = Plan::compile(&bundle, "Params");
        let bare = json!({"Name": "x", "Data": {"Discriminator": "Person", "Age": 3}});
        assert_eq!(
            at(&plan, &bare, &["Name"]).defs().collect::<Vec<_>>(),
            ["StringUpdateValue"]
        );
        assert!(at(&plan, &bare, &["Data"]).has_def("Person"));
        let null = json!({"Name": null});
        assert_eq!(at(&plan, &null, &["Name"]).defs().count(), 0);
    }

    #[test]
    fn unknown_roots_and_cycles() {
        let plan = Plan::compile(&Value::Null, "Missing");
        assert!(plan.root().is_none());
        assert!(
            plan.resolve(plan.root(), &json!({}))
                .property("a")
                .is_none()
        );
        let cyclic =
            json!({"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"allOf": [{"$ref": "#/$defs/A"}]}}});
        let plan = Plan::compile(&cyclic, "A");
        assert!(plan.resolve(plan.root(), &json!({})).defs().count() <= MAX_RESOLUTION_DEPTH + 2);
    }
}
