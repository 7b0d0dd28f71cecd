//! `rules`: print the registry of every rule the product reports (rendered by
//! `render::rules`). The markdown output is committed as `RULES.md` (a test keeps it current).

use crate::render;

use super::Io;

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

pub fn run(args: Args, io: &mut dyn Io) -> u8 {
    let output = match args.format {
        RulesFormat::Text => render::rules::text(),
        RulesFormat::Markdown => render::rules::markdown(),
        RulesFormat::Json => match render::rules::json() {
            Ok(json) => json,
            Err(error) => return super::fail(io, &format!("cannot write JSON: {error}")),
        },
    };
    io.stdout(&output);
    super::EXIT_VALID
}
