//! Mews conformance rules: what certification reviewers check that the OpenAPI schema cannot say.

use crate::diagnostic::Diagnostic;
use crate::engine::Operation;
use crate::options::Options;
use crate::registry::RuleInfo;
use crate::source::Document;

/// Rules raised by this module.
pub const RULES: &[RuleInfo] = &[];

/// What a conformance rule sees of one request.
pub struct RequestContext<'a> {
    pub doc: &'a Document<'a>,
    /// `None` when the address matched no operation (authentication is still checked).
    pub operation: Option<&'a Operation>,
    pub options: &'a Options,
}

/// Runs every conformance rule on a parsed request body.
pub fn check_request(_context: &RequestContext<'_>) -> Vec<Diagnostic> {
    Vec::new()
}
