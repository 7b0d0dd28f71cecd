//! Request and response validation: resolve the operation, parse the body keeping positions,
//! validate against the operation's schema, and collect located diagnostics.

pub mod address;
mod branches;
pub mod catalog;
pub mod check;
mod describe;
pub mod errors;
pub mod findings;
mod lifecycle;
pub mod limits;
mod locate;
mod rules;
pub mod schema;

use crate::conformance::{self, RequestContext};
use crate::diagnostic::{Diagnostic, OperationRef, Report};
use crate::options::Options;
use crate::source::{self, Document, Span};

pub use catalog::{Operation, operations};
pub use rules::RULES;
pub use schema::BodyKind;

/// Validates a request body sent to `address` (a full URL or a path).
pub fn validate_request(address: &str, body: &str, options: &Options) -> Report {
    validate(address, body, options, BodyKind::Request)
}

/// Validates a request body given as bytes; invalid UTF-8 is reported at the first bad byte.
pub fn validate_request_bytes(address: &str, body: &[u8], options: &Options) -> Report {
    validate_bytes(address, body, options, BodyKind::Request)
}

/// Validates a response body given as bytes; invalid UTF-8 is reported at the first bad byte.
pub fn validate_response_bytes(address: &str, body: &[u8], options: &Options) -> Report {
    validate_bytes(address, body, options, BodyKind::Response)
}

fn validate_bytes(address: &str, body: &[u8], options: &Options, kind: BodyKind) -> Report {
    match source::decode_utf8(body) {
        Ok(text) => validate(address, text, options, kind),
        Err(span) => {
            let (operation, mut diagnostics) = resolve_with_notices(address);
            diagnostics.push(invalid_utf8(body, span));
            finish(operation, diagnostics, options)
        }
    }
}

/// Validates a response body (a fixture or a mock) against the operation's response schema.
pub fn validate_response(address: &str, body: &str, options: &Options) -> Report {
    validate(address, body, options, BodyKind::Response)
}

/// What the address alone says, no body checked: the operation it resolves to, the address's
/// problems and the operation's lifecycle notices (deprecated, restricted).
pub fn check_address(address: &str, options: &Options) -> Report {
    let (operation, diagnostics) = resolve_with_notices(address);
    finish(operation, diagnostics, options)
}

fn resolve_with_notices(address: &str) -> (Option<&'static Operation>, Vec<Diagnostic>) {
    let resolution = address::resolve(address, operations());
    let mut diagnostics = address_diagnostics(&resolution);
    if let Some(operation) = resolution.operation {
        diagnostics.extend(lifecycle::notices(operation));
    }
    (resolution.operation, diagnostics)
}

fn validate(address: &str, body: &str, options: &Options, kind: BodyKind) -> Report {
    let (operation, mut diagnostics) = resolve_with_notices(address);
    match Document::parse(body) {
        Err(error) => diagnostics.push(syntax_diagnostic(body, &error.message, error.span)),
        Ok(doc) => {
            let schema_findings = check_body(&doc, operation, kind);
            if kind == BodyKind::Request {
                let conformance = conformance::check_request(&RequestContext {
                    doc: &doc,
                    operation,
                    options,
                });
                diagnostics.extend(
                    schema_findings
                        .into_iter()
                        .filter(|d| !conformance::is_superseded(d, &conformance)),
                );
                diagnostics.extend(conformance);
            } else {
                diagnostics.extend(schema_findings);
            }
        }
    }
    finish(operation, diagnostics, options)
}

/// Schema diagnostics of a parsed body.
fn check_body(
    doc: &Document<'_>,
    operation: Option<&Operation>,
    kind: BodyKind,
) -> Vec<Diagnostic> {
    let root = doc.root();
    if !matches!(root.value, source::Value::Object(_)) {
        return vec![locate::diagnostic(
            "not-an-object",
            format!(
                "Found {} as the body; expected a JSON object",
                root.type_name()
            ),
            String::new(),
            doc.range(root.span),
            rules::docs("not-an-object").to_string(),
        )];
    }
    let Some(operation) = operation else {
        return Vec::new();
    };
    let validator = match schema::validator(operation, kind) {
        None => return Vec::new(),
        Some(Err(reason)) => {
            return vec![locate::at_start(
                "schema-unavailable",
                format!(
                    "The schema of {} could not be compiled, so the body was not checked: {reason}",
                    operation.address
                ),
                operation.docs.clone(),
            )];
        }
        Some(Ok(validator)) => validator,
    };
    check::schema_diagnostics(doc, validator, catalog::bundle(), &operation.docs)
}

fn address_diagnostics(resolution: &address::Resolution) -> Vec<Diagnostic> {
    let correct = resolution.operation.map(|op| op.address.as_str());
    let docs = resolution.operation.map_or_else(
        || rules::docs("unknown-operation").to_string(),
        |op| op.docs.clone(),
    );
    resolution
        .problems
        .iter()
        .map(|problem| locate::at_start(problem.rule(), problem.message(correct), docs.clone()))
        .collect()
}

fn finish(
    operation: Option<&Operation>,
    diagnostics: Vec<Diagnostic>,
    options: &Options,
) -> Report {
    let operation = operation.map(|op| OperationRef {
        address: op.address.clone(),
        name: op.name.clone(),
        docs: op.docs.clone(),
    });
    limits::cap(Report::new(operation, options.apply(diagnostics)))
}

fn syntax_diagnostic(text: &str, message: &str, span: Span) -> Diagnostic {
    let lines = source::LineIndex::new(text);
    let range = (
        lines.position(text, span.start),
        lines.position(text, span.end),
    );
    locate::diagnostic(
        "invalid-json",
        format!("The body is not valid JSON: {message}"),
        String::new(),
        range,
        rules::docs("invalid-json").to_string(),
    )
}

fn invalid_utf8(body: &[u8], span: Span) -> Diagnostic {
    // The valid prefix locates the bad byte; the byte itself is shown in hex.
    let prefix = body
        .get(..span.start)
        .and_then(|valid| std::str::from_utf8(valid).ok())
        .unwrap_or_default();
    let lines = source::LineIndex::new(prefix);
    let start = lines.position(prefix, prefix.len());
    let end = crate::source::Position {
        line: start.line,
        column: start.column.saturating_add(1),
    };
    let byte = body.get(span.start).copied().unwrap_or_default();
    locate::diagnostic(
        "invalid-encoding",
        format!(
            "Found the byte 0x{byte:02X} at offset {}, which is not valid UTF-8; expected UTF-8 text",
            span.start
        ),
        String::new(),
        (start, end),
        rules::docs("invalid-encoding").to_string(),
    )
}
