//! The native CLI: `mews-connector-validator <command>` (the commands are
//! `mews_connector_validator::cli`, shared with the npm package's `npx mews-connector-validator`).
//! Exit codes: 0 valid, 1 errors found, 2 usage or I/O errors.

use std::process::ExitCode;

use mews_connector_validator::cli::{self, StdIo};

fn main() -> ExitCode {
    ExitCode::from(cli::run(std::env::args_os().skip(1), &mut StdIo))
}
