//! `validate_request` on a small (docs example), a ~100 KB and a ~1 MB body; the first-call
//! (compile) cost; and, measured in the same run, the peer: a bare `jsonschema` validator on a
//! `serde_json::from_str` value (what a partner with Ajv-like tooling would run).
//!
//! Run: `cargo bench --bench validate`

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use mews_connector_validator::api::{Operation, catalog, schemas};
use mews_connector_validator::pipeline;
use mews_connector_validator::source::Document;
use mews_connector_validator::{Options, Severity};
use serde_json::Value;

fn errors(op: &Operation, text: &str) -> usize {
    pipeline::validate_request(&op.address, text, &Options::default())
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// A valid docs example with a root array of objects that has no item limit, so it can grow.
/// Chosen with the peer validator so that the engine's first call below is really its first.
fn subject(registry: &jsonschema::Registry<'static>) -> (&'static Operation, Value, String) {
    for op in mews_connector_validator::operations() {
        let Some(example) = op.example.as_ref().filter(|e| e.is_object()) else {
            continue;
        };
        let Some(request) = &op.request else { continue };
        if !peer_validator(registry, &request.def).is_valid(example) {
            continue;
        }
        let Some(properties) = catalog::bundle()
            .pointer(&format!("/$defs/{}/properties", request.def))
            .and_then(Value::as_object)
        else {
            continue;
        };
        let growable = example
            .as_object()
            .into_iter()
            .flatten()
            .find(|(name, value)| {
                value
                    .as_array()
                    .and_then(|a| a.first())
                    .is_some_and(Value::is_object)
                    && properties
                        .get(*name)
                        .is_some_and(|schema| !schema.to_string().contains("maxItems"))
            });
        if let Some((name, _)) = growable {
            // The docs' sample `Client` name is refused (`client-not-unique`): send a unique one.
            let mut example = example.clone();
            example["Client"] = "Brightkeep Housekeeping 3.2.0".into();
            return (op, example, name.clone());
        }
    }
    panic!("no docs example with an unbounded array of objects");
}

/// The example with its array grown until the body is about `bytes` long.
fn grown(example: &Value, array: &str, bytes: usize) -> String {
    let mut body = example.clone();
    let item = body[array][0].clone();
    let item_len = item.to_string().len() + 1;
    let count = bytes.saturating_sub(example.to_string().len()) / item_len;
    body[array] = Value::Array(vec![item; count.max(1)]);
    body.to_string()
}

fn peer_registry() -> jsonschema::Registry<'static> {
    jsonschema::Registry::new()
        .add(catalog::BUNDLE_ID, catalog::bundle())
        .unwrap()
        .prepare()
        .unwrap()
}

fn peer_validator(registry: &jsonschema::Registry<'static>, def: &str) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .with_registry(registry)
        .build(&serde_json::json!({"$ref": format!("{}#/$defs/{def}", catalog::BUNDLE_ID)}))
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let registry = peer_registry();
    let (op, example, array) = subject(&registry);
    // First call: registers the bundle and compiles this operation's validator.
    let started = Instant::now();
    black_box(pipeline::validate_request(
        &op.address,
        "{}",
        &Options::default(),
    ));
    println!(
        "first call (compile) for {}: {:?}",
        op.address,
        started.elapsed()
    );
    let def = &op.request.as_ref().unwrap().def;
    c.bench_function("compile one operation's validator", |b| {
        b.iter(|| schemas::compile(black_box(def)).is_ok())
    });
    let peer = peer_validator(&registry, def);
    let bodies = [
        ("small", example.to_string()),
        ("100KB", grown(&example, &array, 100 * 1024)),
        ("1MB", grown(&example, &array, 1024 * 1024)),
    ];
    for (label, text) in &bodies {
        assert_eq!(errors(op, text), 0, "{label} body must be valid");
        assert!(peer.is_valid(&serde_json::from_str::<Value>(text).unwrap()));
        let mut group = c.benchmark_group(format!("{label} ({} bytes)", text.len()));
        group.bench_function("validate_request", |b| {
            b.iter(|| pipeline::validate_request(&op.address, black_box(text), &Options::default()))
        });
        group.bench_function("peer: serde_json + jsonschema", |b| {
            b.iter(|| {
                let value: Value = serde_json::from_str(black_box(text)).unwrap();
                peer.validate(&value).is_ok()
            })
        });
        // Where our time goes: the position-keeping parse that every diagnostic needs.
        group.bench_function("of which: Document::parse", |b| {
            b.iter(|| Document::parse(black_box(text)).is_ok())
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
