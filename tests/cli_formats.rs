//! The CI formats through the real binary: `--format github` (workflow-command annotations) for
//! request, response, checklist and session, `--format junit` for session; formats a command does
//! not have are usage errors; a reader that goes away (`| head`) ends the output quietly.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_mews-connector-validator");
const HAR: &str = "tests/data/chromium-mock-session.har";
const CHECKLIST: &str = "examples/checklist-public.json";

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn request_annotations_point_at_the_file_and_span() {
    let dir = std::env::temp_dir().join(format!("mcv-cli-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("notes, v1.json");
    std::fs::write(&path, "{\n  \"ActivityStates\": [\"Activ\"]\n}\n").unwrap();
    let file = path.to_str().unwrap();
    let address = "/api/connector/v1/accountNotes/getAll";
    let (code, stdout, stderr) = run(
        &[
            "request",
            "--address",
            address,
            file,
            "--format",
            "github",
            "--date",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(code, 1, "{stderr}");
    let escaped = file.replace(',', "%2C");
    let enum_line = stdout
        .lines()
        .find(|l| l.contains("title=enum-value::"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert_eq!(
        enum_line,
        format!(
            "::error file={escaped},line=2,col=22,endLine=2,endColumn=29,title=enum-value::Found \"Activ\"; expected one of \"Deleted\", \"Active\" (did you mean \"Active\"?)%0Apointer: /ActivityStates/0%0Adocs: https://docs.mews.com/connector-api/operations/_objects#activity-state"
        )
    );
    assert!(
        stdout.contains("::error file="),
        "missing tokens are errors too: {stdout}"
    );
    assert!(
        stdout.lines().last().unwrap().starts_with("invalid: "),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    // From standard input there is no file to point at: the location is in the message.
    let (code, stdout, _) = run(
        &["response", "--address", address, "--format", "github"],
        "{\"AccountNotes\": 1}",
    );
    assert_eq!(code, 1);
    assert!(stdout.starts_with("::error title="), "{stdout}");
    assert!(stdout.contains("::<stdin>:1:"), "{stdout}");
}

#[test]
fn session_annotations_and_junit_follow_the_verdict() {
    let (code, github, stderr) = run(
        &[
            "session",
            HAR,
            "--checklist",
            CHECKLIST,
            "--format",
            "github",
            "--date",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(code, 1, "{stderr}");
    let errors = github.lines().filter(|l| l.starts_with("::error ")).count();
    assert_eq!(
        github.lines().last().unwrap(),
        format!(
            "Certification readiness: not ready: {errors} errors, 1 warnings, 2 infos in 4 calls"
        )
    );
    assert!(
        github.contains(&format!("::error file={CHECKLIST},line=12,col=18,endLine=12,endColumn=54,title=operation-not-tested::")),
        "{github}"
    );
    // A finding in a call's body names the call; its lines are the body's, not the recording's.
    assert!(
        github.contains(&format!("::error file={HAR},title=missing-required::Call 1 at 2026-11-23T14:28:24.133Z to /api/connector/v1/resources/getAll, request body line 1, column 1: ")),
        "{github}"
    );

    let (code, junit, _) = run(
        &[
            "session",
            HAR,
            "--checklist",
            CHECKLIST,
            "--format",
            "junit",
            "--date",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(junit.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mews-connector-validator\" tests=\"7\" failures=\"4\" errors=\"0\">"), "{junit}");
    for (name, failed) in [
        ("/api/connector/v1/configuration/get", false),
        ("/api/connector/v1/resourceCategories/getAll", true),
        ("/api/connector/v1/resources/getAll", true),
        ("/api/connector/v1/resources/update", true),
        ("/api/connector/v1/reservations/getAll/2023-06-06", true),
    ] {
        let case = junit
            .split("<testcase ")
            .find(|case| case.starts_with(&format!("classname=\"operations\" name=\"{name}\"")))
            .unwrap_or_else(|| panic!("no test case for {name}: {junit}"));
        assert_eq!(case.contains("<failure "), failed, "{case}");
    }
    assert!(junit.contains("<property name=\"verdict\" value=\"not-ready\"/>"));
    assert!(junit.ends_with("  </testsuite>\n</testsuites>\n"));
}

#[test]
fn formats_a_command_does_not_have_are_usage_errors() {
    for (args, listed) in [
        (
            &["session", HAR, "--format", "sarif"][..],
            "text, json, markdown, github, junit",
        ),
        (
            &["checklist", CHECKLIST, "--format", "junit"][..],
            "text, json, markdown, sarif, github",
        ),
        (&["operations", "--format", "github"][..], "text, json"),
    ] {
        let (code, stdout, stderr) = run(args, "");
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(stdout, "");
        assert!(
            stderr.contains(&format!("[possible values: {listed}]")),
            "{stderr}"
        );
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    let mut child = Command::new(BIN)
        .args(["operations", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
