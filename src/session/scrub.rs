//! A readiness report made safe to show: the recording's secrets (tokens in bodies, headers,
//! cookies, query strings) and token-like values masked wherever the report repeats the input.

use super::report::ReadinessReport;
use crate::secret::Scrubber;

impl ReadinessReport {
    /// Masks the secrets of the recording `text` in every diagnostic and in the summary and
    /// tables, which repeat addresses, `Client` names and hosts of the recording.
    pub(super) fn scrub(&mut self, text: &str) {
        let scrubber = Scrubber::new(text);
        let checklist = self
            .checklist
            .iter_mut()
            .flat_map(|c| c.diagnostics.iter_mut());
        for diagnostic in self.diagnostics.iter_mut().chain(checklist) {
            diagnostic.scrub(&scrubber);
        }
        let checklist = self
            .checklist
            .iter_mut()
            .flat_map(|c| c.deprecations.iter_mut());
        for entry in self.deprecations.iter_mut().chain(checklist) {
            entry.scrub(&scrubber);
        }
        for row in &mut self.operations {
            row.address = scrubber.masked(&row.address);
        }
        for profile in &mut self.rate_profiles {
            profile.access_token = scrubber.masked(&profile.access_token);
        }
        let summary = &mut self.summary;
        for text in summary
            .client_names
            .iter_mut()
            .chain(&mut summary.hosts)
            .chain(&mut summary.first_call)
            .chain(&mut summary.last_call)
        {
            *text = scrubber.masked(text);
        }
    }
}
