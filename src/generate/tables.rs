//! The parameter tables (`| Property | Type | Contract | Description |`) of the docs'
//! `operations/*.md` pages, each with the section it documents.

use super::markdown::{SlugCounter, heading, heading_slug};

/// One parameter table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// `operations/<page>.md` without the extension.
    pub page: String,
    pub place: Place,
    pub rows: Vec<Row>,
}

/// The section a table documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Under `### Request` or `### Response` of an operation section (`## …`): the body of the
    /// operations at `addresses`; `anchor` is the operation section's.
    Body {
        anchor: String,
        addresses: Vec<String>,
        response: bool,
    },
    /// Under any other heading: the type documented there.
    Type { anchor: String },
}

impl Place {
    pub fn anchor(&self) -> &str {
        match self {
            Place::Body { anchor, .. } | Place::Type { anchor } => anchor,
        }
    }
}

/// One row: a property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub property: String,
    /// The contract cell says `optional` (struck through or not).
    pub optional: bool,
    pub description: String,
}

/// The operation section being read: its anchor and the addresses seen so far.
struct Operation {
    anchor: String,
    addresses: Vec<String>,
}

/// Every parameter table of a page, in page order.
pub fn page_tables(page: &str, text: &str) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut slugs = SlugCounter::default();
    let mut operation: Option<Operation> = None;
    // The nearest heading: (level, text, anchor).
    let mut nearest: Option<(usize, String, String)> = None;
    let mut in_fence = false;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some((level, title)) = heading(line) {
            let anchor = slugs.unique(&heading_slug(title));
            if level <= 2 {
                operation = (level == 2).then(|| Operation {
                    anchor: anchor.clone(),
                    addresses: Vec::new(),
                });
            }
            nearest = Some((level, title.to_owned(), anchor));
            continue;
        }
        if let Some(rest) = line.split("`[PlatformAddress]").nth(1) {
            let address = rest.split('`').next().unwrap_or_default().trim();
            if let (Some(operation), true) = (operation.as_mut(), address.starts_with('/')) {
                operation.addresses.push(address.to_owned());
            }
        }
        if !line.trim_start().starts_with('|') {
            continue;
        }
        // A table: the header row, then its other rows.
        let header = cells(line);
        let mut body = Vec::new();
        while let Some(next) = lines.next_if(|next| next.trim_start().starts_with('|')) {
            body.push(next);
        }
        let column = |name: &str| header.iter().position(|cell| cell == name);
        let (Some(property), Some(contract), Some(description)) = (
            column("Property"),
            column("Contract"),
            column("Description"),
        ) else {
            continue;
        };
        let Some((level, title, anchor)) = nearest.as_ref() else {
            continue;
        };
        let place = match (&operation, *level, title.as_str()) {
            (Some(operation), 3, "Request" | "Response") => Place::Body {
                anchor: operation.anchor.clone(),
                addresses: operation.addresses.clone(),
                response: title == "Response",
            },
            _ => Place::Type {
                anchor: anchor.clone(),
            },
        };
        let rows = body
            .into_iter()
            .filter_map(|line| {
                let cells = cells(line);
                let name = property_name(cells.get(property)?)?;
                Some(Row {
                    property: name,
                    optional: cells
                        .get(contract)?
                        .trim_start_matches('~')
                        .starts_with("optional"),
                    description: cells.get(description)?.clone(),
                })
            })
            .collect();
        tables.push(Table {
            page: page.to_owned(),
            place,
            rows,
        });
    }
    tables
}

/// The cells of a table row, trimmed. `|` inside code spans or escaped as `\|` is text.
fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut in_code = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '`' => {
                in_code = !in_code;
                cell.push(c);
            }
            '|' if !in_code => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(cell.trim().to_owned());
    }
    cells
}

/// `` `Name` `` or `` ~~`Name`~~ `` → `Name`; the separator row and odd cells → None.
fn property_name(cell: &str) -> Option<String> {
    let name = cell.split('`').nth(1)?.trim();
    let is_identifier = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    is_identifier.then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Abridged from operations/companionships.md.
    const PAGE: &str = "# Companionships\n\n## Get all companionships\n\n### Request\n\n`[PlatformAddress]/api/connector/v1/companionships/getAll`\n\n```javascript\n| not | a | table |\n```\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `ClientToken` | string | required | Token identifying the client application. |\n| `CompanionshipIds` | array of string | optional, max 1000 items | Unique identifiers of `Companionship`. Required if no other filter is provided. |\n| ~~`StartUtc`~~ | ~~string~~ | ~~optional~~ | ~~Start `a|b` \\| c.~~ |\n\n#### Companionship extent\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `Reservations` | boolean | optional | Whether the response should contain reservations. |\n\n### Response\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `Cursor` | string | optional | Unique identifier of the last returned item. |\n\n#### Companionship extent\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n";

    #[test]
    fn tables_know_their_section() {
        let tables = page_tables("companionships", PAGE);
        let places: Vec<&Place> = tables.iter().map(|table| &table.place).collect();
        let body = |response| Place::Body {
            anchor: "get-all-companionships".to_owned(),
            addresses: vec!["/api/connector/v1/companionships/getAll".to_owned()],
            response,
        };
        let extent = |anchor: &str| Place::Type {
            anchor: anchor.to_owned(),
        };
        assert_eq!(
            places,
            [
                &body(false),
                &extent("companionship-extent"),
                &body(true),
                &extent("companionship-extent-1"),
            ]
        );
        let request = &tables[0].rows;
        assert_eq!(request.len(), 3);
        assert_eq!(request[1].property, "CompanionshipIds");
        assert!(request[1].optional);
        assert_eq!(
            request[1].description,
            "Unique identifiers of `Companionship`. Required if no other filter is provided."
        );
        assert!(!request[0].optional);
        assert_eq!(request[2].property, "StartUtc");
        assert!(request[2].optional);
        assert_eq!(request[2].description, "~~Start `a|b` | c.~~");
        assert!(tables[3].rows.is_empty());
    }

    #[test]
    fn tables_of_a_page_without_operations_are_type_sections() {
        let page = "# Common objects\n\n### Time interval\n\n| Property | Type | Contract | Description |\n| :-- | :-- | :-- | :-- |\n| `StartUtc` | string | required | Start. |\n\n| Other | Table |\n| :-- | :-- |\n| x | y |\n";
        let tables = page_tables("_objects", page);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].place.anchor(), "time-interval");
        assert_eq!(tables[0].rows[0].property, "StartUtc");
    }
}
