//! The CLI core (`mews_connector_validator::cli::run`) against an in-memory `Io`: everything it
//! knows of the world comes through it (the npm package's `npx` runs the same core on Node's
//! `fs`), so these cases hold for both binaries.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use mews_connector_validator::api::operations;
use mews_connector_validator::cli::{self, Io, ReadError};

#[derive(Default)]
struct MemoryIo {
    files: BTreeMap<PathBuf, Result<Vec<u8>, ReadError>>,
    stdin: Vec<u8>,
    stdout: String,
    stderr: String,
    terminal: bool,
    today: String,
}

impl Io for MemoryIo {
    fn read_file(&mut self, path: &Path) -> Result<Vec<u8>, ReadError> {
        self.files
            .get(path)
            .cloned()
            .unwrap_or(Err(ReadError::NotFound))
    }
    fn list_dir(&mut self, dir: &Path) -> Result<Vec<PathBuf>, ReadError> {
        let entries: Vec<PathBuf> = self
            .files
            .keys()
            .filter(|path| path.parent() == Some(dir))
            .cloned()
            .collect();
        if entries.is_empty() {
            return Err(ReadError::NotFound);
        }
        Ok(entries)
    }
    fn read_stdin(&mut self) -> Result<Vec<u8>, ReadError> {
        Ok(std::mem::take(&mut self.stdin))
    }
    fn stdout(&mut self, text: &str) {
        self.stdout.push_str(text);
    }
    fn stderr(&mut self, text: &str) {
        self.stderr.push_str(text);
    }
    fn stderr_is_terminal(&self) -> bool {
        self.terminal
    }
    fn today(&self) -> String {
        self.today.clone()
    }
}

fn run(io: &mut MemoryIo, args: &[&str]) -> u8 {
    cli::run(args.iter().map(OsString::from), io)
}

fn with_file(path: &str, contents: Result<Vec<u8>, ReadError>) -> MemoryIo {
    let mut io = MemoryIo {
        today: "2026-11-23".into(),
        ..MemoryIo::default()
    };
    io.files.insert(PathBuf::from(path), contents);
    io
}

#[test]
fn the_progress_bar_is_drawn_on_a_terminal_only_and_erased() {
    let har = std::fs::read("tests/data/chromium-mock-session.har").unwrap();
    let mut piped = with_file("s.har", Ok(har.clone()));
    let code = run(&mut piped, &["session", "s.har", "--format", "json"]);
    assert_eq!(piped.stderr, "");

    let mut terminal = with_file("s.har", Ok(har));
    terminal.terminal = true;
    assert_eq!(
        run(&mut terminal, &["session", "s.har", "--format", "json"]),
        code
    );
    assert!(
        terminal
            .stderr
            .starts_with("\r[##############################] 100%"),
        "{:?}",
        terminal.stderr
    );
    assert!(
        terminal.stderr.contains(" 4 calls"),
        "{:?}",
        terminal.stderr
    );
    assert!(terminal.stderr.ends_with(&format!("\r{:60}\r", "")));
    assert_eq!(
        terminal.stdout, piped.stdout,
        "stdout does not depend on the terminal"
    );
}

#[test]
fn without_date_the_evaluation_date_is_ios_today() {
    let operation = operations()
        .iter()
        .find(|op| op.discontinued.is_some() && op.example.is_some())
        .unwrap();
    let discontinued = operation.discontinued.clone().unwrap();
    let body = serde_json::to_vec(operation.example.as_ref().unwrap()).unwrap();
    let rules_on = |today: &str| {
        let mut io = with_file("body.json", Ok(body.clone()));
        io.today = today.into();
        run(
            &mut io,
            &[
                "request",
                "--address",
                &operation.address,
                "body.json",
                "--format",
                "json",
            ],
        );
        let report: serde_json::Value = serde_json::from_str(&io.stdout).unwrap();
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let before = rules_on("2000-01-01");
    let after = rules_on(&discontinued);
    assert!(
        !before.contains(&"discontinued-operation".to_string()),
        "{before:?}"
    );
    assert!(
        after.contains(&"discontinued-operation".to_string()),
        "{after:?}"
    );
}

#[test]
fn read_errors_are_named_the_same_way_everywhere() {
    for (error, reason) in [
        (ReadError::NotFound, "no such file or directory"),
        (ReadError::PermissionDenied, "permission denied"),
        (ReadError::IsADirectory, "is a directory"),
        (ReadError::Other("device on fire".into()), "device on fire"),
    ] {
        let mut io = with_file("c.json", Err(error));
        assert_eq!(run(&mut io, &["checklist", "c.json"]), 2);
        assert_eq!(io.stderr, format!("error: cannot read c.json: {reason}\n"));
        assert_eq!(io.stdout, "");
    }
    let mut io = with_file("c.json", Ok(b"{\"a\": \"\xff\"}".to_vec()));
    assert_eq!(run(&mut io, &["checklist", "c.json"]), 2);
    assert_eq!(
        io.stderr,
        "error: c.json is not UTF-8 text (invalid byte at offset 7)\n"
    );
}

#[test]
fn standard_input_is_read_for_a_dash_or_no_file() {
    for args in [&["checklist", "-"][..], &["checklist"][..]] {
        let mut io = with_file("unused", Ok(Vec::new()));
        io.stdin = std::fs::read("examples/checklist-private.json").unwrap();
        assert_eq!(run(&mut io, args), 0, "{}", io.stderr);
        assert!(io.stdout.contains("valid: 0 error(s)"), "{}", io.stdout);
    }
}

#[test]
fn help_and_version_go_to_stdout_usage_errors_to_stderr() {
    let mut io = MemoryIo::default();
    assert_eq!(run(&mut io, &["--version"]), 0);
    assert_eq!(
        io.stdout,
        format!("mews-connector-validator {}\n", env!("CARGO_PKG_VERSION"))
    );

    let mut io = MemoryIo::default();
    assert_eq!(run(&mut io, &["session", "--help"]), 0);
    assert!(
        io.stdout.contains("--checklist <CHECKLIST>"),
        "{}",
        io.stdout
    );
    assert!(
        io.stdout.contains("github"),
        "the formats are listed: {}",
        io.stdout
    );
    assert_eq!(io.stderr, "");

    let mut io = MemoryIo::default();
    assert_eq!(run(&mut io, &["request", "--deny", "no-such-rule"]), 2);
    assert!(
        io.stderr.contains("unknown rule \"no-such-rule\""),
        "{}",
        io.stderr
    );
    assert_eq!(io.stdout, "");

    let mut io = MemoryIo::default();
    assert_eq!(run(&mut io, &["request", "--format", "junit"]), 2);
    assert!(
        io.stderr.starts_with("error: invalid value 'junit' for '--format <FORMAT>'\n  [possible values: text, json, sarif, github]"),
        "{}",
        io.stderr
    );
}

#[test]
fn limit_flags_set_the_options_limits_and_are_range_checked() {
    let address = "/api/connector/v1/countries/getAll";
    let findings = |args: &[&str], body: &str| {
        let mut io = with_file("body.json", Ok(body.as_bytes().to_vec()));
        let mut all = vec![
            "request",
            "--address",
            address,
            "--format",
            "json",
            "body.json",
        ];
        all.extend_from_slice(args);
        let code = run(&mut io, &all);
        let report: serde_json::Value = serde_json::from_str(&io.stdout).unwrap();
        let rules: Vec<String> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect();
        (code, rules)
    };
    let nested = r#"{"Unknown": [[[1]]]}"#;
    assert!(
        !findings(&[], nested)
            .1
            .contains(&"nesting-too-deep".to_string())
    );
    assert_eq!(
        findings(&["--max-depth", "3"], nested),
        (1, vec!["nesting-too-deep".to_string()])
    );
    assert_eq!(
        findings(&["--max-input-bytes", "19"], nested),
        (1, vec!["input-too-large".to_string()])
    );
    let many = r#"{"A": 1, "B": 2, "C": 3, "D": 4}"#;
    let (_, capped) = findings(&["--max-diagnostics", "2"], many);
    assert_eq!(capped.len(), 3, "{capped:?}");
    assert_eq!(capped[2], "too-many-diagnostics");
    for (flag, value) in [
        ("--max-depth", "128"),
        ("--max-depth", "0"),
        ("--max-diagnostics", "100001"),
        ("--max-input-bytes", "0"),
    ] {
        let mut io = with_file("body.json", Ok(nested.as_bytes().to_vec()));
        let code = run(
            &mut io,
            &["request", "--address", address, flag, value, "body.json"],
        );
        assert_eq!(code, 2, "{flag} {value}");
        assert!(
            io.stderr
                .contains(&format!("invalid value '{value}' for '{flag}")),
            "{}",
            io.stderr
        );
    }
}
