//! `mews-schema-gen`: turns the Mews Connector API OpenAPI document (and, when present, the
//! docs folder) into `schemas/bundle.json`, `schemas/catalog.json` and the per-operation
//! request and response schemas (the work is in the library's `generate` module). With
//! `--typescript FILE` it writes only the npm package's TypeScript declarations, from the
//! product's own schemas in `--out`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use mews_connector_validator::generate::{
    bundle, catalog, conditions, docs, openapi, typescript, write,
};

const DEFAULT_DOCS: &str = "../shared/mews-connector-api";

/// Generates the JSON Schemas and the operation catalog from the Connector API OpenAPI document.
#[derive(Parser)]
#[command(name = "mews-schema-gen", version)]
struct Args {
    /// The OpenAPI 3.0 document (e.g. a download of https://api.mews.com/swagger/connector/swagger.yaml).
    #[arg(
        long,
        default_value = "../shared/mews-connector-api/openapi/openapi.yaml"
    )]
    openapi: PathBuf,
    /// The Connector API docs folder (MewsSystems/open-api-docs `connector-api/`). Optional:
    /// without it, docs links are derived from the tags and summaries.
    #[arg(long)]
    docs: Option<PathBuf>,
    /// Where to write `bundle.json`, `catalog.json`, `conditions-unrecognised.json`, `requests/`
    /// and `responses/`.
    #[arg(long, default_value = "schemas")]
    out: PathBuf,
    /// Also write a human-readable list of the conditions read from the docs' tables (and of
    /// the requirement sentences that are not conditions) to this file, for review.
    #[arg(long, value_name = "FILE")]
    conditions_list: Option<PathBuf>,
    /// Instead: write the TypeScript declarations of the report, readiness report, checklist and
    /// library shapes, generated from the `*.schema.json` in `--out`, to FILE (the committed one
    /// is `src/wasm/types.d.ts`). Reads no OpenAPI document.
    #[arg(long, value_name = "FILE")]
    typescript: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mews-schema-gen: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    if let Some(path) = &args.typescript {
        let declarations = typescript::generate(&args.out)?;
        std::fs::write(path, &declarations)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        eprintln!(
            "mews-schema-gen: TypeScript declarations from {} → {} ({} B)",
            args.out.display(),
            path.display(),
            declarations.len()
        );
        return Ok(());
    }
    let spec = openapi::load(&args.openapi)?;
    let docs = match &args.docs {
        Some(dir) => Some(docs::Docs::load(dir)?),
        None if Path::new(DEFAULT_DOCS).is_dir() => {
            Some(docs::Docs::load(Path::new(DEFAULT_DOCS))?)
        }
        None => {
            eprintln!(
                "mews-schema-gen: no docs folder ({DEFAULT_DOCS} is absent): docs links derived from tags, no discontinuation dates"
            );
            None
        }
    };
    let bundle = bundle::build(&spec)?;
    let extraction = docs
        .as_ref()
        .map(|docs| conditions::extract(docs, &spec, &bundle))
        .unwrap_or_default();
    let catalog = catalog::build(&spec, &bundle, docs.as_ref(), &extraction.conditions)?;
    let written = write::write_all(&args.out, &spec, &bundle, &catalog, &extraction.leftovers)?;
    report_conditions(&extraction);
    if let Some(path) = &args.conditions_list {
        std::fs::write(path, conditions::render_list(&extraction))
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    let stats = &bundle.stats;
    eprintln!(
        "mews-schema-gen: {} operations, {} defs ({} oneOf request roots, {} nested defs with optional auth, {} nullable refs, {} nullable types, {} coproducts, {} enum-typed update values, {} flattened subclasses, {} legacy-nullable, {} durations typed as date-time) → {}: bundle {} B, catalog {} B, {} operation files {} B",
        spec.operations.len(),
        bundle.defs.len(),
        bundle.one_of_requests,
        bundle.nested_auth_optional,
        stats.nullable_refs,
        stats.nullable_types,
        stats.coproducts,
        stats.typed_update_values,
        stats.inherited_objects,
        stats.legacy_nullables,
        stats.duration_formats,
        args.out.display(),
        written.bundle,
        written.catalog,
        written.operation_files,
        written.operation_bytes,
    );
    Ok(())
}

/// The conditions' counts and every requirement sentence that did not become one: a newer docs
/// copy must not drop rules unseen.
fn report_conditions(extraction: &conditions::Extraction) {
    let leftovers = &extraction.leftovers;
    eprintln!(
        "mews-schema-gen: {} conditions from the docs' tables ({}); {} unrecognised phrasings, {} unresolved rules (listed in {})",
        extraction.conditions.len(),
        conditions::summary(&extraction.conditions),
        leftovers.unrecognised.len(),
        leftovers.unresolved.len(),
        write::LEFTOVERS_FILE,
    );
    for (label, list) in [
        ("unrecognised", &leftovers.unrecognised),
        ("unresolved", &leftovers.unresolved),
    ] {
        for leftover in list {
            eprintln!(
                "  {label}: {} `{}`: {} ({})",
                leftover.docs, leftover.property, leftover.sentence, leftover.reason
            );
        }
    }
}
