//! Request and response validation: resolve the operation, parse the body keeping positions,
//! run the schema checks and (for requests) the certification rules, then locate every finding in
//! the submitted text — once, here at the edge — and apply the caller's options.

mod fixes;
mod lifecycle;
pub mod limits;
pub mod timeline;

use crate::api::{BodyKind, Operation, address, operations};
use crate::conformance::{self, RequestContext};
use crate::diagnostic::{Diagnostic, Finding, OperationRef, Report, locate_all};
use crate::options::Options;
use crate::rules;
use crate::source::{Document, ErrorKind, LineIndex, Span, SyntaxError};
use crate::validation;

/// What the engine found about one request or response: the operation the address resolved to
/// and the findings, located by byte spans of the checked body.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub operation: Option<&'static Operation>,
    /// About the address and the operation as a whole (located at the start of the text).
    pub address: Vec<Finding>,
    /// About the body, at spans of the body's text.
    pub body: Vec<Finding>,
    /// The deprecated properties a request body sends (for the deprecation timeline).
    pub deprecated: Vec<conformance::DeprecatedUse>,
}

/// Validates a request body sent to `address` (a full URL or a path).
pub fn validate_request(address: &str, body: &str, options: &Options) -> Report {
    let checked = check(address, body, BodyKind::Request, options);
    report(body, checked, options)
}

/// Validates a response body (a fixture or a mock) against the operation's response schema.
pub fn validate_response(address: &str, body: &str, options: &Options) -> Report {
    let checked = check(address, body, BodyKind::Response, options);
    report(body, checked, options)
}

/// Validates a request body given as bytes; invalid UTF-8 is reported at the first bad byte.
pub fn validate_request_bytes(address: &str, body: &[u8], options: &Options) -> Report {
    validate_bytes(address, body, BodyKind::Request, options)
}

/// Validates a response body given as bytes; invalid UTF-8 is reported at the first bad byte.
pub fn validate_response_bytes(address: &str, body: &[u8], options: &Options) -> Report {
    validate_bytes(address, body, BodyKind::Response, options)
}

fn validate_bytes(address: &str, body: &[u8], kind: BodyKind, options: &Options) -> Report {
    match std::str::from_utf8(body) {
        Ok(text) => report(text, check(address, text, kind, options), options),
        Err(_) => {
            // Located in the text as an editor shows it: each bad sequence one U+FFFD.
            let shown = String::from_utf8_lossy(body);
            let checked = check_bytes(address, body, kind, options);
            report(&shown, checked, options)
        }
    }
}

/// What the address alone says, no body checked: the operation it resolves to, the address's
/// problems and the operation's lifecycle notices (deprecated, restricted).
pub fn check_address(address: &str, options: &Options) -> Report {
    report("", check_address_findings(address), options)
}

/// The findings of [`check_address`], not yet located.
pub fn check_address_findings(address: &str) -> Checked {
    let (operation, address) = resolve(address);
    Checked {
        operation,
        address,
        ..Checked::default()
    }
}

/// The findings of a body sent to (or returned by) the operation at `address`.
pub fn check(address: &str, body: &str, kind: BodyKind, options: &Options) -> Checked {
    let (operation, address) = resolve(address);
    if let Some(too_large) = limits::too_large("The body", body.len(), options) {
        return Checked {
            operation,
            address,
            body: vec![too_large],
            ..Checked::default()
        };
    }
    let mut deprecated = Vec::new();
    let body = match Document::parse_with_depth(body, options.limits.max_depth) {
        Err(error) => vec![syntax_finding(error)],
        Ok(doc) => {
            let most = options.limits.max_diagnostics;
            let mut findings = validation::check_body(&doc, operation, kind, most);
            if kind == BodyKind::Request {
                let context = RequestContext {
                    doc: &doc,
                    operation,
                    options,
                };
                let conformance = conformance::review(&context);
                findings
                    .retain(|finding| !conformance::is_superseded(finding, &conformance.findings));
                findings.extend(conformance.findings);
                deprecated = conformance.deprecated;
            }
            // The text is indexed here, and only when some finding needs locating.
            locate_all(&doc, &mut findings);
            findings
        }
    };
    Checked {
        operation,
        address,
        body,
        deprecated,
    }
}

/// The finding of a body that does not parse.
fn syntax_finding(error: SyntaxError) -> Finding {
    match error.kind {
        ErrorKind::Invalid => Finding::new(
            rules::INVALID_JSON,
            "",
            error.span,
            format!("The body is not valid JSON: {}", error.message),
        ),
        ErrorKind::TooDeep { .. } => Finding::new(
            rules::NESTING_TOO_DEEP,
            "",
            error.span,
            format!("The body was not checked: {}", error.message),
        ),
    }
}

/// The findings of a body given as bytes: when they are not UTF-8, one `invalid-encoding` finding
/// spanning the first bad sequence, as it shows in the lossily decoded text (one U+FFFD).
pub fn check_bytes(address: &str, body: &[u8], kind: BodyKind, options: &Options) -> Checked {
    let error = match std::str::from_utf8(body) {
        Ok(text) => return check(address, text, kind, options),
        Err(error) => error,
    };
    let (operation, address) = resolve(address);
    if let Some(too_large) = limits::too_large("The body", body.len(), options) {
        return Checked {
            operation,
            address,
            body: vec![too_large],
            ..Checked::default()
        };
    }
    let start = error.valid_up_to();
    let byte = body.get(start).copied().unwrap_or_default();
    let message = format!(
        "Found the byte 0x{byte:02X} at offset {start}, which is not valid UTF-8; expected UTF-8 text"
    );
    let span = Span {
        start,
        end: start + char::REPLACEMENT_CHARACTER.len_utf8(),
    };
    Checked {
        operation,
        address,
        body: vec![Finding::new(rules::INVALID_ENCODING, "", span, message)],
        deprecated: Vec::new(),
    }
}

/// Locates `checked`'s findings in `text` (the checked text, or the text it was taken from when
/// the caller moved the spans there), applies the options' severities and caps the report.
pub fn report(text: &str, checked: Checked, options: &Options) -> Report {
    let findings: Vec<Finding> = checked.address.into_iter().chain(checked.body).collect();
    let mut diagnostics = locate(text, findings, options);
    crate::diagnostic::scrub_all(&mut diagnostics, text);
    let operation = checked.operation.map(|op| OperationRef {
        address: op.address.clone(),
        name: op.name.clone(),
        docs: op.docs.clone(),
    });
    let mut report = limits::cap(Report::new(operation, diagnostics), options);
    fixes::offer(text, &mut report.diagnostics, checked.operation);
    report
}

/// Diagnostics of `findings` located in `text`, at the options' severities (rules switched off
/// are dropped).
pub fn locate(text: &str, findings: Vec<Finding>, options: &Options) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return Vec::new();
    }
    // Positions need the text's line index: built only when there is something to locate.
    let lines = LineIndex::new(text);
    findings
        .into_iter()
        .filter_map(|finding| {
            let severity = options.severity(finding.rule)?;
            Some(finding.locate(text, &lines, severity))
        })
        .collect()
}

/// The operation `address` designates, the address's problems and the operation's notices.
fn resolve(address: &str) -> (Option<&'static Operation>, Vec<Finding>) {
    let resolution = address::resolve(address, operations());
    let correct = resolution.operation.map(|op| op.address.as_str());
    let mut findings: Vec<Finding> = resolution
        .problems
        .iter()
        .map(|problem| {
            let finding = Finding::at_start(problem.rule(), problem.message(correct));
            match resolution.operation {
                Some(operation) => finding.with_docs(operation.docs.as_str()),
                None => finding,
            }
        })
        .collect();
    if let Some(operation) = resolution.operation {
        findings.extend(lifecycle::notices(operation));
    }
    (resolution.operation, findings)
}
