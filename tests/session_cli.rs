//! The `session` and `checklist` subcommands: formats and exit codes (0 ready/valid, 1 errors,
//! 2 usage or I/O).

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn checklist_exit_codes() {
    let (code, stdout, _) = run(&["checklist", "examples/checklist-private.json"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("valid: 0 error(s)"), "{stdout}");

    let dir = std::env::temp_dir().join(format!("mcv-checklist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"integrationKind\": \"private\"}").unwrap();
    let (code, stdout, _) = run(&["checklist", broken.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["valid"], false);

    std::fs::remove_dir_all(&dir).unwrap();

    let (code, _, stderr) = run(&["checklist", "does/not/exist.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"), "{stderr}");
}

#[test]
fn session_formats_and_exit_codes() {
    let har = "tests/data/chromium-mock-session.har";
    // The recording's two requests miss required properties (errors), one operation never
    // succeeds (a warning), and it uses the docs' demo tokens (hints): not ready, exit 1.
    let (code, stdout, stderr) = run(&["session", har, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report["valid"], false);
    assert_eq!(report["verdict"], "not-ready");
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "demo-token",
            "demo-token",
            "missing-required",
            "missing-required",
            "operation-always-failing"
        ]
    );
    assert_eq!(report["summary"]["calls"], 4);
    assert!(
        stderr.is_empty(),
        "no progress bar when stderr is not a terminal: {stderr}"
    );

    let (code, stdout, _) = run(&[
        "session",
        har,
        "--checklist",
        "examples/checklist-public.json",
        "--format",
        "markdown",
    ]);
    assert_eq!(
        code, 1,
        "resources/update is never called, so the session is not ready"
    );
    assert!(stdout.contains("# Certification readiness"), "{stdout}");
    assert!(stdout.contains("operation-not-tested"), "{stdout}");

    let (code, stdout, _) = run(&["session", har, "--format", "text"]);
    assert_eq!(
        stdout.lines().last(),
        Some("not ready: 2 errors, 1 warnings, 2 infos"),
        "{stdout}"
    );
    assert_eq!(code, 1);

    let (code, _, _) = run(&["session", har, "--checklist", "missing.json"]);
    assert_eq!(code, 2);
}
