//! `request` and `response`: validate one body against its operation.

use std::process::ExitCode;

use mews_connector_validator::render;
use mews_connector_validator::{validate_request_bytes, validate_response_bytes};

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
    /// Output format: text, json or sarif.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub rules: RuleFlags,
    #[command(flatten)]
    pub input: InputArg,
}

pub fn run(args: Args, body: Body) -> ExitCode {
    if args.format == Format::Markdown {
        return super::fail("--format markdown is not available here; use text, json or sarif");
    }
    let bytes = match super::read_input(args.input.file.as_deref()) {
        Ok(bytes) => bytes,
        Err(message) => return super::fail(&message),
    };
    let options = args.rules.to_options();
    let report = match body {
        Body::Request => validate_request_bytes(&args.address, &bytes, &options),
        Body::Response => validate_response_bytes(&args.address, &bytes, &options),
    };
    let name = super::input_name(args.input.file.as_ref());
    let rendered = match args.format {
        Format::Json => render::json::render(&report),
        Format::Sarif => render::sarif::render(&report, &name),
        Format::Text | Format::Markdown => {
            render::text::render(&report, &name, &String::from_utf8_lossy(&bytes))
        }
    };
    super::emit(&format!("{}\n", rendered.trim_end()));
    super::exit_for(&report)
}
