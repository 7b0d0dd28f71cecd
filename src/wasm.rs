//! The JavaScript face of the engine, for the npm package and the page: thin exports that turn
//! JS options into [`Options`] and reports into plain JS objects. No validation logic lives here.
//!
//! The TypeScript declarations are written by hand (below) rather than generated, so the package's
//! `.d.ts` describes the real shapes (`Report`, `Diagnostic`, ...) instead of `any`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::options::Options;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = r#"
/** How serious a finding is. Any `"error"` makes a report invalid. */
export type Severity = "info" | "warning" | "error";

/** A per-rule override of the default severity; `"off"` drops the rule's findings. */
export type Level = "off" | Severity;

/** The Mews environment the integration is checked for. */
export type Environment = "demo" | "production";

/** Options of every validation function. Every field is optional. */
export interface Options {
  /** Default `"demo"`. */
  environment?: Environment;
  /** Evaluation date (`YYYY-MM-DD`) for deprecation and discontinuation rules. Default: today, local time. */
  date?: string;
  /** Severity overrides by rule id, e.g. `{ "client-not-unique": "off" }`. */
  rules?: Record<string, Level>;
}

/** One finding, located in the submitted text. */
export interface Diagnostic {
  /** Stable rule id (see `rules()`). */
  rule: string;
  severity: Severity;
  /** What was found and what was expected. */
  message: string;
  /** RFC 6901 JSON Pointer to the offending value (`""` for the whole document). */
  pointer: string;
  /** 1-based line of the start of the offending text. */
  line: number;
  /** 1-based column in UTF-16 code units, as editors count them. */
  column: number;
  endLine: number;
  endColumn: number;
  /** Documentation page explaining the rule or the violated part of the API. */
  docs: string;
  /** Index (0-based) of the recorded call, in session reports. */
  call?: number;
  /** Time of the recorded call, as recorded, in session reports. */
  time?: string;
}

/** The operation a report is about, as resolved from the address. */
export interface OperationRef {
  address: string;
  name: string;
  docs: string;
}

/** The result of validating one text. */
export interface Report {
  /** `false` exactly when at least one diagnostic is an error. */
  valid: boolean;
  /** `null` when the address matches no operation. */
  operation: OperationRef | null;
  /** Ordered by position, then rule. */
  diagnostics: Diagnostic[];
}

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Where a request or response body's schema is. */
export interface BodySchema {
  /** Name of the schema under `$defs` in the bundle. */
  def: string;
  /** Path of the published self-contained schema, relative to `schemas/`. */
  schema: string;
}

/** One Connector API operation. */
export interface Operation {
  /** e.g. `"/api/connector/v1/accountNotes/getAll"`. */
  address: string;
  operationId: string;
  name: string;
  resource: string;
  action: string;
  /** `"v1"` or a dated version such as `"2023-06-06"`. */
  version: string;
  tag: string;
  deprecated: boolean;
  deprecationMessage: string | null;
  /** Planned discontinuation date, `YYYY-MM-DD`. */
  discontinued: string | null;
  /** Address of the operation that replaces a deprecated one. */
  replacement: string | null;
  restricted: boolean;
  paginated: boolean;
  docs: string;
  request: BodySchema | null;
  response: BodySchema | null;
  /** The documentation's request example. */
  example: JsonValue | null;
  /** The documentation's response example. */
  responseExample: JsonValue | null;
}

/** One rule the validator can report. */
export interface RuleInfo {
  id: string;
  /** Default severity. */
  severity: Severity;
  summary: string;
  docs: string;
  /** A short input that violates the rule. */
  example: string;
}

/**
 * Validates a request body sent to `address` (a full URL or a path such as
 * `/api/connector/v1/customers/getAll`). Throws only when `options` is malformed.
 */
export function validateRequest(address: string, body: string, options?: Options): Report;

/**
 * Validates a response body (a fixture or a mock of your own) against the operation's response
 * schema. Throws only when `options` is malformed.
 */
export function validateResponse(address: string, body: string, options?: Options): Report;

/** Every operation of the Connector API, in catalog order. */
export function operations(): Operation[];

/** Every rule the validator can report. */
export function rules(): RuleInfo[];

/** The version of this package. */
export function version(): string;
"#;

/// Makes Rust panics readable in the JS console instead of an opaque `unreachable` trap.
#[wasm_bindgen(start, private)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(js_name = validateRequest, skip_typescript)]
pub fn validate_request(address: &str, body: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(options)?;
    to_js(&crate::engine::validate_request(address, body, &options))
}

#[wasm_bindgen(js_name = validateResponse, skip_typescript)]
pub fn validate_response(address: &str, body: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(options)?;
    to_js(&crate::engine::validate_response(address, body, &options))
}

#[wasm_bindgen(skip_typescript)]
pub fn operations() -> Result<JsValue, JsError> {
    to_js(crate::engine::operations())
}

#[wasm_bindgen(skip_typescript)]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&crate::registry::all().collect::<Vec<_>>())
}

#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Reads JS options (`undefined`, `null` or an `Options` object) and fills in the date: the engine
/// must not ask the system clock on wasm32, where `SystemTime::now()` panics.
fn options_from_js(value: JsValue) -> Result<Options, JsError> {
    let mut options: Options = if value.is_undefined() || value.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(value).map_err(|error| {
            // The error displays as a JS error ("Error: unknown variant ..."): keep the reason only.
            let reason = error.to_string();
            let reason = reason
                .strip_prefix("Error: ")
                .unwrap_or(&reason)
                .to_string();
            JsError::new(&format!("invalid options: {reason}"))
        })?
    };
    if options.date.is_none() {
        options.date = Some(today());
    }
    Ok(options)
}

/// Today's date in the user's local time zone, `YYYY-MM-DD`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Converts a result into a plain JS object (objects, arrays, strings, numbers, `null`; never `Map`).
///
/// Built directly by serde-wasm-bindgen, which measured 0.5–0.85× the time of serializing to JSON
/// text and calling `JSON.parse` (figures in the README).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&format!("internal error: {error}")))
}
