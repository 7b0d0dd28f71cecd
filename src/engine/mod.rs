use crate::registry::RuleInfo;

/// Rules raised by this module.
pub const RULES: &[RuleInfo] = &[];
