//! The report as JSON: exactly the serialized [`Report`] (field names are a contract).

use crate::diagnostic::Report;

pub fn render(report: &Report) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_default()
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
}
