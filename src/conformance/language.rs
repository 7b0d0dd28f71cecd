//! `LanguageCode` and `CultureCode` go together: one without the other is ignored by Mews, which
//! then uses its defaults for both.

use super::{Findings, RequestContext, quoted};
use crate::rules;
use serde_json::Value;

use crate::source::{pointer, type_name};

const PAIR: [(&str, &str); 2] = [
    ("LanguageCode", "CultureCode"),
    ("CultureCode", "LanguageCode"),
];

pub(super) fn check(context: &RequestContext<'_>, found: &mut Findings<'_>) {
    let root = context.doc.root();
    let given = |key| root.get(key).filter(|value: &&Value| !value.is_null());
    for (present, absent) in PAIR {
        let (Some(value), None) = (given(present), given(absent)) else {
            continue;
        };
        let shown = value
            .as_str()
            .map_or_else(|| type_name(value).to_string(), quoted);
        let state = if root.get(absent).is_some() {
            "null"
        } else {
            "missing"
        };
        let message = format!(
            "`{present}` is {shown} but `{absent}` is {state}; expected both or neither: Mews uses its default language and culture unless both are given."
        );
        found.add(
            rules::LANGUAGE_CULTURE_PAIR,
            &pointer::push("", present),
            message,
        );
    }
}
