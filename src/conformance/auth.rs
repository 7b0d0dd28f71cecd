//! Authentication: `ClientToken`, `AccessToken` and `Client` on every request, tokens sent as they
//! were issued, and the public demo tokens recognised (and refused for production).

use super::{Findings, RequestContext};
use crate::diagnostic::Severity;
use crate::options::Environment;
use crate::registry::RuleInfo;
use crate::secret::mask;
use crate::source::{Node, Value, pointer};

pub const CREDENTIAL_EMPTY: RuleInfo = RuleInfo {
    id: "credential-empty",
    severity: Severity::Error,
    summary: "ClientToken, AccessToken or Client is empty, blank or not a string.",
    docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
    example: r#"{"ClientToken": "   ", "AccessToken": "…", "Client": "Acme PMS Bridge 2.1.0"}"#,
};

pub const TOKEN_FORMAT: RuleInfo = RuleInfo {
    id: "token-format",
    severity: Severity::Error,
    summary: "A token holds whitespace, quotes or a `Bearer ` prefix: send it exactly as issued.",
    docs: "https://docs.mews.com/connector-api/guidelines/authentication",
    example: r#"{"AccessToken": "Bearer C66E…", …}"#,
};

pub const DEMO_TOKEN: RuleInfo = RuleInfo {
    id: "demo-token",
    severity: Severity::Info,
    summary: "A public demo token is used: names the test integration and the gross/net demo enterprise.",
    docs: "https://docs.mews.com/connector-api/guidelines/environments#demo-environments",
    example: r#"{"ClientToken": "E0D4…", …} (a token listed on the Environments page)"#,
};

pub const DEMO_TOKEN_IN_PRODUCTION: RuleInfo = RuleInfo {
    id: "demo-token-in-production",
    severity: Severity::Error,
    summary: "A public demo token is used while checking for the production environment.",
    docs: "https://docs.mews.com/connector-api/guidelines/environments#api-tokens",
    example: r#"--environment production with {"ClientToken": "E0D4…", …}"#,
};

pub const TOKEN_SWAPPED: RuleInfo = RuleInfo {
    id: "token-swapped",
    severity: Severity::Error,
    summary: "A demo AccessToken is sent as ClientToken, or a demo ClientToken as AccessToken.",
    docs: "https://docs.mews.com/connector-api/guidelines/authentication",
    example: r#"{"ClientToken": "C66E…", "AccessToken": "E0D4…", …}"#,
};

/// Raised here only for unknown addresses (the engine's schema validation reports it otherwise);
/// registered by the engine.
const MISSING_REQUIRED: RuleInfo = RuleInfo {
    id: "missing-required",
    severity: Severity::Error,
    summary: "A required property is missing.",
    docs: "https://docs.mews.com/connector-api/guidelines/requests#body",
    example: "{}",
};

const CLIENT_TOKEN: &str = "ClientToken";
const ACCESS_TOKEN: &str = "AccessToken";
const CLIENT: &str = "Client";

/// One public test integration of the demo environments (facts from the Environments page).
struct DemoIntegration {
    name: &'static str,
    client_token: &'static str,
    gross_access_token: &'static str,
    net_access_token: &'static str,
}

const DEMO_INTEGRATIONS: [DemoIntegration; 4] = [
    DemoIntegration {
        name: "Are you ready to integrate with Mews?",
        client_token: "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
        gross_access_token: "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
        net_access_token: "4D6C7ABE0E6A4681B0AFB16900AE5D86-DF50CBC89E1D4FF5859DDF021649ED5",
    },
    DemoIntegration {
        name: "Connector API Test Client 2",
        client_token: "E916C341431C4D28A866AD200152DBD3-A046EB5583FFBE94DE1172237763712",
        gross_access_token: "CC150C355D6A4048A220AD20015483AB-B6D09C0C84B09538077CB8FFBB907B4",
        net_access_token: "1AEFA58C55E74D65BDC7AD2001564C12-66633E0B736F523379B9E5966165A55",
    },
    DemoIntegration {
        name: "Connector API Test Client 3",
        client_token: "2CC71B0660F345019882AD200155B4FE-4A1FC9080A4DD2A404734003674F77E",
        gross_access_token: "5F56B9903A834F199E28AD20015E58CA-5C6A1A00550634911534AD6A098E8B7",
        net_access_token: "682C235379B64D909941AD2001577525-BFC60A026081F1350FAA99CAB9F7510",
    },
    DemoIntegration {
        name: "Connector API Test Client 4",
        client_token: "07AB1F14B55C49B8BDD6AD200158423B-273A4497AFF5E20566D7199DB3DC2BA",
        gross_access_token: "39E301DD5A1C4A569087AD20015F60DD-50DC28896E9090CCA0995C9BBD90351",
        net_access_token: "BFD4298010F54B069F3DAD20015D53EA-D5561FADFBA4EFC8EA4C179C6BC461F",
    },
];

/// Which demo enterprise a demo AccessToken connects to.
#[derive(Clone, Copy)]
enum Pricing {
    Gross,
    Net,
}

impl Pricing {
    fn describe(self) -> &'static str {
        match self {
            Pricing::Gross => {
                "the gross pricing demo enterprise (United Kingdom, taxes included in prices)"
            }
            Pricing::Net => {
                "the net pricing demo enterprise (United States, taxes excluded from prices)"
            }
        }
    }
}

fn demo_client(token: &str) -> Option<&'static DemoIntegration> {
    DEMO_INTEGRATIONS.iter().find(|i| i.client_token == token)
}

fn demo_access(token: &str) -> Option<(&'static DemoIntegration, Pricing)> {
    DEMO_INTEGRATIONS.iter().find_map(|i| {
        if i.gross_access_token == token {
            Some((i, Pricing::Gross))
        } else if i.net_access_token == token {
            Some((i, Pricing::Net))
        } else {
            None
        }
    })
}

pub(super) fn check(context: &RequestContext<'_>, found: &mut Findings<'_>) {
    let root = context.doc.root();
    // A body that is not an object is the engine's `not-an-object`.
    if !matches!(root.value, Value::Object(_)) {
        return;
    }
    let known_operation = context.operation.is_some();
    for field in [CLIENT_TOKEN, ACCESS_TOKEN, CLIENT] {
        let path = pointer::push("", field);
        let Some(value) = root.get(field) else {
            if !known_operation {
                let message = format!(
                    "`{field}` is missing; expected it on every request, with `ClientToken`, `AccessToken` and `Client`."
                );
                found.add(&MISSING_REQUIRED, &path, root.span, message);
            }
            continue;
        };
        match value.as_str() {
            // For known operations the schema reports wrong types and empty strings.
            None if !known_operation => {
                let message = format!(
                    "`{field}` is {}; expected a non-empty string.",
                    value.type_name()
                );
                found.add(&CREDENTIAL_EMPTY, &path, value.span, message);
            }
            Some("") if !known_operation => {
                let message = format!("`{field}` is an empty string; expected a non-empty string.");
                found.add(&CREDENTIAL_EMPTY, &path, value.span, message);
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
                found.add(&CREDENTIAL_EMPTY, &path, value.span, message);
            }
            Some(text) if field != CLIENT && !text.trim().is_empty() => {
                check_token_format(field, text, value, found);
            }
            _ => {}
        }
    }
    check_demo_tokens(context, root, found);
}

fn check_token_format(field: &str, token: &str, value: &Node, found: &mut Findings<'_>) {
    let path = pointer::push("", field);
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
        found.add(&TOKEN_FORMAT, &path, value.span, message);
    }
}

fn check_demo_tokens(context: &RequestContext<'_>, root: &Node, found: &mut Findings<'_>) {
    let production = context.options.environment == Environment::Production;
    let demo_rule = if production {
        &DEMO_TOKEN_IN_PRODUCTION
    } else {
        &DEMO_TOKEN
    };
    let production_note = if production {
        "; expected your production ClientToken, issued after certification"
    } else {
        ""
    };
    if let Some(value) = root.get(CLIENT_TOKEN)
        && let Some(token) = value.as_str()
    {
        let path = pointer::push("", CLIENT_TOKEN);
        if let Some(integration) = demo_client(token) {
            let message = format!(
                "`ClientToken` {} is the public demo ClientToken of the test integration \"{}\" (used with both the gross and the net pricing demo enterprises){production_note}.",
                mask(token),
                integration.name
            );
            found.add(demo_rule, &path, value.span, message);
        } else if let Some((integration, pricing)) = demo_access(token) {
            let message = format!(
                "`ClientToken` holds {}, the public demo AccessToken of \"{}\" for {}; expected that integration's ClientToken {} here.",
                mask(token),
                integration.name,
                pricing.describe(),
                mask(integration.client_token)
            );
            found.add(&TOKEN_SWAPPED, &path, value.span, message);
        }
    }
    let production_note = if production {
        "; expected the AccessToken the enterprise's admin gave you"
    } else {
        ""
    };
    if let Some(value) = root.get(ACCESS_TOKEN)
        && let Some(token) = value.as_str()
    {
        let path = pointer::push("", ACCESS_TOKEN);
        if let Some((integration, pricing)) = demo_access(token) {
            let message = format!(
                "`AccessToken` {} is the public demo AccessToken of the test integration \"{}\", connecting to {}{production_note}.",
                mask(token),
                integration.name,
                pricing.describe()
            );
            found.add(demo_rule, &path, value.span, message);
        } else if let Some(integration) = demo_client(token) {
            let message = format!(
                "`AccessToken` holds {}, the public demo ClientToken of \"{}\"; expected one of its AccessTokens here: {} (gross pricing) or {} (net pricing).",
                mask(token),
                integration.name,
                mask(integration.gross_access_token),
                mask(integration.net_access_token)
            );
            found.add(&TOKEN_SWAPPED, &path, value.span, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_tables_are_consistent() {
        for integration in &DEMO_INTEGRATIONS {
            assert!(demo_client(integration.client_token).is_some());
            assert!(demo_access(integration.gross_access_token).is_some());
            assert!(demo_access(integration.net_access_token).is_some());
            assert!(demo_access(integration.client_token).is_none());
        }
    }
}
