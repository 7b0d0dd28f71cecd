//! JSON hygiene beyond the grammar: a key given twice in one object leaves it undefined which
//! value the server keeps.

use super::Findings;
use crate::rules;
use crate::source::pointer;

/// Only a parse that saw a repeated key indexes the text for this.
pub(super) fn check(found: &mut Findings<'_>) {
    for duplicate in found.doc.duplicate_keys() {
        let at = found.doc.position(duplicate.first.start);
        let message = format!(
            "`{}` appears again in this object (first at line {}, column {}); expected each key once.",
            duplicate.key, at.line, at.column
        );
        found.add_at(
            rules::DUPLICATE_KEY,
            &pointer::push(&duplicate.object, &duplicate.key),
            duplicate.repeated,
            message,
        );
    }
}
