//! Walking a schema document along a path the way a validator would branch: `$ref` (local
//! `#/$defs/...` references), `allOf`, `anyOf`/`oneOf` (the union of the branches), `if`/`then`/
//! `else`, `properties`, `additionalProperties` and `items`. Bounded: recursive schemas and wide
//! unions stop at fixed limits instead of looping.

use serde_json::Value;

use super::scan::Step;

/// Deepest chain of `$ref`s and combinators followed from one schema.
const MAX_DEPTH: usize = 16;
/// Most schemas one step can reach (the union of every branch).
const MAX_NODES: usize = 256;

/// A schema reached from the root, with the `$defs` name of the definition it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Node<'s> {
    pub schema: &'s Value,
    pub def: Option<&'s str>,
}

/// A property the schemas at a place allow.
#[derive(Debug)]
pub struct Property<'s> {
    pub name: &'s str,
    pub schema: &'s Value,
    /// The `$defs` name of the object type that declares it.
    pub def: Option<&'s str>,
    pub required: bool,
}

/// Resolves schemas within one document holding `$defs` (the bundle, or the checklist schema).
pub struct Resolver<'s> {
    document: &'s Value,
}

impl<'s> Resolver<'s> {
    pub fn new(document: &'s Value) -> Self {
        Resolver { document }
    }

    /// Every schema that applies at `path` below `start`.
    pub fn at(&self, start: Node<'s>, path: &[Step]) -> Vec<Node<'s>> {
        let mut nodes = self.expand(start);
        for step in path {
            let mut next = Vec::new();
            for node in &nodes {
                for child in children(node, step) {
                    for expanded in self.expand(child) {
                        push_unique(&mut next, expanded);
                    }
                }
            }
            nodes = next;
            if nodes.is_empty() {
                break;
            }
        }
        nodes
    }

    /// `node` and every schema it brings in through references and combinators.
    pub fn expand(&self, node: Node<'s>) -> Vec<Node<'s>> {
        let mut out = Vec::new();
        self.expand_into(node, 0, &mut out);
        out
    }

    fn expand_into(&self, node: Node<'s>, depth: usize, out: &mut Vec<Node<'s>>) {
        if out.len() >= MAX_NODES
            || out
                .iter()
                .any(|seen| std::ptr::eq(seen.schema, node.schema))
        {
            return;
        }
        out.push(node);
        if depth >= MAX_DEPTH {
            return;
        }
        if let Some((def, target)) = node
            .schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| self.definition(reference))
        {
            self.expand_into(
                Node {
                    schema: target,
                    def: Some(def),
                },
                depth + 1,
                out,
            );
        }
        for combinator in ["allOf", "anyOf", "oneOf"] {
            for branch in node
                .schema
                .get(combinator)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                self.expand_into(
                    Node {
                        schema: branch,
                        def: node.def,
                    },
                    depth + 1,
                    out,
                );
            }
        }
        for conditional in ["then", "else"] {
            if let Some(branch) = node.schema.get(conditional) {
                self.expand_into(
                    Node {
                        schema: branch,
                        def: node.def,
                    },
                    depth + 1,
                    out,
                );
            }
        }
    }

    /// The `$defs` entry a local reference (`#/$defs/Name`, or any URI ending in that fragment)
    /// points to.
    pub fn definition(&self, reference: &str) -> Option<(&'s str, &'s Value)> {
        let fragment = reference.rsplit_once('#').map_or(reference, |(_, f)| f);
        let name = fragment.strip_prefix("/$defs/")?;
        let name = name.replace("~1", "/").replace("~0", "~");
        let (key, schema) = self
            .document
            .get("$defs")?
            .as_object()?
            .get_key_value(name.as_str())?;
        Some((key.as_str(), schema))
    }

    /// The properties allowed where `nodes` apply, each once (the first declaration wins), in
    /// name order.
    pub fn properties(&self, nodes: &[Node<'s>]) -> Vec<Property<'s>> {
        let mut found: Vec<Property<'s>> = Vec::new();
        for node in nodes {
            let Some(properties) = node.schema.get("properties").and_then(Value::as_object) else {
                continue;
            };
            let required: Vec<&str> = node
                .schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            for (name, schema) in properties {
                if let Some(existing) = found.iter_mut().find(|p| p.name == name) {
                    existing.required |= required.contains(&name.as_str());
                    continue;
                }
                found.push(Property {
                    name,
                    schema,
                    def: node.def,
                    required: required.contains(&name.as_str()),
                });
            }
        }
        found.sort_by(|a, b| a.name.cmp(b.name));
        found
    }

    /// The values a value where `nodes` apply can take, when they are few: `enum` members,
    /// `const`, and `true`/`false` for booleans; each once, with the schema that allows it.
    pub fn values(&self, nodes: &[Node<'s>]) -> Vec<(Value, Node<'s>)> {
        let mut values: Vec<(Value, Node<'s>)> = Vec::new();
        let mut add = |value: Value, node: Node<'s>| {
            if !values.iter().any(|(known, _)| *known == value) {
                values.push((value, node));
            }
        };
        for node in nodes {
            for member in node
                .schema
                .get("enum")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                add(member.clone(), *node);
            }
            if let Some(constant) = node.schema.get("const") {
                add(constant.clone(), *node);
            }
            if types(node.schema).contains(&"boolean") {
                add(Value::Bool(true), *node);
                add(Value::Bool(false), *node);
            }
        }
        values
    }

    /// A short type label: `string (uuid)`, `integer`, `ServiceOrderStateOld | null`,
    /// `array of ReservationData`.
    pub fn type_label(&self, schema: &'s Value) -> String {
        self.label(schema, 0)
    }

    fn label(&self, schema: &'s Value, depth: usize) -> String {
        if depth > 2 {
            return "…".to_string();
        }
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            return match self.definition(reference) {
                Some((name, _)) => name.to_string(),
                None => "any".to_string(),
            };
        }
        for combinator in ["anyOf", "oneOf"] {
            if let Some(branches) = schema.get(combinator).and_then(Value::as_array) {
                let labels: Vec<String> =
                    branches.iter().map(|b| self.label(b, depth + 1)).collect();
                return dedupe(labels).join(" | ");
            }
        }
        if schema.get("enum").is_some() {
            let kinds = types(schema);
            return match kinds.first() {
                Some(kind) => format!("{kind} (enum)"),
                None => "enum".to_string(),
            };
        }
        let labels: Vec<String> = types(schema)
            .into_iter()
            .map(|kind| match kind {
                "array" => match schema.get("items") {
                    Some(items) => format!("array of {}", self.label(items, depth + 1)),
                    None => "array".to_string(),
                },
                "string" => match schema.get("format").and_then(Value::as_str) {
                    Some(format) => format!("string ({format})"),
                    None => "string".to_string(),
                },
                other => other.to_string(),
            })
            .collect();
        if labels.is_empty() {
            "any".to_string()
        } else {
            labels.join(" | ")
        }
    }
}

/// The schemas one step below `node`: a property's (or `additionalProperties`), or an array's items.
fn children<'s>(node: &Node<'s>, step: &Step) -> Vec<Node<'s>> {
    let schema = node.schema;
    let inline = |child: &'s Value| Node {
        schema: child,
        def: None,
    };
    match step {
        Step::Key(key) => {
            if let Some(child) = schema.get("properties").and_then(|p| p.get(key.as_str())) {
                return vec![inline(child)];
            }
            match schema.get("additionalProperties") {
                Some(child @ Value::Object(_)) => vec![inline(child)],
                _ => Vec::new(),
            }
        }
        Step::Index(_) => match schema.get("items") {
            Some(child @ Value::Object(_)) => vec![inline(child)],
            _ => Vec::new(),
        },
    }
}

/// The `type` keyword as a list (`"string"` or `["string", "null"]`).
fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn push_unique<'s>(nodes: &mut Vec<Node<'s>>, node: Node<'s>) {
    if nodes.len() < MAX_NODES && !nodes.iter().any(|n| std::ptr::eq(n.schema, node.schema)) {
        nodes.push(node);
    }
}

fn dedupe(labels: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for label in labels {
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}
