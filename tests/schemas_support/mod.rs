//! Helpers of the generator tests: the reference data next to the repository (`../shared`, or
//! `$MEWS_SHARED_DIR`), the committed schemas and the `mews-schema-gen` binary.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn shared_dir() -> PathBuf {
    std::env::var_os("MEWS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The reference `mews-connector-api/` folder. When it is absent the test is skipped, saying so,
/// except in CI (`CI` set), where the reference data must be there: the test fails.
pub fn reference_api(test: &str) -> Option<PathBuf> {
    let api = shared_dir().join("mews-connector-api");
    if api.join("openapi/openapi.yaml").is_file() {
        return Some(api);
    }
    let message = format!(
        "{test}: {} is absent (set MEWS_SHARED_DIR to the folder holding mews-connector-api/)",
        api.display()
    );
    assert!(
        std::env::var_os("CI").is_none(),
        "{message}; CI is set, so this is a failure, not a skip"
    );
    // Straight to the process's stderr: libtest captures `println!`/`eprintln!` of passing tests,
    // which would hide the skip behind an "ok".
    let _ = writeln!(std::io::stderr(), "SKIPPED: {message}");
    None
}

pub fn schemas_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas")
}

pub fn read_json(path: &Path) -> serde_json::Value {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Runs `mews-schema-gen` on the reference OpenAPI document and docs into a fresh folder
/// `target/tmp/<name>`; returns the folder and the generator's standard error.
pub fn generate(name: &str, api: &Path) -> (PathBuf, String) {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&out);
    let output = Command::new(env!("CARGO_BIN_EXE_mews-schema-gen"))
        .arg("--openapi")
        .arg(api.join("openapi/openapi.yaml"))
        .arg("--docs")
        .arg(api)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("the generator runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "mews-schema-gen failed: {}\n{stderr}",
        output.status
    );
    (out, stderr)
}
