//! What a newer Connector API contract changes for a partner (native only): two converted
//! OpenAPI documents → a typed report of operations added, removed and newly deprecated, and of
//! the request and response schema changes (properties, required lists, types, formats, enums),
//! each rated breaking, deprecation or compatible for a client — limited, when asked, to the
//! operations the partner's checklist declares or their recorded session uses.

pub mod contract;
pub mod render;
mod schema;
pub mod scope;

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

pub use contract::{Contract, ContractOperation};

/// The result of comparing two contracts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffReport {
    pub old: Source,
    pub new: Source,
    /// The operations compared when limited; `None` when every operation was.
    pub scope: Option<ScopeReport>,
    pub counts: Counts,
    /// The operations with changes, old document order first, then the added ones.
    pub operations: Vec<OperationChanges>,
}

impl DiffReport {
    /// A change breaks a client of the compared operations.
    pub fn breaking(&self) -> bool {
        self.counts.breaking > 0
    }
}

/// Which document a side is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub title: String,
    pub version: String,
    pub sha256: String,
}

/// The operations a partner depends on, and where that was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScopeReport {
    /// `checklist`, `session`.
    pub from: Vec<String>,
    /// Distinct addresses declared or used.
    pub operations: usize,
    /// Declared or used addresses that neither contract has.
    pub unknown: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub breaking: usize,
    pub deprecation: usize,
    pub compatible: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OperationChanges {
    pub address: String,
    pub name: String,
    pub changes: Vec<Change>,
}

/// What a change means for a client that calls the operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Impact {
    /// Requests that were valid are rejected, or responses hold what the client did not expect.
    Breaking,
    /// Still works, until a discontinuation date.
    Deprecation,
    /// Existing clients are unaffected.
    Compatible,
}

/// Where in an operation a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Place {
    Operation,
    Request,
    Response,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub impact: Impact,
    pub place: Place,
    /// JSON Pointer into the body, `*` standing for any array item (`/Reservations/*/StartUtc`);
    /// empty for the operation or the body root.
    pub path: String,
    #[serde(flatten)]
    pub kind: ChangeKind,
}

/// The change, serialized with a `kind` tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ChangeKind {
    OperationAdded,
    OperationRemoved,
    OperationDeprecated {
        message: Option<String>,
        discontinued: Option<String>,
        replacement: Option<String>,
    },
    /// The discontinuation date of a deprecated operation was set or moved.
    DiscontinuationChanged {
        from: Option<String>,
        to: Option<String>,
    },
    BodyAdded,
    BodyRemoved,
    PropertyAdded {
        required: bool,
    },
    PropertyRemoved,
    PropertyDeprecated {
        message: Option<String>,
        discontinued: Option<String>,
    },
    BecameRequired,
    BecameOptional,
    /// JSON types (`null` included) before and after.
    TypeChanged {
        from: Vec<String>,
        to: Vec<String>,
    },
    FormatChanged {
        from: Option<String>,
        to: Option<String>,
    },
    EnumValuesAdded {
        values: Vec<Value>,
        /// The enum is marked `x-extensible` (clients are told to expect new values).
        extensible: bool,
    },
    EnumValuesRemoved {
        values: Vec<Value>,
    },
    /// A value that was free is now limited to `values`.
    EnumIntroduced {
        values: Vec<Value>,
    },
    /// A value that was limited to an enum is now free.
    EnumLifted,
    /// A shape of a `oneOf`/`anyOf` (named by its type or title).
    VariantAdded {
        name: String,
    },
    VariantRemoved {
        name: String,
    },
}

/// Whether a body is sent or received by the client: the same change breaks one and not the
/// other (a new required property breaks requests, a new nullable type breaks responses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Sent,
    Received,
}

impl ChangeKind {
    fn impact(&self, direction: Direction) -> Impact {
        use ChangeKind as K;
        use Impact::{Breaking, Compatible, Deprecation};
        let sent = direction == Direction::Sent;
        // For changes that restrict what is valid: breaking when sent, safe when received.
        let restricts = if sent { Breaking } else { Compatible };
        // For changes that widen what is valid: safe when sent, breaking when received.
        let widens = if sent { Compatible } else { Breaking };
        match self {
            K::OperationAdded => Compatible,
            K::OperationRemoved | K::PropertyRemoved => Breaking,
            K::OperationDeprecated { .. }
            | K::DiscontinuationChanged { .. }
            | K::PropertyDeprecated { .. } => Deprecation,
            K::BodyAdded | K::BecameRequired | K::EnumValuesRemoved { .. } => restricts,
            K::BodyRemoved | K::BecameOptional | K::EnumLifted => widens,
            K::EnumIntroduced { .. } | K::VariantRemoved { .. } => restricts,
            K::VariantAdded { .. } => widens,
            K::PropertyAdded { required } => {
                if sent && *required {
                    Breaking
                } else {
                    Compatible
                }
            }
            K::TypeChanged { from, to } => {
                let real = |types: &[String]| -> BTreeSet<String> {
                    types.iter().filter(|t| *t != "null").cloned().collect()
                };
                if real(from) != real(to) {
                    Breaking
                } else if to.iter().any(|t| t == "null") {
                    widens
                } else {
                    restricts
                }
            }
            K::FormatChanged { from, to } => match (sent, from, to) {
                (true, _, Some(_)) | (false, Some(_), _) => Breaking,
                _ => Compatible,
            },
            K::EnumValuesAdded { extensible, .. } => {
                if *extensible {
                    Compatible
                } else {
                    widens
                }
            }
        }
    }
}

/// The operations to compare: the union of what each source names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// `checklist`, `session`.
    pub from: Vec<String>,
    pub addresses: BTreeSet<String>,
}

/// Compares two contracts, over the operations of `scope` when given.
pub fn diff(old: &Contract, new: &Contract, scope: Option<&Scope>) -> DiffReport {
    let in_scope = |address: &str| scope.is_none_or(|scope| scope.addresses.contains(address));
    let mut addresses: Vec<&str> = old
        .operations
        .iter()
        .map(|op| op.address.as_str())
        .collect();
    addresses.extend(
        new.operations
            .iter()
            .map(|op| op.address.as_str())
            .filter(|address| old.operation(address).is_none()),
    );
    let mut operations = Vec::new();
    let mut counts = Counts::default();
    for address in addresses.into_iter().filter(|address| in_scope(address)) {
        let (before, after) = (old.operation(address), new.operation(address));
        let changes = operation_changes(old, new, before, after);
        for change in &changes {
            match change.impact {
                Impact::Breaking => counts.breaking += 1,
                Impact::Deprecation => counts.deprecation += 1,
                Impact::Compatible => counts.compatible += 1,
            }
        }
        if let (false, Some(operation)) = (changes.is_empty(), after.or(before)) {
            operations.push(OperationChanges {
                address: address.to_owned(),
                name: operation.name.clone(),
                changes,
            });
        }
    }
    DiffReport {
        old: source(old),
        new: source(new),
        scope: scope.map(|scope| ScopeReport {
            from: scope.from.clone(),
            operations: scope.addresses.len(),
            unknown: scope
                .addresses
                .iter()
                .filter(|address| {
                    old.operation(address).is_none() && new.operation(address).is_none()
                })
                .cloned()
                .collect(),
        }),
        counts,
        operations,
    }
}

fn source(contract: &Contract) -> Source {
    Source {
        title: contract.title.clone(),
        version: contract.version.clone(),
        sha256: contract.sha256.clone(),
    }
}

fn operation_changes(
    old: &Contract,
    new: &Contract,
    before: Option<&ContractOperation>,
    after: Option<&ContractOperation>,
) -> Vec<Change> {
    let operation_change = |kind: ChangeKind| Change {
        impact: kind.impact(Direction::Sent),
        place: Place::Operation,
        path: String::new(),
        kind,
    };
    let (before, after) = match (before, after) {
        (Some(before), Some(after)) => (before, after),
        (Some(_), None) => return vec![operation_change(ChangeKind::OperationRemoved)],
        (None, Some(_)) => return vec![operation_change(ChangeKind::OperationAdded)],
        (None, None) => return Vec::new(),
    };
    // The docs' Deprecations page counts when both sides were read with their docs; otherwise
    // the documents' flags decide (the docs then only add dates and replacements).
    let both_docs = old.with_docs && new.with_docs;
    let deprecated = |operation: &ContractOperation| {
        operation.deprecated || (both_docs && operation.deprecated_or_listed)
    };
    let mut changes = Vec::new();
    if !deprecated(before) && deprecated(after) {
        changes.push(operation_change(ChangeKind::OperationDeprecated {
            message: after.deprecation_message.clone(),
            discontinued: after.discontinued.clone(),
            replacement: after.replacement.clone(),
        }));
    } else if both_docs
        && deprecated(before)
        && deprecated(after)
        && before.discontinued != after.discontinued
    {
        changes.push(operation_change(ChangeKind::DiscontinuationChanged {
            from: before.discontinued.clone(),
            to: after.discontinued.clone(),
        }));
    }
    for (place, direction, old_def, new_def) in [
        (
            Place::Request,
            Direction::Sent,
            &before.request,
            &after.request,
        ),
        (
            Place::Response,
            Direction::Received,
            &before.response,
            &after.response,
        ),
    ] {
        let body_change = |kind: ChangeKind| Change {
            impact: kind.impact(direction),
            place,
            path: String::new(),
            kind,
        };
        match (old_def, new_def) {
            (Some(old_def), Some(new_def)) => {
                changes.extend(schema::body_changes(
                    old, new, old_def, new_def, place, direction,
                ));
            }
            (None, Some(_)) => changes.push(body_change(ChangeKind::BodyAdded)),
            (Some(_), None) => changes.push(body_change(ChangeKind::BodyRemoved)),
            (None, None) => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests;
