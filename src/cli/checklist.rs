//! `checklist`: validate a certification checklist.

use std::process::ExitCode;

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

pub fn run(_args: Args) -> ExitCode {
    super::fail("not built yet")
}
