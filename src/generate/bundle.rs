//! Converts every component and each operation's body schema into one `$defs` map, and adds
//! the rules the docs state in prose.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use crate::generate::convert::{Converter, DEFS_PREFIX, Stats};
use crate::generate::openapi::{Body, Spec};

/// The converted schemas and, per operation (spec order), the `$defs` names of its bodies.
pub struct Bundle {
    pub defs: BTreeMap<String, Value>,
    pub requests: Vec<Option<String>>,
    pub responses: Vec<Option<String>>,
    pub stats: Stats,
    /// Request defs whose root is a `oneOf` of request shapes.
    pub one_of_requests: usize,
    /// Nested defs whose auth fields were made optional (see `AUTH_PROPERTIES`).
    pub nested_auth_optional: usize,
}

/// Request properties every operation accepts (guidelines/requests.md), not in the spec.
const LANGUAGE_PROPERTIES: [&str; 2] = ["LanguageCode", "CultureCode"];
/// guidelines/authentication.md: the tokens and client name travel once, at the request root.
/// Some nested item types (e.g. `ReservationUpdateParameters` in `reservations/update`) share the
/// server's parameter base type and so list them as required, yet the docs' own examples omit them
/// there: nested, they stay allowed but are not required.
const AUTH_PROPERTIES: [&str; 3] = ["ClientToken", "AccessToken", "Client"];
/// guidelines/pagination.md: `Count` is between 1 and 1000.
const LIMITATION_COUNT_MAXIMUM: u64 = 1000;

pub fn build(spec: &Spec) -> Result<Bundle, String> {
    let mut converter = Converter::new(&spec.schemas);
    let mut defs = BTreeMap::new();
    for (name, schema) in &spec.schemas {
        let converted = converter
            .convert(schema)
            .map_err(|error| format!("schema `{name}`: {error}"))?;
        defs.insert(name.clone(), converted);
    }
    let mut requests = Vec::new();
    let mut responses = Vec::new();
    for operation in &spec.operations {
        let mut body_def = |body: Option<&Body>, suffix: &str| -> Result<Option<String>, String> {
            let Some(body) = body else {
                return Ok(None);
            };
            if let Some(name) = plain_component_ref(&body.schema) {
                if !defs.contains_key(name) {
                    return Err(format!(
                        "{}: the {suffix} body refers to the missing schema `{name}`",
                        operation.operation_id
                    ));
                }
                return Ok(Some(name.to_owned()));
            }
            // An inline body schema gets a synthetic name no component can have (components
            // are identifiers; this has a dot).
            let name = format!("{}.{suffix}", operation.operation_id);
            let converted = converter
                .convert(&body.schema)
                .map_err(|error| format!("{}: {suffix} body: {error}", operation.operation_id))?;
            defs.insert(name.clone(), converted);
            Ok(Some(name))
        };
        requests.push(body_def(operation.request.as_ref(), "request")?);
        responses.push(body_def(operation.response.as_ref(), "response")?);
    }
    let roots: BTreeSet<&String> = requests.iter().flatten().collect();
    let one_of_requests = roots
        .iter()
        .filter(|root| {
            defs.get(root.as_str())
                .is_some_and(|def| def.get("oneOf").is_some())
        })
        .count();
    let shapes: BTreeSet<String> = roots
        .iter()
        .flat_map(|root| request_shapes(&defs, root))
        .collect();
    for shape in &shapes {
        if let Some(def) = defs.get_mut(shape) {
            allow_language_properties(def);
        }
    }
    // Inline branches of a root oneOf (no `$ref`) get the properties in place.
    for root in &roots {
        if let Some(Value::Array(branches)) =
            defs.get_mut(root.as_str()).and_then(|d| d.get_mut("oneOf"))
        {
            for branch in branches
                .iter_mut()
                .filter(|branch| branch.get("$ref").is_none())
            {
                allow_language_properties(branch);
            }
        }
    }
    let mut nested_auth_optional = 0;
    for (_, def) in defs.iter_mut().filter(|(name, _)| !shapes.contains(*name)) {
        if let Some(Value::Array(required)) = def.get_mut("required") {
            let before = required.len();
            required.retain(|p| !p.as_str().is_some_and(|p| AUTH_PROPERTIES.contains(&p)));
            if required.len() != before {
                nested_auth_optional += 1;
            }
        }
    }
    if let Some(count) = defs
        .get_mut("Limitation")
        .and_then(|limitation| limitation.pointer_mut("/properties/Count"))
        .and_then(Value::as_object_mut)
    {
        count.insert("minimum".to_owned(), json!(1));
        count.insert("maximum".to_owned(), json!(LIMITATION_COUNT_MAXIMUM));
    }
    Ok(Bundle {
        defs,
        requests,
        responses,
        stats: converter.stats,
        one_of_requests,
        nested_auth_optional,
    })
}

/// `X` when the body schema is exactly `{$ref: '#/components/schemas/X'}`.
fn plain_component_ref(schema: &Value) -> Option<&str> {
    let map = schema.as_object()?;
    if map.len() != 1 {
        return None;
    }
    map.get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

/// The `$defs` a request body can be: the root, or each referenced branch of a root `oneOf`.
pub(super) fn request_shapes(defs: &BTreeMap<String, Value>, root: &str) -> Vec<String> {
    match defs
        .get(root)
        .and_then(|def| def.get("oneOf"))
        .and_then(Value::as_array)
    {
        Some(branches) => branches
            .iter()
            .filter_map(|branch| branch.get("$ref").and_then(Value::as_str))
            .filter_map(|target| target.strip_prefix(DEFS_PREFIX))
            .map(str::to_owned)
            .collect(),
        None => vec![root.to_owned()],
    }
}

fn allow_language_properties(def: &mut Value) {
    let Some(def) = def.as_object_mut() else {
        return;
    };
    let is_object = def.contains_key("properties")
        || def.get("type") == Some(&json!("object"))
        || def.get("additionalProperties").is_some();
    if !is_object {
        return;
    }
    let properties = def
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Some(properties) = properties.as_object_mut() {
        for name in LANGUAGE_PROPERTIES {
            properties
                .entry(name)
                .or_insert_with(|| json!({"type": ["string", "null"]}));
        }
    }
}

/// Every `$defs` name reachable from `root` through `$ref`s (including `root`).
pub fn reachable(defs: &BTreeMap<String, Value>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut pending = vec![root.to_owned()];
    while let Some(name) = pending.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(def) = defs.get(&name) {
            collect_refs(def, &mut pending);
        }
    }
    seen
}

fn collect_refs(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("$ref", Value::String(target)) => {
                        if let Some(name) = target.strip_prefix(DEFS_PREFIX) {
                            found.push(name.to_owned());
                        }
                    }
                    _ => collect_refs(child, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_refs(item, found)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::openapi::parse;

    const SPEC: &str = r##"
openapi: 3.0.4
info: {title: Connector API, version: v1}
paths:
  /api/connector/v1/things/getAll:
    post:
      operationId: things_getAll
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ThingFilter'}
      responses:
        '200':
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ThingResult'}
  /api/connector/v1/commands/getAll:
    post:
      operationId: commands_getAll
      requestBody:
        content:
          application/json:
            schema:
              title: Filter
              oneOf:
                - $ref: '#/components/schemas/ById'
                - $ref: '#/components/schemas/ByState'
components:
  schemas:
    Limitation:
      type: object
      required: [Count]
      properties:
        Count: {type: integer, format: int32}
        Cursor: {type: string, format: uuid, nullable: true}
      additionalProperties: false
    ThingFilter:
      type: object
      required: [ClientToken]
      properties:
        ClientToken: {type: string}
        Limitation: {allOf: [{$ref: '#/components/schemas/Limitation'}]}
        Updates: {type: array, items: {$ref: '#/components/schemas/ThingUpdate'}, nullable: true}
      additionalProperties: false
    ThingUpdate:
      type: object
      required: [ClientToken, AccessToken, Client, Id]
      properties:
        ClientToken: {type: string}
        AccessToken: {type: string}
        Client: {type: string}
        Id: {type: string}
      additionalProperties: false
    ThingResult:
      type: object
      properties:
        Things: {type: array, items: {$ref: '#/components/schemas/Thing'}}
    Thing: {type: object, properties: {Id: {type: string}}}
    Unused: {type: string}
    ById:
      type: object
      required: [Ids]
      properties: {ClientToken: {type: string}, Ids: {type: array, items: {type: string}}}
      additionalProperties: false
    ByState:
      type: object
      required: [States]
      properties: {ClientToken: {type: string}, States: {type: array, items: {type: string}}}
      additionalProperties: false
"##;

    #[test]
    fn auth_fields_are_required_at_the_request_root_only() {
        let bundle = build(&parse(SPEC).unwrap()).unwrap();
        assert_eq!(
            bundle.defs["ThingFilter"]["required"],
            json!(["ClientToken"])
        );
        assert_eq!(bundle.defs["ThingUpdate"]["required"], json!(["Id"]));
        assert!(
            bundle.defs["ThingUpdate"]["properties"]
                .get("AccessToken")
                .is_some()
        );
        assert_eq!(bundle.nested_auth_optional, 1);
    }

    #[test]
    fn request_roots_accept_language_and_culture_codes() {
        let bundle = build(&parse(SPEC).unwrap()).unwrap();
        let nullable_string = json!({"type": ["string", "null"]});
        for def in ["ThingFilter", "ById", "ByState"] {
            for property in LANGUAGE_PROPERTIES {
                assert_eq!(
                    bundle.defs[def]["properties"][property], nullable_string,
                    "{def}.{property}"
                );
            }
        }
        // Not a request root: unchanged.
        assert!(
            bundle.defs["ThingResult"]["properties"]
                .get("LanguageCode")
                .is_none()
        );
        assert_eq!(bundle.one_of_requests, 1);
        assert_eq!(
            bundle.requests,
            [
                Some("ThingFilter".to_owned()),
                Some("commands_getAll.request".to_owned())
            ]
        );
        assert_eq!(bundle.responses, [Some("ThingResult".to_owned()), None]);
    }

    #[test]
    fn limitation_count_is_bounded() {
        let bundle = build(&parse(SPEC).unwrap()).unwrap();
        assert_eq!(
            bundle.defs["Limitation"]["properties"]["Count"],
            json!({"type": "integer", "format": "int32", "minimum": 1, "maximum": 1000})
        );
    }

    #[test]
    fn reachable_follows_refs_transitively() {
        let bundle = build(&parse(SPEC).unwrap()).unwrap();
        let names: Vec<String> = reachable(&bundle.defs, "ThingResult").into_iter().collect();
        assert_eq!(names, ["Thing", "ThingResult"]);
        let names: Vec<String> = reachable(&bundle.defs, "ThingFilter").into_iter().collect();
        assert_eq!(names, ["Limitation", "ThingFilter", "ThingUpdate"]);
    }
}
