//! Authentication: `ClientToken`, `AccessToken` and `Client` on every request, tokens sent as they
//! were issued, and the public demo tokens recognised (and refused for production).

use super::{Findings, RequestContext};
use crate::api::demo;
use crate::options::Environment;
use crate::rules;
use crate::secret::mask;
use serde_json::Value;

use crate::source::{pointer, type_name};

/// Where the docs say every request body carries the three authentication fields.
const REQUEST_BODY_DOCS: &str = "https://docs.mews.com/connector-api/guidelines/requests#body";

const CLIENT_TOKEN: &str = "ClientToken";
const ACCESS_TOKEN: &str = "AccessToken";
const CLIENT: &str = "Client";

pub(super) fn check(context: &RequestContext<'_>, found: &mut Findings<'_>) {
    let root = context.doc.root();
    // A body that is not an object is the engine's `not-an-object`.
    if !root.is_object() {
        return;
    }
    let known_operation = context.operation.is_some();
    for field in [CLIENT_TOKEN, ACCESS_TOKEN, CLIENT] {
        let path = || pointer::push("", field);
        let Some(value) = root.get(field) else {
            if !known_operation {
                let message = format!(
                    "`{field}` is missing; expected it on every request, with `ClientToken`, `AccessToken` and `Client`."
                );
                found.add_with_docs(rules::MISSING_REQUIRED, &path(), message, REQUEST_BODY_DOCS);
            }
            continue;
        };
        match value.as_str() {
            // For known operations the schema reports wrong types and empty strings.
            None if !known_operation => {
                let message = format!(
                    "`{field}` is {}; expected a non-empty string.",
                    type_name(value)
                );
                found.add(rules::CREDENTIAL_EMPTY, &path(), message);
            }
            Some("") if !known_operation => {
                let message = format!("`{field}` is an empty string; expected a non-empty string.");
                found.add(rules::CREDENTIAL_EMPTY, &path(), message);
            }
            Some(text) if !text.is_empty() && text.trim().is_empty() => {
                let message = format!(
                    "`{field}` holds only whitespace; expected a non-empty {}.",
                    if field == CLIENT {
                        "name and version"
                    } else {
                        "token"
                    }
                );
                found.add(rules::CREDENTIAL_EMPTY, &path(), message);
            }
            Some(text) if field != CLIENT && !text.trim().is_empty() => {
                check_token_format(field, text, found);
            }
            _ => {}
        }
    }
    check_demo_tokens(context, root, found);
}

fn check_token_format(field: &str, token: &str, found: &mut Findings<'_>) {
    let problem = if token
        .get(..7)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("bearer "))
    {
        Some("starts with a `Bearer ` prefix")
    } else if token.contains(['"', '\'']) {
        Some("contains quotes")
    } else if token.chars().any(char::is_whitespace) {
        Some("contains whitespace")
    } else {
        None
    };
    if let Some(problem) = problem {
        let message = format!(
            "`{field}` {} {problem}; expected the token exactly as issued, with nothing added (tokens go in the body, not in an Authorization header).",
            mask(token)
        );
        found.add(rules::TOKEN_FORMAT, &pointer::push("", field), message);
    }
}

fn check_demo_tokens(context: &RequestContext<'_>, root: &Value, found: &mut Findings<'_>) {
    let production = context.options.environment == Environment::Production;
    let demo_rule = if production {
        rules::DEMO_TOKEN_IN_PRODUCTION
    } else {
        rules::DEMO_TOKEN
    };
    let production_note = if production {
        "; expected your production ClientToken, issued after certification"
    } else {
        ""
    };
    if let Some(token) = root.get(CLIENT_TOKEN).and_then(Value::as_str) {
        let path = "/ClientToken";
        if let Some(integration) = demo::client(token) {
            let message = format!(
                "`ClientToken` {} is the public demo ClientToken of the test integration \"{}\" (used with both the gross and the net pricing demo enterprises){production_note}.",
                mask(token),
                integration.name
            );
            found.add(demo_rule, path, message);
        } else if let Some((integration, pricing)) = demo::access(token) {
            let message = format!(
                "`ClientToken` holds {}, the public demo AccessToken of \"{}\" for {}; expected that integration's ClientToken {} here.",
                mask(token),
                integration.name,
                pricing.describe(),
                mask(integration.client_token)
            );
            found.add(rules::TOKEN_SWAPPED, path, message);
        }
    }
    let production_note = if production {
        "; expected the AccessToken the enterprise's admin gave you"
    } else {
        ""
    };
    if let Some(token) = root.get(ACCESS_TOKEN).and_then(Value::as_str) {
        let path = "/AccessToken";
        if let Some((integration, pricing)) = demo::access(token) {
            let message = format!(
                "`AccessToken` {} is the public demo AccessToken of the test integration \"{}\", connecting to {}{production_note}.",
                mask(token),
                integration.name,
                pricing.describe()
            );
            found.add(demo_rule, path, message);
        } else if let Some(integration) = demo::client(token) {
            let message = format!(
                "`AccessToken` holds {}, the public demo ClientToken of \"{}\"; expected one of its AccessTokens here: {} (gross pricing) or {} (net pricing).",
                mask(token),
                integration.name,
                mask(integration.gross_access_token),
                mask(integration.net_access_token)
            );
            found.add(rules::TOKEN_SWAPPED, path, message);
        }
    }
}
