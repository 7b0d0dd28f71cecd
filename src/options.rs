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
    /// What is wrong with these options, for callers to report before validating: rule ids the
    /// registry does not know, and an evaluation date that is not `YYYY-MM-DD`.
    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self
            .rules
            .keys()
            .filter(|id| crate::registry::find(id).is_none())
            .map(|id| format!("unknown rule id \"{id}\" (see the rules list)"))
            .collect();
        if let Some(date) = &self.date
            && crate::conformance::parse_date(date).is_err()
        {
            problems.push(format!("date \"{date}\" is not a date as YYYY-MM-DD"));
        }
        problems
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_unknown_rules_and_bad_dates() {
        let mut options = Options::default();
        assert!(options.problems().is_empty());
        options
            .rules
            .insert("client-not-unique".to_string(), Level::Off);
        options.date = Some("2027-01-10".to_string());
        assert!(options.problems().is_empty());
        options
            .rules
            .insert("no-such-rule".to_string(), Level::Error);
        options.date = Some("2027-13-01".to_string());
        let problems = options.problems();
        assert_eq!(problems.len(), 2);
        assert!(problems[0].contains("no-such-rule"));
        assert!(problems[1].contains("2027-13-01"));
    }

    #[test]
    fn overrides_change_or_drop_diagnostics() {
        let diagnostic = |rule: &str| Diagnostic {
            rule: rule.to_string(),
            severity: Severity::Warning,
            message: String::new(),
            pointer: String::new(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            docs: String::new(),
            call: None,
            time: None,
            address: None,
        };
        let mut options = Options::default();
        options.rules.insert("a".to_string(), Level::Off);
        options.rules.insert("b".to_string(), Level::Error);
        let kept = options.apply(vec![diagnostic("a"), diagnostic("b"), diagnostic("c")]);
        let kept: Vec<_> = kept.iter().map(|d| (d.rule.as_str(), d.severity)).collect();
        assert_eq!(kept, [("b", Severity::Error), ("c", Severity::Warning)]);
    }
}
