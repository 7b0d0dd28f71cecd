use std::process::ExitCode;

use super::options::Format;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

pub fn run(_args: Args) -> ExitCode {
    super::fail("not built yet")
}
