//! `checklist`: validate a certification checklist.

use crate::checklist::validate_checklist;
use crate::render::{github, json, markdown, sarif, text};

use super::Io;
use super::options::{Format, InputArg, RuleFlags};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format: text, json, markdown, sarif or github.
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
    Format::Sarif,
    Format::Github,
];

pub fn run(args: Args, io: &mut dyn Io) -> u8 {
    let file = args.input.file.as_deref();
    let name = super::input_name(file);
    let input = match super::read_text(file, io) {
        Ok(input) => input,
        Err(message) => return super::fail(io, &message),
    };
    let report = validate_checklist(&input, &args.rules.to_options(io));
    let output = match args.format {
        Format::Markdown => markdown::report(&report, &name),
        Format::Json => json::render(&report),
        Format::Sarif => sarif::render(&report, &name),
        Format::Github => github::report(&report, super::file_name(file).as_deref()),
        _ => text::render(&report, &name, &input),
    };
    io.stdout(&output);
    super::exit_for(report.valid)
}
