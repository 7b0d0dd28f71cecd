//! The JavaScript face of the engine, for the npm package and the page: thin exports that turn
//! JS options into [`crate::options::Options`] (arguments checked by [`args`]) and reports into plain JS objects. No validation logic lives here.
//!
//! The TypeScript declarations are written by hand (below) rather than generated, so the package's
//! `.d.ts` describes the real shapes (`Report`, `Diagnostic`, ...) instead of `any`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

mod args;

use args::Args;

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
  /** The called address (path) the finding is about, in session reports: findings in a call's body and per-operation findings. */
  address?: string;
  /** Safe fixes of the finding (absent when there is none). */
  fixes?: Fix[];
}

/** A safe fix: replace the UTF-16 code units `start..end` of the submitted text with `replacement`. */
export interface Fix {
  /** What the fix does; never shows a token. */
  title: string;
  /** Offset in UTF-16 code units (as editors count them) into the submitted text. */
  start: number;
  /** End offset (exclusive), in UTF-16 code units. */
  end: number;
  replacement: string;
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
  /** Checklist reports: the deprecation timeline of the listed operations (absent when empty). */
  deprecations?: Deprecation[];
}

/**
 * A used operation or property that is deprecated, or discontinued on or before the evaluation
 * date + 12 months.
 */
export interface Deprecation {
  kind: "operation" | "property";
  /** The operation's address (for a property: the operation whose requests send it). */
  address: string;
  /** `null` for operations. */
  property: string | null;
  /** Where the property was first seen in a request body; `null` for operations. */
  pointer: string | null;
  /** The schema type (`$defs` name) holding the property, when known. */
  schemaType: string | null;
  /** `YYYY-MM-DD`, when known. */
  deprecated: string | null;
  /** `YYYY-MM-DD`, when announced. */
  discontinued: string | null;
  replacement: string | null;
  docs: string;
  /** Calls of the operation, values of the property sent, or listings in a checklist. */
  uses: number;
  status: "discontinued" | "discontinued-within-12-months" | "deprecated-no-date" | "no-evaluation-date";
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
  /**
   * A real input that triggers the rule, as users read it (see RULES.md). With `exampleRepeat`,
   * `{repeat}` marks the generated part. For `exampleKind: "none"`, why no input triggers it.
   */
  example: string;
  /** What the example is run as: `validateRequest`, `validateResponse`, `validateInput`, `validateChecklist`, `analyzeSession`. */
  exampleKind: "request" | "response" | "input" | "checklist" | "session" | "none";
  /** The operation a request or response example is sent to. */
  exampleAddress?: string;
  /** The checklist a session example is cross-checked with. */
  exampleChecklist?: string;
  /** The options the example is run with. */
  exampleOptions?: { environment?: Environment; date?: string };
  /** `"iso-8859-1"`: the example is a file saved as Latin-1, not UTF-8 (CLI and Rust only). */
  exampleEncoding?: string;
  /** `{repeat}` in `example` is `times` copies of `item` joined by `separator`; `{n}` in each is its number from 0, zero-padded to the width of the last. */
  exampleRepeat?: { times: number; item: string; separator: string };
  /** Other rules the example unavoidably reports too. */
  exampleAlsoReports?: { rule: string; reason: string }[];
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

/** What a pasted text is: a JSON body, a cURL command, an HTTP request (REST client syntax), a URL alone, or a HAR export. */
export type InputKind = "body" | "curl" | "http" | "url" | "har";

/** What `detectInput` recognised. */
export interface DetectedInput {
  kind: InputKind;
  /** The URL as written in a cURL command or HTTP request; `null` for a body or a HAR export. */
  address: string | null;
}

/** Recognises a pasted text without validating it (cheap: call it on every keystroke). */
export function detectInput(text: string): DetectedInput;

/**
 * Validates whatever was pasted: a JSON body (exactly `validateRequest(address, text)`), a cURL
 * command, an HTTP request or a URL. Every finding is located in `text`. `address` is used only
 * when the text names none. A HAR export gets one `recorded-session` finding: review it with
 * `analyzeSession`. Throws only when `options` is malformed.
 */
export function validateInput(text: string, address?: string | null, options?: Options): Report;

/** Validates a certification checklist (JSON text); findings are located in `text`. */
export function validateChecklist(text: string, options?: Options): Report;

/** How far `analyzeSession` is: bytes of the recording read, and Connector API calls reviewed. */
export interface Progress {
  bytes: number;
  totalBytes: number;
  calls: number;
}

/** `"ready"` exactly when the review found no error. */
export type Verdict = "ready" | "not-ready";

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/** What the recording held. */
export interface SessionSummary {
  /** `"har"` or `"ndjson"`; `null` when unreadable. */
  format: string | null;
  /** HAR entries or non-blank NDJSON lines read. */
  entries: number;
  /** Connector API calls reviewed. */
  calls: number;
  /** Entries that are not Connector API calls, skipped. */
  ignored: number;
  /** Entries that could not be read, skipped (each has a diagnostic). */
  unreadable: number;
  firstCall: string | null;
  lastCall: string | null;
  clientNames: string[];
  hosts: string[];
}

/** One row of the per-operation table. */
export interface OperationRow {
  address: string;
  /** `null` for addresses that are no operation. */
  name: string | null;
  /** Listed in the checklist; `null` without a checklist. */
  declared: boolean | null;
  calls: number;
  /** Calls answered 2xx. */
  successes: number;
  failures: number;
  diagnostics: number;
}

/** Requests in one second with calls, and the highest sliding 30 s window count in it. */
export interface SecondBucket {
  /** Unix time, seconds. */
  second: number;
  requests: number;
  windowPeak: number;
}

/** A run of windows above the limit. */
export interface Burst {
  windowStart: string;
  count: number;
  /** Index of the first call above the limit. */
  call: number;
}

/** The call rate of one AccessToken (masked). */
export interface RateProfile {
  accessToken: string;
  calls: number;
  limit: number;
  /** Highest count of requests in any sliding 30 s window. */
  peak: number;
  peakWindowStart: string | null;
  /** The checklist's declared peak, when a checklist was given. */
  declaredPeak: number | null;
  bursts: Burst[];
  series: SecondBucket[];
}

/** The certification readiness of a recorded session. */
export interface ReadinessReport {
  /** `false` exactly when `diagnostics` or `checklist.diagnostics` hold an error. */
  valid: boolean;
  verdict: Verdict;
  counts: Counts;
  summary: SessionSummary;
  operations: OperationRow[];
  rateProfiles: RateProfile[];
  /** The checklist's own report (located in the checklist text), when one was given. */
  checklist: Report | null;
  /** Findings in the recording; those with `call` are located in that call's request body. */
  diagnostics: Diagnostic[];
  /** The deprecation timeline of the called operations and the deprecated properties sent. */
  deprecations: Deprecation[];
}

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

/** One suggestion of `completions`. */
export interface Completion {
  /** The property name or value as shown, e.g. `ContactPerson`, `Confirmed`, `true`. */
  label: string;
  /** The JSON text that replaces `from..to`, e.g. `"ContactPerson": ` or `"Confirmed"`. */
  insert: string;
  kind: "property" | "value";
  deprecated: boolean;
  /** A property the schema requires. */
  required: boolean;
  /** The type, e.g. `string (uuid)`, `array of ReservationData`; for a value, its enum's name. */
  detail: string;
  /** The schema's description or title and the deprecation note, when it has them. */
  info: string | null;
}

/** What `completions` found at the cursor. */
export interface Completions {
  /** What the cursor is typing: a property name, a value, or nothing the schema can help with. */
  context: "key" | "value" | "none";
  /** JSON Pointer of the enclosing object (`key`) or of the value being typed (`value`). */
  pointer: string;
  /** UTF-16 range of the token a suggestion replaces (the partial key or value with its quotes). */
  from: number;
  to: number;
  /** Property names the enclosing object does not have yet, or the values an enum or boolean allows. */
  items: Completion[];
}

/**
 * Schema help at `cursor` (a UTF-16 offset) of `text`, which may be incomplete JSON: the property
 * names and values the schema of the operation at `address` allows there. `target` defaults to
 * `"request"`; `"checklist"` ignores `address`. Cheap (one scan of the text); never throws.
 */
export function completions(address: string, text: string, cursor: number, target?: CompletionTarget): Completions;

/** One Connector API call of a recording, numbered as diagnostics' `call`. */
export interface RecordedCall {
  call: number;
  /** The request path, e.g. `/api/connector/v1/configuration/get`. */
  address: string;
  /** When it was sent, as recorded. */
  started: string;
  /** `started` in milliseconds since the Unix epoch. */
  startedMs: number;
  /** Response status; 0 when there was no response. */
  status: number;
  /** Index in the readiness report's `rateProfiles` of this call's AccessToken. */
  profile: number;
}

/** The Connector API calls of a recording (HAR or NDJSON) as `analyzeSession` reviews them. */
export function sessionCalls(text: string): RecordedCall[];

/** The request body of call `call` of a recording, as reviewed (its diagnostics are located in it); `null` when there is no such call. */
export function sessionCallBody(text: string, call: number): { address: string; body: string } | null;

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
        let result = to_js(&ProgressJs {
            bytes: progress.bytes,
            total_bytes: progress.total_bytes,
            calls: progress.calls,
        })
        .and_then(|value| callback.call1(&JsValue::NULL, &value));
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

/// [`crate::session::Progress`] as JS sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProgressJs {
    bytes: usize,
    total_bytes: usize,
    calls: usize,
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
    #[derive(Serialize)]
    struct CallBody {
        address: String,
        body: String,
    }
    let args = Args {
        function: "sessionCallBody",
    };
    let (text, call) = (args.string(&text, "text")?, args.index(&call, "call")?);
    let found = crate::session::calls::recorded_call_body(&text, call)
        .map(|(address, body)| CallBody { address, body });
    to_js(&found)
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
