//! JSON hygiene beyond the grammar: a key given twice in one object leaves it undefined which
//! value the server keeps.

use super::Findings;
use super::walker::Visit;
use crate::rules;
use crate::source::pointer;

pub(super) fn check(visits: &[Visit<'_, '_>], found: &mut Findings<'_>) {
    for visit in visits {
        let members = visit.node.members();
        if members.len() < 2 {
            continue;
        }
        // Sorting the keys (stable, so equal keys keep document order) finds repeats in
        // O(k log k); objects with hundreds of keys stay cheap.
        let mut keys: Vec<(&str, usize)> = members
            .iter()
            .enumerate()
            .map(|(index, member)| (member.key.as_str(), index))
            .collect();
        keys.sort_by(|a, b| a.0.cmp(b.0));
        let mut first: Option<(&str, usize)> = None;
        for &(key, index) in &keys {
            match first {
                Some((first_key, first_index)) if first_key == key => {
                    report(&visit.pointer(visits), members, first_index, index, found);
                }
                _ => first = Some((key, index)),
            }
        }
    }
}

fn report(
    object: &str,
    members: &[crate::source::Member],
    first_index: usize,
    index: usize,
    found: &mut Findings<'_>,
) {
    let (Some(first), Some(member)) = (members.get(first_index), members.get(index)) else {
        return;
    };
    let at = found.doc.position(first.key_span.start);
    let message = format!(
        "`{}` appears again in this object (first at line {}, column {}); expected each key once.",
        member.key, at.line, at.column
    );
    found.add(
        rules::DUPLICATE_KEY,
        &pointer::push(object, &member.key),
        member.key_span,
        message,
    );
}
