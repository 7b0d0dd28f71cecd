//! The Connector API as the product knows it: the embedded operation catalog and schema bundle
//! (generated into `schemas/` by `mews-schema-gen`), the compiled schema of each operation's
//! bodies, address resolution, the public demo tokens, deprecated properties, and the one way to
//! choose the branch of a union a value was meant for.

pub mod address;
pub mod catalog;
pub mod demo;
pub mod deprecations;
pub mod limits;
pub mod plan;
pub mod schemas;
pub mod union;

pub use catalog::{BUNDLE_ID, BodySchema, DeprecatedProperty, Operation, bundle, operations};
pub use schemas::BodyKind;
