//! Completions on real operations of the embedded catalog, typed as a partner types: incomplete.

use super::*;

const RESERVATIONS_ADD: &str = "/api/connector/v1/reservations/add";
const CUSTOMERS_GET_ALL: &str = "/api/connector/v1/customers/getAll";

/// Completions at the `|` of `marked` (which is removed), with the text.
fn at(target: Target, address: &str, marked: &str) -> (String, Completions) {
    let cursor = marked.find('|').expect("a cursor mark");
    let text = marked.replacen('|', "", 1);
    let found = completions_for(target, address, &text, cursor);
    (text, found)
}

fn labels(found: &Completions) -> Vec<&str> {
    found.items.iter().map(|item| item.label.as_str()).collect()
}

fn item<'c>(found: &'c Completions, label: &str) -> &'c Completion {
    found
        .items
        .iter()
        .find(|item| item.label == label)
        .unwrap_or_else(|| panic!("no {label} in {:?}", labels(found)))
}

#[test]
fn top_level_properties_not_yet_present() {
    let (_, found) = at(
        Target::Request,
        RESERVATIONS_ADD,
        "{\n  \"ClientToken\": \"x\",\n  |\n  \"Reservations\": []\n}",
    );
    assert_eq!(found.context, Context::Key);
    assert_eq!(found.pointer, "");
    let names = labels(&found);
    assert!(
        names.contains(&"AccessToken") && names.contains(&"ServiceId"),
        "{names:?}"
    );
    assert!(!names.contains(&"ClientToken") && !names.contains(&"Reservations"));
    let service = item(&found, "ServiceId");
    assert!(service.required);
    assert_eq!(service.detail, "string (uuid)");
    assert_eq!(service.insert, "\"ServiceId\": ");
    assert!(!item(&found, "GroupName").required);
}

#[test]
fn nested_array_items_through_refs_with_deprecated_marked() {
    // Reservations[0] is a ReservationData ($ref from the items of an array).
    let (text, found) = at(
        Target::Request,
        RESERVATIONS_ADD,
        "{\"Reservations\": [{\"StartUtc\": \"2026-01-01T00:00:00Z\", \"Adu|\": 2}]}",
    );
    assert_eq!(found.context, Context::Key);
    assert_eq!(found.pointer, "/Reservations/0");
    assert_eq!(&text[found.from..found.to], "\"Adu\"");
    let adults = item(&found, "AdultCount");
    assert!(adults.deprecated);
    assert_eq!(adults.detail, "integer");
    assert!(
        adults.info.as_deref().unwrap().contains("PersonCounts"),
        "{adults:?}"
    );
    // A colon already follows the key being replaced.
    assert_eq!(adults.insert, "\"AdultCount\"");
    assert!(!item(&found, "PersonCounts").deprecated);
    assert!(!labels(&found).contains(&"StartUtc"));
    assert_eq!(
        item(&found, "PersonCounts").detail,
        "array of ReservationPersonCount"
    );
}

#[test]
fn enum_values_through_any_of_and_array_items() {
    let (text, found) = at(
        Target::Request,
        RESERVATIONS_ADD,
        "{\"Reservations\": [{\"State\": \"Con|",
    );
    assert_eq!(found.context, Context::Value);
    assert_eq!(found.pointer, "/Reservations/0/State");
    assert_eq!(&text[found.from..found.to], "\"Con");
    assert_eq!(
        labels(&found),
        [
            "Enquired",
            "Confirmed",
            "Started",
            "Processed",
            "Canceled",
            "Optional",
            "Requested"
        ]
    );
    assert_eq!(item(&found, "Confirmed").insert, "\"Confirmed\"");
    assert_eq!(item(&found, "Confirmed").detail, "ServiceOrderStateOld");

    let (_, found) = at(
        Target::Request,
        "/api/connector/v1/reservations/getAll/2023-06-06",
        "{\"States\": [\"Confirmed\", |]}",
    );
    assert_eq!(found.pointer, "/States/1");
    assert!(labels(&found).contains(&"Inquired"));
}

#[test]
fn customers_get_all_extent_booleans_and_deprecated_documents() {
    let (_, found) = at(
        Target::Request,
        CUSTOMERS_GET_ALL,
        "{\"Extent\": {\"Customers\": true, \"|",
    );
    assert_eq!(found.pointer, "/Extent");
    assert_eq!(labels(&found), ["Addresses", "Documents"]);
    assert!(item(&found, "Documents").deprecated);
    assert_eq!(item(&found, "Addresses").detail, "boolean | null");

    let (_, found) = at(
        Target::Request,
        CUSTOMERS_GET_ALL,
        "{\"Extent\": {\"Customers\": |",
    );
    assert_eq!(found.context, Context::Value);
    assert_eq!(labels(&found), ["true", "false"]);
    assert_eq!(item(&found, "true").insert, "true");

    let (_, found) = at(Target::Request, CUSTOMERS_GET_ALL, "{\"Limitation\": {|}}");
    assert_eq!(labels(&found), ["Count", "Cursor"]);
    assert!(item(&found, "Count").required);
    let (_, found) = at(
        Target::Request,
        CUSTOMERS_GET_ALL,
        "{\"CreatedUtc\": {\"|\"}}",
    );
    assert_eq!(labels(&found), ["EndUtc", "StartUtc"]);
}

#[test]
fn response_and_checklist_targets() {
    let (_, found) = at(Target::Response, CUSTOMERS_GET_ALL, "{|");
    let names = labels(&found);
    assert!(
        names.contains(&"Customers") && !names.contains(&"ClientToken"),
        "{names:?}"
    );

    let (_, found) = at(Target::Checklist, "", "{\"integrationKind\": \"|\"}");
    assert_eq!(labels(&found), ["public", "private"]);
    let (_, found) = at(
        Target::Checklist,
        "",
        "{\"integrationKind\": \"public\", |}",
    );
    let names = labels(&found);
    assert!(names.contains(&"expectedLoad") && !names.contains(&"integrationKind"));
    let (_, found) = at(Target::Checklist, "", "{|}");
    let kind = item(&found, "integrationKind");
    assert!(kind.required);
    assert!(
        kind.info
            .as_deref()
            .unwrap()
            .starts_with("public: listed in the Mews Marketplace")
    );
    let (_, found) = at(Target::Checklist, "", "{\"operations\": [{\"|\"}]}");
    assert!(labels(&found).contains(&"purpose"), "{:?}", labels(&found));
}

#[test]
fn nothing_where_the_schema_cannot_help() {
    let none = |marked: &str| at(Target::Request, CUSTOMERS_GET_ALL, marked).1;
    assert!(none("{\"Client\": \"ab|\"}").items.is_empty()); // a free string
    assert_eq!(none("{\"Client\": 1 |").context, Context::None);
    assert!(none("{\"Unknown\": {|").items.is_empty());
    let unknown = at(Target::Request, "/api/connector/v1/nope/nope", "{|").1;
    assert_eq!(unknown.context, Context::Key);
    assert!(unknown.items.is_empty());
}

#[test]
fn a_megabyte_and_garbage_are_scanned_without_panics() {
    let mut text = String::from("{\"Extent\": {\"Items\": [");
    let mut items = 0;
    while text.len() < 1 << 20 {
        text.push_str("{\"Email\": \"a@b.c\", \"Notes\": \"é😀 \\\" {[\"}, ");
        items += 1;
    }
    text.push_str("{\"ClientToken\": 1, ");
    let found = completions(CUSTOMERS_GET_ALL, &text, text.len());
    assert_eq!(found.context, Context::Key);
    assert_eq!(found.pointer, format!("/Extent/Items/{items}"));

    for garbage in [
        "\"",
        "{\"",
        "[[[[",
        "}}}]]]",
        "{\"a\":[{\"b\":",
        "\\",
        "{\"\\u12",
        "{\"é\u{0}",
    ] {
        for cursor in 0..=garbage.len() + 1 {
            let _ = completions(CUSTOMERS_GET_ALL, garbage, cursor);
        }
    }
    // Deep nesting does not recurse in the scan.
    let deep = "[".repeat(100_000) + "{\"";
    assert_eq!(
        completions(CUSTOMERS_GET_ALL, &deep, deep.len()).context,
        Context::Key
    );
}

#[test]
fn utf16_offsets_in_and_out() {
    // "😀" is two UTF-16 units and four bytes; "é" one unit and two bytes.
    let text = "{\"Notes\": \"é😀\", \"Extent\": {\"Cus\"}}";
    let cursor16 = text.find("Cus").unwrap() + 3 - 2 - 1; // bytes minus the extra bytes of é and 😀
    let found = completions_utf16(Target::Request, CUSTOMERS_GET_ALL, text, cursor16);
    assert_eq!(found.pointer, "/Extent");
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[found.from..found.to]).unwrap(),
        "\"Cus\""
    );
    assert_eq!(labels(&found), ["Addresses", "Customers", "Documents"]);
    // Offsets past the end or inside a surrogate pair are clamped, not a panic.
    let _ = completions_utf16(Target::Request, CUSTOMERS_GET_ALL, text, 10_000);
    let _ = completions_utf16(Target::Request, CUSTOMERS_GET_ALL, "\"😀", 2);
}
