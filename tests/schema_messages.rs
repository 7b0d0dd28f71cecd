//! What schema findings say and mark, on docs examples with one planted mistake: enum values with
//! their allowed list and a case hint, the mark of a missing property.

mod examples_support;

use examples_support::{example, mark, only, options, replace_once};
use mews_connector_validator::validate_request;

const NOTES_ADD: &str = "/api/connector/v1/accountNotes/add";

/// Every allowed value of the account note classifications (12: all are listed).
const NOTE_CLASSIFICATIONS: &str = r#""General", "FoodAndBeverage", "FrontOffice", "Reservations", "Housekeeping", "Maintenance", "PreviousStay", "FamilyRelations", "Gifts", "Accounting", "Complaints", "Other""#;

#[test]
fn a_misspelt_enum_value_lists_the_allowed_ones_and_the_nearest() {
    let text = replace_once(
        &example(NOTES_ADD),
        "\"FamilyRelations\"",
        "\"FamilyRelation\"",
    );
    let report = validate_request(NOTES_ADD, &text, &options());
    let d = only(&report, "enum-value");
    assert_eq!(mark(d), ("/AccountNotes/0/Classifications/0", 7, 9, 7, 25));
    assert_eq!(
        d.message,
        format!(
            "Found \"FamilyRelation\"; expected one of {NOTE_CLASSIFICATIONS} (did you mean \"FamilyRelations\"?)"
        )
    );
}

#[test]
fn an_enum_value_in_the_wrong_case_is_named_case_sensitive() {
    let text = replace_once(
        &example(NOTES_ADD),
        "\"FamilyRelations\"",
        "\"familyrelations\"",
    );
    let report = validate_request(NOTES_ADD, &text, &options());
    assert_eq!(
        only(&report, "enum-value").message,
        format!(
            "Found \"familyrelations\"; expected one of {NOTE_CLASSIFICATIONS} (did you mean \"FamilyRelations\"? values are case-sensitive)"
        )
    );
}

#[test]
fn a_wrong_typed_enum_value_gets_no_suggestion() {
    let text = replace_once(&example(NOTES_ADD), "\"FamilyRelations\"", "7");
    let report = validate_request(NOTES_ADD, &text, &options());
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.pointer == "/AccountNotes/0/Classifications/0")
        .map(|d| d.message.as_str())
        .collect();
    assert!(!messages.is_empty(), "{:#?}", report.diagnostics);
    assert!(
        messages.iter().all(|m| !m.contains("did you mean")),
        "{messages:?}"
    );
}

#[test]
fn a_long_list_of_allowed_values_is_cut_after_twelve() {
    const CUSTOMERS_ADD: &str = "/api/connector/v1/customers/add";
    let text = replace_once(&example(CUSTOMERS_ADD), "\"Media\"", "\"Press\"");
    let report = validate_request(CUSTOMERS_ADD, &text, &options());
    let message = &only(&report, "enum-value").message;
    let listed = message
        .strip_prefix("Found \"Press\"; expected one of ")
        .unwrap_or_else(|| panic!("{message}"));
    let (values, rest) = listed
        .split_once(", … (")
        .unwrap_or_else(|| panic!("{message}"));
    assert_eq!(values.split(", ").count(), 12, "{message}");
    assert!(rest.starts_with("9 more)"), "{message}");
}

#[test]
fn a_missing_property_marks_the_opening_brace_of_its_object_and_a_same_length_typo_is_suggested() {
    let text = replace_once(&example(NOTES_ADD), "\"Content\":", "\"Contnet\":");
    let report = validate_request(NOTES_ADD, &text, &options());
    let missing = only(&report, "missing-required");
    assert_eq!(mark(missing), ("/AccountNotes/0/Content", 4, 5, 4, 6));
    assert_eq!(
        only(&report, "unknown-property").message,
        "Unknown property \"Contnet\": did you mean \"Content\"? The schema allows no other properties"
    );
}

#[test]
fn an_object_where_a_string_is_expected_is_shown_by_its_size_and_links_its_type_s_docs() {
    let text = replace_once(
        &example(NOTES_ADD),
        "\"Brother of the CEO\"",
        "{\"Text\": \"Brother of the CEO\", \"Language\": \"en\"}",
    );
    let report = validate_request(NOTES_ADD, &text, &options());
    let d = only(&report, "type-mismatch");
    assert_eq!(mark(d), ("/AccountNotes/0/Content", 9, 18, 9, 66));
    assert_eq!(
        d.message,
        "Found object {…} (2 properties); expected a string"
    );
    // The section of the type holding `Content`, not the operation's.
    assert_eq!(
        d.docs,
        "https://docs.mews.com/connector-api/operations/accountnotes#account-note-parameters"
    );
}

#[test]
fn a_second_classification_of_a_note_counts_the_items_sent() {
    let text = replace_once(
        &example(NOTES_ADD),
        "\"FamilyRelations\"",
        "\"FamilyRelations\", \"Gifts\"",
    );
    let report = validate_request(NOTES_ADD, &text, &options());
    let d = only(&report, "max-items");
    assert_eq!(d.pointer, "/AccountNotes/0/Classifications");
    assert_eq!(d.message, "Found 2 items; expected at most 1");
}
