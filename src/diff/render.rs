//! A diff report as text (terminal), JSON (machines) or Markdown (pull requests, tickets).

use serde_json::Value;

use super::{Change, ChangeKind, DiffReport, Impact, Place};

pub fn json(report: &DiffReport) -> Result<String, String> {
    serde_json::to_string_pretty(report)
        .map(|text| text + "\n")
        .map_err(|error| format!("cannot write the report as JSON: {error}"))
}

pub fn text(report: &DiffReport) -> String {
    let mut out = headline(report);
    out.push('\n');
    for operation in &report.operations {
        out.push_str(&format!("\n{} ({})\n", operation.address, operation.name));
        for change in &operation.changes {
            out.push_str(&format!(
                "  {:<11}  {:<9}  {}\n",
                impact_name(change.impact),
                place_name(change.place),
                describe(change)
            ));
        }
    }
    out
}

pub fn markdown(report: &DiffReport) -> String {
    let mut out = format!(
        "## Connector API contract changes\n\n{}\n",
        headline(report)
    );
    if report.operations.is_empty() {
        return out;
    }
    out.push_str("\n| Operation | Impact | In | Change |\n| :-- | :-- | :-- | :-- |\n");
    for operation in &report.operations {
        for change in &operation.changes {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                operation.address,
                impact_name(change.impact),
                place_name(change.place),
                describe(change).replace('|', "\\|")
            ));
        }
    }
    out
}

/// Which documents, which operations, and how many changes of each impact.
fn headline(report: &DiffReport) -> String {
    let side = |source: &super::Source| {
        let short: String = source.sha256.chars().take(12).collect();
        format!("{} {} (sha256 {short})", source.title, source.version)
    };
    let mut text = format!("{} → {}\n", side(&report.old), side(&report.new));
    match &report.scope {
        Some(scope) => {
            text.push_str(&format!(
                "Compared: the {} operations of the {}",
                scope.operations,
                scope.from.join(" and the ")
            ));
            if !scope.unknown.is_empty() {
                text.push_str(&format!(
                    " ({} in neither contract: {})",
                    scope.unknown.len(),
                    scope.unknown.join(", ")
                ));
            }
            text.push('\n');
        }
        None => text.push_str("Compared: every operation\n"),
    }
    let counts = &report.counts;
    let total = counts.breaking + counts.deprecation + counts.compatible;
    if total == 0 {
        text.push_str("No change.");
    } else {
        text.push_str(&format!(
            "{} breaking, {} deprecation{}, {} compatible change{} in {} operation{}.",
            counts.breaking,
            counts.deprecation,
            plural(counts.deprecation),
            counts.compatible,
            plural(counts.compatible),
            report.operations.len(),
            plural(report.operations.len()),
        ));
    }
    text
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

fn impact_name(impact: Impact) -> &'static str {
    match impact {
        Impact::Breaking => "breaking",
        Impact::Deprecation => "deprecation",
        Impact::Compatible => "compatible",
    }
}

fn place_name(place: Place) -> &'static str {
    match place {
        Place::Operation => "operation",
        Place::Request => "request",
        Place::Response => "response",
    }
}

/// One line saying what changed and where.
pub fn describe(change: &Change) -> String {
    let at = if change.path.is_empty() {
        "the body".to_owned()
    } else {
        format!("`{}`", change.path)
    };
    let optional = |text: &Option<String>| text.clone().unwrap_or_else(|| "none".to_owned());
    match &change.kind {
        ChangeKind::OperationAdded => "operation added".to_owned(),
        ChangeKind::OperationRemoved => "operation removed".to_owned(),
        ChangeKind::OperationDeprecated {
            message,
            discontinued,
            replacement,
        } => {
            let mut text = "operation deprecated".to_owned();
            if let Some(message) = message {
                text.push_str(&format!(": {message}"));
            }
            if let Some(date) = discontinued {
                text.push_str(&format!(" (discontinued on {date})"));
            }
            if let Some(replacement) = replacement {
                text.push_str(&format!("; replaced by {replacement}"));
            }
            text
        }
        ChangeKind::DiscontinuationChanged { from, to } => {
            format!("discontinuation date {} → {}", optional(from), optional(to))
        }
        ChangeKind::BodyAdded => "body added".to_owned(),
        ChangeKind::BodyRemoved => "body removed".to_owned(),
        ChangeKind::PropertyAdded { required: true } => format!("{at} added, required"),
        ChangeKind::PropertyAdded { required: false } => format!("{at} added, optional"),
        ChangeKind::PropertyRemoved => format!("{at} removed"),
        ChangeKind::PropertyDeprecated {
            message,
            discontinued,
        } => {
            let mut text = format!("{at} deprecated");
            if let Some(message) = message {
                text.push_str(&format!(": {message}"));
            }
            if let Some(date) = discontinued {
                text.push_str(&format!(" (discontinued on {date})"));
            }
            text
        }
        ChangeKind::BecameRequired => format!("{at} is now required"),
        ChangeKind::BecameOptional => format!("{at} is now optional"),
        ChangeKind::TypeChanged { from, to } => {
            format!("{at} type {} → {}", from.join(" or "), to.join(" or "))
        }
        ChangeKind::FormatChanged { from, to } => {
            format!("{at} format {} → {}", optional(from), optional(to))
        }
        ChangeKind::EnumValuesAdded { values, extensible } => format!(
            "{at} gains value{} {}{}",
            plural(values.len()),
            value_list(values),
            if *extensible {
                " (the enum is marked extensible)"
            } else {
                ""
            }
        ),
        ChangeKind::EnumValuesRemoved { values } => format!(
            "{at} loses value{} {}",
            plural(values.len()),
            value_list(values)
        ),
        ChangeKind::EnumIntroduced { values } => {
            format!("{at} is now limited to {}", value_list(values))
        }
        ChangeKind::EnumLifted => format!("{at} is no longer limited to an enum"),
        ChangeKind::VariantAdded { name } => format!("{at} gains the shape {name}"),
        ChangeKind::VariantRemoved { name } => format!("{at} loses the shape {name}"),
    }
}

fn value_list(values: &[Value]) -> String {
    values
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
