//! `diff`: what a newer Connector API contract changes for the operations you use. Exit codes:
//! 0 no breaking change (for the compared operations), 1 a breaking change, 2 usage or I/O error.

use std::path::{Path, PathBuf};

use super::Io;
use crate::diff::{self, Contract, Scope, render, scope};
use crate::generate::docs::{Docs, DocsFiles};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The older OpenAPI document (YAML or JSON).
    pub old: PathBuf,
    /// The newer OpenAPI document.
    pub new: PathBuf,
    /// Compare only the operations this certification checklist declares.
    #[arg(long)]
    pub checklist: Option<PathBuf>,
    /// Compare only the operations this recorded session (HAR or NDJSON) calls.
    #[arg(long)]
    pub session: Option<PathBuf>,
    /// The newer contract's docs folder (`connector-api/`): discontinuation dates, replacements.
    #[arg(long)]
    pub docs: Option<PathBuf>,
    /// The older contract's docs folder: with both, the docs' deprecation lists are compared too.
    #[arg(long)]
    pub old_docs: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

pub fn run(args: Args, io: &mut dyn Io) -> u8 {
    let report = match compare(&args, io) {
        Ok(report) => report,
        Err(message) => return super::fail(io, &message),
    };
    let output = match args.format {
        Format::Text => render::text(&report),
        Format::Markdown => render::markdown(&report),
        Format::Json => match render::json(&report) {
            Ok(json) => json,
            Err(message) => return super::fail(io, &message),
        },
    };
    io.stdout(&output);
    super::exit_for(!report.breaking())
}

fn compare(args: &Args, io: &mut dyn Io) -> Result<diff::DiffReport, String> {
    let mut contract = |path: &Path, docs: Option<&PathBuf>| {
        let docs = docs
            .map(|dir| Docs::load_from(dir, &mut IoFiles(&mut *io)))
            .transpose()?;
        Contract::from_text(&super::read_text(Some(path), io)?, docs.as_ref())
            .map_err(|error| format!("{}: {error}", path.display()))
    };
    let old = contract(&args.old, args.old_docs.as_ref())?;
    let new = contract(&args.new, args.docs.as_ref())?;
    let mut scope = Scope::default();
    if let Some(path) = &args.checklist {
        let operations = scope::checklist_operations(&super::read_text(Some(path), io)?)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        scope.from.push("checklist".to_owned());
        scope.addresses.extend(operations);
    }
    if let Some(path) = &args.session {
        let operations = scope::session_operations(&super::read_text(Some(path), io)?);
        scope.from.push("session".to_owned());
        scope.addresses.extend(operations);
    }
    let scope = (!scope.from.is_empty()).then_some(scope);
    Ok(diff::diff(&old, &new, scope.as_ref()))
}

/// The docs folder, read through the CLI's [`Io`] (the file system, or Node's `fs`).
struct IoFiles<'a>(&'a mut dyn Io);

impl DocsFiles for IoFiles<'_> {
    fn read_text(&mut self, path: &Path) -> Result<String, String> {
        super::read_text(Some(path), self.0)
    }

    fn list(&mut self, dir: &Path) -> Result<Vec<PathBuf>, String> {
        self.0
            .list_dir(dir)
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))
    }
}
