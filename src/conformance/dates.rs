//! Reading datetimes as partners write them, month arithmetic, and the evaluation date, on `jiff`.

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use jiff::{Span, Timestamp};

use crate::options::parse_date;

/// What a string meant as a datetime turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Written {
    /// An instant in UTC (`Z` or `+00:00`), as the API expects.
    Utc(Timestamp),
    /// An instant with another offset (`offset` as written, e.g. `+02:00`).
    Offset { instant: Timestamp, offset: String },
    /// A date and time without any offset: which instant it is, is unknown.
    Local,
    /// A calendar date only.
    DateOnly(Date),
    /// Not a datetime at all (left to the schema's `format` check).
    Other,
}

impl Written {
    /// The instant, when the text names one.
    pub(super) fn instant(&self) -> Option<Timestamp> {
        match self {
            Written::Utc(instant) | Written::Offset { instant, .. } => Some(*instant),
            _ => None,
        }
    }
}

pub(super) fn classify(text: &str) -> Written {
    if text.len() <= 10 {
        return parse_date(text).map_or(Written::Other, Written::DateOnly);
    }
    // Bracketed time zone annotations are not ISO 8601 datetimes the API reads.
    if text.contains('[') {
        return Written::Other;
    }
    if let Ok(instant) = text.parse::<Timestamp>() {
        if text.ends_with(['Z', 'z']) || text.ends_with("+00:00") {
            return Written::Utc(instant);
        }
        // The offset starts at the last sign after the date part.
        let offset = text
            .get(10..)
            .and_then(|time| time.rfind(['+', '-']).and_then(|at| time.get(at..)))
            .unwrap_or_default()
            .to_string();
        return Written::Offset { instant, offset };
    }
    text.parse::<DateTime>()
        .map_or(Written::Other, |_| Written::Local)
}

/// A datetime as the API writes it: UTC with `Z`, fractional seconds only when present.
pub(super) fn utc_text(instant: Timestamp) -> String {
    instant.to_string()
}

/// `instant` plus whole calendar months, in UTC (the end of a short month clamps: Jan 31 + 1 month is Feb 28/29).
pub(super) fn add_months_to_instant(instant: Timestamp, months: i64) -> Option<Timestamp> {
    let span = Span::new().try_months(months).ok()?;
    let datetime = Offset::UTC.to_datetime(instant).checked_add(span).ok()?;
    Offset::UTC.to_timestamp(datetime).ok()
}

pub(super) fn add_months_to_date(date: Date, months: i64) -> Option<Date> {
    let span = Span::new().try_months(months).ok()?;
    date.checked_add(span).ok()
}

/// A positive duration in words: "31 days 4 hours", "12 minutes", "less than a second".
pub(super) fn describe_seconds(seconds: i64) -> String {
    let parts = [
        (seconds / 86_400, "day"),
        (seconds % 86_400 / 3_600, "hour"),
        (seconds % 3_600 / 60, "minute"),
        (seconds % 60, "second"),
    ];
    let words: Vec<String> = parts
        .iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, unit)| format!("{count} {unit}{}", if *count == 1 { "" } else { "s" }))
        .collect();
    if words.is_empty() {
        "less than a second".to_string()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instant(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn classifies_what_partners_write() {
        assert_eq!(
            classify("2023-03-22T12:12:00Z"),
            Written::Utc(instant("2023-03-22T12:12:00Z"))
        );
        assert_eq!(
            classify("2023-03-22T12:12:00.5+00:00"),
            Written::Utc(instant("2023-03-22T12:12:00.5Z"))
        );
        assert_eq!(
            classify("2023-03-22T07:12:00-05:00"),
            Written::Offset {
                instant: instant("2023-03-22T12:12:00Z"),
                offset: "-05:00".to_string()
            }
        );
        assert_eq!(classify("2023-03-22T07:12:00"), Written::Local);
        assert!(matches!(classify("2023-03-22"), Written::DateOnly(_)));
        for other in [
            "",
            "yesterday",
            "2023-02-30",
            "2023-03-22T25:00:00Z",
            "12:00",
            "2023-03-22T00:00:00+01:00[Europe/Prague]",
        ] {
            assert_eq!(classify(other), Written::Other, "{other}");
        }
    }

    #[test]
    fn months_clamp_at_the_end_of_short_months() {
        let end = add_months_to_instant(instant("2024-01-31T10:00:00Z"), 1).unwrap();
        assert_eq!(utc_text(end), "2024-02-29T10:00:00Z");
        let date: Date = "2023-11-30".parse().unwrap();
        assert_eq!(
            add_months_to_date(date, 3).unwrap().to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(describe_seconds(31 * 86_400), "31 days");
        assert_eq!(
            describe_seconds(86_400 + 3_600 + 61),
            "1 day 1 hour 1 minute 1 second"
        );
        assert_eq!(describe_seconds(0), "less than a second");
    }
}
