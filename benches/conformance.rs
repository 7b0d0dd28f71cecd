//! Cost of the conformance rules (`conformance::check_request`: schema-directed walk + every
//! rule) on a ~1 MB docs-example body, against peers measured in the same run: parsing the body
//! with positions (`Document::parse`, which the rules need anyway) and the whole
//! `validate_request` (parse + schema validation + rules).
//!
//! Run: `cargo bench --bench conformance`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mews_connector_validator::Options;
use mews_connector_validator::api::Operation;
use mews_connector_validator::conformance::{self, RequestContext};
use mews_connector_validator::pipeline;
use mews_connector_validator::source::Document;
use serde_json::Value;

/// A docs example whose root holds an array of objects, grown to about `bytes`.
fn subject(bytes: usize) -> (&'static Operation, String) {
    let (op, example, array) = mews_connector_validator::operations()
        .iter()
        .filter(|op| op.address == "/api/connector/v1/reservations/add")
        .find_map(|op| {
            let example = op.example.clone()?;
            let array = example
                .as_object()?
                .iter()
                .find(|(_, v)| {
                    v.as_array()
                        .and_then(|a| a.first())
                        .is_some_and(Value::is_object)
                })
                .map(|(name, _)| name.clone())?;
            Some((op, example, array))
        })
        .expect("reservations/add has an example with an array of objects");
    let mut body = example.clone();
    let item = body[&array][0].clone();
    let count = bytes / (item.to_string().len() + 1);
    body[&array] = Value::Array(vec![item; count.max(1)]);
    (op, serde_json::to_string_pretty(&body).unwrap())
}

fn bench(c: &mut Criterion) {
    let options = Options {
        date: Some("2026-11-23".to_string()),
        ..Options::default()
    };
    let (op, body) = subject(1_000_000);
    eprintln!("body: {} bytes, {}", body.len(), op.address);
    let doc = Document::parse(&body).unwrap();
    // Warm the lazily built catalog, bundle and validator.
    black_box(pipeline::validate_request(&op.address, &body, &options));
    let mut group = c.benchmark_group("1MB");
    group.sample_size(20);
    group.bench_function("parse with positions (peer)", |b| {
        b.iter(|| Document::parse(black_box(&body)).unwrap())
    });
    group.bench_function("conformance rules", |b| {
        b.iter(|| {
            conformance::check_request(&RequestContext {
                doc: black_box(&doc),
                operation: Some(op),
                options: &options,
            })
        })
    });
    group.bench_function("validate_request (peer)", |b| {
        b.iter(|| pipeline::validate_request(&op.address, black_box(&body), &options))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
