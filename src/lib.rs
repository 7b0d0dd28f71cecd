//! mews-connector-validator: checks Mews Connector API requests, recorded sessions and
//! certification checklists against the specification and the certification rules.
//!
//! The engine is pure and synchronous: text in, report out. Its modules form layers whose imports
//! run one way, from the bottom:
//!
//! 1. [`source`] (the submitted text: spans, positions, JSON with positions) and [`secret`];
//! 2. [`diagnostic`] (rules' data type and handle, findings, located diagnostics, reports);
//! 3. [`rules`] (every rule, declared once, as data);
//! 4. [`options`] (environment, evaluation date, severity overrides) and [`conditions`] (the docs'
//!    conditional requirements, as data);
//! 5. [`api`] (the embedded catalog and schema bundle, compiled schemas, API facts);
//! 6. [`validation`] (schema checks) and [`conformance`] (certification rules);
//! 7. [`pipeline`] (validate a request, response or address);
//! 8. [`input`] (pasted cURL/HTTP/HAR), [`checklist`], [`session`], [`complete`] (the page's
//!    completions);
//! 9. [`render`]; natively and in the CLI also [`generate`] (OpenAPI → schemas, as `mews-schema-gen` runs it) and
//!    [`diff`] (what a newer contract changes);
//! 10. the CLI ([`cli`], behind the default `cli` feature: one I/O-abstract core for the native
//!     binary and the npm `bin`) and the wasm bindings (`wasm` module) at the edges.

pub mod api;
pub mod checklist;
#[cfg(feature = "cli")]
pub mod cli;
pub mod complete;
pub mod conditions;
pub mod conformance;
pub mod diagnostic;
// In wasm only with the CLI (`npx … diff`): the library package leaves them out.
#[cfg(any(not(target_arch = "wasm32"), feature = "cli"))]
pub mod diff;
#[cfg(any(not(target_arch = "wasm32"), feature = "cli"))]
pub mod generate;
pub mod input;
pub mod options;
pub mod pipeline;
pub mod render;
pub mod rules;
pub mod secret;
pub mod session;
pub mod source;
pub mod validation;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use api::{Operation, operations};
pub use checklist::validate_checklist;
pub use diagnostic::{Diagnostic, Finding, OperationRef, Report, Rule, RuleInfo, Severity};
pub use input::{InputKind, validate_input};
pub use options::{Environment, Level, Options};
pub use pipeline::{
    check_address, validate_request, validate_request_bytes, validate_response,
    validate_response_bytes,
};
pub use session::{Progress, ReadinessReport, analyze_session};
