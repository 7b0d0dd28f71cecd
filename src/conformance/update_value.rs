//! Update values: a property typed as an update value is `{"Value": …}`, so that "leave as is"
//! (absent), "set" and "clear" (`{"Value": null}`) can be told apart.

use serde_json::Value;

use super::walker::Visit;
use super::{Findings, shown};
use crate::rules;

pub(super) fn visit(visit: &Visit<'_>, found: &mut Findings<'_>) {
    let Some(name) = visit.key else {
        return;
    };
    if matches!(visit.value, Value::Object(_) | Value::Null) || !visit.resolved.is_update_value() {
        return;
    }
    let value = shown(visit.value);
    let message = format!(
        "`{name}` is the bare value {value}; expected an update value object: {{\"Value\": {value}}} (to clear it: {{\"Value\": null}}; to leave it unchanged: omit `{name}`)."
    );
    found.add(rules::UPDATE_VALUE_SHAPE, &visit.pointer(), message);
}
