//! Runs one benchmark workload ITERATIONS times through the public API
//! (`mews_connector_validator::validate_request`), after one warm-up pass that builds the catalog
//! and compiles the validators. Made for instruction counting: `make bench-callgrind` runs it
//! under callgrind with N and 2N iterations, so the difference is exactly N passes.
//!
//! The bodies are the ones `make bench` times in Node, written by `node bench/workloads.mjs`
//! (one generator for both) into `target/bench/` (or the folder in `BENCH_DIR`).
//!
//! `cargo run --release --example bench_workloads -- <WORKLOAD> [ITERATIONS]`
//! WORKLOAD: `docs` (a pass = each of the 200 docs examples once) or a body name of
//! `target/bench/workloads.json` (`reservations-1mb-invalid`, `small-valid`, …).

use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use mews_connector_validator::{Options, Severity, validate_request};
use serde::Deserialize;

#[derive(Deserialize)]
struct Manifest {
    date: String,
    docs: String,
    bodies: Vec<Body>,
}

#[derive(Deserialize)]
struct Body {
    name: String,
    address: String,
    file: String,
}

/// One request of a workload; a pass validates each once.
#[derive(Deserialize)]
struct Request {
    address: String,
    body: String,
}

fn read(dir: &std::path::Path, file: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(file)).map_err(|e| {
        format!(
            "{}: {e} (run `node bench/workloads.mjs` first)",
            dir.join(file).display()
        )
    })
}

fn load(dir: &std::path::Path, workload: &str) -> Result<(Manifest, Vec<Request>), String> {
    let manifest: Manifest = serde_json::from_str(&read(dir, "workloads.json")?)
        .map_err(|e| format!("workloads.json: {e}"))?;
    let requests = if workload == "docs" {
        serde_json::from_str(&read(dir, &manifest.docs)?)
            .map_err(|e| format!("{}: {e}", manifest.docs))?
    } else {
        let body = manifest
            .bodies
            .iter()
            .find(|body| body.name == workload)
            .ok_or_else(|| {
                let names: Vec<&str> = manifest.bodies.iter().map(|b| b.name.as_str()).collect();
                format!(
                    "unknown workload {workload:?}; one of: docs, {}",
                    names.join(", ")
                )
            })?;
        vec![Request {
            address: body.address.clone(),
            body: read(dir, &body.file)?,
        }]
    };
    Ok((manifest, requests))
}

/// One pass over the workload; returns the error-severity findings, so nothing is optimised away.
fn pass(requests: &[Request], options: &Options) -> usize {
    requests
        .iter()
        .map(|request| {
            let report = validate_request(&request.address, black_box(&request.body), options);
            report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
        })
        .sum()
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(workload) = args.next() else {
        eprintln!("usage: bench_workloads <WORKLOAD> [ITERATIONS]");
        return ExitCode::from(2);
    };
    let Ok(iterations) = args.next().as_deref().unwrap_or("10").parse::<usize>() else {
        eprintln!("ITERATIONS must be a whole number");
        return ExitCode::from(2);
    };
    let dir = std::env::var_os("BENCH_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench"),
        PathBuf::from,
    );
    let (manifest, requests) = match load(&dir, &workload) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("bench_workloads: {message}");
            return ExitCode::FAILURE;
        }
    };
    // The same evaluation date as the Node bench, so lifecycle rules give the same findings.
    let options = Options {
        date: Some(manifest.date),
        ..Options::default()
    };

    let errors = pass(&requests, &options);
    let started = Instant::now();
    for _ in 0..iterations {
        black_box(pass(&requests, &options));
    }
    let elapsed = started.elapsed();
    let calls = iterations * requests.len();
    eprintln!(
        "{workload}: {calls} calls in {:.3} s ({:.1} µs per call), {errors} errors per pass",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / calls.max(1) as f64
    );
    ExitCode::SUCCESS
}
