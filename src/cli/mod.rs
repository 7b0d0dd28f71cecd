//! The command-line interface: `mews-connector-validator <command> …`. Exit codes: 0 valid (or
//! ready), 1 errors found, 2 usage or I/O errors.
//!
//! Pure and I/O-abstract: [`run`] parses the arguments and talks to the world only through an
//! [`Io`], so the native binary (`src/main.rs`, [`StdIo`]) and the npm package's
//! `npx mews-connector-validator` (wasm, `cli::wasm`, backed by Node's `fs`) are one program and
//! print the same bytes.

pub mod checklist;
pub mod diff;
#[cfg(not(target_arch = "wasm32"))]
mod native;
pub mod operations;
pub mod options;
mod progress;
pub mod request;
pub mod rules;
pub mod session;
#[cfg(target_arch = "wasm32")]
mod wasm;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

#[cfg(not(target_arch = "wasm32"))]
pub use native::StdIo;

/// Exit code when validation found no error.
pub const EXIT_VALID: u8 = 0;
/// Exit code when validation found at least one error.
pub const EXIT_INVALID: u8 = 1;
/// Exit code on usage or I/O errors.
pub const EXIT_USAGE: u8 = 2;

/// Everything the CLI needs from its surroundings.
pub trait Io {
    /// The whole content of a file.
    fn read_file(&mut self, path: &Path) -> Result<Vec<u8>, ReadError>;
    /// The entries of a directory (any order).
    fn list_dir(&mut self, dir: &Path) -> Result<Vec<PathBuf>, ReadError>;
    /// Standard input, to its end.
    fn read_stdin(&mut self) -> Result<Vec<u8>, ReadError>;
    /// Writes to standard output. A reader that went away (`… | head`) is not an error: the
    /// implementation drops the text quietly.
    fn stdout(&mut self, text: &str);
    fn stderr(&mut self, text: &str);
    /// Whether standard error is a terminal (the progress bar is drawn only there).
    fn stderr_is_terminal(&self) -> bool;
    /// Today's date in UTC, `YYYY-MM-DD`: the default evaluation date of lifecycle rules.
    fn today(&self) -> String;
}

/// Why an input could not be read. The common reasons are named here, not by the platform, so
/// both implementations print the same message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    PermissionDenied,
    IsADirectory,
    Other(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReadError::NotFound => "no such file or directory",
            ReadError::PermissionDenied => "permission denied",
            ReadError::IsADirectory => "is a directory",
            ReadError::Other(reason) => reason,
        })
    }
}

#[derive(Parser)]
#[command(name = "mews-connector-validator", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a request body against its operation.
    Request(request::Args),
    /// Validate a response body (a fixture or mock) against its operation.
    Response(request::Args),
    /// List the operations of the Connector API.
    Operations(operations::Args),
    /// List every rule with its default severity and docs.
    Rules(rules::Args),
    /// Review a recorded session (HAR or NDJSON) for certification readiness.
    Session(session::Args),
    /// Validate a certification checklist.
    Checklist(checklist::Args),
    /// What a newer Connector API contract (OpenAPI) changes for the operations you use.
    Diff(diff::Args),
}

/// Runs one command line (`args` without the program name) and returns its exit code.
pub fn run(args: impl IntoIterator<Item = OsString>, io: &mut dyn Io) -> u8 {
    let argv = std::iter::once(OsString::from("mews-connector-validator")).chain(args);
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        // Help and version are "errors" that go to stdout with exit code 0.
        Err(error) => {
            let text = error.render().to_string();
            if error.use_stderr() {
                io.stderr(&text);
            } else {
                io.stdout(&text);
            }
            return u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE);
        }
    };
    match cli.command {
        Command::Request(args) => request::run(args, request::Body::Request, io),
        Command::Response(args) => request::run(args, request::Body::Response, io),
        Command::Operations(args) => operations::run(args, io),
        Command::Rules(args) => rules::run(args, io),
        Command::Session(args) => session::run(args, io),
        Command::Checklist(args) => checklist::run(args, io),
        Command::Diff(args) => diff::run(args, io),
    }
}

/// Reads a whole input: a file, or standard input for `-` or no path.
fn read_input(path: Option<&Path>, io: &mut dyn Io) -> Result<Vec<u8>, String> {
    match path {
        Some(path) if path != Path::new("-") => io
            .read_file(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display())),
        _ => io
            .read_stdin()
            .map_err(|e| format!("cannot read standard input: {e}")),
    }
}

/// Reads an input as UTF-8 text; invalid UTF-8 is a usage error naming the byte offset.
fn read_text(path: Option<&Path>, io: &mut dyn Io) -> Result<String, String> {
    let bytes = read_input(path, io)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            input_name(path),
            e.utf8_error().valid_up_to()
        )
    })
}

/// The display name of an input, for rendered output.
fn input_name(path: Option<&Path>) -> String {
    match path {
        Some(path) if path != Path::new("-") => path.display().to_string(),
        _ => "<stdin>".to_string(),
    }
}

/// An input file's name for annotations that point into files; `None` for standard input.
fn file_name(path: Option<&Path>) -> Option<String> {
    path.filter(|path| *path != Path::new("-"))
        .map(|path| path.display().to_string())
}

/// Prints an I/O or usage error and returns the usage exit code.
fn fail(io: &mut dyn Io, message: &str) -> u8 {
    io.stderr(&format!("error: {message}\n"));
    EXIT_USAGE
}

/// Exit code for a finished validation.
fn exit_for(valid: bool) -> u8 {
    if valid { EXIT_VALID } else { EXIT_INVALID }
}
