//! Reads the docs folder: where each operation is documented (`operations/*.md`) and where
//! each schema type is (`_generator/types.yaml`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::markdown::{SlugCounter, heading, heading_anchors, heading_slug};
use super::tables::{self, Table};

pub const DOCS_BASE: &str = "https://docs.mews.com/connector-api/";

/// The docs section of one operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationDocs {
    /// `operations/<page>.md` without the extension.
    pub page: String,
    pub anchor: String,
    /// The section carries a `Restricted!` notice.
    pub restricted: bool,
}

impl OperationDocs {
    pub fn url(&self) -> String {
        format!("{DOCS_BASE}operations/{}#{}", self.page, self.anchor)
    }
}

#[derive(Debug, Default)]
pub struct Docs {
    /// By operation address (`/api/connector/v1/...`).
    pub operations: HashMap<String, OperationDocs>,
    /// `_generator/types.yaml`: lower-cased schema id → (docs path without `.md`, anchor), for
    /// the ids whose anchor is a heading of that page (the file also lists types documented
    /// only inline, under anchors no page has).
    pub types: HashMap<String, (String, String)>,
    /// `deprecations/README.md`, when present.
    pub deprecations: Option<String>,
    /// The parameter tables of `operations/*.md`, page by page.
    pub tables: Vec<Table>,
}

/// Where the docs folder is read from: the file system natively, Node's `fs` in the npm CLI.
pub trait DocsFiles {
    /// The text of a file, or why it cannot be read.
    fn read_text(&mut self, path: &Path) -> Result<String, String>;
    /// The entries of a directory (any order).
    fn list(&mut self, dir: &Path) -> Result<Vec<PathBuf>, String>;
}

/// [`DocsFiles`] on the file system.
#[cfg(not(target_arch = "wasm32"))]
pub struct FileSystem;

#[cfg(not(target_arch = "wasm32"))]
impl DocsFiles for FileSystem {
    fn read_text(&mut self, path: &Path) -> Result<String, String> {
        std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))
    }

    fn list(&mut self, dir: &Path) -> Result<Vec<PathBuf>, String> {
        let entries = std::fs::read_dir(dir)
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
        Ok(entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .collect())
    }
}

impl Docs {
    /// Reads the docs folder `dir` from the file system.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load(dir: &Path) -> Result<Docs, String> {
        Docs::load_from(dir, &mut FileSystem)
    }

    /// Reads the docs folder `dir` through `files`.
    pub fn load_from(dir: &Path, files: &mut dyn DocsFiles) -> Result<Docs, String> {
        let operations_dir = dir.join("operations");
        let mut pages: Vec<_> = files
            .list(&operations_dir)?
            .into_iter()
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        pages.sort();
        let mut operations = HashMap::new();
        let mut tables = Vec::new();
        for path in pages {
            let text = files.read_text(&path)?;
            let page = path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .unwrap_or_default();
            for (address, docs) in operation_sections(page, &text) {
                operations.entry(address).or_insert(docs);
            }
            tables.extend(tables::page_tables(page, &text));
        }
        let types_path = dir.join("_generator/types.yaml");
        let mut types = match files.read_text(&types_path) {
            Ok(text) => {
                parse_types(&text).map_err(|error| format!("{}: {error}", types_path.display()))?
            }
            Err(_) => HashMap::new(),
        };
        let mut anchors: HashMap<String, HashSet<String>> = HashMap::new();
        for (path, _) in types.values() {
            if !anchors.contains_key(path) {
                let page = dir.join(format!("{path}.md"));
                let text = files.read_text(&page).unwrap_or_default();
                anchors.insert(path.clone(), heading_anchors(&text));
            }
        }
        types.retain(|_, (path, anchor)| {
            anchors
                .get(path)
                .is_some_and(|known| known.contains(anchor))
        });
        let deprecations = files.read_text(&dir.join("deprecations/README.md")).ok();
        Ok(Docs {
            operations,
            types,
            deprecations,
            tables,
        })
    }

    /// The address of the operation documented at `page#anchor`.
    pub fn operation_at(&self, page: &str, anchor: &str) -> Option<&str> {
        let mut found: Vec<&str> = self
            .operations
            .iter()
            .filter(|(_, docs)| docs.page == page && docs.anchor == anchor)
            .map(|(address, _)| address.as_str())
            .collect();
        // Deterministic when two addresses share a section.
        found.sort_unstable();
        found.first().copied()
    }

    /// Docs URL per `$defs` name, for every def that `types.yaml` places.
    pub fn type_urls(&self, defs: &BTreeMap<String, Value>) -> BTreeMap<String, String> {
        defs.iter()
            .filter_map(|(name, def)| {
                let schema_id = def.get("x-schema-id").and_then(Value::as_str);
                let (path, anchor) = self
                    .types
                    .get(&name.to_lowercase())
                    .or_else(|| schema_id.and_then(|id| self.types.get(&id.to_lowercase())))?;
                Some((name.clone(), format!("{DOCS_BASE}{path}#{anchor}")))
            })
            .collect()
    }

    /// `$defs` names that `types.yaml` places at `page#anchor` (page as in `operations/<page>.md`).
    pub fn defs_at<'d>(
        &self,
        defs: &'d BTreeMap<String, Value>,
        page: &str,
        anchor: &str,
    ) -> Vec<&'d str> {
        let path = format!("operations/{page}");
        let placed = |matches: &dyn Fn(&str) -> bool| -> Vec<&'d str> {
            defs.iter()
                .filter(|(name, def)| {
                    let schema_id = def.get("x-schema-id").and_then(Value::as_str);
                    [Some(name.as_str()), schema_id]
                        .into_iter()
                        .flatten()
                        .filter_map(|id| self.types.get(&id.to_lowercase()))
                        .any(|(type_path, type_anchor)| *type_path == path && matches(type_anchor))
                })
                .map(|(name, _)| name.as_str())
                .collect()
        };
        let exact = placed(&|type_anchor| type_anchor == anchor);
        if !exact.is_empty() {
            return exact;
        }
        // Older links name a section that has since been versioned:
        // `#reservation` is now `#reservation-ver-2017-04-12`.
        let versioned = format!("{anchor}-ver-");
        placed(&|type_anchor| type_anchor.starts_with(&versioned))
    }
}

/// The operations a generated `operations/<page>.md` documents: each `## Heading` section with
/// its `` `[PlatformAddress]/api/...` `` line.
pub fn operation_sections(page: &str, text: &str) -> Vec<(String, OperationDocs)> {
    let mut sections = Vec::new();
    let mut slugs = SlugCounter::default();
    let mut current: Option<(String, bool, Vec<String>)> = None;
    let mut in_fence = false;
    let finish = |section: Option<(String, bool, Vec<String>)>, out: &mut Vec<_>| {
        if let Some((anchor, restricted, addresses)) = section {
            for address in addresses {
                out.push((
                    address,
                    OperationDocs {
                        page: page.to_owned(),
                        anchor: anchor.clone(),
                        restricted,
                    },
                ));
            }
        }
    };
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some((level, heading)) = heading(line) {
            let slug = slugs.unique(&heading_slug(heading));
            if level == 2 {
                finish(current.take(), &mut sections);
                current = Some((slug, false, Vec::new()));
            }
            continue;
        }
        let Some((_, restricted, addresses)) = current.as_mut() else {
            continue;
        };
        let quoted = line.trim_start().trim_start_matches('>').trim();
        if quoted.starts_with('#') && quoted.contains("Restricted!") {
            *restricted = true;
        }
        if let Some(rest) = line.split("`[PlatformAddress]").nth(1) {
            let address = rest.split('`').next().unwrap_or_default().trim();
            if address.starts_with('/') {
                addresses.push(address.to_owned());
            }
        }
    }
    finish(current.take(), &mut sections);
    sections
}

/// `types: {id: {file, anchor}}` → id → (docs path relative to the docs root, anchor).
fn parse_types(text: &str) -> Result<HashMap<String, (String, String)>, String> {
    let yaml: serde_norway::Value =
        serde_norway::from_str(text).map_err(|error| format!("not valid YAML: {error}"))?;
    let Some(types) = yaml.get("types").and_then(serde_norway::Value::as_mapping) else {
        return Ok(HashMap::new());
    };
    let mut found = HashMap::new();
    for (id, place) in types {
        let (Some(id), Some(file), Some(anchor)) = (
            id.as_str(),
            place.get("file").and_then(serde_norway::Value::as_str),
            place.get("anchor").and_then(serde_norway::Value::as_str),
        ) else {
            continue;
        };
        found.insert(
            id.to_lowercase(),
            (docs_path("operations", file), anchor.to_owned()),
        );
    }
    Ok(found)
}

/// A link target relative to `folder` → path from the docs root, without `.md`.
pub fn docs_path(folder: &str, file: &str) -> String {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in file.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    parts.join("/").trim_end_matches(".md").to_owned()
}

/// Without the docs folder: the page the docs generator names after the tag, anchored at the
/// summary (`Account notes` + `Get all account notes` → `accountnotes#get-all-account-notes`).
pub fn derived_operation_docs(tag: &str, summary: &str) -> OperationDocs {
    OperationDocs {
        page: tag
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase(),
        anchor: heading_slug(summary),
        restricted: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_match_the_docs_anchors() {
        // Real headings from operations/reservations.md, and the anchors other pages link to.
        assert_eq!(
            heading_slug("Get all reservations (ver 2023-06-06)"),
            "get-all-reservations-ver-2023-06-06"
        );
        assert_eq!(
            heading_slug("~~Get all reservations (ver 2017-04-12)~~"),
            "get-all-reservations-ver-2017-04-12"
        );
        assert_eq!(
            heading_slug("Service Order Options"),
            "service-order-options"
        );
        // operations/resources.md; operations/README.md links it as `#get-resources-occupancy-state`.
        assert_eq!(
            heading_slug("Get resources&#x27; occupancy state"),
            "get-resources-occupancy-state"
        );
        assert_eq!(
            heading_slug("Fish &amp; chips &bogus; 5"),
            "fish--chips-bogus-5"
        );
        assert_eq!(heading_slug("CancellationReason"), "cancellationreason");
        assert_eq!(
            heading_slug("[Get all billing automations](x.md#y) `now`"),
            "get-all-billing-automations-now"
        );
    }

    #[test]
    fn sections_carry_address_anchor_and_restriction() {
        let page = "# Commands\n\n## Get all commands\n\n### Request\n\n`[PlatformAddress]/api/connector/v1/commands/getAll`\n\n```javascript\n# not a heading\n```\n\n#### Reservation purpose\n\n## Add payment command\n\n> ### Restricted!\n> This operation is part of a custom workflow.\n\n### Request\n\n`[PlatformAddress]/api/connector/v1/commands/addPaymentTerminal`\n\n#### Reservation purpose\n";
        let sections = operation_sections("commands", page);
        assert_eq!(
            sections,
            [
                (
                    "/api/connector/v1/commands/getAll".to_owned(),
                    OperationDocs {
                        page: "commands".to_owned(),
                        anchor: "get-all-commands".to_owned(),
                        restricted: false
                    }
                ),
                (
                    "/api/connector/v1/commands/addPaymentTerminal".to_owned(),
                    OperationDocs {
                        page: "commands".to_owned(),
                        anchor: "add-payment-command".to_owned(),
                        restricted: true
                    }
                ),
            ]
        );
    }

    #[test]
    fn defs_are_found_by_section_and_by_a_since_versioned_section() {
        let place = |anchor: &str| ("operations/reservations".to_owned(), anchor.to_owned());
        let docs = Docs {
            types: [
                (
                    "reservation".to_owned(),
                    place("reservation-ver-2023-06-06"),
                ),
                (
                    "reservationold".to_owned(),
                    place("reservation-ver-2017-04-12"),
                ),
                ("reservationprice".to_owned(), place("reservation-price")),
            ]
            .into_iter()
            .collect(),
            ..Docs::default()
        };
        let defs: BTreeMap<String, Value> = ["Reservation", "ReservationOld", "ReservationPrice"]
            .into_iter()
            .map(|name| (name.to_owned(), Value::Null))
            .collect();
        assert_eq!(
            docs.defs_at(&defs, "reservations", "reservation-price"),
            ["ReservationPrice"]
        );
        assert_eq!(
            docs.defs_at(&defs, "reservations", "reservation"),
            ["Reservation", "ReservationOld"]
        );
        assert!(docs.defs_at(&defs, "customers", "reservation").is_empty());
    }

    #[test]
    fn repeated_headings_are_numbered() {
        let mut counter = SlugCounter::default();
        assert_eq!(counter.unique("reservation-purpose"), "reservation-purpose");
        assert_eq!(
            counter.unique("reservation-purpose"),
            "reservation-purpose-1"
        );
    }

    #[test]
    fn paths_and_derived_docs() {
        assert_eq!(
            docs_path("operations", "_objects.md"),
            "operations/_objects"
        );
        assert_eq!(
            docs_path("operations", "../guidelines/pagination.md"),
            "guidelines/pagination"
        );
        let docs = derived_operation_docs("Account notes", "Get all account notes");
        assert_eq!(
            docs.url(),
            "https://docs.mews.com/connector-api/operations/accountnotes#get-all-account-notes"
        );
    }
}
