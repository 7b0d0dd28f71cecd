//! Random mutations of the docs examples (bytes inserted, deleted or replaced, values swapped,
//! keys duplicated, deep nesting, unicode, CRLF) never panic and always give reports whose
//! positions lie inside the text, for a request body and for the same text pasted.
//! ~200 cases by default (a few seconds in debug); `PROPTEST_CASES=20000` runs more.

mod invariants;

use invariants::assert_inside;
use mews_connector_validator::api::operations;
use mews_connector_validator::render::text;
use mews_connector_validator::{Options, validate_input, validate_request_bytes};
use proptest::prelude::*;
use serde_json::Value;

#[derive(Debug, Clone)]
enum Shape {
    /// Swap the values of two members (by index, modulo the member count).
    SwapValues(usize, usize),
    /// Repeat a member (its key and another member's value) at the end.
    DuplicateKey(usize, usize),
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Replace(usize, u8),
    InsertText(usize, String),
    /// Deep nesting: this many arrays (or objects) around `0`, inserted as text.
    Nest(usize, bool, usize),
    Crlf,
}

fn shape() -> impl Strategy<Value = Shape> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Shape::SwapValues(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Shape::DuplicateKey(a, b)),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    let unicode = prop_oneof![
        Just("😀".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{2028}".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\\ud83d".to_string()),
        Just("\"".to_string()),
        Just("\r".to_string()),
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1..16usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), unicode).prop_map(|(at, s)| Edit::InsertText(at, s)),
        (any::<usize>(), any::<bool>(), 1..3000usize).prop_map(|(a, o, d)| Edit::Nest(a, o, d)),
        Just(Edit::Crlf),
    ]
}

fn reshape(body: &mut Value, shape: &Shape) {
    let Some(members) = body.as_object_mut() else {
        return;
    };
    let keys: Vec<String> = members.keys().cloned().collect();
    if keys.is_empty() {
        return;
    }
    let key = |i: usize| keys[i % keys.len()].clone();
    match *shape {
        Shape::SwapValues(a, b) => {
            let (a, b) = (key(a), key(b));
            let va = members[&a].clone();
            let vb = std::mem::replace(&mut members[&b], va);
            members[&a] = vb;
        }
        Shape::DuplicateKey(..) => {}
    }
}

/// The text of the body: pretty-printed, with a duplicated key when the shape asks for one.
fn text_of(body: &Value, shape: &Shape) -> String {
    let mut text = serde_json::to_string_pretty(body).unwrap_or_default();
    if let (Shape::DuplicateKey(a, b), Some(members)) = (shape, body.as_object()) {
        let keys: Vec<&String> = members.keys().collect();
        if !keys.is_empty() && text.ends_with('}') {
            let key = keys[a % keys.len()];
            let value = &members[keys[b % keys.len()]];
            text.truncate(text.len() - 1);
            text.push_str(&format!(",\n  {}: {value}\n}}", Value::from(key.as_str())));
        }
    }
    text
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match edit {
        Edit::Insert(i, inserted) => {
            let i = at(*i, bytes.len());
            bytes.splice(i..i, inserted.iter().copied());
        }
        Edit::Delete(i, n) => {
            let i = at(*i, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Edit::Replace(i, b) => {
            if !bytes.is_empty() {
                let i = i % bytes.len();
                bytes[i] = *b;
            }
        }
        Edit::InsertText(i, inserted) => {
            let i = at(*i, bytes.len());
            bytes.splice(i..i, inserted.bytes());
        }
        Edit::Nest(i, as_object, depth) => {
            let (open, close) = if *as_object {
                ("{\"a\":", "}")
            } else {
                ("[", "]")
            };
            let nested = format!("{}0{}", open.repeat(*depth), close.repeat(*depth));
            let i = at(*i, bytes.len());
            bytes.splice(i..i, nested.bytes());
        }
        Edit::Crlf => {
            let text = String::from_utf8_lossy(bytes).replace('\n', "\r\n");
            *bytes = text.into_bytes();
        }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(200)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn mutated_examples_give_located_reports(
        pick in any::<usize>(),
        shape in shape(),
        edits in proptest::collection::vec(edit(), 0..5),
    ) {
        let examples: Vec<_> = operations().iter().filter(|op| op.example.is_some()).collect();
        let op = examples[pick % examples.len()];
        let mut body = op.example.clone().unwrap_or_default();
        reshape(&mut body, &shape);
        let mut bytes = text_of(&body, &shape).into_bytes();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        let options = Options { date: Some("2026-12-01".into()), ..Options::default() };

        let report = validate_request_bytes(&op.address, &bytes, &options);
        let shown = String::from_utf8_lossy(&bytes);
        for diagnostic in &report.diagnostics {
            assert_inside(&shown, diagnostic);
        }
        prop_assert!(!text::render(&report, "body.json", &shown).is_empty());

        if let Ok(pasted) = std::str::from_utf8(&bytes) {
            let report = validate_input(pasted, Some(&op.address), &options);
            for diagnostic in &report.diagnostics {
                assert_inside(pasted, diagnostic);
            }
            let curl = format!("curl https://api.mews-demo.com{} -d '{}'", op.address, pasted.replace('\'', "'\\''"));
            let report = validate_input(&curl, None, &options);
            for diagnostic in &report.diagnostics {
                assert_inside(&curl, diagnostic);
            }
        }
    }
}
