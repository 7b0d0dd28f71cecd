//! Renderers: each turns a report into one output format.
pub mod json;
#[cfg(test)]
mod sample;
pub mod sarif;
pub mod text;
