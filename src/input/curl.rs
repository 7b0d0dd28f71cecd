//! A cURL command (devtools' "Copy as cURL" for bash or Windows cmd, Postman, API docs) →
//! [`Request`].

use super::cmd;
use super::mapped::Mapped;
use super::request::{self, Body, Problem, Request};
use super::shell::{self, ShellError, Word};
use crate::rules;
use crate::source::Span;

/// Short options that take a value (`-X POST`, `-XPOST`); every other letter is a flag.
const SHORT_WITH_VALUE: &str = "ACDEHKPQTUXYbcdehmortuwxyz";

/// Long options that take a value, besides those read below; unknown ones are taken as flags.
const LONG_WITH_VALUE: &[&str] = &[
    "cacert",
    "capath",
    "cert",
    "cert-type",
    "config",
    "connect-timeout",
    "connect-to",
    "cookie",
    "cookie-jar",
    "data-urlencode",
    "dns-servers",
    "form",
    "form-string",
    "interface",
    "key",
    "key-type",
    "limit-rate",
    "max-filesize",
    "max-redirs",
    "max-time",
    "output",
    "output-dir",
    "proxy",
    "proxy-user",
    "range",
    "referer",
    "resolve",
    "retry",
    "retry-delay",
    "retry-max-time",
    "unix-socket",
    "upload-file",
    "url-query",
    "user",
    "user-agent",
    "variable",
    "write-out",
];

/// True when the text's first word is `curl`.
pub fn is_curl(text: &str) -> bool {
    let text = text.trim_start();
    text.strip_prefix("curl")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

/// Reads the first command of `text` (bash, or Windows cmd quoting); `Err` when it cannot be
/// split into words.
pub fn parse(text: &str) -> Result<Request, ShellError> {
    let words = if cmd::is_cmd(text) {
        cmd::split(text)?
    } else {
        shell::split(text)?
    };
    let mut reader = Reader::default();
    let mut words = words.into_iter();
    if let Some(command) = words.next() {
        reader.request.anchor = command.span;
    }
    while let Some(word) = words.next() {
        reader.read(word, &mut words);
    }
    Ok(reader.finish())
}

#[derive(Default)]
struct Reader {
    request: Request,
    method: Option<(String, Span)>,
    body: Option<Mapped>,
    /// Where the (first) body option was, for findings about the body's absence or type.
    body_option: Option<Span>,
    content_type: bool,
    json: bool,
    only_urls: bool,
}

impl Reader {
    fn read(&mut self, word: Word, rest: &mut impl Iterator<Item = Word>) {
        let text = &word.value.text;
        if self.only_urls || !text.starts_with('-') || text == "-" {
            self.url(word.value);
            return;
        }
        if text == "--" {
            self.only_urls = true;
            return;
        }
        if let Some(long) = text.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((name, _)) => (name, Some(word.value.tail(2 + name.len() + 1))),
                None => (long, None),
            };
            let name = name.to_string();
            if takes_value(&name) {
                let value = inline.or_else(|| rest.next().map(|next| next.value));
                self.option(&name, value, word.span);
            } else {
                self.flag(&name, word.span);
            }
            return;
        }
        // Short options, possibly grouped (`-sSL`, `-XPOST`, `-sd '{…}'`).
        for (index, letter) in text.char_indices().skip(1) {
            if SHORT_WITH_VALUE.contains(letter) {
                let attached = word.value.tail(index + letter.len_utf8());
                let value = if attached.text.is_empty() {
                    rest.next().map(|next| next.value)
                } else {
                    Some(attached)
                };
                self.option(&long_name(letter), value, word.span);
                return;
            }
            self.flag(&long_name(letter), word.span);
        }
    }

    fn url(&mut self, value: Mapped) {
        if self.request.url.is_none() {
            self.request.url = Some(value);
        }
    }

    fn flag(&mut self, name: &str, span: Span) {
        match name {
            "get" => self.method = Some(("GET".to_string(), span)),
            "head" => self.method = Some(("HEAD".to_string(), span)),
            _ => {}
        }
    }

    fn option(&mut self, name: &str, value: Option<Mapped>, option: Span) {
        let Some(value) = value else {
            return;
        };
        let span = value.span(option.end);
        match name {
            "url" => self.url(value),
            "request" => self.method = Some((value.text, span)),
            "header" => {
                self.content_type |= request::is_content_type(&value.text);
                self.request
                    .problems
                    .extend(request::check_header(&value.text, span));
            }
            "oauth2-bearer" => self.request.problems.push(Problem::new(
                rules::AUTHORIZATION_HEADER,
                "Found --oauth2-bearer, which sends an Authorization header; expected no Authorization header: the Connector API reads ClientToken and AccessToken from the body".to_string(),
                option,
            )),
            "user" => self.request.problems.push(Problem::new(
                rules::AUTHORIZATION_HEADER,
                "Found -u/--user, which sends an Authorization header (Basic); expected no Authorization header: the Connector API reads ClientToken and AccessToken from the body".to_string(),
                option,
            )),
            "data" | "data-ascii" | "data-binary" | "data-raw" | "json" => {
                self.json |= name == "json";
                self.data(name, value, option);
            }
            _ => {}
        }
    }

    fn data(&mut self, name: &str, value: Mapped, option: Span) {
        self.body_option.get_or_insert(option);
        if name != "data-raw" {
            if let Some(path) = value.text.strip_prefix('@') {
                self.request.body = Body::File {
                    path: path.to_string(),
                    span: value.span(option.end),
                };
                return;
            }
        }
        // curl joins repeated data options with `&`.
        let Some(body) = &mut self.body else {
            self.body = Some(value);
            return;
        };
        if !body.text.is_empty() {
            body.push(
                '&',
                Span {
                    start: option.start,
                    end: option.start,
                },
            );
        }
        body.append(&value);
    }

    fn finish(mut self) -> Request {
        if let Some((method, span)) = &self.method {
            self.request
                .problems
                .extend(request::check_method(method, *span));
        }
        if let (Some(option), false, false) = (self.body_option, self.content_type, self.json) {
            self.request.problems.push(Problem::new(
                rules::CONTENT_TYPE,
                "Found no Content-Type header, so curl sends the body as application/x-www-form-urlencoded; expected -H 'Content-Type: application/json' (or --json instead of --data)".to_string(),
                option,
            ));
        }
        if let Some(body) = self.body.take() {
            if !matches!(self.request.body, Body::File { .. }) {
                self.request.body = Body::Text(body);
            }
        }
        self.request
    }
}

fn takes_value(name: &str) -> bool {
    matches!(
        name,
        "url"
            | "request"
            | "header"
            | "oauth2-bearer"
            | "data"
            | "data-ascii"
            | "data-binary"
            | "data-raw"
            | "json"
    ) || LONG_WITH_VALUE.contains(&name)
}

/// The long name of the short options this reader acts on; other letters keep their letter.
fn long_name(letter: char) -> String {
    match letter {
        'X' => "request",
        'H' => "header",
        'd' => "data",
        'G' => "get",
        'I' => "head",
        'u' => "user",
        _ => return letter.to_string(),
    }
    .to_string()
}
