//! The native CLI: `mews-connector-validator <command>`. Exit codes: 0 valid, 1 errors found,
//! 2 usage or I/O errors.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "mews-connector-validator", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a request body against its operation.
    Request(cli::request::Args),
    /// Validate a response body (a fixture or mock) against its operation.
    Response(cli::request::Args),
    /// List the operations of the Connector API.
    Operations(cli::operations::Args),
    /// List every rule with its default severity and docs.
    Rules(cli::rules::Args),
    /// Review a recorded session (HAR or NDJSON) for certification readiness.
    Session(cli::session::Args),
    /// Validate a certification checklist.
    Checklist(cli::checklist::Args),
    /// Show what a newer OpenAPI contract changes (for your checklist's or session's operations).
    Diff(cli::diff::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Request(args) => cli::request::run(args, cli::request::Body::Request),
        Command::Response(args) => cli::request::run(args, cli::request::Body::Response),
        Command::Operations(args) => cli::operations::run(args),
        Command::Rules(args) => cli::rules::run(args),
        Command::Session(args) => cli::session::run(args),
        Command::Checklist(args) => cli::checklist::run(args),
        Command::Diff(args) => cli::diff::run(args),
    }
}
