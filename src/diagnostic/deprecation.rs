//! One entry of a deprecation timeline: an operation or a property an integration uses that is
//! deprecated, or discontinued within a year of the evaluation date. Reports carry the list as
//! `deprecations`; `pipeline::timeline` builds it.

use serde::{Deserialize, Serialize};

use crate::secret::Scrubber;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeprecationKind {
    Operation,
    Property,
}

/// Where the entry stands at the evaluation date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeprecationStatus {
    /// The discontinuation date is on or before the evaluation date.
    Discontinued,
    /// The discontinuation date is within 12 months after the evaluation date (inclusive).
    #[serde(rename = "discontinued-within-12-months")]
    DiscontinuedWithin12Months,
    /// Deprecated, no discontinuation date announced.
    #[serde(rename = "deprecated-no-date")]
    DeprecatedNoDate,
    /// A discontinuation date is announced but there is no evaluation date to compare it with.
    NoEvaluationDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deprecation {
    pub kind: DeprecationKind,
    /// The operation's address (for a property: the operation whose requests send it).
    pub address: String,
    /// The property's name; `None` for operations.
    pub property: Option<String>,
    /// Where the property was first seen in a request body (RFC 6901); `None` for operations.
    pub pointer: Option<String>,
    /// The schema type (`$defs` name) holding the property, when known.
    pub schema_type: Option<String>,
    /// `YYYY-MM-DD`, when known.
    pub deprecated: Option<String>,
    /// `YYYY-MM-DD`, when announced.
    pub discontinued: Option<String>,
    pub replacement: Option<String>,
    pub docs: String,
    /// Calls of the operation, values of the property sent, or listings in a checklist.
    pub uses: usize,
    pub status: DeprecationStatus,
}

impl Deprecation {
    /// Masks token-like text in the pointer, the one field built from the input (object keys).
    pub fn scrub(&mut self, scrubber: &Scrubber) {
        if let Some(pointer) = &mut self.pointer {
            *pointer = scrubber.masked(pointer);
        }
    }
}

impl DeprecationStatus {
    /// How reports word the status.
    pub fn describe(self) -> &'static str {
        match self {
            DeprecationStatus::Discontinued => "discontinued",
            DeprecationStatus::DiscontinuedWithin12Months => "discontinued within 12 months",
            DeprecationStatus::DeprecatedNoDate => "deprecated, no discontinuation date",
            DeprecationStatus::NoEvaluationDate => "no evaluation date",
        }
    }
}
