//! `request` and `response`: validate one body against its operation. A request may also be given
//! as a cURL command or an HTTP request (REST-client syntax) that names its URL.

use crate::diagnostic::Report;
use crate::input::{self, InputKind};
use crate::options::Options;
use crate::pipeline::{validate_request_bytes, validate_response_bytes};
use crate::{render, source};

use super::Io;
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
    /// Optional for a request given as a cURL command or HTTP request, which name their URL.
    #[arg(long)]
    pub address: Option<String>,
    /// Output format: text, json, sarif or github.
    #[arg(long, default_value = "text", value_parser = super::options::formats(FORMATS))]
    pub format: Format,
    #[command(flatten)]
    pub rules: RuleFlags,
    #[command(flatten)]
    pub input: InputArg,
}

const FORMATS: &[Format] = &[Format::Text, Format::Json, Format::Sarif, Format::Github];

pub fn run(args: Args, body: Body, io: &mut dyn Io) -> u8 {
    let bytes = match super::read_input(args.input.file.as_deref(), io) {
        Ok(bytes) => bytes,
        Err(message) => return super::fail(io, &message),
    };
    let options = args.rules.to_options(io);
    let report = match validate(body, args.address.as_deref(), &bytes, &options) {
        Ok(report) => report,
        Err(message) => return super::fail(io, message),
    };
    let file = args.input.file.as_deref();
    let name = super::input_name(file);
    let rendered = match args.format {
        Format::Json => render::json::render(&report),
        Format::Sarif => render::sarif::render(&report, &name),
        Format::Github => render::github::report(&report, super::file_name(file).as_deref()),
        _ => render::text::render(&report, &name, &String::from_utf8_lossy(&bytes)),
    };
    io.stdout(&format!("{}\n", rendered.trim_end()));
    super::exit_for(report.valid)
}

/// Validates the input; a bare body needs `--address`, a pasted request may name its own.
fn validate(
    body: Body,
    address: Option<&str>,
    bytes: &[u8],
    options: &Options,
) -> Result<Report, &'static str> {
    const NEEDS_ADDRESS: &str = "--address is required for a bare body (a cURL command or an HTTP request may name the URL instead)";
    match (body, source::decode_utf8(bytes)) {
        (Body::Response, _) => {
            let address = address.ok_or("--address is required for a response body")?;
            Ok(validate_response_bytes(address, bytes, options))
        }
        (Body::Request, Err(_)) => {
            let address = address.ok_or(NEEDS_ADDRESS)?;
            Ok(validate_request_bytes(address, bytes, options))
        }
        (Body::Request, Ok(text)) => {
            if address.is_none() && input::detect(text) == InputKind::Body {
                return Err(NEEDS_ADDRESS);
            }
            Ok(input::validate_input(text, address, options))
        }
    }
}
