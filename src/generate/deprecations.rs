//! Parses the tables of `deprecations/README.md`.

/// One row of a deprecations table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub feature: String,
    pub comments: String,
    /// `YYYY-MM-DD`, when the cell is a date.
    pub deprecated: Option<String>,
    pub discontinued: Option<String>,
}

/// A markdown link's target, split at `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub path: String,
    pub anchor: String,
}

impl Link {
    /// `../operations/payments.md` → `payments`.
    pub fn page(&self) -> &str {
        let file = self.path.rsplit('/').next().unwrap_or_default();
        file.strip_suffix(".md").unwrap_or(file)
    }
}

/// The rows of the table under the heading whose text is `title` (`Deprecated operations`).
pub fn table(markdown: &str, title: &str) -> Vec<Row> {
    let mut lines = markdown.lines().skip_while(|line| {
        let line = line.trim();
        !(line.starts_with('#') && line.trim_start_matches('#').trim() == title)
    });
    lines.next();
    lines
        .skip_while(|line| !line.trim_start().starts_with('|'))
        .take_while(|line| line.trim_start().starts_with('|'))
        .filter_map(row)
        .collect()
}

fn row(line: &str) -> Option<Row> {
    let cells: Vec<&str> = line
        .trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split('|')
        .map(str::trim)
        .collect();
    let feature = *cells.first()?;
    // Header and the `| :-- |` separator row.
    if feature == "Feature" || feature.chars().all(|c| matches!(c, ':' | '-' | ' ')) {
        return None;
    }
    Some(Row {
        feature: feature.to_owned(),
        comments: cells.get(1).copied().unwrap_or_default().to_owned(),
        deprecated: cells.get(2).and_then(|cell| date(cell)),
        discontinued: cells.get(3).and_then(|cell| date(cell)),
    })
}

/// `10 Jan 2028` or `9th Jan 2025` → `2028-01-10`; `-`, empty or anything else → None.
pub fn date(cell: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let parts: Vec<&str> = cell.split_whitespace().collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let day: u32 = day
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()?;
    let month_prefix = month.get(..3)?.to_lowercase();
    let month = MONTHS.iter().position(|m| *m == month_prefix)? + 1;
    let year: u32 = year.parse().ok()?;
    if !(1..=31).contains(&day) || !(1000..=9999).contains(&year) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Every `[text](target)` in a cell, in order.
pub fn links(cell: &str) -> Vec<Link> {
    let mut found = Vec::new();
    let mut rest = cell;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            break;
        };
        let target_start = &after[close + 2..];
        let Some(end) = target_start.find(')') else {
            break;
        };
        let target = &target_start[..end];
        let (path, anchor) = target.split_once('#').unwrap_or((target, ""));
        found.push(Link {
            path: path.to_owned(),
            anchor: anchor.to_owned(),
        });
        rest = &target_start[end + 1..];
    }
    found
}

/// Every `` `code` `` span in `text`, in order.
pub fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The property named after `Replaced by` in a comment (`Replaced by `TemplateRateId``).
pub fn replacement_property(comments: &str) -> Option<String> {
    let after = comments.split_once("Replaced by")?.1.trim_start();
    let name = after.strip_prefix('`')?.split('`').next()?;
    Some(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = "## Deprecated operations\n\n| Feature | Comments | Deprecated | Discontinued |\n| :-- | :-- | :-- | :-- |\n| [Add credit card payment](../operations/payments.md#add-credit-card-payment) | Follow the [Payment automation use case](../use-cases/payment-automation.md) to collect | 29 Jul 2026 | 10 Jan 2028 |\n| [Get customers open items](../operations/customers.md#get-customers-open-items) | Replaced by [Get all payments](payments.md#get-all-payments) and [Get all order items](orderitems.md#get-all-order-items) | 15 Nov 2024 | - |\n| Add restrictions | Replaced by [Set restrictions](../operations/restrictions.md#set-restrictions); see [migration guide][mg-restrictions] | 21 Jun 2024 | 10 Jan 2026 |\n\n## Deprecated properties\n\n| Feature | Comments | Deprecated | Discontinued |\n| :-- | :-- | :-- | :-- |\n| `RateId` in [Availability block parameters](../operations/availabilityblocks.md#availability-block-parameters) | Replaced by `TemplateRateId` | 10 Jun 2026 | - |\n| `Extent` in [Get all services](../operations/services.md#get-all-services) | Replaced by `ActivityStates` parameter. | 15 Sep 2025 | |\n";

    #[test]
    fn reads_the_operations_table() {
        let rows = table(README, "Deprecated operations");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].deprecated.as_deref(), Some("2026-07-29"));
        assert_eq!(rows[0].discontinued.as_deref(), Some("2028-01-10"));
        assert_eq!(rows[1].discontinued, None);
        let feature = links(&rows[0].feature);
        assert_eq!(feature[0].page(), "payments");
        assert_eq!(feature[0].anchor, "add-credit-card-payment");
        let comments = links(&rows[1].comments);
        assert_eq!(comments[0].page(), "payments");
        assert_eq!(comments[0].anchor, "get-all-payments");
        assert!(links(&rows[2].feature).is_empty());
    }

    #[test]
    fn reads_the_properties_table() {
        let rows = table(README, "Deprecated properties");
        assert_eq!(rows.len(), 2);
        assert_eq!(code_spans(&rows[0].feature), ["RateId"]);
        assert_eq!(
            replacement_property(&rows[0].comments).as_deref(),
            Some("TemplateRateId")
        );
        assert_eq!(rows[1].deprecated.as_deref(), Some("2025-09-15"));
        assert_eq!(rows[1].discontinued, None);
    }

    #[test]
    fn dates_as_the_docs_write_them() {
        assert_eq!(date("9th Jan 2025").as_deref(), Some("2025-01-09"));
        assert_eq!(date("01 Dec 2022").as_deref(), Some("2022-12-01"));
        assert_eq!(date("-"), None);
        assert_eq!(date(""), None);
        assert_eq!(date("Prior to 2021"), None);
        assert_eq!(date("9th Jan 20255"), None);
        assert_eq!(date("10 Jan Feb 2025"), None);
    }
}
