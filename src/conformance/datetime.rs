//! Datetimes are ISO 8601 in UTC; intervals run forwards and stay within the operation's limit.

use jiff::Timestamp;
use jiff::civil::Date;

use serde_json::{Map, Value};

use super::dates::{self, Written};
use super::walker::Visit;
use super::{Findings, quoted};
use crate::rules;
use crate::source::pointer;

/// The docs' section on datetimes (the rule's own page is the serialization guideline).
const DATETIMES_DOCS: &str =
    "https://docs.mews.com/connector-api/guidelines/serialization#datetimes";

pub(super) fn visit(visit: &Visit<'_>, found: &mut Findings<'_>) {
    match visit.value {
        Value::String(text) if visit.resolved.format() == Some("date-time") => {
            check_datetime(visit, text, found);
        }
        Value::Object(members) if !members.is_empty() => {
            for (start_key, end_key) in interval_pairs(members) {
                check_interval_order(visit, members, start_key, &end_key, found);
            }
            if let Some(months) = visit.resolved.max_interval_months() {
                check_interval_length(visit, members, months, found);
            }
        }
        _ => {}
    }
}

fn check_datetime(visit: &Visit<'_>, text: &str, found: &mut Findings<'_>) {
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
            &visit.pointer(),
            message,
            DATETIMES_DOCS,
        );
    }
}

/// Start/end members of an object: `XStartUtc`/`XEndUtc`, `Start`/`End`, and
/// `FirstTimeUnitStartUtc`/`LastTimeUnitStartUtc`.
fn interval_pairs(object: &Map<String, Value>) -> Vec<(&str, String)> {
    let mut pairs = Vec::new();
    for start in object.keys() {
        // A byte scan, not `rsplit_once`: it runs on every key of every object, and building a
        // substring searcher per key cost more than the rest of the rule.
        let at = start.as_bytes().windows(5).rposition(|w| w == b"Start");
        let candidates = [
            at.map(|at| format!("{}End{}", &start[..at], &start[at + 5..])),
            start
                .strip_prefix("First")
                .map(|rest| format!("Last{rest}")),
        ];
        for end in candidates.into_iter().flatten() {
            if object.contains_key(&end) {
                pairs.push((start.as_str(), end));
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

fn ends(start: &Value, end: &Value) -> Option<Ends> {
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
    visit: &Visit<'_>,
    object: &Map<String, Value>,
    start_key: &str,
    end_key: &str,
    found: &mut Findings<'_>,
) {
    let (Some(start), Some(end)) = (object.get(start_key), object.get(end_key)) else {
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
            &pointer::push(&visit.pointer(), end_key),
            message,
        );
    }
}

fn shown_text(value: &Value) -> String {
    value.as_str().map(quoted).unwrap_or_default()
}

fn check_interval_length(
    visit: &Visit<'_>,
    object: &Map<String, Value>,
    months: i64,
    found: &mut Findings<'_>,
) {
    let Some((start, end)) = [("StartUtc", "EndUtc"), ("Start", "End")]
        .into_iter()
        .find_map(|(s, e)| Some((object.get(s)?, object.get(e)?)))
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
        found.add(rules::INTERVAL_TOO_LONG, &visit.pointer(), message);
    }
}
