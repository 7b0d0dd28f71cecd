//! Renderers: each turns a report into one output format.
pub mod markdown;
pub mod plain;
