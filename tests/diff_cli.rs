//! The `diff` subcommand: formats, scopes and exit codes (0 no breaking change for the compared
//! operations, 1 a breaking change, 2 usage or I/O error), on the real contract and an edited copy.

mod schemas_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_norway::Value as Yaml;

fn run(args: &[&Path]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_mews-connector-validator"))
        .arg("diff")
        .args(args)
        .output()
        .expect("the CLI runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn breaking_changes_of_used_operations_exit_1_and_others_0() {
    let Some(api) = schemas_support::reference_api("diff_cli") else {
        return;
    };
    let old = api.join("openapi/openapi.yaml");
    let text = std::fs::read_to_string(&old).expect("the contract");
    let mut document: Yaml = serde_norway::from_str(&text).expect("YAML");
    document["paths"]
        .as_mapping_mut()
        .expect("paths")
        .remove("/api/connector/v1/accountNotes/add")
        .expect("accountNotes/add is in the contract");
    document["components"]["schemas"]["AccountNote"]["properties"]["Content"]["type"] =
        "integer".into();
    let dir = temp_dir("diff_cli");
    let new = dir.join("openapi-edited.yaml");
    std::fs::write(&new, serde_norway::to_string(&document).expect("YAML out")).expect("write");

    let (code, stdout, stderr) = run(&[&old, &new]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("/api/connector/v1/accountNotes/add (Add account notes)\n  breaking     operation  operation removed"), "{stdout}");
    assert!(
        stdout.contains("`/AccountNotes/*/Content` type string → integer"),
        "{stdout}"
    );

    // The example checklist declares none of the edited operations.
    let checklist = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/checklist-public.json");
    let format_json = Path::new("--format=json");
    let (code, stdout, stderr) = run(&[
        &old,
        &new,
        Path::new("--checklist"),
        &checklist,
        format_json,
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["counts"]["breaking"], 0);
    assert_eq!(report["scope"]["from"], serde_json::json!(["checklist"]));
    assert_eq!(report["scope"]["operations"], 5);

    // A session that reads account notes is affected by the retyped response property.
    let session = dir.join("session.ndjson");
    std::fs::write(
        &session,
        "{\"time\": \"2026-11-23T10:00:00Z\", \"address\": \"https://api.mews-demo.com/api/connector/v1/accountNotes/getAll\", \"request\": {}, \"status\": 200}\n",
    )
    .expect("write");
    let (code, stdout, stderr) = run(&[
        &old,
        &new,
        Path::new("--session"),
        &session,
        Path::new("--format=markdown"),
    ]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.starts_with("## Connector API contract changes"),
        "{stdout}"
    );
    assert!(stdout.contains("| `/api/connector/v1/accountNotes/getAll` | breaking | response | `/AccountNotes/*/Content` type string → integer |"), "{stdout}");
    assert!(!stdout.contains("accountNotes/add"), "{stdout}");
}

#[test]
fn bad_input_is_a_usage_error() {
    let dir = temp_dir("diff_cli_bad");
    let small = dir.join("small.yaml");
    std::fs::write(
        &small,
        "openapi: 3.0.4\ninfo: {title: T, version: v1}\npaths: {}\n",
    )
    .expect("write");
    let (code, stdout, _) = run(&[&small, &small]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("No change."), "{stdout}");

    let swagger = dir.join("swagger.yaml");
    std::fs::write(&swagger, "swagger: '2.0'\n").expect("write");
    for (args, expected) in [
        (vec![dir.join("missing.yaml"), small.clone()], "cannot read"),
        (vec![small.clone(), swagger], "OpenAPI 3"),
        (
            vec![small.clone(), small.clone(), "--format=sarif".into()],
            "sarif",
        ),
        (
            vec![
                small.clone(),
                small.clone(),
                "--checklist".into(),
                small.clone(),
            ],
            "not valid JSON",
        ),
        (
            vec![
                small.clone(),
                small.clone(),
                "--docs".into(),
                dir.join("no-docs"),
            ],
            "cannot read",
        ),
    ] {
        let paths: Vec<&Path> = args.iter().map(PathBuf::as_path).collect();
        let (code, _, stderr) = run(&paths);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}
