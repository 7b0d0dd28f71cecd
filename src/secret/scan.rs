//! Finds the byte spans of secret values in any text the product reads: a JSON body, a cURL
//! command (bash or Windows cmd quoting), an HTTP request, a HAR or NDJSON recording.
//!
//! Lexical on purpose: the text may be invalid JSON (typed as the user goes), a body quoted in a
//! shell word with escaped quotes, or JSON inside a JSON string (a HAR's `postData.text`). Every
//! pass is one walk over the bytes, so the time is linear and the memory is the spans found.

use std::ops::Range;

use super::{curl, headers, json, suffix};

/// The spans of every secret value in `text`, sorted and without overlaps.
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    json::scan(text, &mut spans);
    headers::header_values(text.as_bytes(), &mut spans);
    headers::parameters(text.as_bytes(), &mut spans);
    headers::user_info(text.as_bytes(), &mut spans);
    curl::options(text.as_bytes(), &mut spans);
    suffix::token_suffixed_keys(text.as_bytes(), &mut spans);
    merge(spans)
}

fn merge(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.retain(|span| span.start < span.end);
    spans.sort_by_key(|span| (span.start, span.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The secret texts `find` marks.
    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|span| &text[span]).collect()
    }

    #[test]
    fn json_values_of_secret_keys_in_any_layout_type_and_spelling() {
        assert_eq!(
            found("{\"ClientToken\":\n   \"abc123\", \"Client\": \"X 1.0\", \"accesstoken\": 42}"),
            ["abc123", "42"]
        );
        assert_eq!(
            found(
                r#"{"AccessToken": ["t1", 2, null], "\u0041ccessToken": "t3", "x": {"password": "p"}}"#
            ),
            ["t1", "2", "t3", "p"]
        );
        assert_eq!(found(r#"{"ClientToken": "unterminated"#), ["unterminated"]);
        assert_eq!(
            found(r#"{"ClientToken": true, "Client": "ClientToken"}"#),
            Vec::<&str>::new()
        );
        assert_eq!(
            found(r#"{"Notes": "a \"quoted\" note", "Client": "x"}"#),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn json_inside_strings_and_shell_words() {
        let shell = r#"curl -d "{\"ClientToken\":\"ct1\",\"AccessToken\" : \"at1\"}""#;
        assert_eq!(found(shell), ["ct1", "at1"]);
        let har = r#"{"text": "{\n  \"ClientToken\": \"ct2\",\n  \"Client\": \"c\"}"}"#;
        assert_eq!(found(har), ["ct2"]);
        let twice = r#""{\"text\": \"{\\\"AccessToken\\\": \\\"at3\\\"}\"}""#;
        assert_eq!(found(twice), ["at3"]);
        let cmd = r#"--data-raw ^"^{^\^"ClientToken^\^":^\^"ct4^\^"^}^""#;
        assert_eq!(found(cmd), ["ct4"]);
    }

    #[test]
    fn har_name_value_pairs_and_cookies() {
        let headers = r#"[{"name": "authorization", "value": "Bearer b1"}, {"name": "Accept", "value": "*/*"}]"#;
        assert_eq!(found(headers), ["Bearer b1"]);
        let postman = r#""auth": {"type": "bearer", "bearer": [{"key": "token", "value": "pm2"}]}"#;
        assert_eq!(found(postman), ["bearer", "token", "pm2"]);
        let cookies = r#""cookies": [{"name": "ai", "value": "c1", "path": "/"}], "headersSize": 1, "x": {"name": "y", "value": "shown"}"#;
        assert_eq!(found(cookies), ["c1"]);
        assert_eq!(found(r#"{"key": "token", "value": "pm1"}"#), ["pm1"]);
    }

    #[test]
    fn headers_queries_user_info_and_curl_options() {
        let curl = "curl 'https://u:pw1@x/api?access_token=q1&b=2' -H 'Authorization: Bearer h1' \\\n  -H \"X-Api-Token: h2\" -u user:pw2 --oauth2-bearer o1 -b 'sid=c1; x=y' -sb c2=3";
        assert_eq!(
            found(curl),
            ["pw1", "q1", "h1", "h2", "pw2", "o1", "sid=c1; x=y", "c2=3"]
        );
        let http = "POST /api HTTP/1.1\r\nauthorization: Basic dXNlcg==\r\nCookie: a=b\r\nContent-Type: application/json\r\n\r\n{}";
        assert_eq!(found(http), ["dXNlcg==", "a=b"]);
        assert_eq!(found("Authorization: onlytoken\n"), ["onlytoken"]);
        let script =
            r#""text": "const auth = {\n  ClientToken: 'js1',\n  Client: 'Shown 1.0',\n};""#;
        assert_eq!(found(script), ["js1"]);
        let recorded = r#""text": "POST /x\r\nAuthorization: Bearer h3\r\nAccept: */*", "next": 1"#;
        assert_eq!(found(recorded), ["h3"]);
        assert_eq!(found("curl --user=bob:pw3 -u bob https://x"), ["pw3"]);
        assert_eq!(
            found("https://api.mews.com/x?Client=a&token="),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn linear_on_hostile_text() {
        for hostile in [
            "\"".repeat(200_000),
            "\\\"".repeat(100_000),
            " Cookie: ".repeat(50_000),
            "{\"AccessToken\": [".repeat(20_000),
            "a=".repeat(100_000),
            "-u ".repeat(100_000),
            "://".repeat(100_000),
        ] {
            // Quadratic work on these would take minutes; the spans found stay within the text.
            let spans = find(&hostile);
            assert!(
                spans.iter().all(|s| s.end <= hostile.len()),
                "{}",
                &hostile[..10]
            );
        }
    }
}
