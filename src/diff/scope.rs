//! The operations a partner depends on: those their certification checklist declares, or those
//! their recorded session calls.

use crate::checklist::review_checklist;
use crate::options::Options;
use crate::session::analyze_session;

/// The operation addresses a checklist (JSON text) lists, in order.
pub fn checklist_operations(text: &str) -> Result<Vec<String>, String> {
    let review = review_checklist(text, &Options::default());
    let declared = review.declared.ok_or_else(|| {
        "the checklist is not valid JSON (`mews-connector-validator checklist` says where)"
            .to_owned()
    })?;
    Ok(declared
        .operations
        .into_iter()
        .map(|(address, _)| address)
        .collect())
}

/// The addresses a recorded session (HAR or NDJSON text) calls, in the order of its report.
pub fn session_operations(text: &str) -> Vec<String> {
    analyze_session(text, None, &Options::default(), &mut |_| {})
        .operations
        .into_iter()
        .map(|row| row.address)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checklist_lists_its_operations() {
        let text = r#"{"operations": [{"address": "/api/connector/v1/customers/getAll"},
            {"address": "/api/connector/v1/configuration/get"}]}"#;
        assert_eq!(
            checklist_operations(text).unwrap(),
            [
                "/api/connector/v1/customers/getAll",
                "/api/connector/v1/configuration/get"
            ]
        );
        assert!(checklist_operations("{not json").is_err());
    }

    #[test]
    fn a_session_lists_the_operations_it_calls() {
        let line = |address: &str| {
            format!(
                r#"{{"time": "2026-11-23T10:00:00Z", "address": "https://api.mews-demo.com{address}", "request": {{}}, "status": 200}}"#
            )
        };
        let text = [
            line("/api/connector/v1/configuration/get"),
            line("/api/connector/v1/customers/getAll"),
            line("/api/connector/v1/configuration/get"),
        ]
        .join("\n");
        let mut used = session_operations(&text);
        used.sort();
        assert_eq!(
            used,
            [
                "/api/connector/v1/configuration/get",
                "/api/connector/v1/customers/getAll"
            ]
        );
    }
}
