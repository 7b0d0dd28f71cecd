//! Address resolution: a full URL (any scheme and host, with query or fragment) or a bare path →
//! the catalog operation, with the address problems certification would reject.

use super::catalog::Operation;
use crate::diagnostic::Rule;
use crate::rules;

/// How many nearby addresses an unknown-operation diagnostic suggests.
const SUGGESTIONS: usize = 3;

/// Why an address did not match an operation exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressProblem {
    /// The address matches only when case is ignored.
    CaseMismatch { found: String },
    /// The address ends with a slash.
    TrailingSlash { found: String },
    /// No operation has this address; the nearest real addresses, best first.
    Unknown {
        found: String,
        nearest: Vec<&'static str>,
    },
}

impl AddressProblem {
    pub fn rule(&self) -> Rule {
        match self {
            AddressProblem::CaseMismatch { .. } => rules::PATH_CASE_MISMATCH,
            AddressProblem::TrailingSlash { .. } => rules::TRAILING_SLASH,
            AddressProblem::Unknown { .. } => rules::UNKNOWN_OPERATION,
        }
    }

    /// What was found and what was expected; `correct` is the operation's real address.
    pub fn message(&self, correct: Option<&str>) -> String {
        let correct = correct.unwrap_or_default();
        match self {
            AddressProblem::CaseMismatch { found } => format!(
                "The address {found} differs from the operation's address {correct} in letter case; addresses are case-sensitive"
            ),
            AddressProblem::TrailingSlash { found } => {
                format!("The address {found} ends with a slash; expected {correct}")
            }
            AddressProblem::Unknown { found, nearest } if nearest.is_empty() => {
                format!("{found} is not a Connector API operation")
            }
            AddressProblem::Unknown { found, nearest } => format!(
                "{found} is not a Connector API operation; did you mean {}?",
                nearest.join(" or ")
            ),
        }
    }
}

/// The outcome of resolving an address.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// The operation the address designates (also when it is only a near match).
    pub operation: Option<&'static Operation>,
    pub problems: Vec<AddressProblem>,
}

/// Resolves `address` against `operations` (the catalog).
pub fn resolve(address: &str, operations: &'static [Operation]) -> Resolution {
    let path = path_of(address);
    if let Some(operation) = operations.iter().find(|op| op.address == path) {
        return Resolution {
            operation: Some(operation),
            problems: Vec::new(),
        };
    }
    let trimmed = path.trim_end_matches('/');
    let mut problems = Vec::new();
    if trimmed.len() != path.len() {
        problems.push(AddressProblem::TrailingSlash {
            found: path.to_string(),
        });
    }
    if let Some(operation) = operations.iter().find(|op| op.address == trimmed) {
        return Resolution {
            operation: Some(operation),
            problems,
        };
    }
    if let Some(operation) = operations
        .iter()
        .find(|op| op.address.eq_ignore_ascii_case(trimmed))
    {
        problems.push(AddressProblem::CaseMismatch {
            found: path.to_string(),
        });
        return Resolution {
            operation: Some(operation),
            problems,
        };
    }
    // A pasted body or a mangled URL can be megabytes: no suggestion is near it, and the message
    // shows only its start.
    let longest = operations
        .iter()
        .map(|op| op.address.len())
        .max()
        .unwrap_or(0);
    // No address at all (a body pasted without one): no operation is nearer than another.
    let nearest = if !trimmed.is_empty() && trimmed.len() <= 2 * longest {
        nearest(trimmed, operations)
    } else {
        Vec::new()
    };
    Resolution {
        operation: None,
        problems: vec![AddressProblem::Unknown {
            found: shortened(&path),
            nearest,
        }],
    }
}

/// An unknown address as messages and reports show it: at most `SHOWN_CHARS` characters.
pub fn shortened(path: &str) -> String {
    const SHOWN_CHARS: usize = 200;
    match path.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &path[..cut]),
        None => path.to_string(),
    }
}

/// The path part of an address: scheme, host, query and fragment removed; a leading slash ensured.
fn path_of(address: &str) -> String {
    let address = address.trim();
    let without_origin = match address.find("://") {
        Some(scheme_end) => {
            let after = address.get(scheme_end + 3..).unwrap_or_default();
            after.find('/').and_then(|i| after.get(i..)).unwrap_or("/")
        }
        None => address,
    };
    let path = without_origin.split(['?', '#']).next().unwrap_or_default();
    if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    }
}

/// The catalog addresses closest to `path` by edit distance (case-insensitive), best first.
fn nearest(path: &str, operations: &'static [Operation]) -> Vec<&'static str> {
    let wanted = path.to_ascii_lowercase();
    let mut scored: Vec<(usize, &'static str)> = operations
        .iter()
        .map(|op| {
            (
                strsim::levenshtein(&wanted, &op.address.to_ascii_lowercase()),
                op.address.as_str(),
            )
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, address)| address)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> &'static [Operation] {
        let operation = |address: &str| -> Operation {
            serde_json::from_value(serde_json::json!({
                "address": address, "operationId": "x", "name": "x", "resource": "x", "action": "x",
                "version": "v1", "tag": "x", "deprecated": false, "deprecationMessage": null,
                "discontinued": null, "replacement": null, "restricted": false, "paginated": false,
                "docs": "https://docs.mews.com/connector-api/operations/x", "request": null,
                "response": null, "example": null, "responseExample": null
            }))
            .unwrap()
        };
        Box::leak(Box::new([
            operation("/api/connector/v1/bills/getAll"),
            operation("/api/connector/v1/bills/close"),
            operation("/api/connector/v1/customers/getAll"),
        ]))
    }

    #[test]
    fn full_urls_and_paths_resolve_exactly() {
        for address in [
            "/api/connector/v1/bills/getAll",
            "https://api.mews-demo.com/api/connector/v1/bills/getAll",
            "http://localhost:8080/api/connector/v1/bills/getAll?x=1#frag",
            "api/connector/v1/bills/getAll",
        ] {
            let resolution = resolve(address, catalog());
            assert_eq!(
                resolution.operation.map(|op| op.address.as_str()),
                Some("/api/connector/v1/bills/getAll"),
                "{address}"
            );
            assert!(resolution.problems.is_empty(), "{address}");
        }
    }

    #[test]
    fn case_mismatch_names_the_correct_address() {
        let resolution = resolve("/api/connector/v1/Bills/GetAll", catalog());
        let correct = resolution.operation.map(|op| op.address.as_str());
        assert_eq!(correct, Some("/api/connector/v1/bills/getAll"));
        assert_eq!(resolution.problems.len(), 1);
        assert_eq!(resolution.problems[0].rule(), rules::PATH_CASE_MISMATCH);
        assert!(
            resolution.problems[0]
                .message(correct)
                .contains("/api/connector/v1/bills/getAll")
        );
    }

    #[test]
    fn trailing_slash_is_reported_and_case_too_when_both() {
        let resolution = resolve("/api/connector/v1/bills/getAll/", catalog());
        assert_eq!(resolution.problems.len(), 1);
        assert_eq!(resolution.problems[0].rule(), rules::TRAILING_SLASH);
        let both = resolve("/api/connector/v1/bills/getall/", catalog());
        let found: Vec<_> = both.problems.iter().map(AddressProblem::rule).collect();
        assert_eq!(found, [rules::TRAILING_SLASH, rules::PATH_CASE_MISMATCH]);
        assert!(both.operation.is_some());
    }

    #[test]
    fn a_huge_unknown_address_is_shortened_and_not_compared() {
        let huge = format!("/api/connector/v1/{}", "x".repeat(100_000));
        let resolution = resolve(&huge, super::super::operations());
        let [AddressProblem::Unknown { found, nearest }] = resolution.problems.as_slice() else {
            panic!("{:?}", resolution.problems);
        };
        assert!(nearest.is_empty());
        assert_eq!(found.chars().count(), 201);
        assert!(found.ends_with('…'));
    }

    #[test]
    fn unknown_address_suggests_the_nearest() {
        let resolution = resolve("/api/connector/v1/bills/getAl", catalog());
        assert!(resolution.operation.is_none());
        let AddressProblem::Unknown { nearest, .. } = &resolution.problems[0] else {
            panic!("expected unknown-operation");
        };
        assert_eq!(nearest[0], "/api/connector/v1/bills/getAll");
        assert!(
            resolution.problems[0]
                .message(None)
                .contains("did you mean")
        );
    }
}
