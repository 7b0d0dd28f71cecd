//! The schema generator (natively, and in the npm CLI for `diff`): the Connector API OpenAPI document and, when present, the
//! docs folder → `schemas/bundle.json`, `schemas/catalog.json` and the per-operation request and
//! response schemas, and the npm package's TypeScript declarations from the product's own schemas.
//! `mews-schema-gen` writes them; `diff` compares two converted documents.

pub mod bundle;
pub mod catalog;
pub mod conditions;
pub mod convert;
pub mod deprecations;
pub mod docs;
pub mod markdown;
pub mod openapi;
pub mod phrases;
pub mod tables;
#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;
#[cfg(not(target_arch = "wasm32"))]
pub mod write;
