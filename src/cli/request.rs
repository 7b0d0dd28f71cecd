//! `request` and `response`: validate one body against its operation.

use std::process::ExitCode;

use super::options::{Format, InputArg, RuleFlags};

/// Which body of the operation is validated.
#[derive(Clone, Copy, Debug)]
pub enum Body {
    Request,
    Response,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The operation's address: a full URL or a path like /api/connector/v1/bills/getAll.
    #[arg(long)]
    pub address: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub rules: RuleFlags,
    #[command(flatten)]
    pub input: InputArg,
}

pub fn run(_args: Args, _body: Body) -> ExitCode {
    super::fail("request validation is being built")
}
