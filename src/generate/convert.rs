//! OpenAPI 3.0 schema objects → JSON Schema draft 2020-12.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

const COMPONENTS_PREFIX: &str = "#/components/schemas/";
pub const DEFS_PREFIX: &str = "#/$defs/";

/// Annotation keywords copied through unchanged (the engine and docs tools read them).
const ANNOTATIONS: [&str; 12] = [
    "title",
    "deprecated",
    "readOnly",
    "writeOnly",
    "default",
    "x-deprecatedMessage",
    "x-max-interval-in-months",
    "x-coproduct",
    "x-restricted",
    "x-schema-id",
    "x-enumNames",
    // The enum may gain values: a value the schema does not list is not necessarily wrong.
    "x-extensible",
];

/// Validation keywords whose meaning is the same in 3.0 and 2020-12.
const SAME_KEYWORDS: [&str; 17] = [
    "type",
    "format",
    "enum",
    "required",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "pattern",
    "uniqueItems",
    "multipleOf",
    "minProperties",
    "maxProperties",
    "exclusiveMinimum",
    "exclusiveMaximum",
];

/// What the conversion met, for the generator's summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    /// `$ref`/`allOf`/`anyOf` wrappers that allow null.
    pub nullable_refs: usize,
    /// Plain schemas (`type`/`enum`) that allow null.
    pub nullable_types: usize,
    /// `x-coproduct` objects.
    pub coproducts: usize,
    /// `allOf: [XUpdateValue], anyOf: [Enum]`: update values whose `Value` is an enum.
    pub typed_update_values: usize,
    /// Properties marked `x-mews-legacy-nullable`.
    pub legacy_nullables: usize,
    /// Objects that extend a base object through `allOf` (flattened).
    pub inherited_objects: usize,
    /// `format: date-time` strings whose description says they hold ISO 8601 durations.
    pub duration_formats: usize,
}

/// The spec types some ISO 8601 durations (e.g. restriction `MinLength`, `P0M2DT0H0M0S` in the
/// docs' own example) as `format: date-time`; their description says "duration format". Validating
/// them as date-times would reject every correct request, so they get the `duration` format.
fn is_duration_typed_as_datetime(schema: &Map<String, Value>) -> bool {
    schema.get("format").and_then(Value::as_str) == Some("date-time")
        && schema
            .get("description")
            .and_then(Value::as_str)
            .is_some_and(|d| d.to_ascii_lowercase().contains("duration format"))
}

/// Converts schemas; `components` (3.0 form) lets it look at referenced schemas.
pub struct Converter<'a> {
    components: &'a BTreeMap<String, Value>,
    pub stats: Stats,
    /// Bases being flattened, outermost first: guards against `allOf` cycles.
    inheriting: Vec<String>,
}

impl<'a> Converter<'a> {
    pub fn new(components: &'a BTreeMap<String, Value>) -> Self {
        Self {
            components,
            stats: Stats::default(),
            inheriting: Vec::new(),
        }
    }

    pub fn convert(&mut self, schema: &Value) -> Result<Value, String> {
        match schema {
            Value::Bool(_) => Ok(schema.clone()),
            Value::Object(map) => self.convert_object(map),
            other => Err(format!(
                "a schema must be a map or a boolean, found {}",
                short(other)
            )),
        }
    }

    fn convert_object(&mut self, schema: &Map<String, Value>) -> Result<Value, String> {
        let legacy_nullable = is_true(schema.get("x-mews-legacy-nullable"));
        if legacy_nullable {
            self.stats.legacy_nullables += 1;
        }
        let nullable = is_true(schema.get("nullable")) || legacy_nullable;
        let mut core = Map::new();
        let mut annotations = Map::new();
        for (key, value) in schema {
            let key = key.as_str();
            match key {
                "$ref" => {
                    core.insert(key.to_owned(), Value::String(convert_ref(value)?));
                }
                "properties" => {
                    let Some(properties) = value.as_object() else {
                        return Err("`properties` is not a map".to_owned());
                    };
                    let mut converted = Map::new();
                    for (name, property) in properties {
                        let property = self
                            .convert(property)
                            .map_err(|error| format!("property `{name}`: {error}"))?;
                        converted.insert(name.clone(), property);
                    }
                    core.insert(key.to_owned(), Value::Object(converted));
                }
                "items" | "additionalProperties" | "not" => {
                    core.insert(key.to_owned(), self.convert(value)?);
                }
                "allOf" | "anyOf" | "oneOf" => {
                    let Some(branches) = value.as_array() else {
                        return Err(format!("`{key}` is not a list"));
                    };
                    let branches = branches
                        .iter()
                        .map(|branch| self.convert(branch))
                        .collect::<Result<Vec<_>, _>>()?;
                    core.insert(key.to_owned(), Value::Array(branches));
                }
                "format" if is_duration_typed_as_datetime(schema) => {
                    self.stats.duration_formats += 1;
                    core.insert(key.to_owned(), Value::String("duration".to_owned()));
                }
                _ if SAME_KEYWORDS.contains(&key) => {
                    core.insert(key.to_owned(), value.clone());
                }
                _ if ANNOTATIONS.contains(&key) => {
                    annotations.insert(key.to_owned(), value.clone());
                }
                // description, example, x-enumDescriptions, nullable, discriminator, unknown
                // extensions: prose, examples or handled above.
                _ => {}
            }
        }
        convert_exclusive_bounds(&mut core);
        self.flatten_inheritance(&mut core)?;
        self.type_update_value(&mut core);
        unwrap_single_ref(&mut core, "allOf");
        unwrap_single_ref(&mut core, "anyOf");
        if is_true(annotations.get("x-coproduct")) {
            self.stats.coproducts += 1;
            loosen_coproduct_value(&mut core);
            self.discriminate_coproduct(&mut core);
        }
        let mut converted = if nullable {
            self.allow_null(core)
        } else {
            core
        };
        converted.extend(annotations);
        Ok(Value::Object(converted))
    }

    /// `allOf: [{$ref: XUpdateValue}], anyOf: [{$ref: SomeEnum}]`: Mews' way of saying "an update
    /// value whose `Value` is one of the enum". Taken literally it asks for an object that is
    /// also a string, which nothing satisfies; so the enum goes where it belongs, on `Value`.
    fn type_update_value(&mut self, core: &mut Map<String, Value>) {
        let Some(base) = single_ref(core.get("allOf")) else {
            return;
        };
        let Some(Value::Array(kinds)) = core.get("anyOf") else {
            return;
        };
        let Some(base_value) = self
            .component(base)
            .and_then(|schema| schema.pointer("/properties/Value"))
        else {
            return;
        };
        let kinds_are_scalars = kinds.iter().all(|kind| {
            kind.get("$ref")
                .and_then(Value::as_str)
                .and_then(|target| target.strip_prefix(DEFS_PREFIX))
                .and_then(|name| self.component(name))
                .is_some_and(|schema| schema.get("type").and_then(Value::as_str) != Some("object"))
        });
        if !kinds_are_scalars {
            return;
        }
        let mut value_kinds = kinds.clone();
        if is_true(base_value.get("nullable")) {
            value_kinds.push(json!({"type": "null"}));
        }
        let base = format!("{DEFS_PREFIX}{base}");
        core.remove("allOf");
        core.remove("anyOf");
        core.insert("$ref".to_owned(), Value::String(base));
        core.insert(
            "properties".to_owned(),
            json!({"Value": {"anyOf": value_kinds}}),
        );
        self.stats.typed_update_values += 1;
    }

    /// `allOf: [{$ref: Base}], properties: {...}, additionalProperties: false`: a C#-style
    /// subclass. Both Base and the subclass close their properties, so taken literally no
    /// object satisfies both; the subclass is meant to have Base's properties plus its own.
    fn flatten_inheritance(&mut self, core: &mut Map<String, Value>) -> Result<(), String> {
        if !core.contains_key("properties") {
            return Ok(());
        }
        let Some(Value::Array(parents)) = core.get("allOf") else {
            return Ok(());
        };
        let mut bases = Vec::new();
        for parent in parents {
            let name = parent
                .as_object()
                .filter(|parent| parent.len() == 1)
                .and_then(|parent| parent.get("$ref"))
                .and_then(Value::as_str)
                .and_then(|target| target.strip_prefix(DEFS_PREFIX));
            let Some(raw) = name.and_then(|name| self.component(name)) else {
                return Ok(());
            };
            if raw.get("type").and_then(Value::as_str) != Some("object") {
                return Ok(());
            }
            bases.push((name.unwrap_or_default().to_owned(), raw));
        }
        let mut properties = Map::new();
        let mut required: Vec<Value> = Vec::new();
        let mut closed = None;
        for (name, raw) in bases {
            if self.inheriting.contains(&name) {
                return Err(format!("`allOf` inheritance cycle through `{name}`"));
            }
            self.inheriting.push(name);
            let base = self.convert(raw);
            self.inheriting.pop();
            let base = base?;
            if let Some(Value::Object(base_properties)) = base.get("properties") {
                properties.extend(base_properties.clone());
            }
            if let Some(Value::Array(names)) = base.get("required") {
                required.extend(names.iter().cloned());
            }
            if let Some(flag) = base.get("additionalProperties") {
                closed = Some(flag.clone());
            }
        }
        if let Some(Value::Object(own)) = core.remove("properties") {
            properties.extend(own);
        }
        if let Some(Value::Array(names)) = core.remove("required") {
            required.extend(names);
        }
        let mut unique = Vec::new();
        for name in required {
            if !unique.contains(&name) {
                unique.push(name);
            }
        }
        core.remove("allOf");
        core.insert("properties".to_owned(), Value::Object(properties));
        if !unique.is_empty() {
            core.insert("required".to_owned(), Value::Array(unique));
        }
        if let Some(closed) = closed {
            core.entry("additionalProperties").or_insert(closed);
        }
        core.entry("type").or_insert_with(|| json!("object"));
        self.stats.inherited_objects += 1;
        Ok(())
    }

    /// Ties each `Discriminator` value of a coproduct to the `Value` shape it names, so a wrong
    /// `Value` is reported against the shape the partner chose rather than "none of the shapes".
    /// Shapes are matched by name (`Space` → `SpaceData`, `Object` → "Object resource data");
    /// values without a shape of their own stay unconstrained beyond the any-of.
    fn discriminate_coproduct(&mut self, core: &mut Map<String, Value>) {
        let Some(properties) = core.get("properties") else {
            return;
        };
        let Some(values) = properties
            .get("Discriminator")
            .and_then(ref_or_nullable_ref)
            .and_then(|name| self.component(name))
            .and_then(|schema| schema.get("enum"))
            .and_then(Value::as_array)
        else {
            return;
        };
        let Some(value) = properties.get("Value") else {
            return;
        };
        // `anyOf: [{anyOf: shapes}, {type: null}]` when the Value may be null.
        let (shapes, nullable) = match value.get("anyOf").and_then(Value::as_array) {
            Some(outer) if outer.contains(&json!({"type": "null"})) => (
                outer
                    .iter()
                    .find_map(|branch| branch.get("anyOf").and_then(Value::as_array)),
                true,
            ),
            shapes => (shapes, false),
        };
        let Some(shapes) = shapes else {
            return;
        };
        let only_pair = values.len() == 1 && shapes.len() == 1;
        let rules: Vec<Value> = values
            .iter()
            .filter_map(Value::as_str)
            .filter_map(|discriminator| {
                let named: Vec<&Value> = shapes
                    .iter()
                    .filter(|shape| {
                        shape_label(shape).is_some_and(|label| names(label, discriminator))
                    })
                    .collect();
                let shape = match named.as_slice() {
                    [shape] => *shape,
                    _ if only_pair => shapes.first()?,
                    _ => return None,
                };
                let shape = if nullable {
                    json!({"anyOf": [shape, {"type": "null"}]})
                } else {
                    shape.clone()
                };
                Some(json!({
                    "if": {"properties": {"Discriminator": {"const": discriminator}},
                        "required": ["Discriminator"]},
                    "then": {"properties": {"Value": shape}},
                }))
            })
            .collect();
        if rules.is_empty() {
            return;
        }
        match core.get_mut("allOf") {
            Some(Value::Array(existing)) => existing.extend(rules),
            _ => {
                core.insert("allOf".to_owned(), Value::Array(rules));
            }
        }
    }

    fn allow_null(&mut self, mut core: Map<String, Value>) -> Map<String, Value> {
        let composed = ["$ref", "allOf", "anyOf", "oneOf"]
            .iter()
            .any(|key| core.contains_key(*key));
        if composed {
            self.stats.nullable_refs += 1;
            let mut wrapper = Map::new();
            wrapper.insert(
                "anyOf".to_owned(),
                json!([Value::Object(core), {"type": "null"}]),
            );
            return wrapper;
        }
        let mut changed = false;
        match core.get_mut("type") {
            Some(Value::String(single)) => {
                let single = std::mem::take(single);
                core.insert("type".to_owned(), json!([single, "null"]));
                changed = true;
            }
            Some(Value::Array(types)) if !types.contains(&json!("null")) => {
                types.push(json!("null"));
                changed = true;
            }
            _ => {}
        }
        // An enum lists every allowed value: null must be one of them.
        if let Some(Value::Array(values)) = core.get_mut("enum") {
            if !values.contains(&Value::Null) {
                values.push(Value::Null);
            }
            changed = true;
        }
        if changed {
            self.stats.nullable_types += 1;
        }
        core
    }

    fn component(&self, def: &str) -> Option<&'a Value> {
        self.components.get(def)
    }
}

/// `#/components/schemas/X` → `#/$defs/X`.
fn convert_ref(reference: &Value) -> Result<String, String> {
    let Some(reference) = reference.as_str() else {
        return Err("`$ref` is not a string".to_owned());
    };
    match reference.strip_prefix(COMPONENTS_PREFIX) {
        Some(name) if !name.is_empty() => Ok(format!("{DEFS_PREFIX}{name}")),
        _ => Err(format!(
            "unsupported `$ref: {reference}` (only `{COMPONENTS_PREFIX}<name>` is supported)"
        )),
    }
}

/// OpenAPI 3.0 `exclusiveMinimum: true` + `minimum: n` → 2020-12 `exclusiveMinimum: n`.
fn convert_exclusive_bounds(core: &mut Map<String, Value>) {
    for (exclusive, inclusive) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match core.get(exclusive) {
            Some(Value::Bool(true)) => {
                if let Some(bound) = core.remove(inclusive) {
                    core.insert(exclusive.to_owned(), bound);
                } else {
                    core.remove(exclusive);
                }
            }
            Some(Value::Bool(false)) => {
                core.remove(exclusive);
            }
            _ => {}
        }
    }
}

/// The referenced `$defs` name when `value` is `[{"$ref": "#/$defs/X"}]`.
fn single_ref(value: Option<&Value>) -> Option<&str> {
    match value {
        Some(Value::Array(branches)) if branches.len() == 1 => {
            let branch = branches.first()?.as_object()?;
            if branch.len() != 1 {
                return None;
            }
            branch.get("$ref")?.as_str()?.strip_prefix(DEFS_PREFIX)
        }
        _ => None,
    }
}

/// `allOf: [{$ref}]` (the 3.0 way to put siblings next to a `$ref`) → `$ref` + siblings.
fn unwrap_single_ref(core: &mut Map<String, Value>, keyword: &str) {
    if core.contains_key("$ref") {
        return;
    }
    if let Some(target) = single_ref(core.get(keyword)).map(|name| format!("{DEFS_PREFIX}{name}")) {
        core.remove(keyword);
        core.insert("$ref".to_owned(), Value::String(target));
    }
}

/// A coproduct's `Value` lists the shapes it can take as `oneOf`, but several shapes overlap
/// (`Object` and `Person` resource data are both `{}`), so exactly-one would reject valid data:
/// any-of is what the spec means.
fn loosen_coproduct_value(core: &mut Map<String, Value>) {
    let value = core
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .and_then(|properties| properties.get_mut("Value"))
        .and_then(Value::as_object_mut);
    let Some(value) = value else {
        return;
    };
    // The Value may itself be wrapped for null: `anyOf: [{oneOf: [...]}, {type: null}]`.
    if let Some(branches) = value.remove("oneOf") {
        value.insert("anyOf".to_owned(), branches);
    } else if let Some(Value::Array(wrapped)) = value.get_mut("anyOf") {
        for branch in wrapped.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(branches) = branch.remove("oneOf") {
                branch.insert("anyOf".to_owned(), branches);
            }
        }
    }
}

/// The `$defs` name of `{$ref}` or of `{anyOf: [{$ref}, {type: null}]}`.
fn ref_or_nullable_ref(schema: &Value) -> Option<&str> {
    let direct = schema.get("$ref").and_then(Value::as_str);
    let wrapped = || {
        schema
            .get("anyOf")?
            .as_array()?
            .iter()
            .find_map(|branch| branch.get("$ref").and_then(Value::as_str))
    };
    direct.or_else(wrapped)?.strip_prefix(DEFS_PREFIX)
}

/// A coproduct shape's name: its `$defs` name or its title.
fn shape_label(shape: &Value) -> Option<&str> {
    ref_or_nullable_ref(shape).or_else(|| shape.get("title").and_then(Value::as_str))
}

/// Whether the shape `label` is the one for `discriminator`: equal, or `discriminator` followed
/// by the next word (`Space` names `SpaceData` and "Space data", not `Spaceship`).
fn names(label: &str, discriminator: &str) -> bool {
    match label.strip_prefix(discriminator) {
        Some(rest) => rest
            .chars()
            .next()
            .is_none_or(|next| next.is_uppercase() || next == ' '),
        None => false,
    }
}

fn is_true(value: Option<&Value>) -> bool {
    value == Some(&Value::Bool(true))
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert_with(components: &BTreeMap<String, Value>, schema: Value) -> Value {
        Converter::new(components).convert(&schema).unwrap()
    }

    fn convert(schema: Value) -> Value {
        convert_with(&BTreeMap::new(), schema)
    }

    #[test]
    fn nullable_plain_type_allows_null() {
        let converted = convert(json!({"type": "string", "format": "uuid", "nullable": true,
            "description": "Unique identifier.", "example": "x"}));
        assert_eq!(
            converted,
            json!({"type": ["string", "null"], "format": "uuid"})
        );
    }

    #[test]
    fn durations_typed_as_datetime_get_the_duration_format() {
        let converted = convert(
            json!({"type": "string", "format": "date-time", "nullable": true,
            "description": "Minimal reservation length in ISO 8601 duration format."}),
        );
        assert_eq!(
            converted,
            json!({"type": ["string", "null"], "format": "duration"})
        );
        let datetime = convert(json!({"type": "string", "format": "date-time",
            "description": "Start of the interval in UTC timezone in ISO 8601 format."}));
        assert_eq!(datetime, json!({"type": "string", "format": "date-time"}));
    }

    #[test]
    fn nullable_enum_lists_null() {
        let converted = convert(
            json!({"type": "string", "enum": ["A", "B"], "nullable": true,
            "x-enumDescriptions": ["a", "b"], "x-enumNames": ["A", "B"]}),
        );
        assert_eq!(
            converted,
            json!({"type": ["string", "null"], "enum": ["A", "B", null], "x-enumNames": ["A", "B"]})
        );
    }

    #[test]
    fn nullable_all_of_wrapper_becomes_ref_or_null_with_siblings() {
        let converted = convert(json!({"title": "Currency", "allOf": [
            {"$ref": "#/components/schemas/Currency"}], "maxLength": 3, "nullable": true,
            "deprecated": true, "x-deprecatedMessage": "Use `X`."}));
        assert_eq!(
            converted,
            json!({"anyOf": [{"$ref": "#/$defs/Currency", "maxLength": 3}, {"type": "null"}],
                "title": "Currency", "deprecated": true, "x-deprecatedMessage": "Use `X`."})
        );
    }

    #[test]
    fn non_nullable_all_of_wrapper_becomes_plain_ref() {
        let converted = convert(json!({"allOf": [{"$ref": "#/components/schemas/E"}],
            "x-enumNames": ["A"], "x-enumDescriptions": [""]}));
        assert_eq!(
            converted,
            json!({"$ref": "#/$defs/E", "x-enumNames": ["A"]})
        );
    }

    #[test]
    fn legacy_nullable_allows_null() {
        let components = BTreeMap::new();
        let mut converter = Converter::new(&components);
        let converted = converter
            .convert(&json!({"type": "string", "format": "uuid", "x-mews-legacy-nullable": true}))
            .unwrap();
        assert_eq!(
            converted,
            json!({"type": ["string", "null"], "format": "uuid"})
        );
        assert_eq!(converter.stats.legacy_nullables, 1);
    }

    #[test]
    fn update_value_typed_by_an_enum_puts_the_enum_on_value() {
        let components: BTreeMap<String, Value> = [
            (
                "StringUpdateValue".to_owned(),
                json!({"type": "object",
                "properties": {"Value": {"type": "string", "nullable": true}},
                "additionalProperties": false}),
            ),
            (
                "Rating".to_owned(),
                json!({"type": "string", "enum": ["Ok", "Upfront"]}),
            ),
        ]
        .into_iter()
        .collect();
        let converted = convert_with(
            &components,
            json!({"allOf": [{"$ref": "#/components/schemas/StringUpdateValue"}],
                "anyOf": [{"$ref": "#/components/schemas/Rating"}], "nullable": true}),
        );
        assert_eq!(
            converted,
            json!({"anyOf": [{"$ref": "#/$defs/StringUpdateValue", "properties": {"Value":
                {"anyOf": [{"$ref": "#/$defs/Rating"}, {"type": "null"}]}}}, {"type": "null"}]})
        );
    }

    #[test]
    fn coproduct_value_is_any_of_its_shapes() {
        let converted = convert(
            json!({"type": "object", "x-coproduct": true, "nullable": true,
            "properties": {"Discriminator": {"$ref": "#/components/schemas/D"},
            "Value": {"oneOf": [{"type": "object", "additionalProperties": false},
                {"type": "object", "additionalProperties": false}], "nullable": true}}}),
        );
        assert_eq!(
            converted,
            json!({"type": ["object", "null"], "x-coproduct": true, "properties": {
                "Discriminator": {"$ref": "#/$defs/D"},
                "Value": {"anyOf": [{"anyOf": [{"type": "object", "additionalProperties": false},
                    {"type": "object", "additionalProperties": false}]}, {"type": "null"}]}}})
        );
    }

    #[test]
    fn subclass_through_all_of_gets_the_base_properties() {
        let components: BTreeMap<String, Value> = [(
            "Base".to_owned(),
            json!({"type": "object", "required": ["ClientToken"], "additionalProperties": false,
                "properties": {"ClientToken": {"type": "string", "minLength": 1}}}),
        )]
        .into_iter()
        .collect();
        let converted = convert_with(
            &components,
            json!({"type": "object", "allOf": [{"$ref": "#/components/schemas/Base"}],
                "required": ["Ids"], "additionalProperties": false,
                "properties": {"Ids": {"type": "array", "items": {"type": "string"}}}}),
        );
        assert_eq!(
            converted,
            json!({"type": "object", "additionalProperties": false,
                "required": ["ClientToken", "Ids"], "properties": {
                    "ClientToken": {"type": "string", "minLength": 1},
                    "Ids": {"type": "array", "items": {"type": "string"}}}})
        );
    }

    #[test]
    fn inheritance_cycles_are_errors() {
        let components: BTreeMap<String, Value> = [(
            "Loop".to_owned(),
            json!({"type": "object", "allOf": [{"$ref": "#/components/schemas/Loop"}],
                "properties": {"A": {"type": "string"}}}),
        )]
        .into_iter()
        .collect();
        let error = Converter::new(&components)
            .convert(&components["Loop"])
            .unwrap_err();
        assert!(error.contains("cycle"), "{error}");
    }

    #[test]
    fn coproduct_discriminator_selects_the_value_shape() {
        // The shape of Mews' `ResourceUpdateParameters.Data`.
        let components: BTreeMap<String, Value> = [(
            "ResourceDataDiscriminator".to_owned(),
            json!({"type": "string", "enum": ["Space", "Object", "Person", "Vehicle"]}),
        )]
        .into_iter()
        .collect();
        let converted = convert_with(
            &components,
            json!({"type": "object", "x-coproduct": true, "properties": {
                "Discriminator": {"$ref": "#/components/schemas/ResourceDataDiscriminator"},
                "Value": {"oneOf": [{"$ref": "#/components/schemas/SpaceDataUpdateParameters"},
                    {"title": "Object resource data update", "type": "object"},
                    {"title": "Person resource data update", "type": "object"}]}}}),
        );
        let rule = |value: &str, shape: Value| {
            json!({"if": {"properties": {"Discriminator": {"const": value}},
                "required": ["Discriminator"]}, "then": {"properties": {"Value": shape}}})
        };
        assert_eq!(
            converted["allOf"],
            json!([
                rule(
                    "Space",
                    json!({"$ref": "#/$defs/SpaceDataUpdateParameters"})
                ),
                rule(
                    "Object",
                    json!({"title": "Object resource data update", "type": "object"})
                ),
                rule(
                    "Person",
                    json!({"title": "Person resource data update", "type": "object"})
                ),
            ])
        );
    }

    #[test]
    fn shape_names_match_on_word_boundaries() {
        assert!(names("SpaceData", "Space"));
        assert!(names("Object resource data", "Object"));
        assert!(names("BillCustomerData", "BillCustomerData"));
        assert!(!names("Spaceship", "Space"));
        assert!(!names("PaymentCardPaymentData", "CreditCard"));
    }

    #[test]
    fn exclusive_bounds_become_numbers() {
        let converted = convert(
            json!({"type": "number", "minimum": 0, "exclusiveMinimum": true,
            "maximum": 5, "exclusiveMaximum": false}),
        );
        assert_eq!(
            converted,
            json!({"type": "number", "exclusiveMinimum": 0, "maximum": 5})
        );
    }

    #[test]
    fn external_refs_and_odd_values_are_errors() {
        let components = BTreeMap::new();
        let mut converter = Converter::new(&components);
        assert!(
            converter
                .convert(&json!({"$ref": "other.yaml#/X"}))
                .unwrap_err()
                .contains("unsupported")
        );
        assert!(converter.convert(&json!(3)).is_err());
        assert!(converter.convert(&json!({"properties": [1]})).is_err());
    }
}
