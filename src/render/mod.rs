//! Renderers: each turns a report into one output format.
pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod plain;
pub mod rules;
#[cfg(test)]
mod sample;
pub mod sarif;
pub mod text;
