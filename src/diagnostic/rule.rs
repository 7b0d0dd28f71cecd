//! What a rule is: its data ([`RuleInfo`], with a runnable [`Example`]) and the typed handle that
//! raises it ([`Rule`]).

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// How serious a finding is. `Error` makes a report invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What the registry knows of one rule.
///
/// JSON (`rules --format json`, npm `rules()`): `id`, `severity`, `summary`, `docs`, `example`
/// (the example's text, as users read it) and the example's other fields, each only when it
/// applies: `exampleKind`, `exampleAddress`, `exampleChecklist`, `exampleOptions`,
/// `exampleEncoding`, `exampleRepeat`, `exampleAlsoReports` (see [`Example`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub docs: &'static str,
    pub example: Example,
}

/// A real input that triggers the rule when run, as Biome's and Ruff's rule docs show: the rules
/// list prints it and `tests/rule_examples.rs` runs it through the public API, expecting this rule
/// at its default severity and no other rule but those in `also_reports`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// The entry point the text is given to.
    pub kind: ExampleKind,
    /// The input as users read it. With `repeat`, `{repeat}` marks where the generated part goes.
    /// For [`ExampleKind::None`], why no input triggers the rule.
    pub text: &'static str,
    /// The operation a request or response body is checked against (path or URL).
    pub address: Option<&'static str>,
    /// The certification checklist a session is cross-checked with.
    pub checklist: Option<&'static str>,
    pub options: ExampleOptions,
    /// How the text is encoded when it is run: a file saved as Latin-1 is not UTF-8.
    pub encoding: Encoding,
    /// The generated part of an input too long to show (hundreds of calls, a thousand problems).
    pub repeat: Option<Repeat>,
    /// Other rules the input unavoidably triggers as well, each with the reason.
    pub also_reports: &'static [AlsoReported],
}

/// Which public entry point an example is run through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExampleKind {
    /// A request body sent to `address`: `validate_request` (`validate_request_bytes` when the
    /// encoding is not UTF-8).
    Request,
    /// A response body (a fixture or a mock) of `address`: `validate_response`.
    Response,
    /// Pasted text (a cURL command, an HTTP request, a URL, a HAR export): `validate_input`.
    Input,
    /// A certification checklist: `validate_checklist`.
    Checklist,
    /// A recorded session (HAR or NDJSON), with `checklist` when given: `analyze_session`.
    Session,
    /// No input triggers the rule; `text` says why.
    None,
}

/// The options an example is run with, in the JSON shape of the engine's options (`Options`):
/// `{"environment": "production", "date": "2026-12-01"}`. Unset fields take their defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ExampleOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<&'static str>,
    /// The evaluation date, set wherever the outcome depends on it (deprecations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'static str>,
    /// Limits other than the defaults, for the rules that say a limit was reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limits: Option<ExampleLimits>,
}

/// The limits an example is run with, in the JSON shape of the engine's `Limits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExampleLimits {
    pub max_input_bytes: usize,
}

impl ExampleOptions {
    fn is_default(&self) -> bool {
        self.environment.is_none() && self.date.is_none() && self.limits.is_none()
    }
}

/// How an example's text becomes the bytes that are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Encoding {
    #[default]
    #[serde(rename = "utf-8")]
    Utf8,
    /// ISO-8859-1: each character is one byte (every character of the text is below U+0100).
    #[serde(rename = "iso-8859-1")]
    Latin1,
}

/// A generated part of an input: `{repeat}` in the text stands for `times` copies of `item`
/// joined by `separator`; `{n}` in an item is the copy's number, from 0, padded with zeros to the
/// width of the last number (`000` … `200` for 201 copies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Repeat {
    pub times: usize,
    pub item: &'static str,
    pub separator: &'static str,
}

/// A rule an example cannot help reporting besides its own, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AlsoReported {
    pub rule: Rule,
    pub reason: &'static str,
}

impl Example {
    const fn new(kind: ExampleKind, address: Option<&'static str>, text: &'static str) -> Self {
        Example {
            kind,
            text,
            address,
            checklist: None,
            options: ExampleOptions {
                environment: None,
                date: None,
                limits: None,
            },
            encoding: Encoding::Utf8,
            repeat: None,
            also_reports: &[],
        }
    }

    /// A request body sent to `address`.
    pub const fn request(address: &'static str, body: &'static str) -> Self {
        Self::new(ExampleKind::Request, Some(address), body)
    }

    /// A response body of `address`.
    pub const fn response(address: &'static str, body: &'static str) -> Self {
        Self::new(ExampleKind::Response, Some(address), body)
    }

    /// Pasted text: a cURL command, an HTTP request, a URL or a HAR export.
    pub const fn input(text: &'static str) -> Self {
        Self::new(ExampleKind::Input, None, text)
    }

    /// A certification checklist.
    pub const fn checklist(text: &'static str) -> Self {
        Self::new(ExampleKind::Checklist, None, text)
    }

    /// A recorded session (HAR or NDJSON).
    pub const fn session(text: &'static str) -> Self {
        Self::new(ExampleKind::Session, None, text)
    }

    /// No runnable example, and why.
    pub const fn none(reason: &'static str) -> Self {
        Self::new(ExampleKind::None, None, reason)
    }

    /// A session cross-checked with this checklist.
    pub const fn with_checklist(self, checklist: &'static str) -> Self {
        Example {
            checklist: Some(checklist),
            ..self
        }
    }

    /// Evaluated on this date (`YYYY-MM-DD`, or any text for the rule of a bad date).
    pub const fn on(self, date: &'static str) -> Self {
        Example {
            options: ExampleOptions {
                date: Some(date),
                ..self.options
            },
            ..self
        }
    }

    /// Checked for the production environment.
    pub const fn in_production(self) -> Self {
        Example {
            options: ExampleOptions {
                environment: Some("production"),
                ..self.options
            },
            ..self
        }
    }

    /// Checked with `limits.maxInputBytes` set to `bytes`.
    pub const fn with_max_input_bytes(self, bytes: usize) -> Self {
        Example {
            options: ExampleOptions {
                limits: Some(ExampleLimits {
                    max_input_bytes: bytes,
                }),
                ..self.options
            },
            ..self
        }
    }

    /// The text saved as ISO-8859-1 (Latin-1).
    pub const fn in_latin1(self) -> Self {
        Example {
            encoding: Encoding::Latin1,
            ..self
        }
    }

    /// `{repeat}` in the text is `times` copies of `item` joined by `separator` (see [`Repeat`]).
    pub const fn repeating(
        self,
        times: usize,
        item: &'static str,
        separator: &'static str,
    ) -> Self {
        Example {
            repeat: Some(Repeat {
                times,
                item,
                separator,
            }),
            ..self
        }
    }

    /// Other rules the input unavoidably triggers too.
    pub const fn also_reporting(self, also_reports: &'static [AlsoReported]) -> Self {
        Example {
            also_reports,
            ..self
        }
    }
}

impl Serialize for RuleInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let example = &self.example;
        let mut out = serializer.serialize_struct("RuleInfo", 12)?;
        out.serialize_field("id", self.id)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("summary", self.summary)?;
        out.serialize_field("docs", self.docs)?;
        out.serialize_field("example", example.text)?;
        out.serialize_field("exampleKind", &example.kind)?;
        if let Some(address) = example.address {
            out.serialize_field("exampleAddress", address)?;
        }
        if let Some(checklist) = example.checklist {
            out.serialize_field("exampleChecklist", checklist)?;
        }
        if !example.options.is_default() {
            out.serialize_field("exampleOptions", &example.options)?;
        }
        if example.encoding != Encoding::Utf8 {
            out.serialize_field("exampleEncoding", &example.encoding)?;
        }
        if let Some(repeat) = &example.repeat {
            out.serialize_field("exampleRepeat", repeat)?;
        }
        if !example.also_reports.is_empty() {
            out.serialize_field("exampleAlsoReports", example.also_reports)?;
        }
        out.end()
    }
}

/// A declared rule. Only the registry (`crate::rules`) declares rules; everything else raises
/// them through these handles, never by id.
#[derive(Debug, Clone, Copy)]
pub struct Rule(&'static RuleInfo);

impl Rule {
    /// Declares a rule; used by the registry's `declare_rules!`.
    pub(crate) const fn declare(info: &'static RuleInfo) -> Self {
        Rule(info)
    }

    pub const fn info(self) -> &'static RuleInfo {
        self.0
    }

    pub const fn id(self) -> &'static str {
        self.0.id
    }

    /// The default severity.
    pub const fn severity(self) -> Severity {
        self.0.severity
    }

    /// The docs page of the rule itself (findings may link a more specific one).
    pub const fn docs(self) -> &'static str {
        self.0.docs
    }
}

/// A rule serializes as its id.
impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.id)
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for Rule {}

impl std::hash::Hash for Rule {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.id.hash(state);
    }
}
