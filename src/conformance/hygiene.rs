//! JSON hygiene beyond the grammar: a key given twice in one object leaves it undefined which
//! value the server keeps.

use super::Findings;
use super::walker::Visit;
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::source::pointer;

pub const DUPLICATE_KEY: RuleInfo = RuleInfo {
    id: "duplicate-key",
    severity: Severity::Warning,
    summary: "The same key appears twice in one object; which value the server keeps is not defined.",
    docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
    example: r#"{"Client": "Acme 1.0", "Client": "Acme 2.0", …}"#,
};

pub(super) fn check(visits: &[Visit<'_, '_>], found: &mut Findings<'_>) {
    for visit in visits {
        let members = visit.node.members();
        for (index, member) in members.iter().enumerate() {
            let Some(first) = members.iter().take(index).find(|m| m.key == member.key) else {
                continue;
            };
            let at = found.doc.position(first.key_span.start);
            let message = format!(
                "`{}` appears again in this object (first at line {}, column {}); expected each key once.",
                member.key, at.line, at.column
            );
            found.add(
                &DUPLICATE_KEY,
                &pointer::push(&visit.pointer, &member.key),
                member.key_span,
                message,
            );
        }
    }
}
