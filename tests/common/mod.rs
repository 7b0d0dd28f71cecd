//! Generated recordings for the session tests: NDJSON calls at chosen times, with bodies taken
//! from the operation's own docs example (auth fields replaced) so the request engine accepts them.
#![allow(dead_code)]

use mews_connector_validator::api::operations;
use mews_connector_validator::session::{ReadinessReport, analyze_session};
use mews_connector_validator::{Diagnostic, Options};

pub const TOKEN: &str = "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D";
pub const OTHER_TOKEN: &str = "CC150C355D6A4048A220AD20015483AB-B6D09C0C84B09538077CB8FFBB907B4";
pub const CLIENT: &str = "Brightkeep Housekeeping 3.2.0";
pub const CONFIGURATION: &str = "/api/connector/v1/configuration/get";
pub const CATEGORIES: &str = "/api/connector/v1/accountingCategories/getAll";
/// 2026-11-23T10:00:00Z in milliseconds since the epoch.
pub const T0: i64 = 1_795_428_000_000;

pub fn iso(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms).unwrap().to_string()
}

/// A valid request body for `address`: the docs example when the catalog has one.
pub fn body(address: &str, token: &str, client: &str) -> serde_json::Value {
    let mut body = operations()
        .iter()
        .find(|op| op.address == address)
        .and_then(|op| op.example.clone())
        .unwrap_or_else(|| serde_json::json!({}));
    body["ClientToken"] = "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D".into();
    body["AccessToken"] = token.into();
    body["Client"] = client.into();
    body
}

/// One NDJSON call record.
#[derive(Clone)]
pub struct Call {
    pub ms: i64,
    pub address: String,
    pub host: String,
    pub token: String,
    pub client: String,
    pub status: u16,
    pub retry_after: Option<String>,
}

impl Call {
    pub fn at(ms: i64, address: &str) -> Self {
        Call {
            ms: T0 + ms,
            address: address.into(),
            host: "https://api.mews-demo.com".into(),
            token: TOKEN.into(),
            client: CLIENT.into(),
            status: 200,
            retry_after: None,
        }
    }
    pub fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }
    pub fn retry_after(mut self, value: &str) -> Self {
        self.retry_after = Some(value.into());
        self
    }
    pub fn token(mut self, token: &str) -> Self {
        self.token = token.into();
        self
    }
    pub fn client(mut self, client: &str) -> Self {
        self.client = client.into();
        self
    }
    pub fn host(mut self, host: &str) -> Self {
        self.host = host.into();
        self
    }
    pub fn line(&self) -> String {
        let mut headers = serde_json::Map::new();
        if let Some(value) = &self.retry_after {
            headers.insert("Retry-After".into(), value.clone().into());
        }
        serde_json::json!({
            "time": iso(self.ms),
            "address": format!("{}{}", self.host, self.address),
            "request": body(&self.address, &self.token, &self.client),
            "status": self.status,
            "responseHeaders": headers,
        })
        .to_string()
    }
}

pub fn ndjson(calls: &[Call]) -> String {
    calls.iter().map(|c| c.line() + "\n").collect()
}

pub fn analyze(text: &str, checklist: Option<&str>) -> ReadinessReport {
    analyze_session(text, checklist, &Options::default(), &mut |_| {})
}

/// The diagnostics of one rule, everywhere in the report.
pub fn of_rule<'r>(report: &'r ReadinessReport, rule: &str) -> Vec<&'r Diagnostic> {
    report
        .diagnostics
        .iter()
        .chain(report.checklist.iter().flat_map(|c| c.diagnostics.iter()))
        .filter(|d| d.rule == rule)
        .collect()
}

/// `count` calls of configuration/get spread evenly over `span_ms`, starting at `from_ms`.
pub fn evenly(count: usize, from_ms: i64, span_ms: i64) -> Vec<Call> {
    (0..count)
        .map(|i| Call::at(from_ms + span_ms * i as i64 / count as i64, CONFIGURATION))
        .collect()
}
