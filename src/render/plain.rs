//! Plain-text renderings of readiness and checklist reports for the terminal:
//! `name:line:column: severity [rule] message`, then a verdict line.

use std::fmt::Write;

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::session::{ReadinessReport, Verdict};

pub fn readiness(report: &ReadinessReport, name: &str, checklist_name: &str) -> String {
    let mut out = String::new();
    if let Some(checklist) = &report.checklist {
        lines(&mut out, &checklist.diagnostics, checklist_name);
    }
    lines(&mut out, &report.diagnostics, name);
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} calls ({} entries, {} ignored, {} unreadable), {} operations",
        s.calls,
        s.entries,
        s.ignored,
        s.unreadable,
        report.operations.len()
    );
    for profile in &report.rate_profiles {
        let _ = writeln!(
            out,
            "AccessToken {}: {} calls, peak {} per 30 s (limit {}), {} bursts above the limit",
            profile.access_token,
            profile.calls,
            profile.peak,
            profile.limit,
            profile.bursts.len()
        );
    }
    let verdict = match report.verdict {
        Verdict::Ready => "ready",
        Verdict::NotReady => "not ready",
    };
    let _ = writeln!(
        out,
        "{verdict}: {} errors, {} warnings, {} infos",
        report.counts.errors, report.counts.warnings, report.counts.infos
    );
    out
}

pub fn report(report: &Report, name: &str) -> String {
    let mut out = String::new();
    lines(&mut out, &report.diagnostics, name);
    let _ = writeln!(
        out,
        "{}: {} errors, {} warnings, {} infos",
        if report.valid { "valid" } else { "invalid" },
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    out
}

fn lines(out: &mut String, diagnostics: &[Diagnostic], name: &str) {
    for d in diagnostics {
        let call = d.call.map(|c| format!(" (call {c})")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{name}:{}:{}: {} [{}]{call} {}\n  docs: {}",
            d.line,
            d.column,
            d.severity.as_str(),
            d.rule,
            d.message,
            d.docs
        );
    }
}
