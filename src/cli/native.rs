//! [`Io`] on the operating system: files, standard streams, the system clock.

use std::io::{ErrorKind, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use super::{Io, ReadError};

/// Standard input, output and error of the process.
#[derive(Debug, Default)]
pub struct StdIo;

impl Io for StdIo {
    fn read_file(&mut self, path: &Path) -> Result<Vec<u8>, ReadError> {
        std::fs::read(path).map_err(read_error)
    }

    fn list_dir(&mut self, dir: &Path) -> Result<Vec<PathBuf>, ReadError> {
        let entries = std::fs::read_dir(dir).map_err(read_error)?;
        Ok(entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .collect())
    }

    fn read_stdin(&mut self) -> Result<Vec<u8>, ReadError> {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
        Ok(bytes)
    }

    /// `print!` would panic on a broken pipe (`… | head`): that one is dropped quietly.
    fn stdout(&mut self, text: &str) {
        let mut stdout = std::io::stdout().lock();
        let written = stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush());
        if let Err(error) = written
            && error.kind() != ErrorKind::BrokenPipe
        {
            self.stderr(&format!("error: cannot write the output: {error}\n"));
        }
    }

    fn stderr(&mut self, text: &str) {
        let mut stderr = std::io::stderr().lock();
        let _ = stderr
            .write_all(text.as_bytes())
            .and_then(|()| stderr.flush());
    }

    fn stderr_is_terminal(&self) -> bool {
        std::io::stderr().is_terminal()
    }

    fn today(&self) -> String {
        jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date()
            .to_string()
    }
}

fn read_error(error: std::io::Error) -> ReadError {
    match error.kind() {
        ErrorKind::NotFound => ReadError::NotFound,
        ErrorKind::PermissionDenied => ReadError::PermissionDenied,
        ErrorKind::IsADirectory => ReadError::IsADirectory,
        _ => ReadError::Other(error.to_string()),
    }
}
