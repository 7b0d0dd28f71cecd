//! Lifecycle: deprecated properties (warnings naming what replaces them) and operations past their
//! discontinuation date (errors). The engine reports `deprecated-operation` and
//! `restricted-operation` from the catalog; this module adds what needs the evaluation date or
//! the schema's property annotations.

use jiff::civil::Date;

use super::walker::Visit;
use super::{Findings, RequestContext};
use crate::api::deprecations;
use crate::options::{InvalidDate, parse_date};
use crate::rules;
use crate::source::Value;

pub(super) fn check(
    context: &RequestContext<'_>,
    visits: &[Visit<'_, '_>],
    found: &mut Findings<'_>,
) {
    let root = context.doc.root();
    let today = match context.options.evaluation_date() {
        Ok(today) => today,
        Err(InvalidDate(text)) => {
            let message = format!(
                "The evaluation date option is {}; expected a date as YYYY-MM-DD.",
                super::quoted(&text)
            );
            found.add(rules::INVALID_DATE_OPTION, "", root.span, message);
            None
        }
    };
    check_properties(visits, today, found);
    let (Some(operation), Some(today)) = (context.operation, today) else {
        return;
    };
    let Some(discontinued) = operation.discontinued.as_deref() else {
        return;
    };
    let Ok(discontinued_on) = parse_date(discontinued) else {
        return;
    };
    // The operation no longer works from its discontinuation date on.
    if today >= discontinued_on {
        let instead = operation.replacement.as_deref().map_or_else(
            || "a current operation (see the Deprecations page)".to_string(),
            |r| format!("`{r}`"),
        );
        let message = format!(
            "`{}` was discontinued on {discontinued} (evaluation date {today}); expected {instead}.",
            operation.address
        );
        found.add(rules::DISCONTINUED_OPERATION, "", root.span, message);
    }
}

fn check_properties(visits: &[Visit<'_, '_>], today: Option<Date>, found: &mut Findings<'_>) {
    for visit in visits {
        let Some(name) = visit.key else {
            continue;
        };
        // Null (no filter, no value) and false (an extent or option not asked for) do not use
        // the deprecated feature.
        if matches!(visit.node.value, Value::Null | Value::Bool(false)) {
            continue;
        }
        let parent_defs = visit
            .parent
            .and_then(|index| visits.get(index))
            .map_or(&[][..], |parent| parent.defs.as_slice());
        let listed = deprecations::find(parent_defs, name);
        let flagged = visit
            .schemas
            .iter()
            .any(|schema| schema.get("deprecated") == Some(&serde_json::Value::Bool(true)));
        if listed.is_none() && !flagged {
            continue;
        }
        let advice = visit
            .keyword("x-deprecatedMessage")
            .and_then(serde_json::Value::as_str)
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
            (Some(replacement), _) => {
                message.push_str(&format!("; expected `{replacement}` instead."))
            }
            (None, Some(advice)) => message.push_str(&format!(
                "; expected its replacement: {}",
                with_period(advice.trim())
            )),
            (None, None) => {
                message.push_str("; expected its replacement (see the Deprecations page).")
            }
        }
        if let Some(discontinued) = listed.and_then(|entry| entry.discontinued.as_deref()) {
            let past =
                today.is_some_and(|today| parse_date(discontinued).is_ok_and(|on| today >= on));
            if past {
                message.push_str(&format!(
                    " It was discontinued on {discontinued}: the API may ignore or reject it."
                ));
            } else {
                message.push_str(&format!(" It will be discontinued on {discontinued}."));
            }
        }
        found.add(
            rules::DEPRECATED_PROPERTY,
            &visit.pointer(visits),
            visit.node.span,
            message,
        );
    }
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
