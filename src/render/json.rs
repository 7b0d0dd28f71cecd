//! The report as JSON: exactly the serialized [`Report`] (field names are a contract), scrubbed
//! and with every control character escaped.

use super::{sanitize, scrubbed, scrubbed_readiness};
use crate::diagnostic::Report;
use crate::session::ReadinessReport;

pub fn render(report: &Report) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    sanitize::json(serde_json::to_string_pretty(&scrubbed(report)).unwrap_or_default())
}

/// A readiness report as JSON (`schemas/readiness-report.schema.json`).
pub fn readiness(report: &ReadinessReport) -> String {
    sanitize::json(serde_json::to_string_pretty(&scrubbed_readiness(report)).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample;

    #[test]
    fn renders_the_report_fields() {
        let (report, _) = sample::report();
        let rendered = render(&report);
        insta::assert_snapshot!(rendered);
        let back: Report = serde_json::from_str(&rendered).unwrap();
        assert_eq!(back, report);
    }

    #[test]
    fn escapes_every_control_character_and_masks_tokens() {
        let (mut report, _) = sample::report();
        report.diagnostics[0].message =
            "bad \u{1b}[2J\u{7f}\u{9b}\u{202e} E0D439EE522F44368DC78E1BFB03710C".to_string();
        let rendered = render(&report);
        assert!(
            rendered.contains(r#""bad \u001b[2J\u007f\u009b\u202e E0D4…""#),
            "{rendered}"
        );
    }
}
