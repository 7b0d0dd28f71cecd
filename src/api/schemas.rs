//! Lazily compiled validators: the bundle is registered once, and each operation's request and
//! response validator is compiled on first use and reused (one `OnceLock` per operation and body).

use std::sync::OnceLock;

use jsonschema::{Draft, Registry, Validator};

use super::catalog::{self, BUNDLE_ID, Operation};
use super::plan::Plan;

/// Which body of an operation is validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Request,
    Response,
}

type Compiled = Result<Validator, String>;

/// One slot per operation, per body kind, in catalog order.
struct Slots {
    request: Vec<OnceLock<Compiled>>,
    response: Vec<OnceLock<Compiled>>,
    plans: Vec<OnceLock<Plan>>,
}

fn slots() -> &'static Slots {
    static SLOTS: OnceLock<Slots> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let count = catalog::operations().len();
        Slots {
            request: empty_slots(count),
            response: empty_slots(count),
            plans: empty_slots(count),
        }
    })
}

fn empty_slots<T>(count: usize) -> Vec<OnceLock<T>> {
    (0..count).map(|_| OnceLock::new()).collect()
}

/// The index of `operation` in the catalog: catalog references (the usual case) are found by
/// address in memory, copies by id.
fn index_of(operation: &Operation) -> Option<usize> {
    let operations = catalog::operations();
    operations
        .iter()
        .position(|op| std::ptr::eq(op, operation))
        .or_else(|| {
            operations
                .iter()
                .position(|op| op.operation_id == operation.operation_id)
        })
}

/// The certification rules' plan of an operation's request body (compiled on first use).
pub fn plan(operation: &Operation) -> Option<&'static Plan> {
    let def = def_of(operation, BodyKind::Request)?;
    let slot = slots().plans.get(index_of(operation)?)?;
    Some(slot.get_or_init(|| Plan::compile(catalog::bundle(), def)))
}

fn registry() -> Result<&'static Registry<'static>, String> {
    static REGISTRY: OnceLock<Result<Registry<'static>, String>> = OnceLock::new();
    REGISTRY
        .get_or_init(|| {
            Registry::new()
                .add(BUNDLE_ID, catalog::bundle())
                .and_then(|builder| builder.prepare())
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The `$defs` name of an operation's body schema, if it has one.
pub fn def_of(operation: &Operation, kind: BodyKind) -> Option<&str> {
    match kind {
        BodyKind::Request => operation.request.as_ref(),
        BodyKind::Response => operation.response.as_ref(),
    }
    .map(|body| body.def.as_str())
}

/// Compiles the validator of one bundle definition (not cached; see [`validator`]).
pub fn compile(def: &str) -> Compiled {
    let schema = serde_json::json!({ "$ref": format!("{BUNDLE_ID}#/$defs/{}", escape(def)) });
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .with_registry(registry()?)
        .build(&schema)
        .map_err(|e| e.to_string())
}

/// The validator of an operation's body: `None` when the operation has no such body schema,
/// `Some(Err)` when its schema does not compile.
pub fn validator(
    operation: &Operation,
    kind: BodyKind,
) -> Option<Result<&'static Validator, &'static str>> {
    let def = def_of(operation, kind)?;
    let index = index_of(operation)?;
    let table = match kind {
        BodyKind::Request => &slots().request,
        BodyKind::Response => &slots().response,
    };
    let slot = table.get(index)?;
    Some(
        slot.get_or_init(|| compile(def))
            .as_ref()
            .map_err(String::as_str),
    )
}

/// A `$defs` name as a JSON Pointer token inside a URI fragment.
fn escape(def: &str) -> String {
    def.replace('~', "~0").replace('/', "~1")
}
