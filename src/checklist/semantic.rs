//! Checklist rules the schema cannot express: operations known to the catalog and alive, load
//! within the limit, the private journey's items, a real `Client` name.

use std::collections::BTreeSet;

use super::locate::Location;
use super::rules;
use crate::diagnostic::Diagnostic;
use crate::engine::operations;
use crate::options::Options;
use crate::source::{Document, pointer};

/// Requests per AccessToken allowed in any sliding 30 s window (demo and production alike).
pub const REQUESTS_PER_WINDOW: u64 = 200;

pub fn check(doc: &Document<'_>, options: &Options) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    check_operations(doc, options, &mut diagnostics);
    check_load(doc, &mut diagnostics);
    check_private_items(doc, &mut diagnostics);
    check_client(doc, &mut diagnostics);
    diagnostics
}

fn check_operations(doc: &Document<'_>, options: &Options, out: &mut Vec<Diagnostic>) {
    let today = evaluation_date(options);
    let mut seen = BTreeSet::new();
    let Some(listed) = doc.node("/operations") else {
        return;
    };
    for (index, item) in listed.items().iter().enumerate() {
        let Some(address) = item.get("address").and_then(|a| a.as_str()) else {
            continue;
        };
        let at = pointer::push(&pointer::push_index("/operations", index), "address");
        let place = Location::of_pointer(doc, &at);
        if !seen.insert(address) {
            out.push(place.diagnostic(
                &rules::DUPLICATE_OPERATION,
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
            out.push(place.diagnostic(
                &rules::UNKNOWN_OPERATION,
                format!("`{address}` is not a Connector API operation.{hint}"),
            ));
            continue;
        };
        let replacement = operation
            .replacement
            .as_deref()
            .map(|r| format!(" Use `{r}` instead."))
            .unwrap_or_default();
        match (&operation.discontinued, &today) {
            (Some(end), Some(today)) if end.as_str() <= today.as_str() => out
                .push(place.diagnostic(
                &rules::DISCONTINUED_OPERATION,
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
                out.push(place.diagnostic(
                    &rules::DEPRECATED_OPERATION,
                    format!("`{address}` is deprecated{end}.{replacement}"),
                ));
            }
            _ => {}
        }
    }
}

fn check_load(doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
    let at = "/expectedLoad/peakRequestsPer30s";
    let Some(peak) = doc.node(at).and_then(|n| n.to_json().as_u64()) else {
        return;
    };
    if peak > REQUESTS_PER_WINDOW {
        out.push(Location::of_pointer(doc, at).diagnostic(
            &rules::LOAD_ABOVE_LIMIT,
            format!(
                "The expected peak is {peak} requests per AccessToken in 30 s; the limit is {REQUESTS_PER_WINDOW}. Spread the calls, cache, or paginate."
            ),
        ));
    }
}

fn check_private_items(doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
    if doc.node("/integrationKind").and_then(|n| n.as_str()) != Some("private") {
        return;
    }
    if doc.node("/privateIntegration").is_none() {
        out.push(Location::of_pointer(doc, "/privateIntegration").diagnostic(
            &rules::PRIVATE_ITEMS_MISSING,
            "A private integration has no `privateIntegration`: expected the properties it is built for and their subscription (`connectivity-add-on` or `enterprise-package`).".into(),
        ));
    }
    let requested = doc.node("/demoProperty/requested");
    if requested.map(|n| n.to_json()) != Some(serde_json::Value::Bool(true)) {
        let found = requested.map_or("nothing".to_string(), |n| n.to_json().to_string());
        out.push(Location::of_pointer(doc, "/demoProperty/requested").diagnostic(
            &rules::PRIVATE_ITEMS_MISSING,
            format!("Found {found} for `demoProperty.requested`; a private integration must test in a dedicated demo property (expected true)."),
        ));
    }
}

fn check_client(doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
    let at = "/application/client";
    let Some(client) = doc.node(at).and_then(|n| n.as_str()) else {
        return;
    };
    if crate::conformance::is_placeholder_client(client) {
        out.push(Location::of_pointer(doc, at).diagnostic(
            &rules::PLACEHOLDER_CLIENT_NAME,
            format!("`{client}` is a sample or placeholder `Client` name; expected your application's own unique name and version, e.g. \"Acme Housekeeping 2.1.0\"."),
        ));
    }
}

/// The evaluation date, `YYYY-MM-DD`: the option, else today (native only; the wasm glue sets it).
pub(crate) fn evaluation_date(options: &Options) -> Option<String> {
    if options.date.is_some() {
        return options.date.clone();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let today = jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date();
        Some(today.to_string())
    }
    #[cfg(target_arch = "wasm32")]
    None
}
