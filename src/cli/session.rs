//! `session`: review a recorded session (HAR or NDJSON) for certification readiness.

use std::path::PathBuf;
use std::process::ExitCode;

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

pub fn run(_args: Args) -> ExitCode {
    super::fail("not built yet")
}
