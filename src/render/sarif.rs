//! SARIF 2.1.0, for code-scanning tools: rules from the registry, one result per diagnostic.
//! Columns are declared as UTF-16 code units (`columnKind`), which is what diagnostics carry.

use serde_json::{Value, json};

use super::{sanitize, scrubbed};
use crate::diagnostic::RuleInfo;
use crate::diagnostic::{Diagnostic, Fix, Report, Severity};
use crate::rules;

const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Renders a report about the artifact `source_name`.
pub fn render(report: &Report, source_name: &str) -> String {
    let rules: Vec<&RuleInfo> = rules::all().map(crate::diagnostic::Rule::info).collect();
    let report = scrubbed(report);
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| result(d, source_name, &rules))
        .collect();
    let sarif = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mews-connector-validator",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
            }},
            "columnKind": "utf16CodeUnits",
            "artifacts": [{"location": {"uri": source_name}}],
            "results": results,
        }],
    });
    sanitize::json(serde_json::to_string_pretty(&sarif).unwrap_or_default())
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(info: &RuleInfo) -> Value {
    json!({
        "id": info.id,
        "shortDescription": {"text": info.summary},
        "helpUri": info.docs,
        "defaultConfiguration": {"level": level(info.severity)},
    })
}

fn result(d: &Diagnostic, source_name: &str, rules: &[&RuleInfo]) -> Value {
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": source_name, "index": 0},
                // SARIF's endColumn is the column after the region, like ours.
                "region": {
                    "startLine": d.line, "startColumn": d.column,
                    "endLine": d.end_line, "endColumn": d.end_column,
                },
            },
            "logicalLocations": [{"fullyQualifiedName": d.pointer, "kind": "element"}],
        }],
        "properties": {"pointer": d.pointer, "docs": d.docs},
    });
    if let (Some(index), Some(object)) = (
        rules.iter().position(|r| r.id == d.rule),
        result.as_object_mut(),
    ) {
        object.insert("ruleIndex".to_string(), index.into());
    }
    if let (false, Some(object)) = (d.fixes.is_empty(), result.as_object_mut()) {
        let fixes = d.fixes.iter().map(|fix| sarif_fix(fix, source_name));
        object.insert("fixes".to_string(), fixes.collect());
    }
    result
}

/// A SARIF `fix`: one replacement of the artifact's region given by character offsets (UTF-16
/// code units, as the run's `columnKind` declares).
fn sarif_fix(fix: &Fix, source_name: &str) -> Value {
    json!({
        "description": {"text": fix.title},
        "artifactChanges": [{
            "artifactLocation": {"uri": source_name, "index": 0},
            "replacements": [{
                "deletedRegion": {"charOffset": fix.start, "charLength": fix.end - fix.start},
                "insertedContent": {"text": fix.replacement},
            }],
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample;

    #[test]
    fn renders_results_with_regions_and_rule_indexes() {
        let (report, _) = sample::report();
        let rendered = render(&report, "body.json");
        let sarif: Value = serde_json::from_str(&rendered).unwrap();
        let results = &sarif["runs"][0]["results"];
        insta::assert_json_snapshot!(results);
        let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
        let index = usize::try_from(results[0]["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[index]["id"], results[0]["ruleId"]);
        assert_eq!(sarif["runs"][0]["columnKind"], "utf16CodeUnits");
    }
}
