//! Datetimes are ISO 8601 in UTC; intervals run forwards and stay within the operation's limit.

use jiff::Timestamp;
use jiff::civil::Date;

use super::dates::{self, Written};
use super::walker::Visit;
use super::{Findings, quoted};
use crate::rules;
use crate::source::{Node, pointer};

/// The docs' section on datetimes (the rule's own page is the serialization guideline).
const DATETIMES_DOCS: &str =
    "https://docs.mews.com/connector-api/guidelines/serialization#datetimes";

pub(super) fn check(visits: &[Visit<'_, '_>], found: &mut Findings<'_>) {
    for visit in visits {
        if visit.format() == Some("date-time")
            && let Some(text) = visit.node.as_str()
        {
            check_datetime(visits, visit, text, found);
        }
        if visit.node.members().is_empty() {
            continue;
        }
        for (start_key, end_key) in interval_pairs(visit.node) {
            check_interval_order(visits, visit, start_key, end_key, found);
        }
        if let Some(months) = visit
            .keyword("x-max-interval-in-months")
            .and_then(serde_json::Value::as_i64)
        {
            check_interval_length(visits, visit, months, found);
        }
    }
}

fn check_datetime(
    visits: &[Visit<'_, '_>],
    visit: &Visit<'_, '_>,
    text: &str,
    found: &mut Findings<'_>,
) {
    let name = visit
        .key
        .map_or_else(|| "This value".to_string(), |key| format!("`{key}`"));
    if let Written::Offset { instant, offset } = dates::classify(text) {
        let message = format!(
            "{name} is {} with offset {offset}; expected the same instant in UTC: \"{}\".",
            quoted(text),
            dates::utc_text(instant)
        );
        found.add_with_docs(
            rules::DATETIME_FORMAT,
            &visit.pointer(visits),
            visit.node.span,
            message,
            DATETIMES_DOCS,
        );
    }
}

/// Start/end members of an object: `XStartUtc`/`XEndUtc`, `Start`/`End`, and
/// `FirstTimeUnitStartUtc`/`LastTimeUnitStartUtc`.
fn interval_pairs(object: &Node) -> Vec<(&str, &str)> {
    // One set of the keys, so a huge object costs one lookup per key, not a scan.
    let keys: std::collections::HashSet<&str> =
        object.members().iter().map(|m| m.key.as_str()).collect();
    let mut pairs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for member in object.members() {
        let start = member.key.as_str();
        let candidates = [
            start
                .rsplit_once("Start")
                .map(|(head, tail)| format!("{head}End{tail}")),
            start
                .strip_prefix("First")
                .map(|rest| format!("Last{rest}")),
        ];
        for end in candidates.into_iter().flatten() {
            if let Some(&end) = keys.get(end.as_str())
                && seen.insert((start, end))
            {
                pairs.push((start, end));
            }
        }
    }
    pairs
}

/// Two ends of an interval, when both read as the same kind of point in time.
enum Ends {
    Instants(Timestamp, Timestamp),
    Dates(Date, Date),
}

fn ends(start: &Node, end: &Node) -> Option<Ends> {
    let (start, end) = (
        dates::classify(start.as_str()?),
        dates::classify(end.as_str()?),
    );
    match (start.instant(), end.instant(), start, end) {
        (Some(s), Some(e), _, _) => Some(Ends::Instants(s, e)),
        (_, _, Written::DateOnly(s), Written::DateOnly(e)) => Some(Ends::Dates(s, e)),
        _ => None,
    }
}

fn check_interval_order(
    visits: &[Visit<'_, '_>],
    visit: &Visit<'_, '_>,
    start_key: &str,
    end_key: &str,
    found: &mut Findings<'_>,
) {
    let (Some(start), Some(end)) = (visit.node.get(start_key), visit.node.get(end_key)) else {
        return;
    };
    let reversed = match ends(start, end) {
        Some(Ends::Instants(s, e)) => s > e,
        Some(Ends::Dates(s, e)) => s > e,
        None => false,
    };
    if reversed {
        let message = format!(
            "`{end_key}` {} is before `{start_key}` {}; expected the end at or after the start (swap them?).",
            shown_text(end),
            shown_text(start)
        );
        found.add(
            rules::INTERVAL_REVERSED,
            &pointer::push(&visit.pointer(visits), end_key),
            end.span,
            message,
        );
    }
}

fn shown_text(node: &Node) -> String {
    node.as_str().map(quoted).unwrap_or_default()
}

fn check_interval_length(
    visits: &[Visit<'_, '_>],
    visit: &Visit<'_, '_>,
    months: i64,
    found: &mut Findings<'_>,
) {
    let node = visit.node;
    let Some((start, end)) = [("StartUtc", "EndUtc"), ("Start", "End")]
        .into_iter()
        .find_map(|(s, e)| Some((node.get(s)?, node.get(e)?)))
    else {
        return;
    };
    let excess = match ends(start, end) {
        Some(Ends::Instants(s, e)) => dates::add_months_to_instant(s, months)
            .filter(|&limit| e > limit && s <= e)
            .map(|limit| {
                let seconds = e.as_second() - limit.as_second();
                (dates::describe_seconds(seconds), dates::utc_text(limit))
            }),
        Some(Ends::Dates(s, e)) => dates::add_months_to_date(s, months)
            .filter(|&limit| e > limit && s <= e)
            .map(|limit| {
                let days = limit.until(e).map_or(0, |span| i64::from(span.get_days()));
                (dates::describe_seconds(days * 86_400), limit.to_string())
            }),
        None => None,
    };
    if let Some((by, latest_end)) = excess {
        let name = visit.key.unwrap_or("The interval");
        let month_word = if months == 1 { "month" } else { "months" };
        let message = format!(
            "`{name}` runs from {} to {}, {by} longer than this operation allows; expected at most {months} {month_word}: an end at or before \"{latest_end}\" (split longer periods into several requests).",
            shown_text(start),
            shown_text(end)
        );
        found.add(
            rules::INTERVAL_TOO_LONG,
            &visit.pointer(visits),
            node.span,
            message,
        );
    }
}
