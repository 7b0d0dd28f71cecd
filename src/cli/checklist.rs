//! `checklist`: validate a certification checklist.

use std::process::ExitCode;

use mews_connector_validator::checklist::validate_checklist;
use mews_connector_validator::render::{json, markdown, sarif, text};

use super::options::{Format, InputArg, RuleFlags};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub rules: RuleFlags,
    #[command(flatten)]
    pub input: InputArg,
}

pub fn run(args: Args) -> ExitCode {
    let name = super::input_name(args.input.file.as_ref());
    let input = match super::read_text(args.input.file.as_deref()) {
        Ok(input) => input,
        Err(message) => return super::fail(&message),
    };
    let report = validate_checklist(&input, &args.rules.to_options());
    let output = match args.format {
        Format::Text => text::render(&report, &name, &input),
        Format::Markdown => markdown::report(&report, &name),
        Format::Json => json::render(&report),
        Format::Sarif => sarif::render(&report, &name),
    };
    super::emit(&output);
    super::exit_for(&report)
}
