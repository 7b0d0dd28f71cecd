//! What a rule is: its data ([`RuleInfo`]) and the typed handle that raises it ([`Rule`]).

use serde::{Deserialize, Serialize};

/// How serious a finding is. `Error` makes a report invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What the registry knows of one rule. `example` is a short violating input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub docs: &'static str,
    pub example: &'static str,
}

/// A declared rule. Only the registry (`crate::rules`) declares rules; everything else raises
/// them through these handles, never by id.
#[derive(Debug, Clone, Copy)]
pub struct Rule(&'static RuleInfo);

impl Rule {
    /// Declares a rule; used by the registry's `declare_rules!`.
    pub(crate) const fn declare(info: &'static RuleInfo) -> Self {
        Rule(info)
    }

    pub const fn info(self) -> &'static RuleInfo {
        self.0
    }

    pub const fn id(self) -> &'static str {
        self.0.id
    }

    /// The default severity.
    pub const fn severity(self) -> Severity {
        self.0.severity
    }

    /// The docs page of the rule itself (findings may link a more specific one).
    pub const fn docs(self) -> &'static str {
        self.0.docs
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for Rule {}

impl std::hash::Hash for Rule {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.id.hash(state);
    }
}
