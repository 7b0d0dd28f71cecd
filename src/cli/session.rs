//! `session`: review a recorded session (HAR or NDJSON) for certification readiness.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use mews_connector_validator::render::{json, markdown, plain, text};
use mews_connector_validator::session::{Progress, analyze_session};

use super::options::{Format, InputArg, RuleFlags};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The certification checklist to cross-check the session against.
    #[arg(long)]
    pub checklist: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub rules: RuleFlags,
    #[command(flatten)]
    pub input: InputArg,
}

pub fn run(args: Args) -> ExitCode {
    let name = super::input_name(args.input.file.as_ref());
    let text = match super::read_text(args.input.file.as_deref()) {
        Ok(text) => text,
        Err(message) => return super::fail(&message),
    };
    let checklist = match &args.checklist {
        Some(path) => match super::read_text(Some(path)) {
            Ok(text) => Some(text),
            Err(message) => return super::fail(&message),
        },
        None => None,
    };
    let checklist_name = super::input_name(args.checklist.as_ref());
    let show_progress = std::io::stderr().is_terminal();
    let mut progress = |p: Progress| {
        if show_progress {
            progress_bar(p);
        }
    };
    let report = analyze_session(
        &text,
        checklist.as_deref(),
        &args.rules.to_options(),
        &mut progress,
    );
    if show_progress {
        eprint!("\r{:60}\r", "");
    }
    let output = match args.format {
        Format::Text => {
            // Checklist findings are shown against the checklist text; session findings (some
            // located in call bodies) as plain lines.
            let checklist_part = match (&report.checklist, &checklist) {
                (Some(found), Some(input)) => text::render(found, &checklist_name, input),
                _ => String::new(),
            };
            checklist_part + &plain::readiness(&report, &name)
        }
        Format::Markdown => markdown::readiness(&report, &name),
        Format::Json => json::readiness(&report) + "\n",
        Format::Sarif => return super::fail("--format sarif is not available for sessions"),
    };
    super::emit(&output);
    if report.valid {
        ExitCode::from(super::EXIT_VALID)
    } else {
        ExitCode::from(super::EXIT_INVALID)
    }
}

/// `[#####.....]  42%  12.3/29.0 MB  1234 calls` on one redrawn stderr line.
fn progress_bar(p: Progress) {
    const WIDTH: usize = 30;
    let ratio = if p.total_bytes == 0 {
        1.0
    } else {
        p.bytes as f64 / p.total_bytes as f64
    };
    let filled = ((ratio * WIDTH as f64) as usize).min(WIDTH);
    let mut stderr = std::io::stderr().lock();
    let _ = write!(
        stderr,
        "\r[{}{}] {:3.0}%  {:.1}/{:.1} MB  {} calls",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        ratio * 100.0,
        p.bytes as f64 / 1e6,
        p.total_bytes as f64 / 1e6,
        p.calls
    );
    let _ = stderr.flush();
}
