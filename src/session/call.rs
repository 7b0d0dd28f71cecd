//! One recorded HTTP exchange as both readers deliver it, and the parsing of its times.

use jiff::Timestamp;

/// One recorded exchange, before it is known to be a Connector API call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exchange {
    /// Byte offset of the entry (HAR) or line (NDJSON) in the recording.
    pub offset: usize,
    /// JSON Pointer of the entry in a HAR (`/log/entries/3`); empty for NDJSON.
    pub pointer: String,
    pub method: String,
    pub url: String,
    /// When the request was sent, as recorded (RFC 3339).
    pub started: String,
    pub body: String,
    /// Response status; 0 when there was no response.
    pub status: u16,
    /// The response's `Retry-After` header, when present.
    pub retry_after: Option<String>,
    /// Time from sending to the complete response as recorded, 0 when not (HAR writes -1 for
    /// unknown): read it through [`bounded_millis`].
    pub duration_ms: f64,
    /// The response body as recorded (HAR `response.content.text`, decoded when base64-encoded,
    /// NDJSON `response`); empty when not recorded. HAR responses are read for Connector API calls only.
    pub response: String,
}

/// An RFC 3339 date-time as milliseconds since the Unix epoch. RFC 3339 allows any number of
/// second-fraction digits; digits past the nanoseconds (the parser's limit) are dropped.
pub fn epoch_millis(text: &str) -> Option<i64> {
    let text = text.trim();
    let parsed = match text.find('.') {
        Some(dot) => {
            let digits = text[dot + 1..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            if digits > NANOSECOND_DIGITS {
                let offset = &text[dot + 1 + digits..];
                format!("{}{offset}", &text[..=dot + NANOSECOND_DIGITS]).parse::<Timestamp>()
            } else {
                text.parse::<Timestamp>()
            }
        }
        None => text.parse::<Timestamp>(),
    };
    parsed.ok().map(|at| at.as_millisecond())
}

const NANOSECOND_DIGITS: usize = 9;

/// True when `text` is a well-formed RFC 3339 date-time that [`epoch_millis`] cannot place: an
/// instant past 9999-12-30 (where the time library ends), so a message must not call it malformed.
pub fn beyond_range(text: &str) -> bool {
    jiff::fmt::temporal::Pieces::parse(text.trim())
        .is_ok_and(|pieces| pieces.time().is_some() && pieces.offset().is_some())
}

/// A recorded value as a message quotes it: control characters escaped (an ANSI escape sequence
/// in a URL must not reach a terminal), and at most [`QUOTED_CHARS`] characters.
pub fn quoted(value: &str) -> String {
    let mut shown = String::new();
    for (index, c) in value.chars().enumerate() {
        if index == QUOTED_CHARS {
            shown.push('…');
            break;
        }
        if c.is_control() {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    shown
}

/// Longest recorded value a message quotes whole.
const QUOTED_CHARS: usize = 80;

/// Longest duration a recording is taken to mean: a day. Recorded durations and `Retry-After`
/// values beyond it (`1e300`) are nonsense that must not overflow the timing arithmetic.
const MAX_MILLIS: f64 = 86_400_000.0;

/// A recorded number of milliseconds, rounded and bounded to `0..=MAX_MILLIS` (NaN is 0).
pub fn bounded_millis(millis: f64) -> i64 {
    // `as` saturates and maps NaN to 0; the clamp keeps sums of such values far from overflow.
    millis.round().clamp(0.0, MAX_MILLIS) as i64
}

/// How long a `Retry-After` value asks to wait, in milliseconds, counted from `response_ms`:
/// delta-seconds, or an HTTP-date.
pub fn retry_after_millis(value: &str, response_ms: i64) -> Option<i64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| bounded_millis(seconds * 1000.0));
    }
    let at = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(value)
        .ok()?;
    Some(bounded_millis(
        at.as_millisecond().saturating_sub(response_ms) as f64,
    ))
}

/// The host and path of a URL (`https://host:port/path?query` or a bare `/path`).
pub fn host_and_path(url: &str) -> (&str, &str) {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = if url.contains("://") {
        rest.split_once('/')
            .map_or((rest, ""), |(host, _)| (host, &rest[host.len()..]))
    } else {
        ("", rest)
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.split(':').next().unwrap_or_default();
    (host, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_har_and_ndjson_times() {
        assert_eq!(epoch_millis("1970-01-01T00:00:01.500Z"), Some(1500));
        assert_eq!(epoch_millis("1970-01-01T01:00:01.000+01:00"), Some(1000));
        assert_eq!(
            epoch_millis("2026-11-23T14:00:00.1234567Z").map(|ms| ms % 1000),
            Some(123)
        );
        assert_eq!(epoch_millis("yesterday"), None);
        assert_eq!(epoch_millis("9999-12-31T23:59:59Z"), None);
        assert!(beyond_range("9999-12-31T23:59:59Z"));
        assert!(!beyond_range("9999-12-31T23:59:59") && !beyond_range("9999-13-31T23:59:59Z"));
        for many_digits in [
            "2026-11-23T10:00:00.123456789Z",
            "2026-11-23T10:00:00.1234567891234Z",
            "2026-11-23T11:00:00.12345678901234567890+01:00",
        ] {
            assert_eq!(
                epoch_millis(many_digits),
                Some(1_795_428_000_123),
                "{many_digits}"
            );
        }
        assert_eq!(epoch_millis("2026-11-23T10:00:00.Z"), None);
    }

    #[test]
    fn quoted_values_escape_control_characters_and_are_bounded() {
        assert_eq!(quoted("/api/\u{1b}[31mred"), "/api/\\u{1b}[31mred");
        assert_eq!(quoted("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(quoted(&"é".repeat(100)), format!("{}…", "é".repeat(80)));
    }

    #[test]
    fn absurd_durations_are_bounded() {
        assert_eq!(bounded_millis(1e300), 86_400_000);
        assert_eq!(bounded_millis(-5.0), 0);
        assert_eq!(bounded_millis(f64::NAN), 0);
        assert_eq!(retry_after_millis("1e300", 0), Some(86_400_000));
    }

    #[test]
    fn retry_after_takes_seconds_or_http_dates() {
        assert_eq!(retry_after_millis("5", 0), Some(5000));
        assert_eq!(retry_after_millis("0.5", 0), Some(500));
        let response = epoch_millis("2015-10-21T07:27:50Z").unwrap();
        assert_eq!(
            retry_after_millis("Wed, 21 Oct 2015 07:28:00 GMT", response),
            Some(10_000)
        );
        assert_eq!(retry_after_millis("soon", 0), None);
        assert_eq!(retry_after_millis("-3", 0), None);
    }

    #[test]
    fn splits_urls() {
        assert_eq!(
            host_and_path("https://api.mews-demo.com/api/connector/v1/bills/getAll?x=1"),
            ("api.mews-demo.com", "/api/connector/v1/bills/getAll")
        );
        assert_eq!(
            host_and_path("http://127.0.0.1:8080/api/x#f"),
            ("127.0.0.1", "/api/x")
        );
        assert_eq!(
            host_and_path("/api/connector/v1/a/b"),
            ("", "/api/connector/v1/a/b")
        );
        assert_eq!(host_and_path("https://api.mews.com"), ("api.mews.com", ""));
    }
}
