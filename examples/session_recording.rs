//! Writes a generated recording to stdout, for measuring the session review's time and peak
//! memory on large or hostile inputs:
//!
//! `cargo run --release --example session_recording -- KIND COUNT > recording`
//! `/usr/bin/time -v target/release/mews-connector-validator session recording --format json`
//!
//! KIND: `har-empty` (COUNT entries `{}`), `har-calls` (COUNT minimal calls, 5 per second, one
//! AccessToken), `har-shuffled` (the same calls in a shuffled order), `har-addresses` (every call
//! to a different unknown address), `ndjson-calls`, `ndjson-empty` (COUNT lines `{}`).

use std::io::{BufWriter, Write};

const T0: i64 = 1_795_428_000_000;
const TOKEN: &str = "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D";

fn started(index: usize) -> String {
    jiff::Timestamp::from_millisecond(T0 + index as i64 * 200)
        .map(|t| format!("{t:.3}"))
        .unwrap_or_default()
}

fn body() -> String {
    format!(
        "{{\"ClientToken\":\"E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D\",\"AccessToken\":\"{TOKEN}\",\"Client\":\"Brightkeep Housekeeping 3.2.0\"}}"
    )
}

fn har_call(index: usize, address: &str) -> String {
    format!(
        "{{\"startedDateTime\":\"{}\",\"time\":40,\"request\":{{\"method\":\"POST\",\"url\":\"https://api.mews-demo.com{address}\",\"postData\":{{\"text\":{}}}}},\"response\":{{\"status\":200,\"headers\":[]}}}}",
        started(index),
        serde_json::to_string(&body()).unwrap_or_default()
    )
}

/// A fixed permutation of `0..count` (a linear congruential shuffle, so runs are repeatable).
fn shuffled(count: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..count).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, (state >> 33) as usize % (i + 1));
    }
    order
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_else(|| "har-calls".into());
    let count: usize = args.next().and_then(|c| c.parse().ok()).unwrap_or(100_000);
    let out = &mut BufWriter::new(std::io::stdout().lock());
    let configuration = "/api/connector/v1/configuration/get";
    let har = |out: &mut BufWriter<_>, entries: &mut dyn Iterator<Item = String>| {
        out.write_all(b"{\"log\":{\"version\":\"1.2\",\"entries\":[\n")?;
        for (i, entry) in entries.enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(entry.as_bytes())?;
        }
        out.write_all(b"\n]}}\n")
    };
    match kind.as_str() {
        "har-empty" => har(out, &mut (0..count).map(|_| "{}".to_string()))?,
        "har-calls" => har(out, &mut (0..count).map(|i| har_call(i, configuration)))?,
        "har-shuffled" => har(
            out,
            &mut shuffled(count)
                .into_iter()
                .map(|i| har_call(i, configuration)),
        )?,
        "har-addresses" => har(
            out,
            &mut (0..count).map(|i| har_call(i, &format!("/api/connector/v1/generated{i}/get"))),
        )?,
        "ndjson-calls" => {
            for i in 0..count {
                writeln!(
                    out,
                    "{{\"time\":\"{}\",\"address\":\"https://api.mews-demo.com{configuration}\",\"request\":{},\"status\":200}}",
                    started(i),
                    body()
                )?;
            }
        }
        "ndjson-empty" => {
            for _ in 0..count {
                out.write_all(b"{}\n")?;
            }
        }
        other => {
            eprintln!("unknown kind {other}");
            std::process::exit(2);
        }
    }
    out.flush()
}
