//! Diagnostics made safe to show: the secrets of the text they are about masked in their
//! message, pointer, time and address (see [`crate::secret`]).

use super::Diagnostic;
use crate::secret::Scrubber;

impl Diagnostic {
    /// Masks what `scrubber` finds (the source's secrets, token-like values) in the message,
    /// pointer, time and address, and cuts long quoted values in the message.
    pub fn scrub(&mut self, scrubber: &Scrubber) {
        self.message = scrubber.message(&self.message);
        self.pointer = scrubber.masked(&self.pointer);
        if let Some(time) = &mut self.time {
            *time = scrubber.masked(time);
        }
        if let Some(address) = &mut self.address {
            *address = scrubber.masked(address);
        }
        // Replacements hold schema names, enum values and UTC instants (a token's fix only
        // deletes): only the titles can quote the input.
        for fix in &mut self.fixes {
            fix.title = scrubber.message(&fix.title);
        }
    }
}

/// Scrubs every diagnostic about `text` against the secrets of `text`.
pub fn scrub_all(diagnostics: &mut [Diagnostic], text: &str) {
    if diagnostics.is_empty() {
        return;
    }
    let scrubber = Scrubber::new(text);
    for diagnostic in diagnostics {
        diagnostic.scrub(&scrubber);
    }
}
