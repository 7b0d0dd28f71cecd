//! Loads an OpenAPI 3.0 document (YAML or JSON) into the parts the generator needs.

use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value};
use serde_norway::Value as Yaml;
use sha2::{Digest, Sha256};

/// The parts of the OpenAPI document the generator uses.
pub struct Spec {
    pub title: String,
    pub version: String,
    /// Hex SHA-256 of the document's bytes, so the catalog says which spec it came from.
    pub sha256: String,
    /// Operations in document order.
    pub operations: Vec<SpecOperation>,
    /// `components.schemas`, still in OpenAPI 3.0 form.
    pub schemas: BTreeMap<String, Value>,
}

pub struct SpecOperation {
    pub address: String,
    pub operation_id: String,
    pub summary: String,
    pub tag: String,
    pub deprecated: bool,
    pub deprecation_message: Option<String>,
    pub restricted: bool,
    pub request: Option<Body>,
    /// The 200 response's body.
    pub response: Option<Body>,
}

/// A JSON body: its schema (OpenAPI 3.0 form) and the example the spec gives for it.
pub struct Body {
    pub schema: Value,
    pub example: Option<Value>,
}

const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Reads and parses the document at `path`.
#[cfg(not(target_arch = "wasm32"))]
pub fn load(path: &std::path::Path) -> Result<Spec, String> {
    let bytes =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|error| format!("{} is not UTF-8 text: {error}", path.display()))?;
    let mut spec = parse(text).map_err(|error| format!("{}: {error}", path.display()))?;
    spec.sha256 = sha256_hex(&bytes);
    Ok(spec)
}

/// Hex SHA-256 of a document's bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Parses the document text (YAML, which includes JSON). `sha256` is left empty.
pub fn parse(text: &str) -> Result<Spec, String> {
    let yaml: Yaml =
        serde_norway::from_str(text).map_err(|error| format!("not valid YAML: {error}"))?;
    let document = to_json(&yaml)?;
    match document.get("openapi") {
        Some(Value::String(version)) if version.starts_with("3.") => {}
        Some(other) => {
            return Err(format!(
                "expected an OpenAPI 3.x document (`openapi: 3.0.x`), found `openapi: {other}`"
            ));
        }
        None => {
            return Err(
                "expected an OpenAPI 3.x document: there is no `openapi: 3.0.x` field".to_owned(),
            );
        }
    }
    let info = document.get("info");
    let text_at = |value: Option<&Value>, key: &str| -> String {
        value
            .and_then(|v| v.get(key))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let schemas = match document.pointer("/components/schemas") {
        None => BTreeMap::new(),
        Some(Value::Object(map)) => map.clone().into_iter().collect(),
        Some(_) => return Err("`components.schemas` is not a map".to_owned()),
    };
    // Paths are read from the YAML mapping, which keeps document order (serde_json's map sorts).
    let operations = match yaml.get("paths") {
        None | Some(Yaml::Null) => Vec::new(),
        Some(Yaml::Mapping(paths)) => read_operations(paths)?,
        Some(_) => return Err("`paths` is not a map".to_owned()),
    };
    Ok(Spec {
        title: text_at(info, "title"),
        version: text_at(info, "version"),
        sha256: String::new(),
        operations,
        schemas,
    })
}

fn read_operations(paths: &serde_norway::Mapping) -> Result<Vec<SpecOperation>, String> {
    let mut operations = Vec::new();
    let mut seen_ids = HashSet::new();
    for (address, item) in paths {
        let address = address
            .as_str()
            .ok_or_else(|| "a key of `paths` is not a string".to_owned())?;
        let Some(item) = item.as_mapping() else {
            return Err(format!("path `{address}` is not a map"));
        };
        for (method, operation) in item {
            let Some(method) = method.as_str() else {
                continue;
            };
            if !HTTP_METHODS.contains(&method) {
                continue;
            }
            let operation = to_json(operation)?;
            let operation = read_operation(address, &operation)
                .map_err(|error| format!("{method} {address}: {error}"))?;
            if !seen_ids.insert(operation.operation_id.clone()) {
                return Err(format!(
                    "operationId `{}` is used twice",
                    operation.operation_id
                ));
            }
            operations.push(operation);
        }
    }
    Ok(operations)
}

fn read_operation(address: &str, operation: &Value) -> Result<SpecOperation, String> {
    if !operation.is_object() {
        return Err("the operation is not a map".to_owned());
    }
    let text = |key: &str| {
        operation
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let operation_id = text("operationId").unwrap_or_else(|| derived_operation_id(address));
    let response = operation
        .pointer("/responses/200")
        .and_then(|response| read_body(response).transpose())
        .transpose()?;
    let request = operation
        .get("requestBody")
        .and_then(|request| read_body(request).transpose())
        .transpose()?;
    Ok(SpecOperation {
        address: address.to_owned(),
        operation_id,
        summary: text("summary").unwrap_or_default(),
        tag: operation
            .pointer("/tags/0")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        deprecated: operation.get("deprecated") == Some(&Value::Bool(true)),
        deprecation_message: text("x-deprecatedMessage"),
        restricted: operation.get("x-restricted") == Some(&Value::Bool(true)),
        request,
        response,
    })
}

/// `resource_action` from the address, for documents whose operations have no `operationId`.
fn derived_operation_id(address: &str) -> String {
    let segments: Vec<&str> = address.split('/').filter(|s| !s.is_empty()).collect();
    let start = segments.len().saturating_sub(2);
    segments.get(start..).unwrap_or_default().join("_")
}

/// The JSON body of a request body or response object: `content` of a JSON media type.
fn read_body(holder: &Value) -> Result<Option<Body>, String> {
    let Some(content) = holder.get("content").and_then(Value::as_object) else {
        return Ok(None);
    };
    let media = content
        .get("application/json")
        .or_else(|| {
            content
                .iter()
                .find(|(media_type, _)| media_type.contains("json"))
                .map(|(_, media)| media)
        })
        .and_then(Value::as_object);
    let Some(media) = media else {
        return Ok(None);
    };
    let Some(schema) = media.get("schema") else {
        return Ok(None);
    };
    if !schema.is_object() {
        return Err("a body `schema` is not a map".to_owned());
    }
    let example = media.get("example").cloned().or_else(|| {
        media
            .get("examples")
            .and_then(Value::as_object)
            .and_then(|examples| examples.values().next())
            .and_then(|example| example.get("value"))
            .cloned()
    });
    Ok(Some(Body {
        schema: schema.clone(),
        example,
    }))
}

/// YAML → JSON. Non-string keys (`200:`) become strings; tags are ignored.
fn to_json(yaml: &Yaml) -> Result<Value, String> {
    Ok(match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(flag) => Value::Bool(*flag),
        Yaml::Number(number) => {
            if let Some(int) = number.as_i64() {
                Value::from(int)
            } else if let Some(int) = number.as_u64() {
                Value::from(int)
            } else {
                let float = number.as_f64().unwrap_or(f64::NAN);
                serde_json::Number::from_f64(float)
                    .map(Value::Number)
                    .ok_or_else(|| format!("the number {number} has no JSON form"))?
            }
        }
        Yaml::String(text) => Value::String(text.clone()),
        Yaml::Sequence(items) => Value::Array(items.iter().map(to_json).collect::<Result<_, _>>()?),
        Yaml::Mapping(entries) => {
            let mut map = Map::new();
            for (key, value) in entries {
                let key = match key {
                    Yaml::String(text) => text.clone(),
                    Yaml::Number(number) => number.to_string(),
                    Yaml::Bool(flag) => flag.to_string(),
                    _ => return Err("a map key is not a string, number or boolean".to_owned()),
                };
                map.insert(key, to_json(value)?);
            }
            Value::Object(map)
        }
        Yaml::Tagged(tagged) => to_json(&tagged.value)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_path_order_and_reads_bodies() {
        let spec = parse(
            "openapi: 3.0.4\ninfo: {title: T, version: v1}\npaths:\n  /api/connector/v1/zeta/getAll:\n    post:\n      operationId: zeta_getAll\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Z'}\n            example: {A: 1}\n      responses:\n        200:\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/R'}\n  /api/connector/v1/alpha/add:\n    post:\n      summary: Add alpha\n",
        )
        .unwrap();
        let ids: Vec<&str> = spec
            .operations
            .iter()
            .map(|op| op.operation_id.as_str())
            .collect();
        assert_eq!(ids, ["zeta_getAll", "alpha_add"]);
        let zeta = &spec.operations[0];
        assert_eq!(
            zeta.request.as_ref().unwrap().example,
            Some(serde_json::json!({"A": 1}))
        );
        assert!(zeta.response.is_some());
        assert!(spec.operations[1].request.is_none());
    }

    #[test]
    fn rejects_swagger_2_and_garbage() {
        let error = |text: &str| parse(text).err().unwrap_or_default();
        assert!(error("swagger: '2.0'\n").contains("OpenAPI 3"));
        assert!(error("{{{").contains("YAML"));
        assert!(parse("openapi: 3.0.0\npaths: [1]\n").is_err());
    }
}
