//! A schema-directed walk of a request body: every value present in the body, with what the
//! operation's compiled [`Plan`] says about it. Rules read annotations (`format`, `deprecated`,
//! `x-max-interval-in-months`, …) from there instead of guessing from property names.
//!
//! The plan has already followed `$ref` and `allOf`; of a union, the branch the value was meant
//! for is chosen as the value is reached. A value the schema does not describe is still visited,
//! with nothing resolved.

use serde_json::Value;

use crate::api::plan::{Plan, Resolved, TypeId};
use crate::source::pointer;

/// One value present in the body and what the schema says about it.
pub struct Visit<'a> {
    /// The key of this value in its parent object (`None` for the root and array items).
    pub key: Option<&'a str>,
    /// The position of this value in its parent array.
    pub position: Option<usize>,
    pub value: &'a Value,
    /// The enclosing object's or array's visit.
    pub parent: Option<&'a Visit<'a>>,
    /// What applies to this value.
    pub resolved: Resolved<'a>,
}

impl Visit<'_> {
    /// The RFC 6901 pointer of this value, built from its ancestors: only values with a finding
    /// need one, so the walk does not build it.
    pub fn pointer(&self) -> String {
        let mut steps = Vec::new();
        let mut current = Some(self);
        while let Some(visit) = current {
            steps.push((visit.key, visit.position));
            current = visit.parent;
        }
        steps
            .iter()
            .rev()
            .fold(String::new(), |pointer, step| match *step {
                (Some(key), _) => pointer::push(&pointer, key),
                (None, Some(position)) => pointer::push_index(&pointer, position),
                (None, None) => pointer,
            })
    }
}

/// Visits every value of `root` (parents before children), starting at the plan's root.
pub fn walk(plan: &Plan, root: &Value, visitor: &mut impl FnMut(&Visit<'_>)) {
    visit(plan, plan.root(), root, None, None, None, visitor);
}

fn visit<'a>(
    plan: &'a Plan,
    place: Option<TypeId>,
    value: &'a Value,
    key: Option<&'a str>,
    position: Option<usize>,
    parent: Option<&'a Visit<'a>>,
    visitor: &mut impl FnMut(&Visit<'_>),
) {
    let here = Visit {
        key,
        position,
        value,
        parent,
        resolved: plan.resolve(place, value),
    };
    visitor(&here);
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                let place = here.resolved.property(name);
                visit(plan, place, member, Some(name), None, Some(&here), visitor);
            }
        }
        Value::Array(items) => {
            let place = here.resolved.items();
            for (index, item) in items.iter().enumerate() {
                visit(plan, place, item, None, Some(index), Some(&here), visitor);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn visits_every_value_with_its_pointer_and_schema() {
        let bundle = json!({"$defs": {
            "Params": {"type": "object", "properties": {
                "Items": {"type": "array", "items": {"$ref": "#/$defs/Interval"}}}},
            "Interval": {"type": "object", "properties": {
                "StartUtc": {"type": "string", "format": "date-time"}}}
        }});
        let plan = Plan::compile(&bundle, "Params");
        let body = json!({"Items": [{"StartUtc": "a", "x/y": 1}], "Extra": {"b": true}});
        let mut seen = Vec::new();
        walk(&plan, &body, &mut |visit| {
            seen.push((visit.pointer(), visit.resolved.format().map(str::to_string)));
        });
        let date_time = Some("date-time".to_string());
        assert_eq!(
            seen,
            [
                (String::new(), None),
                ("/Extra".to_string(), None),
                ("/Extra/b".to_string(), None),
                ("/Items".to_string(), None),
                ("/Items/0".to_string(), None),
                ("/Items/0/StartUtc".to_string(), date_time),
                ("/Items/0/x~1y".to_string(), None),
            ]
        );
    }
}
