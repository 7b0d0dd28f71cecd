//! Checklist rules the schema cannot express: operations known to the catalog and alive, load
//! within the limit, the private journey's items, a real `Client` name.

use std::collections::BTreeSet;

use crate::api::limits::REQUESTS_PER_WINDOW;
use crate::api::operations;
use crate::diagnostic::{Finding, Rule};
use crate::options::{Options, parse_date};
use crate::rules;
use crate::source::{Document, Target, pointer};

/// A finding of `rule` at the value `at` points to (or its nearest existing ancestor).
fn at(rule: Rule, at: &str, message: String) -> Finding {
    Finding::at(rule, at, Target::Value, message)
}

pub fn check(doc: &Document<'_>, options: &Options) -> Vec<Finding> {
    let mut diagnostics = Vec::new();
    check_operations(doc, options, &mut diagnostics);
    check_load(doc, &mut diagnostics);
    check_private_items(doc, &mut diagnostics);
    check_client(doc, &mut diagnostics);
    diagnostics
}

fn check_operations(doc: &Document<'_>, options: &Options, out: &mut Vec<Finding>) {
    let today = options.evaluation_date().ok().flatten();
    let mut seen = BTreeSet::new();
    let Some(listed) = doc.node("/operations") else {
        return;
    };
    for (index, item) in listed.as_array().into_iter().flatten().enumerate() {
        let Some(address) = item.get("address").and_then(|a| a.as_str()) else {
            continue;
        };
        let at = pointer::push(&pointer::push_index("/operations", index), "address");
        let place = |rule: Rule, message: String| self::at(rule, &at, message);
        if !seen.insert(address) {
            out.push(place(
                rules::CHECKLIST_DUPLICATE_OPERATION,
                format!("`{address}` is listed more than once; list each operation once with all its purposes."),
            ));
            continue;
        }
        let Some(operation) = operations().iter().find(|op| op.address == address) else {
            let hint = operations()
                .iter()
                .find(|op| op.address.eq_ignore_ascii_case(address))
                .map(|op| {
                    format!(
                        " Did you mean `{}`? Addresses are case-sensitive.",
                        op.address
                    )
                })
                .unwrap_or_default();
            out.push(place(
                rules::CHECKLIST_UNKNOWN_OPERATION,
                format!("`{address}` is not a Connector API operation.{hint}"),
            ));
            continue;
        };
        let replacement = operation
            .replacement
            .as_deref()
            .map(|r| format!(" Use `{r}` instead."))
            .unwrap_or_default();
        let discontinued = operation
            .discontinued
            .as_deref()
            .and_then(|end| Some((end, parse_date(end).ok()?)));
        match (discontinued, today) {
            (Some((end, on)), Some(today)) if on <= today => out.push(place(
                rules::CHECKLIST_DISCONTINUED_OPERATION,
                format!(
                    "`{address}` was discontinued on {end}; it cannot be certified.{replacement}"
                ),
            )),
            _ if operation.deprecated => {
                let end = operation
                    .discontinued
                    .as_deref()
                    .map(|end| format!(" and will be discontinued on {end}"))
                    .unwrap_or_default();
                out.push(place(
                    rules::CHECKLIST_DEPRECATED_OPERATION,
                    format!("`{address}` is deprecated{end}.{replacement}"),
                ));
            }
            _ => {}
        }
    }
}

fn check_load(doc: &Document<'_>, out: &mut Vec<Finding>) {
    let at = "/expectedLoad/peakRequestsPer30s";
    // Any number: 250.0 and 1e308 are integers to the schema, but not `u64`s.
    let Some(node) = doc.node(at).filter(|n| n.is_number()) else {
        return;
    };
    if node
        .as_f64()
        .is_some_and(|peak| peak > REQUESTS_PER_WINDOW as f64)
    {
        let peak = node.to_string();
        out.push(self::at(
            rules::CHECKLIST_LOAD_ABOVE_LIMIT,
            at,
            format!(
                "The expected peak is {peak} requests per AccessToken in 30 s; the limit is {REQUESTS_PER_WINDOW}. Spread the calls, cache, or paginate."
            ),
        ));
    }
}

fn check_private_items(doc: &Document<'_>, out: &mut Vec<Finding>) {
    if doc.node("/integrationKind").and_then(|n| n.as_str()) != Some("private") {
        return;
    }
    if doc.node("/privateIntegration").is_none() {
        out.push(at(
            rules::CHECKLIST_PRIVATE_ITEMS_MISSING,
            "/privateIntegration",
            "A private integration has no `privateIntegration`: expected the properties it is built for and their subscription (`connectivity-add-on` or `enterprise-package`).".into(),
        ));
    }
    let requested = doc.node("/demoProperty/requested");
    if requested != Some(&serde_json::Value::Bool(true)) {
        let found = requested.map_or("nothing".to_string(), ToString::to_string);
        out.push(at(
            rules::CHECKLIST_PRIVATE_ITEMS_MISSING,
            "/demoProperty/requested",
            format!("Found {found} for `demoProperty.requested`; a private integration must test in a dedicated demo property (expected true)."),
        ));
    }
}

fn check_client(doc: &Document<'_>, out: &mut Vec<Finding>) {
    let at = "/application/client";
    let Some(client) = doc.node(at).and_then(|n| n.as_str()) else {
        return;
    };
    if crate::conformance::is_placeholder_client(client) {
        out.push(self::at(
            rules::PLACEHOLDER_CLIENT_NAME,
            at,
            format!("`{client}` is a sample or placeholder `Client` name; expected your application's own unique name and version, e.g. \"Acme Housekeeping 2.1.0\"."),
        ));
    }
}
