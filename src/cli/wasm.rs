//! `runCli(argv, io)`: the CLI for Node, in the wasm build with the `cli` feature (`pkg/cli/`,
//! run by the npm package's `bin`). `io` is a JS object backed by `node:fs` and `process`; this
//! module only adapts it to [`Io`], so the commands are exactly the native ones.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use wasm_bindgen::prelude::*;

use super::{Io, ReadError};

#[wasm_bindgen]
extern "C" {
    /// The JS side of [`Io`] (see `npm/bin/cli.mjs`).
    pub type CliIo;

    /// The file's bytes; throws Node's error (with `code`) when it cannot be read.
    #[wasm_bindgen(method, catch, js_name = readFile)]
    fn read_file(this: &CliIo, path: &str) -> Result<js_sys::Uint8Array, JsValue>;

    /// The names of a directory's entries (`fs.readdirSync`).
    #[wasm_bindgen(method, catch, js_name = listDir)]
    fn list_dir(this: &CliIo, path: &str) -> Result<Vec<String>, JsValue>;

    #[wasm_bindgen(method, catch, js_name = readStdin)]
    fn read_stdin(this: &CliIo) -> Result<js_sys::Uint8Array, JsValue>;

    #[wasm_bindgen(method)]
    fn stdout(this: &CliIo, text: &str);

    #[wasm_bindgen(method)]
    fn stderr(this: &CliIo, text: &str);

    #[wasm_bindgen(method, js_name = stderrIsTerminal)]
    fn stderr_is_terminal(this: &CliIo) -> bool;

    /// Today in UTC, `YYYY-MM-DD`.
    #[wasm_bindgen(method)]
    fn today(this: &CliIo) -> String;
}

/// Runs one command line (`process.argv.slice(2)`) and returns the exit code.
#[wasm_bindgen(js_name = runCli, skip_typescript)]
pub fn run_cli(argv: Vec<String>, io: &CliIo) -> u8 {
    super::run(argv.into_iter().map(OsString::from), &mut NodeIo(io))
}

struct NodeIo<'a>(&'a CliIo);

impl Io for NodeIo<'_> {
    fn read_file(&mut self, path: &Path) -> Result<Vec<u8>, ReadError> {
        // Arguments came in as JS strings, so every path is UTF-8.
        let path = path.to_string_lossy();
        self.0
            .read_file(&path)
            .map(|bytes| bytes.to_vec())
            .map_err(read_error)
    }

    fn list_dir(&mut self, dir: &Path) -> Result<Vec<PathBuf>, ReadError> {
        let names = self
            .0
            .list_dir(&dir.to_string_lossy())
            .map_err(read_error)?;
        Ok(names.into_iter().map(|name| dir.join(name)).collect())
    }

    fn read_stdin(&mut self) -> Result<Vec<u8>, ReadError> {
        self.0
            .read_stdin()
            .map(|bytes| bytes.to_vec())
            .map_err(read_error)
    }

    fn stdout(&mut self, text: &str) {
        self.0.stdout(text);
    }

    fn stderr(&mut self, text: &str) {
        self.0.stderr(text);
    }

    fn stderr_is_terminal(&self) -> bool {
        self.0.stderr_is_terminal()
    }

    fn today(&self) -> String {
        self.0.today()
    }
}

/// Node's error codes, named as the native CLI names the same `std::io::ErrorKind`s.
fn read_error(error: JsValue) -> ReadError {
    let field = |name: &str| {
        js_sys::Reflect::get(&error, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    };
    match field("code").as_deref() {
        Some("ENOENT") => ReadError::NotFound,
        Some("EACCES" | "EPERM") => ReadError::PermissionDenied,
        Some("EISDIR") => ReadError::IsADirectory,
        _ => ReadError::Other(
            field("message")
                .or_else(|| error.as_string())
                .unwrap_or_else(|| "unknown error".to_string()),
        ),
    }
}
