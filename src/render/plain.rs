//! Plain-text rendering of a readiness report for the terminal: `name:line:column: severity
//! [rule] message` per session finding, the rate profile, the deprecation timeline, then the
//! verdict. (Checklist findings have a text to show excerpts of; `render::text` renders them.)

use std::fmt::Write;

use super::last_defence;
use super::sanitize::visible;
use crate::diagnostic::Diagnostic;
use crate::session::{ReadinessReport, Verdict, located_in_recording};

/// A readiness report of the recording `name`; control characters of the input show escaped.
pub fn readiness(report: &ReadinessReport, name: &str) -> String {
    let mut out = String::new();
    let name = visible(name);
    lines(&mut out, &last_defence(&report.diagnostics), &name);
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
            visible(&profile.access_token),
            profile.calls,
            profile.peak,
            profile.limit,
            profile.bursts.len()
        );
    }
    out.push_str(&super::timeline::text(&report.deprecations));
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

fn lines(out: &mut String, diagnostics: &[Diagnostic], name: &str) {
    for d in diagnostics {
        let call = d.call.map(|c| format!(" (call {c})")).unwrap_or_default();
        // Request findings are located in the call's body, not in the recording.
        let source = if located_in_recording(d) {
            name.to_string()
        } else {
            format!("{name} call {} body", d.call.unwrap_or_default())
        };
        let _ = writeln!(
            out,
            "{source}:{}:{}: {} [{}]{call} {}\n  docs: {}",
            d.line,
            d.column,
            d.severity.as_str(),
            visible(&d.rule),
            visible(&d.message),
            visible(&d.docs)
        );
    }
}
