//! Update values: a property typed as an update value is `{"Value": …}`, so that "leave as is"
//! (absent), "set" and "clear" (`{"Value": null}`) can be told apart.

use super::walker::Visit;
use super::{Findings, shown};
use crate::rules;
use crate::source::Value;

/// An update value schema is an object whose only property is `Value`.
fn is_update_value(schema: &serde_json::Value) -> bool {
    schema
        .get("properties")
        .and_then(serde_json::Value::as_object)
        .is_some_and(|properties| properties.len() == 1 && properties.contains_key("Value"))
}

pub(super) fn check(visits: &[Visit<'_, '_>], found: &mut Findings<'_>) {
    for visit in visits {
        let Some(name) = visit.key else {
            continue;
        };
        if matches!(visit.node.value, Value::Object(_) | Value::Null) {
            continue;
        }
        if !visit.schemas.iter().any(|schema| is_update_value(schema)) {
            continue;
        }
        let value = shown(&visit.node.to_json());
        let message = format!(
            "`{name}` is the bare value {value}; expected an update value object: {{\"Value\": {value}}} (to clear it: {{\"Value\": null}}; to leave it unchanged: omit `{name}`)."
        );
        found.add(
            rules::UPDATE_VALUE_SHAPE,
            &visit.pointer(visits),
            visit.node.span,
            message,
        );
    }
}
