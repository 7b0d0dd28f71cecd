//! Arguments as JS passes them, checked before they reach the engine: a number where a string
//! belongs would otherwise be read as a pointer into wasm memory ("memory access out of bounds",
//! then a crashed process), and option objects with a misspelt key would be silently ignored.
//! Every wrong argument is a `TypeError` naming the function, the argument and the expected type.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use crate::options::{Environment, Options};

/// The arguments of one call of the exported function `function`.
#[derive(Clone, Copy)]
pub struct Args {
    pub function: &'static str,
}

impl Args {
    pub fn string(self, value: &JsValue, name: &str) -> Result<String, JsValue> {
        value
            .as_string()
            .ok_or_else(|| self.wrong(name, "a string", value))
    }

    /// A string, or `undefined`/`null` for none.
    pub fn optional_string(self, value: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| self.wrong(name, "a string, null or undefined", value))
    }

    /// A non-negative integer that fits in `usize`.
    pub fn index(self, value: &JsValue, name: &str) -> Result<usize, JsValue> {
        value
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= u32::MAX as f64)
            .map(|n| n as usize)
            .ok_or_else(|| self.wrong(name, "a non-negative integer", value))
    }

    pub fn optional_function(
        self,
        value: &JsValue,
        name: &str,
    ) -> Result<Option<js_sys::Function>, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value
            .dyn_ref::<js_sys::Function>()
            .cloned()
            .map(Some)
            .ok_or_else(|| self.wrong(name, "a function, null or undefined", value))
    }

    /// A plain object (not an array or `null`), as JSON-compatible data.
    pub fn object(self, value: &JsValue, name: &str) -> Result<Value, JsValue> {
        let expected = "an object";
        if !value.is_object() || js_sys::Array::is_array(value) {
            return Err(self.wrong(name, expected, value));
        }
        serde_wasm_bindgen::from_value(value.clone()).map_err(|error| {
            js_sys::TypeError::new(&format!(
                "{}: invalid `{name}`: {}",
                self.function,
                reason(&error)
            ))
            .into()
        })
    }

    /// `undefined`, `null` or an options object `{environment, date, rules, limits}`, checked so
    /// that a message names the wrong key. A missing date becomes `today`.
    pub fn options(
        self,
        value: &JsValue,
        today: impl FnOnce() -> String,
    ) -> Result<Options, JsValue> {
        let mut options = if value.is_undefined() || value.is_null() {
            Options::default()
        } else {
            let expected = "an object like {environment, date, rules, limits}, null or undefined";
            if !value.is_object() || js_sys::Array::is_array(value) {
                return Err(self.wrong("options", expected, value));
            }
            match plain_options(value) {
                Some(options) => options,
                None => self.checked_options(value)?,
            }
        };
        // Like the CLI's exit 2: a misspelt rule id or date must not be silently ignored.
        let problems = options.problems();
        if !problems.is_empty() {
            return Err(self.invalid_options(&problems.join("; ")));
        }
        if options.date.is_none() {
            options.date = Some(today());
        }
        Ok(options)
    }

    /// An options object read key by key, each checked on its own so that an error names its key.
    fn checked_options(self, value: &JsValue) -> Result<Options, JsValue> {
        let mut fields = BTreeMap::new();
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            let field = js_sys::Reflect::get(value, &JsValue::from_str(&key))?;
            let field: Value = serde_wasm_bindgen::from_value(field)
                .map_err(|error| self.invalid_options(&format!("`{key}`: {}", reason(&error))))?;
            if key == "limits" {
                self.check_limits(&field)?;
            }
            // Alone, so a wrong value is blamed on its key.
            let alone = Value::Object([(key.clone(), field.clone())].into_iter().collect());
            Options::deserialize(alone)
                .map_err(|error| self.invalid_options(&blame(&error.to_string(), "", &key)))?;
            fields.insert(key, field);
        }
        Options::deserialize(Value::Object(fields.into_iter().collect()))
            .map_err(|error| self.invalid_options(&error.to_string()))
    }

    /// `limits` key by key, so that a misspelt or wrong-typed limit is named as `limits.key`.
    fn check_limits(self, limits: &Value) -> Result<(), JsValue> {
        let Value::Object(entries) = limits else {
            return Err(self.invalid_options(&format!(
                "`limits` must be an object like {{maxInputBytes, maxDepth, maxDiagnostics}}, found {}",
                json_kind(limits)
            )));
        };
        for (key, value) in entries {
            let alone = Value::Object([(key.clone(), value.clone())].into_iter().collect());
            crate::options::Limits::deserialize(alone).map_err(|error| {
                self.invalid_options(&blame(&error.to_string(), "limits.", key))
            })?;
        }
        Ok(())
    }

    fn wrong(self, name: &str, expected: &str, value: &JsValue) -> JsValue {
        let found = if value.is_null() {
            "null".to_string()
        } else if js_sys::Array::is_array(value) {
            "an array".to_string()
        } else {
            value.js_typeof().as_string().unwrap_or_default()
        };
        js_sys::TypeError::new(&format!(
            "{}: `{name}` must be {expected}, found {found}",
            self.function
        ))
        .into()
    }

    fn invalid_options(self, reason: &str) -> JsValue {
        js_sys::TypeError::new(&format!("{}: invalid options: {reason}", self.function)).into()
    }
}

/// The options most calls pass, `{date}` and `{environment, date}` with string values (or
/// `null`/`undefined` for no date), read field by field: converting the object to JSON data and
/// checking each key alone cost ~6 µs a call in Node, more than validating a small body. `None`
/// for any other object, which [`Args::checked_options`] reads and blames precisely.
fn plain_options(value: &JsValue) -> Option<Options> {
    let mut options = Options::default();
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string()?;
        let field = js_sys::Reflect::get(value, &JsValue::from_str(&key)).ok()?;
        match key.as_str() {
            "date" if field.is_undefined() || field.is_null() => {}
            "date" => options.date = Some(field.as_string()?),
            "environment" => {
                options.environment = match field.as_string()?.as_str() {
                    "demo" => Environment::Demo,
                    "production" => Environment::Production,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some(options)
}

/// serde's message about the key `prefix` + `key` checked alone: an unknown key is named with
/// its path, any other error is put after it.
fn blame(error: &str, prefix: &str, key: &str) -> String {
    match error.strip_prefix("unknown field ") {
        Some(rest) => format!(
            "unknown key `{prefix}{key}`{}",
            rest.strip_prefix(&format!("`{key}`")).unwrap_or(rest)
        ),
        None => format!(
            "`{prefix}{key}`: {}",
            error.replace("expected usize", "expected a non-negative integer")
        ),
    }
}

/// How a JSON value is named in a message.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde-wasm-bindgen's message without the "Error: " its display adds.
fn reason(error: &serde_wasm_bindgen::Error) -> String {
    let reason = error.to_string();
    reason
        .strip_prefix("Error: ")
        .unwrap_or(&reason)
        .to_string()
}
