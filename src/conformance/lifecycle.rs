//! Lifecycle: deprecated properties (warnings naming what replaces them) and operations past their
//! discontinuation date (errors). The engine reports `deprecated-operation` and
//! `restricted-operation` from the catalog; this module adds what needs the evaluation date or
//! the schema's property annotations.

use jiff::civil::Date;

use serde_json::Value;

use super::walker::Visit;
use super::{DeprecatedUse, Findings, RequestContext};
use crate::api::deprecations;
use crate::options::{InvalidDate, parse_date};
use crate::rules;

/// The operation's discontinuation, and a bad evaluation date option; returns the evaluation date
/// the property checks ([`visit`]) use.
pub(super) fn check(context: &RequestContext<'_>, found: &mut Findings<'_>) -> Option<Date> {
    let today = match context.options.evaluation_date() {
        Ok(today) => today,
        Err(InvalidDate(text)) => {
            let message = format!(
                "The evaluation date option is {}; expected a date as YYYY-MM-DD.",
                super::quoted(&text)
            );
            found.add(rules::INVALID_DATE_OPTION, "", message);
            None
        }
    };
    let (Some(operation), Some(evaluated)) = (context.operation, today) else {
        return today;
    };
    let Some(discontinued) = operation.discontinued.as_deref() else {
        return today;
    };
    let Ok(discontinued_on) = parse_date(discontinued) else {
        return today;
    };
    // The operation no longer works from its discontinuation date on.
    if evaluated >= discontinued_on {
        let instead = operation.replacement.as_deref().map_or_else(
            || "a current operation (see the Deprecations page)".to_string(),
            |r| format!("`{r}`"),
        );
        let message = format!(
            "`{}` was discontinued on {discontinued} (evaluation date {evaluated}); expected {instead}.",
            operation.address
        );
        found.add(rules::DISCONTINUED_OPERATION, "", message);
    }
    today
}

/// A deprecated property used: flagged by its schema or listed on the Deprecations page for the
/// type that holds it.
pub(super) fn visit(visit: &Visit<'_>, today: Option<Date>, found: &mut Findings<'_>) {
    let Some(name) = visit.key else {
        return;
    };
    // Null (no filter, no value) and false (an extent or option not asked for) do not use
    // the deprecated feature.
    if matches!(visit.value, Value::Null | Value::Bool(false)) {
        return;
    }
    let listed = visit
        .parent
        .and_then(|parent| deprecations::find(name, |def| parent.resolved.has_def(def)));
    if listed.is_none() && !visit.resolved.is_deprecated() {
        return;
    }
    let advice = visit
        .resolved
        .deprecated_message()
        .map(without_links)
        .filter(|advice| !advice.trim().is_empty());
    let mut message = format!("`{name}` is deprecated");
    if let Some(since) = listed.and_then(|entry| entry.deprecated.as_deref()) {
        message.push_str(&format!(" since {since}"));
    }
    match (
        listed.and_then(|entry| entry.replacement.as_deref()),
        advice,
    ) {
        (Some(replacement), _) => message.push_str(&format!("; expected `{replacement}` instead.")),
        (None, Some(advice)) => message.push_str(&format!(
            "; expected its replacement: {}",
            with_period(advice.trim())
        )),
        (None, None) => message.push_str("; expected its replacement (see the Deprecations page)."),
    }
    if let Some(discontinued) = listed.and_then(|entry| entry.discontinued.as_deref()) {
        let past = today.is_some_and(|today| parse_date(discontinued).is_ok_and(|on| today >= on));
        if past {
            message.push_str(&format!(
                " It was discontinued on {discontinued}: the API may ignore or reject it."
            ));
        } else {
            message.push_str(&format!(" It will be discontinued on {discontinued}."));
        }
    }
    let pointer = visit.pointer();
    found.add(rules::DEPRECATED_PROPERTY, &pointer, message);
    let schema_type = listed.map(|entry| entry.def.clone()).or_else(|| {
        visit
            .parent
            .and_then(|parent| parent.resolved.defs().next().map(str::to_string))
    });
    found.deprecated.push(DeprecatedUse {
        property: name.to_string(),
        pointer,
        schema_type,
        listed,
    });
}

/// Markdown links `[text](url)` reduced to their text: messages are plain text, and the links of
/// the annotations point at the old docs host.
fn without_links(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let after_open = &rest[open + 1..];
        let Some((text, after_text)) = after_open.split_once("](") else {
            break;
        };
        let Some((_, after_url)) = after_text.split_once(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(text);
        rest = after_url;
    }
    out.push_str(rest);
    out
}

fn with_period(text: &str) -> String {
    if text.ends_with('.') {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_their_text() {
        assert_eq!(
            without_links("Use [Get all payments](https://x/payments#a) and [B](u) instead."),
            "Use Get all payments and B instead."
        );
        assert_eq!(without_links("Use `AccountId`."), "Use `AccountId`.");
        assert_eq!(without_links("odd [bracket"), "odd [bracket");
    }
}
