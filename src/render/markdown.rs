//! Markdown renderings: a readiness report (verdict, per-operation table, rate profile,
//! deprecation timeline, diagnostics) and a plain report (checklist validation, with its timeline), for PR comments and review notes.
//! Everything taken from the input is scrubbed and has its control characters escaped.

use std::fmt::Write;

use super::{last_defence, sanitize};
use crate::diagnostic::{Diagnostic, Report};
use crate::secret::Scrubber;
use crate::session::{ReadinessReport, Verdict, located_in_recording};

/// A readiness report of the recording `name`.
pub fn readiness(report: &ReadinessReport, name: &str) -> String {
    let mut out = String::new();
    let verdict = match report.verdict {
        Verdict::Ready => "✅ Ready for certification review",
        Verdict::NotReady => "❌ Not ready for certification review",
    };
    let _ = writeln!(out, "# Certification readiness: `{}`\n", escape(name));
    let _ = writeln!(
        out,
        "**{verdict}** — {} errors, {} warnings, {} infos.\n",
        report.counts.errors, report.counts.warnings, report.counts.infos
    );
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} Connector API calls reviewed from {} entries ({} ignored, {} unreadable), {} to {}.",
        s.calls,
        s.entries,
        s.ignored,
        s.unreadable,
        escape(s.first_call.as_deref().unwrap_or("–")),
        escape(s.last_call.as_deref().unwrap_or("–")),
    );
    if !s.client_names.is_empty() {
        let names: Vec<String> = s
            .client_names
            .iter()
            .map(|n| format!("`{}`", escape(n)))
            .collect();
        let _ = writeln!(out, "Client names: {}.", names.join(", "));
    }
    out.push('\n');

    let _ = writeln!(out, "## Operations\n");
    if report.operations.is_empty() {
        let _ = writeln!(out, "No Connector API calls.\n");
    } else {
        let _ = writeln!(
            out,
            "| Operation | Declared | Calls | Successes | Failures | Diagnostics |"
        );
        let _ = writeln!(out, "| --- | --- | ---: | ---: | ---: | ---: |");
        for row in &report.operations {
            let declared = match row.declared {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "–",
            };
            let name = row
                .name
                .as_deref()
                .map(|n| format!(" ({})", escape(n)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| `{}`{name} | {declared} | {} | {} | {} | {} |",
                escape(&row.address),
                row.calls,
                row.successes,
                row.failures,
                row.diagnostics
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Request rate per AccessToken\n");
    if report.rate_profiles.is_empty() {
        let _ = writeln!(out, "No calls.\n");
    } else {
        let _ = writeln!(
            out,
            "| AccessToken | Calls | Peak per 30 s | Peak window start | Limit | Declared | Bursts above limit |"
        );
        let _ = writeln!(out, "| --- | ---: | ---: | --- | ---: | ---: | ---: |");
        for profile in &report.rate_profiles {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} | {} |",
                escape(&profile.access_token),
                profile.calls,
                profile.peak,
                escape(profile.peak_window_start.as_deref().unwrap_or("–")),
                profile.limit,
                profile
                    .declared_peak
                    .map_or("–".to_string(), |d| d.to_string()),
                profile.bursts.len()
            );
        }
        out.push('\n');
    }

    super::timeline::markdown(&mut out, &report.deprecations, escape);

    if let Some(checklist) = &report.checklist {
        let _ = writeln!(out, "## Checklist\n");
        diagnostics_list(&mut out, &checklist.diagnostics);
    }
    let _ = writeln!(out, "## Diagnostics\n");
    diagnostics_list(&mut out, &report.diagnostics);
    out
}

/// A checklist (or any) report of the text `name`.
pub fn report(report: &Report, name: &str) -> String {
    let mut out = String::new();
    let verdict = if report.valid {
        "✅ Valid"
    } else {
        "❌ Invalid"
    };
    let _ = writeln!(out, "# `{}`\n", escape(name));
    let _ = writeln!(
        out,
        "**{verdict}** — {} errors, {} warnings, {} infos.\n",
        report.count(crate::diagnostic::Severity::Error),
        report.count(crate::diagnostic::Severity::Warning),
        report.count(crate::diagnostic::Severity::Info)
    );
    diagnostics_list(&mut out, &report.diagnostics);
    // Only checklists have a timeline.
    if !report.deprecations.is_empty() {
        super::timeline::markdown(&mut out, &report.deprecations, escape);
    }
    out
}

fn diagnostics_list(out: &mut String, diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        let _ = writeln!(out, "None.\n");
        return;
    }
    for d in &last_defence(diagnostics) {
        // Request findings are located in the call's body, not in the recording.
        let call = match d.call {
            Some(c) if located_in_recording(d) => format!("call {c}, "),
            Some(c) => format!("call {c}, body "),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "- **{}** [`{}`]({}) ({call}line {}, column {}{}): {}",
            d.severity.as_str(),
            escape(&d.rule),
            escape(&d.docs),
            d.line,
            d.column,
            if d.pointer.is_empty() {
                String::new()
            } else {
                format!(", `{}`", escape(&d.pointer))
            },
            escape(&d.message)
        );
        // Titles only: a token's fix must not show the token.
        for fix in &d.fixes {
            let _ = writeln!(out, "  - fix: {}", escape(&fix.title));
        }
    }
    out.push('\n');
}

/// Text from the input, safe in a table cell or a list item: token-like values masked, pipes
/// escaped, line breaks (which would end the cell) and control characters shown as `\u{…}`.
fn escape(text: &str) -> String {
    let masked = Scrubber::heuristic().masked(text);
    sanitize::visible(&masked).replace('|', "\\|")
}
