//! Every rule the product can report, declared once, as data: id, default severity, summary, docs
//! link and an example, a real input that triggers the rule when run ([`Example`];
//! `tests/rule_examples.rs` runs them all). One file per family; each declaration is a typed
//! [`Rule`] handle, the only way to raise the rule, and the families together form the registry
//! ([`FAMILIES`], [`all`], [`find`]). Default severities follow the severity policy at the top of
//! `RULES.md` (written by `render::rules`): review a new rule against it.

use crate::diagnostic::{AlsoReported, Example, Rule, RuleInfo, Severity};

/// Declares a family's rules: one `pub const NAME: Rule` per entry (checked at compile time to
/// be the id in upper snake case), and the family's list under the name given first.
macro_rules! declare_rules {
    ($list:ident; $(
        $(#[$attr:meta])*
        $name:ident {
            id: $id:literal,
            severity: $severity:ident,
            summary: $summary:expr,
            docs: $docs:expr,
            example: $example:expr $(,)?
        }
    )*) => {
        $(
            $(#[$attr])*
            pub const $name: Rule = Rule::declare(&RuleInfo {
                id: $id,
                severity: Severity::$severity,
                summary: $summary,
                docs: $docs,
                example: $example,
            });
            const _: () = assert!(
                super::is_handle_name(stringify!($name), $id),
                concat!("the handle of `", $id, "` must be named after it")
            );
        )*
        /// Every rule of this family, in declaration order.
        pub const $list: &[Rule] = &[$($name),*];
    };
}

/// Whether `name` is `id` in upper snake case (`invalid-json` → `INVALID_JSON`).
const fn is_handle_name(name: &str, id: &str) -> bool {
    let (name, id) = (name.as_bytes(), id.as_bytes());
    if name.len() != id.len() {
        return false;
    }
    let mut i = 0;
    while i < name.len() {
        let expected = match id[i] {
            b'-' => b'_',
            byte => byte.to_ascii_uppercase(),
        };
        if name[i] != expected {
            return false;
        }
        i += 1;
    }
    true
}

pub mod checklist;
pub mod conformance;
pub mod input;
pub mod operation;
pub mod schema;
pub mod session;

pub use checklist::*;
pub use conformance::*;
pub use input::*;
pub use operation::*;
pub use schema::*;
pub use session::*;

/// Rules of one part of the input, under the title the rules list gives them.
pub struct Family {
    pub title: &'static str,
    pub rules: &'static [Rule],
}

/// Every family, in pipeline order: the body, the address, pasted requests, the certification
/// rules, checklists, sessions.
pub const FAMILIES: &[Family] = &[
    Family {
        title: "The body and its schema",
        rules: SCHEMA_RULES,
    },
    Family {
        title: "The address and the operation",
        rules: OPERATION_RULES,
    },
    Family {
        title: "Pasted requests",
        rules: INPUT_RULES,
    },
    Family {
        title: "Certification rules of a request",
        rules: CONFORMANCE_RULES,
    },
    Family {
        title: "Certification checklists",
        rules: CHECKLIST_RULES,
    },
    Family {
        title: "Recorded sessions",
        rules: SESSION_RULES,
    },
];

/// Every rule, family by family (see [`FAMILIES`]).
pub fn all() -> impl Iterator<Item = Rule> {
    FAMILIES.iter().flat_map(|family| family.rules).copied()
}

/// The rule with this id (for options and command-line flags that name rules).
pub fn find(id: &str) -> Option<Rule> {
    all().find(|rule| rule.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let mut ids: Vec<_> = all().map(Rule::id).collect();
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

    #[test]
    fn every_rule_links_the_mews_docs_and_has_a_summary_and_an_example() {
        for rule in all() {
            let info = rule.info();
            assert!(
                info.docs.starts_with("https://docs.mews.com/"),
                "{}",
                info.id
            );
            assert!(info.summary.ends_with('.'), "{}: {}", info.id, info.summary);
            assert!(!info.example.text.is_empty(), "{}", info.id);
        }
    }

    #[test]
    fn handle_names_are_checked_against_ids() {
        assert!(is_handle_name("INVALID_JSON", "invalid-json"));
        assert!(!is_handle_name("INVALID_JSON", "invalid-jsonx"));
        assert!(!is_handle_name("INVALID-JSON", "invalid-json"));
        assert!(!is_handle_name("INVALID_JSOM", "invalid-json"));
    }

    #[test]
    fn find_knows_every_rule_and_nothing_else() {
        for rule in all() {
            assert_eq!(find(rule.id()), Some(rule));
        }
        assert_eq!(find("no-such-rule"), None);
    }
}
