//! `rules`: print the registry of every rule the product reports (rendered by
//! `render::rules`). The markdown output is committed as `RULES.md` (a test keeps it current).

use std::process::ExitCode;

use mews_connector_validator::render;

/// Output formats of the rules list.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RulesFormat {
    #[default]
    Text,
    Json,
    Markdown,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, value_enum, default_value = "text")]
    pub format: RulesFormat,
}

pub fn run(args: Args) -> ExitCode {
    let output = match args.format {
        RulesFormat::Text => render::rules::text(),
        RulesFormat::Markdown => render::rules::markdown(),
        RulesFormat::Json => match render::rules::json() {
            Ok(json) => json,
            Err(error) => return super::fail(&format!("cannot write JSON: {error}")),
        },
    };
    super::emit(&output);
    ExitCode::from(super::EXIT_VALID)
}
