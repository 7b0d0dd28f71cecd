//! Renderers: each turns a report into one output format.
pub mod markdown;
pub mod plain;
pub mod json;
#[cfg(test)]
mod sample;
pub mod sarif;
pub mod text;
