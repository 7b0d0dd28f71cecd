//! The session review's progress bar: one stderr line redrawn in place, on a terminal only.

use crate::session::Progress;

use super::Io;

/// Bar width in characters.
const WIDTH: usize = 30;

pub struct ProgressBar<'a> {
    /// `None` when stderr is not a terminal: nothing is drawn.
    io: Option<&'a mut dyn Io>,
}

impl<'a> ProgressBar<'a> {
    pub fn new(io: &'a mut dyn Io) -> Self {
        let shown = io.stderr_is_terminal();
        ProgressBar {
            io: shown.then_some(io),
        }
    }

    /// Draws `[#####.....]  42%  12.3/29.0 MB  1234 calls`.
    pub fn draw(&mut self, p: Progress) {
        if let Some(io) = self.io.as_deref_mut() {
            io.stderr(&line(p));
        }
    }

    /// Erases the bar.
    pub fn clear(self) {
        if let Some(io) = self.io {
            io.stderr(&format!("\r{:60}\r", ""));
        }
    }
}

fn line(p: Progress) -> String {
    let ratio = if p.total_bytes == 0 {
        1.0
    } else {
        p.bytes as f64 / p.total_bytes as f64
    };
    let filled = ((ratio * WIDTH as f64) as usize).min(WIDTH);
    format!(
        "\r[{}{}] {:3.0}%  {:.1}/{:.1} MB  {} calls",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        ratio * 100.0,
        p.bytes as f64 / 1e6,
        p.total_bytes as f64 / 1e6,
        p.calls
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_the_share_read_and_the_calls() {
        let p = Progress {
            bytes: 12_300_000,
            total_bytes: 29_000_000,
            calls: 1234,
        };
        assert_eq!(
            line(p),
            "\r[############..................]  42%  12.3/29.0 MB  1234 calls"
        );
        let done = Progress {
            bytes: 0,
            total_bytes: 0,
            calls: 0,
        };
        assert!(line(done).starts_with("\r[##############################] 100%"));
    }
}
