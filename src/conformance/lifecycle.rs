//! Lifecycle: deprecated properties (warnings naming what replaces them) and operations past their
//! discontinuation date (errors). The engine reports `deprecated-operation` and
//! `restricted-operation` from the catalog; this module adds what needs the evaluation date or
//! the schema's property annotations.

use super::dates;
use super::walker::Visit;
use super::{Findings, RequestContext};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;

pub const DEPRECATED_PROPERTY: RuleInfo = RuleInfo {
    id: "deprecated-property",
    severity: Severity::Warning,
    summary: "A deprecated property is used; the message names its replacement.",
    docs: "https://docs.mews.com/connector-api/deprecations#deprecated-properties",
    example: r#"availabilityBlocks/add with {"AvailabilityBlocks": [{"RateId": "…", …}], …}"#,
};

pub const DISCONTINUED_OPERATION: RuleInfo = RuleInfo {
    id: "discontinued-operation",
    severity: Severity::Error,
    summary: "The operation is past its discontinuation date (evaluation date: option `date`, default today).",
    docs: "https://docs.mews.com/connector-api/deprecations#deprecated-operations",
    example: "a call to an operation whose discontinuation date is before the evaluation date",
};

pub const INVALID_DATE_OPTION: RuleInfo = RuleInfo {
    id: "invalid-date-option",
    severity: Severity::Error,
    summary: "The evaluation date option is not a YYYY-MM-DD date.",
    docs: "https://docs.mews.com/connector-api/deprecations",
    example: r#"{"date": "10/01/2027"} as options"#,
};

pub(super) fn check(
    context: &RequestContext<'_>,
    visits: &[Visit<'_, '_>],
    found: &mut Findings<'_>,
) {
    check_properties(visits, found);
    let root = context.doc.root();
    let today = match dates::evaluation_date(context.options) {
        Ok(today) => today,
        Err(dates::InvalidDate(text)) => {
            let message = format!(
                "The evaluation date option is {}; expected a date as YYYY-MM-DD.",
                super::quoted(&text)
            );
            found.add(&INVALID_DATE_OPTION, "", root.span, message);
            return;
        }
    };
    let Some(operation) = context.operation else {
        return;
    };
    let (Some(today), Some(discontinued)) = (today, operation.discontinued.as_deref()) else {
        return;
    };
    let Ok(discontinued_on) = dates::parse_date(discontinued) else {
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
        found.add(&DISCONTINUED_OPERATION, "", root.span, message);
    }
}

fn check_properties(visits: &[Visit<'_, '_>], found: &mut Findings<'_>) {
    for visit in visits {
        let Some(name) = visit.key else {
            continue;
        };
        // Sending null for a deprecated filter or field does not use it.
        if visit.node.is_null()
            || !visit
                .schemas
                .iter()
                .any(|schema| schema.get("deprecated") == Some(&serde_json::Value::Bool(true)))
        {
            continue;
        }
        let advice = visit
            .keyword("x-deprecatedMessage")
            .and_then(serde_json::Value::as_str)
            .map(without_links)
            .filter(|advice| !advice.trim().is_empty());
        let message = match advice {
            Some(advice) => format!(
                "`{name}` is deprecated; expected its replacement: {}",
                with_period(advice.trim())
            ),
            None => format!(
                "`{name}` is deprecated; expected its replacement (see the Deprecations page for it and the discontinuation date)."
            ),
        };
        found.add(
            &DEPRECATED_PROPERTY,
            &visit.pointer,
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
