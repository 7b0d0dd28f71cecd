//! What the caller can tune: the target environment, the evaluation date and per-rule severities.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};

/// The Mews environment the integration is checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    #[default]
    Demo,
    Production,
}

/// A per-rule override of the default severity, like a linter's config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

/// Options of every validation entry point. JSON/JS shape:
/// `{"environment": "demo", "date": "2026-11-23", "rules": {"client-not-unique": "off"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    pub environment: Environment,
    /// Evaluation date (`YYYY-MM-DD`) for lifecycle rules; `None` means today.
    pub date: Option<String>,
    /// Severity overrides by rule id.
    pub rules: BTreeMap<String, Level>,
}

impl Options {
    /// Applies the per-rule overrides: `off` drops a diagnostic, any other level replaces its severity.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.rules.is_empty() {
            return diagnostics;
        }
        diagnostics
            .into_iter()
            .filter_map(|mut diagnostic| {
                match self.rules.get(&diagnostic.rule) {
                    Some(Level::Off) => return None,
                    Some(Level::Info) => diagnostic.severity = Severity::Info,
                    Some(Level::Warning) => diagnostic.severity = Severity::Warning,
                    Some(Level::Error) => diagnostic.severity = Severity::Error,
                    None => {}
                }
                Some(diagnostic)
            })
            .collect()
    }
}
