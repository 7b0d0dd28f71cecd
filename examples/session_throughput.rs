//! Throughput of the session review on a generated ~100 MB HAR (Chromium-like entries with
//! headers, request bodies and response contents), against parsing the same bytes into a
//! `serde_json::Value` in the same run. Peak memory (VmHWM) is read after each step on Linux.
//!
//! `cargo run --release --example session_throughput [MEGABYTES]`

use std::time::Instant;

use mews_connector_validator::Options;
use mews_connector_validator::session::analyze_session;

fn entry(index: usize) -> String {
    let ms = 1_795_428_000_000_i64 + index as i64 * 200;
    let started = jiff::Timestamp::from_millisecond(ms)
        .map(|t| format!("{t:.3}"))
        .unwrap_or_default();
    let (url, body) = if index % 10 == 9 {
        (
            "https://app.example/static/app.js".to_string(),
            String::new(),
        )
    } else {
        let body = serde_json::json!({
            "ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
            "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
            "Client": "Brightkeep Housekeeping 3.2.0",
            "ServiceIds": ["bd26d8db-86da-4f96-9efc-e5a4654a4a94"],
            "Limitation": { "Count": 100 }
        });
        (
            "https://api.mews-demo.com/api/connector/v1/configuration/get".to_string(),
            body.to_string(),
        )
    };
    let headers: Vec<serde_json::Value> = (0..14)
        .map(|h| serde_json::json!({"name": format!("X-Header-{h}"), "value": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"}))
        .collect();
    let content = "{\"Resources\":[".to_string()
        + &(0..12).map(|r| format!("{{\"Id\":\"{r:08}-0000-0000-0000-000000000000\",\"Name\":\"Room {r}\",\"State\":\"Clean\"}}")).collect::<Vec<_>>().join(",")
        + "]}";
    serde_json::json!({
        "startedDateTime": started,
        "time": 41.5,
        "request": {"method": "POST", "url": url, "httpVersion": "HTTP/1.1", "headers": headers, "queryString": [], "cookies": [],
            "headersSize": -1, "bodySize": body.len(), "postData": {"mimeType": "application/json", "text": body}},
        "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": headers, "cookies": [],
            "content": {"size": content.len(), "mimeType": "application/json", "text": content}, "redirectURL": "", "headersSize": -1, "bodySize": -1},
        "cache": {}, "timings": {"send": 0.1, "wait": 40.0, "receive": 1.4}
    })
    .to_string()
}

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let mut har = String::from(
        "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"generator\",\"version\":\"1\"},\"entries\":[\n",
    );
    let mut index = 0;
    while har.len() < megabytes * 1_000_000 {
        if index > 0 {
            har.push_str(",\n");
        }
        har.push_str(&entry(index));
        index += 1;
    }
    har.push_str("\n]}}\n");
    let size_mb = har.len() as f64 / 1e6;
    println!(
        "HAR: {size_mb:.1} MB, {index} entries; peak memory after generating: {:.0} MB",
        peak_memory_mb().unwrap_or(0.0)
    );

    let options = Options {
        date: Some("2026-11-23".into()),
        ..Options::default()
    };
    let started = Instant::now();
    let mut updates = 0;
    let report = analyze_session(&har, None, &options, &mut |_| updates += 1);
    let review = started.elapsed().as_secs_f64();
    println!(
        "analyze_session: {review:.2} s, {:.1} MB/s, {} calls, {} progress updates; peak memory: {:.0} MB",
        size_mb / review,
        report.summary.calls,
        updates,
        peak_memory_mb().unwrap_or(0.0)
    );

    let started = Instant::now();
    let value: serde_json::Value = serde_json::from_slice(har.as_bytes()).unwrap_or_default();
    let parse = started.elapsed().as_secs_f64();
    let entries = value["log"]["entries"].as_array().map_or(0, Vec::len);
    println!(
        "serde_json::from_slice::<Value> (peer): {parse:.2} s, {:.1} MB/s, {entries} entries; peak memory: {:.0} MB",
        size_mb / parse,
        peak_memory_mb().unwrap_or(0.0)
    );
    println!("ratio review / plain parse time: {:.2}", review / parse);

    // The request engine's share: the same number of calls validated without reading a HAR.
    let body = serde_json::from_str::<serde_json::Value>(&entry(0))
        .ok()
        .and_then(|e| {
            e["request"]["postData"]["text"]
                .as_str()
                .map(str::to_string)
        })
        .unwrap_or_default();
    let started = Instant::now();
    for _ in 0..report.summary.calls {
        mews_connector_validator::validate_request(
            "/api/connector/v1/configuration/get",
            &body,
            &options,
        );
    }
    let engine = started.elapsed().as_secs_f64();
    println!(
        "pipeline::validate_request alone, {} calls: {engine:.2} s ({:.0}% of the review)",
        report.summary.calls,
        100.0 * engine / review
    );
}
