//! What pagination needs of a call: the request's `Limitation` (its `Count`, its `Cursor`, and
//! the rest of the body as a key: the same data fetched again) and what a recorded response
//! page shows (its `Cursor` and how many items its longest list holds). Response lists are
//! counted, not kept: a page of 1000 reservations costs no memory.

use std::fmt;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// A paginated request (a body with a `Limitation` object).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// Hash of the address and the body without `Limitation`: requests for the same data.
    pub data: u64,
    /// Hash of `Limitation.Cursor`; none for the first page.
    pub cursor: Option<u64>,
    /// `Limitation.Count`, when a positive whole number.
    pub count: Option<u64>,
}

/// A recorded response page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageResponse {
    /// Hash of the response's `Cursor`; none when null or absent (no more data).
    pub cursor: Option<u64>,
    /// Items in the longest top-level list.
    pub items: u64,
}

/// Hash of a text, stable within one review (`DefaultHasher::new` has fixed keys).
pub fn hash_text(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The pagination of a request body, when it has a `Limitation` object.
pub fn request(address: &str, body: &str) -> Option<PageRequest> {
    if !body.contains("\"Limitation\"") {
        return None;
    }
    let mut body: serde_json::Map<String, Value> = serde_json::from_str(body).ok()?;
    let Some(Value::Object(limitation)) = body.remove("Limitation") else {
        return None;
    };
    let cursor = match limitation.get("Cursor") {
        Some(Value::String(cursor)) => Some(hash_text(cursor)),
        _ => None,
    };
    let count = limitation
        .get("Count")
        .and_then(Value::as_u64)
        .filter(|&c| c > 0);
    // serde_json's map is ordered by key: equal bodies serialize equally.
    let rest = Value::Object(body).to_string();
    Some(PageRequest {
        data: hash_text(&format!("{address}\n{rest}")),
        cursor,
        count,
    })
}

/// The page a response body shows: a JSON object's `Cursor` and longest top-level list.
pub fn response(body: &str) -> Option<PageResponse> {
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let page = PageSeed.deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(page)
}

struct PageSeed;

impl<'de> DeserializeSeed<'de> for PageSeed {
    type Value = PageResponse;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<PageResponse, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PageSeed {
    type Value = PageResponse;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a response object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageResponse, A::Error> {
        let mut page = PageResponse {
            cursor: None,
            items: 0,
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "Cursor" {
                page.cursor = map
                    .next_value::<Option<String>>()?
                    .as_deref()
                    .map(hash_text);
            } else {
                page.items = page.items.max(map.next_value_seed(ListLength)?);
            }
        }
        Ok(page)
    }
}

/// The length of a list; 0 for any other value.
struct ListLength;

impl<'de> DeserializeSeed<'de> for ListLength {
    type Value = u64;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u64, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ListLength {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<u64, A::Error> {
        let mut items = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            items += 1;
        }
        Ok(items)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<u64, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(0)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<u64, E> {
        Ok(0)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<u64, E> {
        Ok(0)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<u64, E> {
        Ok(0)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<u64, E> {
        Ok(0)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<u64, E> {
        Ok(0)
    }
    fn visit_unit<E: de::Error>(self) -> Result<u64, E> {
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_page_is_keyed_by_its_data_not_its_limitation() {
        let first = request(
            "/a",
            r#"{"AccessToken": "T", "ServiceIds": ["S"], "Limitation": {"Count": 100}}"#,
        )
        .unwrap();
        let next = request(
            "/a",
            r#"{"Limitation": {"Count": 100, "Cursor": "c1"}, "ServiceIds": ["S"], "AccessToken": "T"}"#,
        )
        .unwrap();
        assert_eq!(first.data, next.data);
        assert_eq!((first.cursor, first.count), (None, Some(100)));
        assert_eq!(next.cursor, Some(hash_text("c1")));
        let other = request(
            "/a",
            r#"{"AccessToken": "T", "ServiceIds": ["X"], "Limitation": {"Count": 100}}"#,
        )
        .unwrap();
        assert_ne!(first.data, other.data);
        assert_ne!(request("/b", r#"{"Limitation": {}}"#).unwrap().data, {
            request("/a", r#"{"Limitation": {}}"#).unwrap().data
        });
        assert_eq!(request("/a", r#"{"Limitation": null}"#), None);
        assert_eq!(request("/a", "not json \"Limitation\""), None);
    }

    #[test]
    fn a_response_page_counts_its_longest_list() {
        let page = response(
            r#"{"Reservations": [{"Id": 1}, {"Id": 2}], "Customers": [1], "Cursor": "c2", "X": {"Y": [1, 2, 3]}}"#,
        )
        .unwrap();
        assert_eq!(page.items, 2);
        assert_eq!(page.cursor, Some(hash_text("c2")));
        // Only arrays are lists: an object or a scalar member counts no items.
        let last =
            response(r#"{"Reservations": [], "Total": {"Count": 9}, "Rate": 1.5, "Name": "x", "Cursor": null, "HasMore": true, "Page": 3, "Delta": -1, "Note": null}"#)
                .unwrap();
        assert_eq!((last.cursor, last.items), (None, 0));
        assert_eq!(response("[1, 2]"), None);
        assert_eq!(response(""), None);
    }
}
