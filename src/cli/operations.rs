//! `operations`: list the catalog, as an aligned table or a JSON array.

use serde_json::json;

use crate::api::{Operation, operations};

use super::Io;
use super::options::Format;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format: text or json.
    #[arg(long, default_value = "text", value_parser = super::options::formats(&[Format::Text, Format::Json]))]
    pub format: Format,
}

pub fn run(args: Args, io: &mut dyn Io) -> u8 {
    let rendered = match args.format {
        Format::Json => {
            let list: Vec<_> = operations().iter().map(entry).collect();
            serde_json::to_string_pretty(&list).unwrap_or_default()
        }
        _ => table(operations()),
    };
    io.stdout(&format!("{}\n", rendered.trim_end()));
    super::EXIT_VALID
}

fn entry(op: &Operation) -> serde_json::Value {
    json!({
        "address": op.address,
        "name": op.name,
        "operationId": op.operation_id,
        "resource": op.resource,
        "action": op.action,
        "version": op.version,
        "deprecated": op.deprecated,
        "discontinued": op.discontinued,
        "replacement": op.replacement,
        "restricted": op.restricted,
        "paginated": op.paginated,
        "docs": op.docs,
    })
}

fn flags(op: &Operation) -> String {
    let mut flags = Vec::new();
    if op.deprecated {
        flags.push(match &op.discontinued {
            Some(date) => format!("deprecated (until {date})"),
            None => "deprecated".to_string(),
        });
    }
    if op.restricted {
        flags.push("restricted".to_string());
    }
    flags.join(", ")
}

fn table(operations: &[Operation]) -> String {
    let header = ("ADDRESS", "NAME", "NOTES");
    let rows: Vec<(String, String, String)> = operations
        .iter()
        .map(|op| (op.address.clone(), op.name.clone(), flags(op)))
        .collect();
    let width = |pick: fn(&(String, String, String)) -> &String, title: &str| {
        rows.iter()
            .map(|row| pick(row).chars().count())
            .chain([title.chars().count()])
            .max()
            .unwrap_or_default()
    };
    let address_width = width(|r| &r.0, header.0);
    let name_width = width(|r| &r.1, header.1);
    let mut out = format!(
        "{:address_width$}  {:name_width$}  {}\n",
        header.0, header.1, header.2
    );
    for (address, name, notes) in &rows {
        let line = format!("{address:address_width$}  {name:name_width$}  {notes}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&format!("{} operations\n", rows.len()));
    out
}
