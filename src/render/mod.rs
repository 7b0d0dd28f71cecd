//! Renderers: each turns a report into one output format.
pub mod json;
pub mod markdown;
pub mod plain;
pub mod rules;
#[cfg(test)]
mod sample;
pub mod sarif;
pub mod text;
