//! mews-connector-validator: checks Mews Connector API requests, recorded sessions and
//! certification checklists against the specification and the certification rules.
//!
//! The engine is pure and synchronous: text in, report out. I/O (the CLI) and the wasm
//! glue (`wasm` module) sit at the edges.

pub mod checklist;
pub mod complete;
pub mod conformance;
pub mod diagnostic;
pub mod engine;
pub mod input;
pub mod options;
pub mod registry;
pub mod render;
pub mod secret;
pub mod session;
pub mod source;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use checklist::validate_checklist;
pub use diagnostic::{Diagnostic, OperationRef, Report, Severity};
pub use engine::{
    validate_request, validate_request_bytes, validate_response, validate_response_bytes,
};
pub use input::{InputKind, validate_input};
pub use options::{Environment, Level, Options};
pub use registry::RuleInfo;
pub use session::{Progress, ReadinessReport, analyze_session};
