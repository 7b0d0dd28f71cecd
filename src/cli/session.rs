//! `session`: review a recorded session (HAR or NDJSON) for certification readiness.

use std::path::PathBuf;

use crate::render::{github, junit, markdown, plain, text};
use crate::session::analyze_session;

use super::Io;
use super::options::{Format, InputArg, RuleFlags};
use super::progress::ProgressBar;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The certification checklist to cross-check the session against.
    #[arg(long)]
    pub checklist: Option<PathBuf>,
    /// Output format: text, json, markdown, github or junit.
    #[arg(long, default_value = "text", value_parser = super::options::formats(FORMATS))]
    pub format: Format,
    #[command(flatten)]
    pub rules: RuleFlags,
    #[command(flatten)]
    pub input: InputArg,
}

const FORMATS: &[Format] = &[
    Format::Text,
    Format::Json,
    Format::Markdown,
    Format::Github,
    Format::Junit,
];

pub fn run(args: Args, io: &mut dyn Io) -> u8 {
    let file = args.input.file.as_deref();
    let name = super::input_name(file);
    let text = match super::read_text(file, io) {
        Ok(text) => text,
        Err(message) => return super::fail(io, &message),
    };
    let checklist_path = args.checklist.as_deref();
    let checklist = match checklist_path {
        Some(path) => match super::read_text(Some(path), io) {
            Ok(text) => Some(text),
            Err(message) => return super::fail(io, &message),
        },
        None => None,
    };
    let checklist_name = super::input_name(checklist_path);
    let options = args.rules.to_options(io);
    let mut bar = ProgressBar::new(io);
    let report = analyze_session(&text, checklist.as_deref(), &options, &mut |p| bar.draw(p));
    bar.clear();
    let output = match args.format {
        Format::Markdown => markdown::readiness(&report, &name),
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(json) => json + "\n",
            Err(e) => return super::fail(io, &e.to_string()),
        },
        Format::Github => github::readiness(
            &report,
            super::file_name(file).as_deref(),
            super::file_name(checklist_path).as_deref(),
        ),
        Format::Junit => junit::readiness(&report, &name, checklist_path.map(|_| &*checklist_name)),
        _ => {
            // Checklist findings are shown against the checklist text; session findings (some
            // located in call bodies) as plain lines.
            let checklist_part = match (&report.checklist, &checklist) {
                (Some(found), Some(input)) => text::render(found, &checklist_name, input),
                _ => String::new(),
            };
            checklist_part + &plain::readiness(&report, &name)
        }
    };
    io.stdout(&output);
    super::exit_for(report.valid)
}
