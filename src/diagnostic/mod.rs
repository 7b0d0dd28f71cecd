//! The one diagnostic model of the product. Inside the engine a finding is a [`Finding`]: a rule
//! (raised through its typed [`Rule`] handle), a JSON Pointer, a byte span of the checked text and
//! a message. At the edge, findings become [`Diagnostic`]s located by line and UTF-16 column,
//! collected in a [`Report`]: field names there are a contract read by the CLI, the npm package
//! and the page.

mod deprecation;
mod finding;
mod fix;
mod location;
mod report;
mod rule;
mod scrub;

pub use deprecation::{Deprecation, DeprecationKind, DeprecationStatus};
pub use finding::{Finding, locate_all};
pub use fix::Fix;
pub use location::Location;
pub use report::{Diagnostic, OperationRef, Report};
pub use rule::{
    AlsoReported, Encoding, Example, ExampleKind, ExampleLimits, ExampleOptions, Repeat, Rule,
    RuleInfo, Severity,
};
pub use scrub::scrub_all;
