//! HAR 1.2 reader (Chromium/Firefox devtools, Playwright, Charles, mitmproxy exports) that streams
//! `log.entries`: each entry is borrowed from the text as a raw slice, decoded into the few fields
//! the review needs, handed on and dropped, so memory stays bounded whatever the file size.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::call::Exchange;
use super::fields::{FieldError, Object, Path, offset_in};
use super::reader::{Item, ReadError};

/// Reads every entry of a HAR text, in order, into `sink`.
pub fn read(text: &str, sink: &mut dyn FnMut(Item)) -> Result<(), ReadError> {
    let mut reader = Reader {
        text,
        sink,
        found_entries: false,
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let outcome = RootSeed(&mut reader)
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end());
    match outcome {
        Err(error) if error.is_data() => Err(ReadError::at_value(text, &error)),
        Err(error) => Err(ReadError::from_json(
            text,
            &error,
            "The HAR file is not valid JSON",
        )),
        Ok(()) if !reader.found_entries => Err(ReadError {
            offset: 0,
            message: "log.entries: missing; expected a HAR 1.2 file ({\"log\": {\"entries\": [...]}}) or NDJSON.".into(),
        }),
        Ok(()) => Ok(()),
    }
}

struct Reader<'a, 'de> {
    text: &'de str,
    sink: &'a mut dyn FnMut(Item),
    found_entries: bool,
}

impl<'de> Reader<'_, 'de> {
    fn entry(&mut self, index: usize, raw: &'de RawValue) {
        let item = match exchange(self.text, raw, index) {
            Ok(exchange) => Item::Exchange(exchange),
            Err(error) => Item::Unreadable {
                offset: error.offset,
                pointer: error.pointer,
                message: format!("{}; the entry is skipped.", error.message),
            },
        };
        (self.sink)(item);
    }
}

/// The fields the review needs of entry `index`, or the first one that is missing or mistyped.
fn exchange(text: &str, raw: &RawValue, index: usize) -> Result<Exchange, FieldError> {
    let path = Path::default().key("log").key("entries").index(index);
    let pointer = path.pointer.clone();
    let entry = Object::new(text, raw, path)?;
    let started = entry.required_string(
        "startedDateTime",
        "when the request was sent (an RFC 3339 date-time string)",
    )?;
    let duration_ms = entry.number("time")?;
    let request = entry.object("request")?.ok_or_else(|| FieldError {
        offset: offset_in(text, raw),
        pointer: format!("{pointer}/request"),
        message: format!(
            "{}: missing; expected the request (an object with `method` and `url`)",
            entry.path().key("request").words
        ),
    })?;
    let method = request.string("method")?.unwrap_or_default();
    let url = request.required_string("url", "the request's URL (a string)")?;
    let body = match request.object("postData")? {
        Some(post_data) => post_data.string("text")?.unwrap_or_default(),
        None => Cow::Borrowed(""),
    };
    let (status, retry_after, content) = match entry.object("response")? {
        Some(response) => {
            let content = if method.eq_ignore_ascii_case("POST") && url.contains(CONNECTOR_PATH) {
                content_text(&response)
            } else {
                String::new()
            };
            (
                status(response.number("status")?),
                retry_after(&response)?,
                content,
            )
        }
        None => (0, None, String::new()),
    };
    Ok(Exchange {
        offset: offset_in(text, raw),
        pointer,
        method: method.into_owned(),
        url: url.into_owned(),
        started: started.into_owned(),
        body: body.into_owned(),
        status,
        retry_after,
        // Negative durations (`-1`: unknown) are bounded to 0 where they are read.
        duration_ms: duration_ms.unwrap_or(0.0),
        response: content,
    })
}

/// Only the responses of Connector API calls are kept: a browser HAR also holds scripts and pages.
const CONNECTOR_PATH: &str = "/api/connector/";

/// The response body of a HAR response (`content.text`, decoded when base64-encoded), or empty:
/// mistyped fields and base64 that is not UTF-8 text are left out rather than making the entry
/// unreadable (the review only looks at response bodies for pagination).
fn content_text(response: &Object<'_>) -> String {
    let Ok(Some(content)) = response.object("content") else {
        return String::new();
    };
    let Ok(Some(text)) = content.string("text") else {
        return String::new();
    };
    match content.string("encoding") {
        Ok(Some(encoding)) if encoding.eq_ignore_ascii_case("base64") => decoded(&text),
        _ => text.into_owned(),
    }
}

/// Base64 text as the UTF-8 text it encodes (padded or not, any line breaks ignored), or empty.
fn decoded(text: &str) -> String {
    use base64::Engine;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let compact: String = text.split_ascii_whitespace().collect();
    LENIENT
        .decode(compact)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// A recorded status as a status code; 0 (no response) when it is none.
pub fn status(recorded: Option<f64>) -> u16 {
    recorded
        .filter(|s| s.is_finite())
        .and_then(|s| u16::try_from(s as i64).ok())
        .unwrap_or(0)
}

/// The `Retry-After` header of a HAR response (`headers: [{name, value}]`).
fn retry_after(response: &Object<'_>) -> Result<Option<String>, FieldError> {
    let mut found = None;
    for (index, raw) in response
        .array("headers")?
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        let header = response.item("headers", index, raw)?;
        let name = header.required_string("name", "the header's name (a string)")?;
        let value = header.required_string("value", "the header's value (a string)")?;
        if found.is_none() && name.eq_ignore_ascii_case("retry-after") {
            found = Some(value.into_owned());
        }
    }
    Ok(found)
}

/// Rejects a value of the wrong kind with a plain message (`serde_json` adds the position).
fn wrong_kind<E: de::Error>(field: &str, expected: &str, found: &str) -> E {
    E::custom(format!(
        "{field}: expected {expected}, found {found}; a HAR 1.2 file is {{\"log\": {{\"entries\": [...]}}}}"
    ))
}

/// Visitor methods for every JSON kind but the accepted one, each a plain error naming the field.
macro_rules! reject_scalars {
    ($field:expr, $expected:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
            Err(wrong_kind($field, $expected, "a boolean"))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
            Err(wrong_kind($field, $expected, "a number"))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
            Err(wrong_kind($field, $expected, "a number"))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
            Err(wrong_kind($field, $expected, "a number"))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
            Err(wrong_kind($field, $expected, "a string"))
        }
        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            Err(wrong_kind($field, $expected, "null"))
        }
    };
}

/// The root object: only `log` is read.
struct RootSeed<'r, 'a, 'de>(&'r mut Reader<'a, 'de>);

impl<'de> DeserializeSeed<'de> for RootSeed<'_, '_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RootSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a HAR object with a `log`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "log" && !self.0.found_entries {
                map.next_value_seed(LogSeed(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `log`: only `entries` is read.
struct LogSeed<'r, 'a, 'de>(&'r mut Reader<'a, 'de>);

impl<'de> DeserializeSeed<'de> for LogSeed<'_, '_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LogSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a HAR `log` object with `entries`")
    }
    reject_scalars!("log", "an object with `entries`");
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(wrong_kind("log", "an object with `entries`", "an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "entries" && !self.0.found_entries {
                self.0.found_entries = true;
                map.next_value_seed(EntriesSeed(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `log.entries`: each element is handed on as soon as it is read.
struct EntriesSeed<'r, 'a, 'de>(&'r mut Reader<'a, 'de>);

impl<'de> DeserializeSeed<'de> for EntriesSeed<'_, '_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EntriesSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of HAR entries")
    }
    reject_scalars!("log.entries", "an array of entries");
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(wrong_kind(
            "log.entries",
            "an array of entries",
            "an object",
        ))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            self.0.entry(index, raw);
            index += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_responses_of_connector_api_posts_are_kept() {
        let entry = |method: &str, path: &str| {
            format!(
                r#"{{"startedDateTime": "2026-11-23T10:00:00Z", "request": {{"method": "{method}", "url": "https://api.mews-demo.com{path}"}}, "response": {{"status": 200, "content": {{"text": "{{}}"}}}}}}"#
            )
        };
        let text = format!(
            r#"{{"log": {{"entries": [{}, {}, {}]}}}}"#,
            entry("POST", "/api/connector/v1/configuration/get"),
            entry("GET", "/api/connector/v1/configuration/get"),
            entry("POST", "/app/main.js"),
        );
        let mut responses = Vec::new();
        read(&text, &mut |item| {
            if let Item::Exchange(exchange) = item {
                responses.push(exchange.response);
            }
        })
        .unwrap();
        // A browser HAR's pages and scripts are not held.
        assert_eq!(responses, ["{}", "", ""]);
    }

    #[test]
    fn base64_bodies_decode_padded_unpadded_and_wrapped() {
        let page = r#"{"Cursor": "c"}"#;
        assert_eq!(decoded("eyJDdXJzb3IiOiAiYyJ9"), page);
        assert_eq!(
            decoded("eyJDdXJz\r\nb3IiOiAiYyJ9\n"),
            page,
            "MIME line breaks"
        );
        assert_eq!(decoded("e30"), "{}", "without its padding");
        assert_eq!(decoded("e30="), "{}");
        assert_eq!(decoded("/w=="), "", "the byte 0xFF is no UTF-8 text");
        assert_eq!(decoded("not base64!"), "");
    }
}
