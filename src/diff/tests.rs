use super::*;
use serde_json::json;

const OLD: &str = r##"
openapi: 3.0.4
info: {title: Connector API, version: v1}
paths:
  /api/connector/v1/things/getAll:
    post:
      summary: Get all things
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ThingFilter'}
      responses:
        '200':
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ThingResult'}
  /api/connector/v1/things/delete:
    post:
      summary: Delete things
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ThingFilter'}
components:
  schemas:
    ThingFilter:
      type: object
      required: [ClientToken]
      properties:
        ClientToken: {type: string}
        Ids: {type: array, items: {type: string, format: uuid}, nullable: true}
        States: {type: array, items: {$ref: '#/components/schemas/ThingState'}, nullable: true}
        Extra: {type: string, nullable: true}
      additionalProperties: false
    ThingState: {type: string, enum: [Open, Closed]}
    ThingResult:
      type: object
      properties:
        Things: {type: array, items: {$ref: '#/components/schemas/Thing'}}
    Thing:
      type: object
      required: [Id]
      properties:
        Id: {type: string}
        Name: {type: string}
        Note: {type: string}
        Code: {type: string}
        Parent: {allOf: [{$ref: '#/components/schemas/Thing'}], nullable: true}
"##;

/// `OLD` with one change of each kind applied to its text.
fn new_text() -> String {
    OLD.replace(
        "  /api/connector/v1/things/delete:\n    post:\n      summary: Delete things\n",
        "  /api/connector/v1/things/add:\n    post:\n      summary: Add things\n",
    )
    .replace(
        "      summary: Get all things\n",
        "      summary: Get all things\n      deprecated: true\n      x-deprecatedMessage: Use `things/search`.\n",
    )
    .replace("required: [ClientToken]", "required: [ClientToken, Ids]")
    .replace("format: uuid}, nullable: true}", "format: uuid}}")
    .replace("enum: [Open, Closed]", "enum: [Open, Closed, Archived]")
    .replace("        Extra: {type: string, nullable: true}\n", "")
    .replace("        Name: {type: string}", "        Name: {type: integer}")
    .replace("        Note: {type: string}", "        Note: {type: string, nullable: true}")
    .replace("        Code: {type: string}", "        Code: {type: string, format: uuid}")
}

fn contract(text: &str) -> Contract {
    Contract::from_text(text, None).unwrap()
}

fn summary(report: &DiffReport) -> Vec<(String, Impact, Place, String, String)> {
    report
        .operations
        .iter()
        .flat_map(|operation| {
            operation.changes.iter().map(|change| {
                let kind = serde_json::to_value(change).unwrap()["kind"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                (
                    operation.address.clone(),
                    change.impact,
                    change.place,
                    change.path.clone(),
                    kind,
                )
            })
        })
        .collect()
}

#[test]
fn each_change_is_found_and_rated_for_a_client() {
    let report = diff(&contract(OLD), &contract(&new_text()), None);
    let get_all = "/api/connector/v1/things/getAll".to_owned();
    let row = |address: &str, impact, place, path: &str, kind: &str| {
        (
            address.to_owned(),
            impact,
            place,
            path.to_owned(),
            kind.to_owned(),
        )
    };
    use Impact::{Breaking, Compatible, Deprecation};
    use Place::{Operation, Request, Response};
    assert_eq!(
        summary(&report),
        [
            row(&get_all, Deprecation, Operation, "", "operationDeprecated"),
            row(&get_all, Breaking, Request, "/Extra", "propertyRemoved"),
            row(&get_all, Breaking, Request, "/Ids", "becameRequired"),
            // null is no longer allowed in a request: breaking.
            row(&get_all, Breaking, Request, "/Ids", "typeChanged"),
            row(
                &get_all,
                Compatible,
                Request,
                "/States/*",
                "enumValuesAdded"
            ),
            row(
                &get_all,
                Compatible,
                Response,
                "/Things/*/Code",
                "formatChanged"
            ),
            row(
                &get_all,
                Breaking,
                Response,
                "/Things/*/Name",
                "typeChanged"
            ),
            // null may now come back: breaking for a reader.
            row(
                &get_all,
                Breaking,
                Response,
                "/Things/*/Note",
                "typeChanged"
            ),
            row(
                "/api/connector/v1/things/delete",
                Breaking,
                Operation,
                "",
                "operationRemoved"
            ),
            row(
                "/api/connector/v1/things/add",
                Compatible,
                Operation,
                "",
                "operationAdded"
            ),
        ]
    );
    assert_eq!(
        report.counts,
        Counts {
            breaking: 6,
            deprecation: 1,
            compatible: 3
        }
    );
    assert!(report.breaking());
    let deprecated = serde_json::to_value(&report.operations[0].changes[0]).unwrap();
    assert_eq!(
        deprecated,
        json!({"impact": "deprecation", "place": "operation", "path": "",
            "kind": "operationDeprecated", "message": "Use `things/search`.",
            "discontinued": null, "replacement": null})
    );
}

#[test]
fn the_same_contract_has_no_change() {
    let old = contract(OLD);
    let report = diff(&old, &old, None);
    assert!(report.operations.is_empty());
    assert!(!report.breaking());
    assert!(render::text(&report).contains("No change."));
}

#[test]
fn a_scope_limits_the_operations_and_names_unknown_ones() {
    let scope = Scope {
        from: vec!["checklist".to_owned()],
        addresses: [
            "/api/connector/v1/things/add".to_owned(),
            "/api/connector/v1/nothing/here".to_owned(),
        ]
        .into_iter()
        .collect(),
    };
    let report = diff(&contract(OLD), &contract(&new_text()), Some(&scope));
    assert_eq!(report.operations.len(), 1);
    assert_eq!(report.operations[0].address, "/api/connector/v1/things/add");
    assert!(!report.breaking());
    let scope = report.scope.as_ref().unwrap();
    assert_eq!(scope.operations, 2);
    assert_eq!(scope.unknown, ["/api/connector/v1/nothing/here"]);
    let text = render::text(&report);
    assert!(
        text.contains("the 2 operations of the checklist (1 in neither contract"),
        "{text}"
    );
}

#[test]
fn renderers_say_what_changed_where() {
    let report = diff(&contract(OLD), &contract(&new_text()), None);
    let text = render::text(&report);
    assert!(
        text.contains("6 breaking, 1 deprecation, 3 compatible changes in 3 operations."),
        "{text}"
    );
    assert!(
        text.contains("breaking     response   `/Things/*/Name` type string → integer"),
        "{text}"
    );
    assert!(
        text.contains("operation deprecated: Use `things/search`."),
        "{text}"
    );
    let markdown = render::markdown(&report);
    assert!(markdown.contains("| `/api/connector/v1/things/getAll` | compatible | request | `/States/*` gains value \"Archived\" |"), "{markdown}");
    let json: serde_json::Value = serde_json::from_str(&render::json(&report).unwrap()).unwrap();
    assert_eq!(json["counts"]["breaking"], 6);
    assert_eq!(
        json["operations"][0]["changes"][4]["values"],
        json!(["Archived"])
    );
}
