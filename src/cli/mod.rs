//! Subcommands of the CLI, one module each; shared I/O helpers here.

pub mod checklist;
pub mod diff;
pub mod operations;
pub mod options;
pub mod request;
pub mod rules;
pub mod session;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mews_connector_validator::Report;

/// Exit code when validation found no error.
pub const EXIT_VALID: u8 = 0;
/// Exit code when validation found at least one error.
pub const EXIT_INVALID: u8 = 1;
/// Exit code on usage or I/O errors.
pub const EXIT_USAGE: u8 = 2;

/// Reads a whole input: a file, or standard input for `-` or no path.
pub fn read_input(path: Option<&Path>) -> Result<Vec<u8>, String> {
    match path {
        Some(path) if path != Path::new("-") => {
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(bytes)
        }
    }
}

/// Writes a command's output to stdout. A reader that went away (`… | head`) is not an error:
/// `print!` would panic on the broken pipe.
pub fn emit(output: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
    if let Err(error) = written
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write the output: {error}");
    }
}

/// Prints an I/O or usage error and returns the usage exit code.
pub fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// Exit code for a finished validation.
pub fn exit_for(report: &Report) -> ExitCode {
    ExitCode::from(if report.valid {
        EXIT_VALID
    } else {
        EXIT_INVALID
    })
}

/// The display name of an input, for rendered output.
pub fn input_name(path: Option<&PathBuf>) -> String {
    match path {
        Some(path) if path.as_path() != Path::new("-") => path.display().to_string(),
        _ => "<stdin>".to_string(),
    }
}

/// Reads an input as UTF-8 text; invalid UTF-8 is a usage error naming the byte offset.
pub fn read_text(path: Option<&Path>) -> Result<String, String> {
    let bytes = read_input(path)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.map_or("<stdin>".into(), |p| p.display().to_string()),
            e.utf8_error().valid_up_to()
        )
    })
}
