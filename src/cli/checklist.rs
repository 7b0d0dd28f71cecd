//! `checklist`: validate a certification checklist.

use std::process::ExitCode;

use mews_connector_validator::checklist::validate_checklist;
use mews_connector_validator::render::{markdown, plain};

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
    let text = match super::read_text(args.input.file.as_deref()) {
        Ok(text) => text,
        Err(message) => return super::fail(&message),
    };
    let report = validate_checklist(&text, &args.rules.to_options());
    let output = match args.format {
        Format::Text => plain::report(&report, &name),
        Format::Markdown => markdown::report(&report, &name),
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(json) => json + "\n",
            Err(e) => return super::fail(&e.to_string()),
        },
        Format::Sarif => return super::fail("--format sarif is not available for checklists"),
    };
    print!("{output}");
    super::exit_for(&report)
}
