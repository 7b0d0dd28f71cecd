//! What the caller can tune: the target environment, the evaluation date, per-rule severities and
//! the limits that bound one call's work.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Rule, Severity};

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
/// `{"environment": "demo", "date": "2026-11-23", "rules": {"client-not-unique": "off"},
/// "limits": {"maxInputBytes": 1048576}}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    pub environment: Environment,
    /// Evaluation date (`YYYY-MM-DD`) for lifecycle rules; `None` means today.
    pub date: Option<String>,
    /// Severity overrides by rule id.
    pub rules: BTreeMap<String, Level>,
    /// Bounds on one call's work; each has its own diagnostic when reached.
    pub limits: Limits,
}

/// What bounds one call's work and memory, whatever the input. Reaching a limit is reported by its
/// own rule; nothing is silently dropped. JSON/JS shape (every key optional):
/// `{"maxInputBytes": 134217728, "maxDepth": 64, "maxDiagnostics": 1000}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct Limits {
    /// The largest text (body, paste, recording, checklist) checked, in bytes: a larger one is
    /// one `input-too-large` finding, read no further.
    pub max_input_bytes: usize,
    /// The deepest nesting of arrays and objects read in a JSON body (1 to
    /// [`MAX_DEPTH_BOUND`]): deeper is `nesting-too-deep`.
    pub max_depth: usize,
    /// The most diagnostics one report lists (1 to [`MAX_DIAGNOSTICS_BOUND`]); one more says
    /// that more were found (`too-many-diagnostics`, `diagnostics-truncated`).
    pub max_diagnostics: usize,
}

/// The deepest nesting a caller may allow: the parser recurses, and wasm's stack is small.
pub const MAX_DEPTH_BOUND: usize = crate::source::parse::MAX_DEPTH_BOUND;

/// The most diagnostics a caller may ask for: each costs its message and position.
pub const MAX_DIAGNOSTICS_BOUND: usize = 100_000;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // A recorded session of a busy day, with room: real request bodies are kilobytes.
            max_input_bytes: 128 * 1024 * 1024,
            max_depth: crate::source::DEFAULT_MAX_DEPTH,
            max_diagnostics: 1000,
        }
    }
}

impl Limits {
    /// What is out of range, one sentence each.
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.max_input_bytes == 0 {
            problems.push("limits.maxInputBytes must be at least 1".to_string());
        }
        if !(1..=MAX_DEPTH_BOUND).contains(&self.max_depth) {
            problems.push(format!(
                "limits.maxDepth is {}; expected 1 to {MAX_DEPTH_BOUND}",
                self.max_depth
            ));
        }
        if !(1..=MAX_DIAGNOSTICS_BOUND).contains(&self.max_diagnostics) {
            problems.push(format!(
                "limits.maxDiagnostics is {}; expected 1 to {MAX_DIAGNOSTICS_BOUND}",
                self.max_diagnostics
            ));
        }
        problems
    }
}

impl Options {
    /// What is wrong with these options, for callers to report before validating: rule ids the
    /// registry does not know, an evaluation date that is not `YYYY-MM-DD`, limits out of range.
    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self
            .rules
            .keys()
            .filter(|id| crate::rules::find(id).is_none())
            .map(|id| format!("unknown rule id \"{id}\" (see the rules list)"))
            .collect();
        if let Some(date) = &self.date
            && parse_date(date).is_err()
        {
            problems.push(format!("date \"{date}\" is not a date as YYYY-MM-DD"));
        }
        problems.extend(self.limits.problems());
        problems
    }

    /// The severity `rule` is reported at, or `None` when it is switched off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.rules.get(rule.id()) {
            None => Some(rule.severity()),
            Some(Level::Off) => None,
            Some(Level::Info) => Some(Severity::Info),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
        }
    }

    /// The date lifecycle rules evaluate against: the option, or today (UTC) in native code.
    /// `Ok(None)` in wasm without the option: the glue always sets it, and there is no clock to ask.
    pub fn evaluation_date(&self) -> Result<Option<Date>, InvalidDate> {
        match &self.date {
            Some(text) => parse_date(text).map(Some),
            None => Ok(today()),
        }
    }

    /// Applies the per-rule overrides to located diagnostics: `off` drops a diagnostic, any other
    /// level replaces its severity.
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

/// Why an evaluation date cannot be used: the text given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidDate(pub String);

/// A strict `YYYY-MM-DD` date (jiff also reads other ISO 8601 forms, which the API does not take).
pub fn parse_date(text: &str) -> Result<Date, InvalidDate> {
    let bytes = text.as_bytes();
    let plain = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !plain {
        return Err(InvalidDate(text.to_string()));
    }
    text.parse().map_err(|_| InvalidDate(text.to_string()))
}

#[cfg(not(target_arch = "wasm32"))]
fn today() -> Option<Date> {
    Some(
        jiff::tz::Offset::UTC
            .to_datetime(jiff::Timestamp::now())
            .date(),
    )
}

#[cfg(target_arch = "wasm32")]
fn today() -> Option<Date> {
    None
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
            fixes: Vec::new(),
        };
        let mut options = Options::default();
        options.rules.insert("a".to_string(), Level::Off);
        options.rules.insert("b".to_string(), Level::Error);
        let kept = options.apply(vec![diagnostic("a"), diagnostic("b"), diagnostic("c")]);
        let kept: Vec<_> = kept.iter().map(|d| (d.rule.as_str(), d.severity)).collect();
        assert_eq!(kept, [("b", Severity::Error), ("c", Severity::Warning)]);
    }

    #[test]
    fn evaluation_date_is_strict() {
        let options = |date: &str| Options {
            date: Some(date.to_string()),
            ..Options::default()
        };
        assert_eq!(
            options("2027-01-10")
                .evaluation_date()
                .unwrap()
                .unwrap()
                .to_string(),
            "2027-01-10"
        );
        for bad in ["2027-1-10", "2027-02-30", "10/01/2027", "20270110", ""] {
            assert!(options(bad).evaluation_date().is_err(), "{bad}");
        }
        assert!(Options::default().evaluation_date().unwrap().is_some());
    }

    #[test]
    fn severity_follows_the_overrides() {
        let mut options = Options::default();
        assert_eq!(
            options.severity(crate::rules::CLIENT_NOT_UNIQUE),
            Some(Severity::Error)
        );
        options
            .rules
            .insert("client-not-unique".to_string(), Level::Off);
        options.rules.insert("demo-token".to_string(), Level::Error);
        assert_eq!(options.severity(crate::rules::CLIENT_NOT_UNIQUE), None);
        assert_eq!(
            options.severity(crate::rules::DEMO_TOKEN),
            Some(Severity::Error)
        );
    }
}
