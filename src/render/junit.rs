//! JUnit XML of a session review, for CI test reports: one test case per operation (failed when
//! its calls or its own findings hold an error; the failure lists them), one for the session-wide
//! findings (rates, retries, `Client` names, hosts) and one for the checklist when one was given.
//! Warnings and infos go to the test case's `system-out`.
//!
//! Messages are scrubbed once more (no token shows); everything from the inputs is XML-escaped;
//! control characters (which XML 1.0 cannot carry, even as references) are written as `\u{…}`.

use std::fmt::Write;

use super::sanitize;
use crate::diagnostic::{Diagnostic, Severity};
use crate::session::{ReadinessReport, located_in_recording};

/// Renders the review of `recording`, cross-checked with `checklist` when given (display names).
pub fn readiness(report: &ReadinessReport, recording: &str, checklist: Option<&str>) -> String {
    let report = &super::scrubbed_readiness(report);
    let cases = cases(report, recording, checklist);
    let failures = cases.iter().filter(|c| c.failed()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"mews-connector-validator\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">",
        cases.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        escape(&format!("Certification readiness of {recording}")),
        cases.len()
    );
    out.push_str("    <properties>\n");
    let counts = &report.counts;
    for (name, value) in [
        ("verdict", verdict(report).to_string()),
        ("calls", report.summary.calls.to_string()),
        ("errors", counts.errors.to_string()),
        ("warnings", counts.warnings.to_string()),
        ("infos", counts.infos.to_string()),
    ] {
        let _ = writeln!(out, "      <property name=\"{name}\" value=\"{value}\"/>");
    }
    out.push_str("    </properties>\n");
    for case in &cases {
        case.render(&mut out);
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn verdict(report: &ReadinessReport) -> &'static str {
    if report.valid { "ready" } else { "not-ready" }
}

/// One test case and the findings about it, with the name of the file they are located in.
struct Case<'a> {
    classname: &'static str,
    name: String,
    findings: Vec<(&'a Diagnostic, String)>,
}

impl Case<'_> {
    fn errors(&self) -> impl Iterator<Item = &(&Diagnostic, String)> {
        self.findings
            .iter()
            .filter(|(d, _)| d.severity == Severity::Error)
    }

    fn failed(&self) -> bool {
        self.errors().next().is_some()
    }

    fn render(&self, out: &mut String) {
        let _ = write!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\"",
            self.classname,
            escape(&self.name)
        );
        let others: Vec<_> = self
            .findings
            .iter()
            .filter(|(d, _)| d.severity != Severity::Error)
            .collect();
        if !self.failed() && others.is_empty() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        let errors: Vec<_> = self.errors().collect();
        if !errors.is_empty() {
            let listed: Vec<String> = errors
                .iter()
                .map(|(d, _)| format!("[{}] {}", d.rule, d.message))
                .collect();
            let message = format!(
                "{} error{}: {}",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                listed.join("; ")
            );
            let _ = writeln!(
                out,
                "      <failure type=\"error\" message=\"{}\">{}</failure>",
                escape(&message),
                details(&errors)
            );
        }
        if !others.is_empty() {
            let _ = writeln!(out, "      <system-out>{}</system-out>", details(&others));
        }
        out.push_str("    </testcase>\n");
    }
}

/// The test cases: operations in the report's order (then operations only the checklist lists),
/// the session-wide findings, and the checklist's own findings.
fn cases<'a>(
    report: &'a ReadinessReport,
    recording: &str,
    checklist: Option<&str>,
) -> Vec<Case<'a>> {
    let mut operations: Vec<Case<'a>> = report
        .operations
        .iter()
        .map(|row| Case {
            classname: "operations",
            name: row.address.clone(),
            findings: Vec::new(),
        })
        .collect();
    let mut session = Case {
        classname: "session",
        name: "Session-wide findings".to_string(),
        findings: Vec::new(),
    };
    let mut checklist_case = checklist.map(|name| Case {
        classname: "checklist",
        name: format!("Certification checklist {name}"),
        findings: Vec::new(),
    });
    let checklist_name = checklist.unwrap_or("<checklist>");
    let session_findings = report.diagnostics.iter().map(|d| (d, source(d, recording)));
    let checklist_findings = report
        .checklist
        .iter()
        .flat_map(|c| c.diagnostics.iter())
        .map(|d| (d, checklist_name.to_string()));
    for (d, file) in session_findings {
        match &d.address {
            Some(address) => operation(&mut operations, address).findings.push((d, file)),
            None => session.findings.push((d, file)),
        }
    }
    for (d, file) in checklist_findings {
        match (&d.address, checklist_case.as_mut()) {
            (Some(address), _) => operation(&mut operations, address).findings.push((d, file)),
            (None, Some(case)) => case.findings.push((d, file)),
            (None, None) => session.findings.push((d, file)),
        }
    }
    operations.push(session);
    operations.extend(checklist_case);
    operations
}

/// The test case of `address`, added when only the checklist names it.
fn operation<'a, 'b>(cases: &'b mut Vec<Case<'a>>, address: &str) -> &'b mut Case<'a> {
    let index = match cases.iter().position(|c| c.name == address) {
        Some(index) => index,
        None => {
            cases.push(Case {
                classname: "operations",
                name: address.to_string(),
                findings: Vec::new(),
            });
            cases.len() - 1
        }
    };
    &mut cases[index]
}

/// Where a session finding is: the recording, or the body of one of its calls.
fn source(d: &Diagnostic, recording: &str) -> String {
    match d.call {
        Some(call) if !located_in_recording(d) => format!("{recording} call {call} body"),
        _ => recording.to_string(),
    }
}

/// `file:line:column: severity [rule] (call 3 at …) message` and the docs link, one per finding.
fn details(findings: &[&(&Diagnostic, String)]) -> String {
    let mut text = String::new();
    for (d, file) in findings {
        let call = match (d.call, &d.time) {
            (Some(call), Some(time)) => format!(" (call {call} at {time})"),
            (Some(call), None) => format!(" (call {call})"),
            _ => String::new(),
        };
        let _ = write!(
            text,
            "\n{}:{}:{}: {} [{}]{} {}\n  docs: {}",
            escape(file),
            d.line,
            d.column,
            d.severity.as_str(),
            escape(&d.rule),
            escape(&call),
            escape(&d.message),
            escape(&d.docs)
        );
    }
    text
}

/// XML text and attribute values: markup escaped, control characters (newlines too: an attribute
/// would fold them into spaces) made visible.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters, the bidi and invisible ones, and the two non-characters XML
            // 1.0 excludes.
            c if c.is_control()
                || sanitize::is_hostile(c)
                || c == '\u{FFFE}'
                || c == '\u{FFFF}' =>
            {
                let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample;

    #[test]
    fn one_test_case_per_operation_then_the_session_and_the_checklist() {
        let rendered = readiness(
            &sample::readiness(),
            "recording.ndjson",
            Some("checklist.json"),
        );
        insta::assert_snapshot!(rendered);
    }

    #[test]
    fn escapes_markup_and_never_writes_control_characters() {
        let rendered = readiness(&sample::readiness(), "a<b>&\"c\u{7}.ndjson", None);
        assert!(rendered.contains(
            "name=\"Certification readiness of a&lt;b&gt;&amp;&quot;c\\u{0007}.ndjson\""
        ));
        assert!(rendered.contains("Note\\u{001B}[2J"));
        assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'));
        // Without a checklist, its findings (none here) have no test case of their own.
        assert!(!rendered.contains("classname=\"checklist\""));
    }

    #[test]
    fn a_ready_session_has_no_failure() {
        let mut report = sample::readiness();
        report.diagnostics.retain(|d| d.severity != Severity::Error);
        report.checklist = None;
        report.finish();
        let rendered = readiness(&report, "recording.ndjson", None);
        assert!(!rendered.contains("<failure"), "{rendered}");
        assert!(rendered.contains("failures=\"0\""));
        assert!(rendered.contains("<property name=\"verdict\" value=\"ready\"/>"));
    }
}
