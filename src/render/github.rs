//! GitHub Actions workflow commands: one annotation per finding
//! (`::error file=body.json,line=3,col=3,endLine=3,endColumn=17,title=unknown-property::…`;
//! warnings as `::warning`, infos as `::notice`), then the summary line. The runner shows them on
//! the run and, for files in the diff, on the changed lines.
//!
//! Messages are scrubbed once more (no token shows). Escaping follows the workflow-command rules:
//! `%`, CR and LF in the message, and also `:` and `,` in properties, are percent-encoded. Other
//! control characters (from the input, quoted in messages) are written as `\u{…}`: raw, they would
//! garble the log or the runner's parsing.

use std::fmt::Write;

use super::sanitize;
use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::session::{ReadinessReport, Verdict, located_in_recording};

/// Annotations for a report about one input; `file` is its path (`None` for standard input:
/// the location then goes into the message).
pub fn report(report: &Report, file: Option<&str>) -> String {
    let report = &super::scrubbed(report);
    let mut out = String::new();
    for d in &report.diagnostics {
        annotate(&mut out, d, file, "");
    }
    let _ = writeln!(out, "{}", escape_data(&super::text::summary(report)));
    out
}

/// Annotations for a session review: findings located in the recording point at it, findings in a
/// call's body name the call (their lines are the body's), checklist findings point at the
/// checklist. The last line is the verdict.
pub fn readiness(
    report: &ReadinessReport,
    recording: Option<&str>,
    checklist: Option<&str>,
) -> String {
    let report = &super::scrubbed_readiness(report);
    let mut out = String::new();
    for d in &report.diagnostics {
        if located_in_recording(d) {
            annotate(&mut out, d, recording, "");
        } else {
            let call = d.call.unwrap_or_default();
            let mut context = format!("Call {call}");
            if let Some(time) = &d.time {
                let _ = write!(context, " at {time}");
            }
            if let Some(address) = &d.address {
                let _ = write!(context, " to {address}");
            }
            let _ = write!(
                context,
                ", request body line {}, column {}: ",
                d.line, d.column
            );
            annotate_file(&mut out, d, recording, &context);
        }
    }
    if let Some(found) = &report.checklist {
        for d in &found.diagnostics {
            annotate(&mut out, d, checklist, "");
        }
    }
    let verdict = match report.verdict {
        Verdict::Ready => "ready",
        Verdict::NotReady => "not ready",
    };
    let c = &report.counts;
    let _ = writeln!(
        out,
        "Certification readiness: {verdict}: {} errors, {} warnings, {} infos in {} calls",
        c.errors, c.warnings, c.infos, report.summary.calls
    );
    out
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// An annotation located at the finding's span in `file`.
fn annotate(out: &mut String, d: &Diagnostic, file: Option<&str>, context: &str) {
    let Some(file) = file else {
        let context = format!("{context}<stdin>:{}:{}: ", d.line, d.column);
        return write_annotation(out, d, &[], &context);
    };
    let properties = [
        ("file", file.to_string()),
        ("line", d.line.to_string()),
        ("col", d.column.to_string()),
        ("endLine", d.end_line.to_string()),
        ("endColumn", d.end_column.to_string()),
    ];
    write_annotation(out, d, &properties, context);
}

/// An annotation on `file` as a whole (the finding's lines are not the file's).
fn annotate_file(out: &mut String, d: &Diagnostic, file: Option<&str>, context: &str) {
    let properties: Vec<(&str, String)> =
        file.map(|f| ("file", f.to_string())).into_iter().collect();
    write_annotation(out, d, &properties, context);
}

fn write_annotation(
    out: &mut String,
    d: &Diagnostic,
    properties: &[(&str, String)],
    context: &str,
) {
    let _ = write!(out, "::{} ", command(d.severity));
    for (name, value) in properties {
        let _ = write!(out, "{name}={},", escape_property(value));
    }
    let mut message = format!("{context}{}", d.message);
    if !d.pointer.is_empty() {
        let _ = write!(message, "\npointer: {}", d.pointer);
    }
    let _ = write!(message, "\ndocs: {}", d.docs);
    let _ = writeln!(
        out,
        "title={}::{}",
        escape_property(&d.rule),
        escape_data(&message)
    );
}

/// A message: `%`, CR and LF percent-encoded; other control characters (and the bidi and
/// invisible ones of [`sanitize::is_hostile`]) made visible.
fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c.is_control() || sanitize::is_hostile(c) => {
                let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// A property value: also `:` and `,`, which end a property.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample;

    #[test]
    fn annotates_each_finding_at_its_span() {
        let (sample, _) = sample::report();
        insta::assert_snapshot!(report(&sample, Some("requests/add company.json")));
    }

    #[test]
    fn standard_input_has_no_file_and_keeps_the_location_in_the_message() {
        let rendered = report(&sample::single("unknown-property", 2, 5, 10), None);
        let first = rendered.lines().next().unwrap();
        assert_eq!(
            first,
            "::error title=unknown-property::<stdin>:2:5: Unknown property \"Bad\"%0Apointer: /Bad%0Adocs: https://docs.mews.com/connector-api/operations/companies#add-companies"
        );
    }

    #[test]
    fn escapes_workflow_command_syntax_and_control_characters() {
        let mut sample = sample::single("unknown-property", 1, 1, 2);
        sample.diagnostics[0].message = "50% of \"a\r\nb\" ::error ::x \u{1b}[31m\u{7}".into();
        let rendered = report(&sample, Some("dir,1/a:b%.json"));
        let first = rendered.lines().next().unwrap();
        assert_eq!(
            first,
            "::error file=dir%2C1/a%3Ab%25.json,line=1,col=1,endLine=1,endColumn=2,title=unknown-property::50%25 of \"a%0D%0Ab\" ::error ::x \\u{001B}[31m\\u{0007}%0Apointer: /Bad%0Adocs: https://docs.mews.com/connector-api/operations/companies#add-companies"
        );
        // One line per finding plus the summary: nothing from the input starts a new command.
        assert_eq!(rendered.lines().count(), 2);
        assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn annotates_a_session_review_in_the_recording_and_the_checklist() {
        let rendered = readiness(
            &sample::readiness(),
            Some("recording.ndjson"),
            Some("checklist.json"),
        );
        insta::assert_snapshot!(rendered);
        assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'));
        assert!(
            rendered.lines().all(|line| line.starts_with("::")
                || line.starts_with("Certification readiness: not ready"))
        );
    }
}
