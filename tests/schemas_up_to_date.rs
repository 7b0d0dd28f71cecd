//! The committed schemas are what `mews-schema-gen` produces from the reference data in
//! `../shared` (or `$MEWS_SHARED_DIR`). Skips, saying so, when the reference data is absent
//! (fails instead in CI).

mod schemas_support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const REFRESH: &str = "cargo run --release --bin mews-schema-gen -- --openapi ../shared/mews-connector-api/openapi/openapi.yaml --docs ../shared/mews-connector-api --out schemas";

/// Generated file paths under `root`, relative to it: the files this generator owns.
fn generated_files(root: &Path) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    for file in [
        "bundle.json",
        "catalog.json",
        "conditions-unrecognised.json",
    ] {
        if root.join(file).is_file() {
            files.insert(file.to_owned());
        }
    }
    for folder in ["requests", "responses"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            files.insert(format!("{folder}/{}", entry.file_name().to_string_lossy()));
        }
    }
    files
}

#[test]
fn committed_schemas_match_the_generator_output() {
    let Some(api) = schemas_support::reference_api("schemas_up_to_date") else {
        return;
    };
    let (out, _) = schemas_support::generate("schemas_up_to_date", &api);
    let committed_root = schemas_support::schemas_dir();
    let generated = generated_files(&out);
    let committed = generated_files(&committed_root);
    let mut differing: Vec<String> = generated
        .union(&committed)
        .filter(|file| {
            let fresh = std::fs::read(out.join(file.as_str())).ok();
            let old = std::fs::read(committed_root.join(file.as_str())).ok();
            fresh != old
        })
        .cloned()
        .collect();
    differing.sort();
    assert!(
        differing.is_empty(),
        "schemas/ is out of date with the OpenAPI document ({} files differ: {}).\nRefresh with (see README, \"Refreshing the schemas\"):\n  {REFRESH}",
        differing.len(),
        differing
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    );
}

#[test]
fn generator_rejects_a_missing_or_broken_document_with_exit_2() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("schemas_bad_input");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let broken = dir.join("broken.yaml");
    std::fs::write(&broken, "openapi: 3.0.4\npaths:\n  /x: [").expect("write");
    let swagger2 = dir.join("swagger2.yaml");
    std::fs::write(&swagger2, "swagger: '2.0'\npaths: {}\n").expect("write");
    for (input, expected) in [
        (dir.join("missing.yaml"), "cannot read"),
        (broken, "not valid YAML"),
        (swagger2, "OpenAPI 3"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_mews-schema-gen"))
            .arg("--openapi")
            .arg(&input)
            .arg("--out")
            .arg(dir.join("out"))
            .output()
            .expect("the generator runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{}: {stderr}",
            input.display()
        );
        assert!(stderr.contains(expected), "{}: {stderr}", input.display());
    }
}
