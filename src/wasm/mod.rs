//! The JavaScript face of the engine, for the npm package and the page: thin exports that turn
//! JS options into [`crate::options::Options`] (arguments checked by [`args`]) and reports into plain JS objects. No validation logic lives here.
//!
//! The package's `.d.ts` describes the real shapes instead of `any`: the data shapes are generated
//! from the JSON Schemas (`types.d.ts`), the function signatures are declared next to the exports.

use serde::Serialize;
use wasm_bindgen::prelude::*;

mod args;

use args::Args;

/// The data shapes (`Report`, `Diagnostic`, `ReadinessReport`, `Options`, ...), generated from the
/// JSON Schemas in `schemas/` by `mews-schema-gen --typescript` (tests/typescript_declarations.rs
/// keeps the file up to date).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// The signatures of the exports below, which take and return the generated shapes.
#[wasm_bindgen(typescript_custom_section)]
const FUNCTIONS: &str = r#"
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

/** Recognises a pasted text without validating it (cheap: call it on every keystroke). */
export function detectInput(text: string): DetectedInput;

/**
 * Validates whatever was pasted: a JSON body (exactly `validateRequest(address, text)`), a cURL
 * command, an HTTP request or a URL. Every finding is located in `text`. `address` is used only
 * when the text names none. A HAR export gets one `recorded-session` finding: review it with
 * `analyzeSession`. Throws only when `options` is malformed.
 */
export function validateInput(text: string, address?: string | null, options?: Options): Report;

/** Validates a certification checklist (JSON text, a `CertificationChecklist`); findings are located in `text`. */
export function validateChecklist(text: string, options?: Options): Report;

/**
 * Reviews a recorded session (HAR 1.2 or NDJSON, detected from the text), cross-checked with a
 * certification checklist when one is given. `onProgress` is called as the recording is read
 * and once at the end; an exception it throws stops the progress calls and is rethrown at the end.
 */
export function analyzeSession(
  text: string,
  checklist?: string | null,
  options?: Options,
  onProgress?: (progress: Progress) => void,
): ReadinessReport;

/** Which document `completions` suggests for. */
export type CompletionTarget = "request" | "response" | "checklist";

/**
 * Schema help at `cursor` (a UTF-16 offset) of `text`, which may be incomplete JSON: the property
 * names and values the schema of the operation at `address` allows there. `target` defaults to
 * `"request"`; `"checklist"` ignores `address`. Cheap (one scan of the text); never throws.
 */
export function completions(address: string, text: string, cursor: number, target?: CompletionTarget): Completions;

/** The Connector API calls of a recording (HAR or NDJSON) as `analyzeSession` reviews them. */
export function sessionCalls(text: string): RecordedCall[];

/** The request body of call `call` of a recording, as reviewed (its diagnostics are located in it); `null` when there is no such call. */
export function sessionCallBody(text: string, call: number): RecordedCallBody | null;

/** Ids of the rules whose session findings are located in the recording (or checklist) text; the other findings with a `call` are located in that call's request body. */
export function recordingRules(): string[];

/** A readiness report as Markdown (for a PR comment or the certification notes); `name` names the recording. */
export function renderReadinessMarkdown(report: ReadinessReport, name: string): string;

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
pub fn validate_request(
    address: JsValue,
    body: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let args = Args {
        function: "validateRequest",
    };
    let (address, body) = (
        args.string(&address, "address")?,
        args.string(&body, "body")?,
    );
    let options = args.options(&options, today)?;
    to_js(&crate::pipeline::validate_request(
        &address, &body, &options,
    ))
}

#[wasm_bindgen(js_name = validateResponse, skip_typescript)]
pub fn validate_response(
    address: JsValue,
    body: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let args = Args {
        function: "validateResponse",
    };
    let (address, body) = (
        args.string(&address, "address")?,
        args.string(&body, "body")?,
    );
    let options = args.options(&options, today)?;
    to_js(&crate::pipeline::validate_response(
        &address, &body, &options,
    ))
}

#[wasm_bindgen(js_name = validateInput, skip_typescript)]
pub fn validate_input(
    text: JsValue,
    address: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let args = Args {
        function: "validateInput",
    };
    let text = args.string(&text, "text")?;
    let address = args.optional_string(&address, "address")?;
    let options = args.options(&options, today)?;
    to_js(&crate::input::validate_input(
        &text,
        address.as_deref(),
        &options,
    ))
}

#[wasm_bindgen(js_name = detectInput, skip_typescript)]
pub fn detect_input(text: JsValue) -> Result<JsValue, JsValue> {
    let args = Args {
        function: "detectInput",
    };
    to_js(&crate::input::describe(&args.string(&text, "text")?))
}

#[wasm_bindgen(js_name = validateChecklist, skip_typescript)]
pub fn validate_checklist(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let args = Args {
        function: "validateChecklist",
    };
    let text = args.string(&text, "text")?;
    let options = args.options(&options, today)?;
    to_js(&crate::checklist::validate_checklist(&text, &options))
}

#[wasm_bindgen(js_name = analyzeSession, skip_typescript)]
pub fn analyze_session(
    text: JsValue,
    checklist: JsValue,
    options: JsValue,
    on_progress: JsValue,
) -> Result<JsValue, JsValue> {
    let args = Args {
        function: "analyzeSession",
    };
    let text = args.string(&text, "text")?;
    let checklist = args.optional_string(&checklist, "checklist")?;
    let options = args.options(&options, today)?;
    let on_progress = args.optional_function(&on_progress, "onProgress")?;
    // The engine's callback cannot fail: remember the first JS exception and rethrow it after.
    let mut thrown = None;
    let mut report_progress = |progress: crate::session::Progress| {
        let Some(callback) = on_progress.as_ref().filter(|_| thrown.is_none()) else {
            return;
        };
        let result = to_js(&progress).and_then(|value| callback.call1(&JsValue::NULL, &value));
        if let Err(error) = result {
            thrown = Some(error);
        }
    };
    let report = crate::session::analyze_session(
        &text,
        checklist.as_deref(),
        &options,
        &mut report_progress,
    );
    match thrown {
        Some(error) => Err(error),
        None => to_js(&report),
    }
}

#[wasm_bindgen(skip_typescript)]
pub fn completions(
    address: JsValue,
    text: JsValue,
    cursor: JsValue,
    target: JsValue,
) -> Result<JsValue, JsValue> {
    use crate::complete::{Target, completions_utf16};
    let args = Args {
        function: "completions",
    };
    let (address, text) = (
        args.string(&address, "address")?,
        args.string(&text, "text")?,
    );
    let cursor = args.index(&cursor, "cursor")?;
    let target = match args.optional_string(&target, "target")?.as_deref() {
        None | Some("request") => Target::Request,
        Some("response") => Target::Response,
        Some("checklist") => Target::Checklist,
        Some(other) => {
            return Err(js_sys::TypeError::new(&format!(
                "completions: invalid `target` {other:?}: expected \"request\", \"response\" or \"checklist\""
            ))
            .into());
        }
    };
    to_js(&completions_utf16(target, &address, &text, cursor))
}

#[wasm_bindgen(js_name = sessionCalls, skip_typescript)]
pub fn session_calls(text: JsValue) -> Result<JsValue, JsValue> {
    let args = Args {
        function: "sessionCalls",
    };
    to_js(&crate::session::calls::recorded_calls(
        &args.string(&text, "text")?,
    ))
}

#[wasm_bindgen(js_name = sessionCallBody, skip_typescript)]
pub fn session_call_body(text: JsValue, call: JsValue) -> Result<JsValue, JsValue> {
    let args = Args {
        function: "sessionCallBody",
    };
    let (text, call) = (args.string(&text, "text")?, args.index(&call, "call")?);
    to_js(&crate::session::calls::recorded_call_body(&text, call))
}

#[wasm_bindgen(js_name = recordingRules, skip_typescript)]
pub fn recording_rules() -> Vec<String> {
    crate::rules::SESSION_RULES
        .iter()
        .chain(crate::rules::CHECKLIST_RULES)
        .map(|rule| rule.id().to_string())
        .collect()
}

#[wasm_bindgen(js_name = renderReadinessMarkdown, skip_typescript)]
pub fn render_readiness_markdown(report: JsValue, name: JsValue) -> Result<String, JsValue> {
    let args = Args {
        function: "renderReadinessMarkdown",
    };
    let name = args.string(&name, "name")?;
    let report = args.object(&report, "report")?;
    let report: crate::session::ReadinessReport =
        serde_json::from_value(report).map_err(|error| {
            js_sys::TypeError::new(&format!(
                "renderReadinessMarkdown: `report` is not a readiness report: {error}"
            ))
        })?;
    Ok(crate::render::markdown::readiness(&report, &name))
}

#[wasm_bindgen(skip_typescript)]
pub fn operations() -> Result<JsValue, JsValue> {
    to_js(crate::api::operations())
}

#[wasm_bindgen(skip_typescript)]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(
        &crate::rules::all()
            .map(crate::diagnostic::Rule::info)
            .collect::<Vec<_>>(),
    )
}

#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
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
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&format!("internal error: {error}")).into())
}
