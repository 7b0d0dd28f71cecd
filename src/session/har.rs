//! HAR 1.2 reader (Chromium/Firefox devtools, Playwright, Charles, mitmproxy exports) that streams
//! `log.entries`: each entry is borrowed from the text as a raw slice, decoded into the few fields
//! the review needs, handed on and dropped, so memory stays bounded whatever the file size.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::call::Exchange;
use super::reader::{Item, ReadError};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    started_date_time: String,
    #[serde(default)]
    time: Option<f64>,
    request: Request,
    #[serde(default)]
    response: Option<Response>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Request {
    #[serde(default)]
    method: String,
    url: String,
    #[serde(default)]
    post_data: Option<PostData>,
}

#[derive(Deserialize)]
struct PostData {
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
struct Response {
    #[serde(default)]
    status: i64,
    #[serde(default)]
    headers: Vec<Header>,
}

#[derive(Deserialize)]
struct Header {
    name: String,
    value: String,
}

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
        Err(error) => Err(ReadError::from_json(text, &error, "The HAR file is not valid JSON")),
        Ok(()) if !reader.found_entries => Err(ReadError {
            offset: 0,
            message: "Found no `log.entries` array; expected a HAR 1.2 file ({\"log\": {\"entries\": [...]}}) or NDJSON.".into(),
        }),
        Ok(()) => Ok(()),
    }
}

struct Reader<'a, 'de> {
    text: &'de str,
    sink: &'a mut dyn FnMut(Item),
    found_entries: bool,
}

impl Reader<'_, '_> {
    fn entry(&mut self, index: usize, raw: &RawValue) {
        // The raw slice points into `text`: its address difference is the entry's byte offset.
        let offset = (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let pointer = format!("/log/entries/{index}");
        let item = match serde_json::from_str::<Entry>(raw.get()) {
            Ok(entry) => Item::Exchange(exchange(entry, offset, pointer)),
            Err(error) => Item::Unreadable {
                offset,
                pointer,
                message: format!("HAR entry {index} is not a usable HAR 1.2 entry: {error}."),
            },
        };
        (self.sink)(item);
    }
}

fn exchange(entry: Entry, offset: usize, pointer: String) -> Exchange {
    let (status, retry_after) = match entry.response {
        Some(response) => (
            u16::try_from(response.status).unwrap_or(0),
            response
                .headers
                .into_iter()
                .find(|h| h.name.eq_ignore_ascii_case("retry-after"))
                .map(|h| h.value),
        ),
        None => (0, None),
    };
    Exchange {
        offset,
        pointer,
        method: entry.request.method,
        url: entry.request.url,
        started: entry.started_date_time,
        body: entry
            .request
            .post_data
            .and_then(|p| p.text)
            .unwrap_or_default(),
        status,
        retry_after,
        duration_ms: entry
            .time
            .filter(|t| t.is_finite() && *t > 0.0)
            .unwrap_or(0.0),
    }
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
            if key == "log" {
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
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LogSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a HAR `log` object with `entries`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "entries" {
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
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EntriesSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of HAR entries")
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
