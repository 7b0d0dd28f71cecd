//! Every rule the product can report, in one list: id, default severity, summary, docs, example.

use serde::Serialize;

use crate::diagnostic::Severity;

/// What the registry knows of one rule. `example` is a short violating input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub docs: &'static str,
    pub example: &'static str,
}

/// All rules, grouped by the part of the engine that raises them.
pub fn all() -> impl Iterator<Item = &'static RuleInfo> {
    crate::engine::RULES
        .iter()
        .chain(crate::conformance::RULES)
        .chain(crate::checklist::RULES)
        .chain(crate::session::RULES)
        .chain(crate::input::RULES)
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static RuleInfo> {
    all().find(|rule| rule.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let mut ids: Vec<_> = all().map(|r| r.id).collect();
        for id in &ids {
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{id} is not kebab-case"
            );
        }
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "duplicate rule ids");
    }
}
