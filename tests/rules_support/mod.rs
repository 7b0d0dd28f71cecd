//! Runs a rule's example as the rules list's JSON describes it (`rules --format json`, npm
//! `rules()`: `example`, `exampleKind`, `exampleAddress`, `exampleChecklist`, `exampleOptions`,
//! `exampleEncoding`, `exampleRepeat`) through the public API, and says which rules it reported.

use mews_connector_validator::{
    Diagnostic, Options, Severity, analyze_session, validate_checklist, validate_input,
    validate_request, validate_request_bytes, validate_response, validate_response_bytes,
};
use serde_json::Value;

/// The rules the example reported, with their severities, in report order; `None` for an
/// example of kind `none` (no input triggers its rule).
pub fn run(entry: &Value) -> Option<Vec<(String, Severity)>> {
    let field = |name: &str| entry.get(name).and_then(Value::as_str);
    let id = field("id").unwrap_or("?");
    let kind = field("exampleKind").unwrap_or_else(|| panic!("{id}: no exampleKind"));
    if kind == "none" {
        return None;
    }
    let text = input(entry);
    let options: Options = entry
        .get("exampleOptions")
        .map(|options| serde_json::from_value(options.clone()).unwrap())
        .unwrap_or_default();
    let address = || field("exampleAddress").unwrap_or_else(|| panic!("{id}: no exampleAddress"));
    let latin1 = match field("exampleEncoding") {
        None | Some("utf-8") => None,
        Some("iso-8859-1") => Some(latin1(id, &text)),
        Some(other) => panic!("{id}: unknown exampleEncoding {other}"),
    };
    let diagnostics: Vec<Diagnostic> = match (kind, &latin1) {
        ("request", None) => validate_request(address(), &text, &options).diagnostics,
        ("request", Some(bytes)) => validate_request_bytes(address(), bytes, &options).diagnostics,
        ("response", None) => validate_response(address(), &text, &options).diagnostics,
        ("response", Some(bytes)) => {
            validate_response_bytes(address(), bytes, &options).diagnostics
        }
        ("input", None) => validate_input(&text, None, &options).diagnostics,
        ("checklist", None) => validate_checklist(&text, &options).diagnostics,
        ("session", None) => {
            let report = analyze_session(&text, field("exampleChecklist"), &options, &mut |_| {});
            let checklist = report.checklist.map(|c| c.diagnostics).unwrap_or_default();
            report.diagnostics.into_iter().chain(checklist).collect()
        }
        (kind, _) => panic!(
            "{id}: cannot run a {kind} example in {:?}",
            field("exampleEncoding")
        ),
    };
    Some(
        diagnostics
            .into_iter()
            .map(|d| (d.rule, d.severity))
            .collect(),
    )
}

/// The example's text with `{repeat}` replaced by its generated part: `times` copies of `item`
/// joined by `separator`, `{n}` in each the copy's number padded to the width of the last one.
fn input(entry: &Value) -> String {
    let text = entry["example"].as_str().unwrap();
    let Some(repeat) = entry.get("exampleRepeat") else {
        return text.to_string();
    };
    let times = repeat["times"].as_u64().unwrap() as usize;
    let item = repeat["item"].as_str().unwrap();
    let separator = repeat["separator"].as_str().unwrap();
    let width = times.saturating_sub(1).to_string().len();
    let generated: Vec<String> = (0..times)
        .map(|n| item.replace("{n}", &format!("{n:0width$}")))
        .collect();
    assert!(text.contains("{repeat}"), "{}: no {{repeat}}", entry["id"]);
    text.replace("{repeat}", &generated.join(separator))
}

/// ISO-8859-1 bytes of a text: one byte per character.
fn latin1(id: &str, text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or_else(|_| panic!("{id}: {c} is not Latin-1")))
        .collect()
}
