//! Masks secrets in the texts output shows besides the source itself: messages, pointers,
//! addresses. Three defences, each enough on its own for what it covers:
//! 1. the secret values [`find`] marked in the source, wherever one of their 12-byte parts shows;
//! 2. anything token-like (a long run mixing letters and digits), from wherever it came;
//! 3. quoted values longer than [`QUOTED_CHARS`], cut (messages never echo long input).

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use super::{find, mask};

/// No part of a secret this long may show.
const WINDOW: usize = 12;
/// Secrets shorter than a window are masked where they show whole, from this length on (shorter
/// ones would mask common words; their spans mask them in excerpts).
const MIN_WHOLE: usize = 8;
/// Bounds the memory of the windows of a recording with many distinct secrets; beyond it the
/// token-like test and the quote cap still apply.
const MAX_WINDOWS: usize = 1 << 18;
/// Up to this many bytes of secrets (a body's few tokens), a window is searched in them directly:
/// cheaper than hashing every window of them into a set, which pays off for a recording's many.
const DIRECT_SEARCH_BYTES: usize = 1024;
/// Longest quoted value a message shows, in characters.
pub const QUOTED_CHARS: usize = 40;
/// A token-like run has at least this many characters…
const TOKEN_LIKE_CHARS: usize = 20;
/// …and switches between letters and digits at least this often (a version like
/// `my-app-2.10.3-build1234` does not, a random token does).
const TOKEN_LIKE_SWITCHES: usize = 5;

/// Byte classes of [`Scrubber::classes`]: a letter, a digit, punctuation tokens hold (`-`, `_`,
/// `+`, `.`, `~`: part of a run, neither letter nor digit), a byte some secret holds.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const JOINER: u8 = 4;
const SECRET: u8 = 8;

const TOKEN_CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        classes[byte] = match byte as u8 {
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'-' | b'_' | b'+' | b'.' | b'~' => JOINER,
            _ => 0,
        };
        byte += 1;
    }
    classes
};

/// The secrets of one source text, ready to mask other texts.
#[derive(Debug)]
pub struct Scrubber {
    spans: Vec<Range<usize>>,
    /// Distinct secret values of at least [`MIN_WHOLE`] bytes.
    secrets: Vec<String>,
    /// Every window of a recording's many secrets. std's SipHash, not a faster unkeyed hash: the
    /// secrets come from files the user did not write, which must not make the set degrade.
    windows: OnceCell<HashSet<[u8; WINDOW]>>,
    /// What each byte is to the token-like test ([`LETTER`], [`DIGIT`], [`JOINER`]) and whether
    /// a secret holds it ([`SECRET`]: a window with another byte is no part of one, so most of a
    /// message, spaces and lower-case words, is skipped without a lookup). One table lookup per
    /// byte: this runs on every message.
    classes: [u8; 256],
    /// At most [`DIRECT_SEARCH_BYTES`] of secrets: windows are searched in them, not hashed.
    search_directly: bool,
}

impl Scrubber {
    /// The secrets of `text`.
    pub fn new(text: &str) -> Self {
        let spans = find(text);
        let mut seen = HashSet::new();
        let mut secrets = Vec::new();
        for span in &spans {
            let value = text.get(span.clone()).unwrap_or_default().trim();
            if value.len() >= MIN_WHOLE && seen.insert(value) {
                secrets.push(value.to_string());
            }
        }
        let mut classes = TOKEN_CLASSES;
        for byte in secrets.iter().flat_map(|secret| secret.bytes()) {
            classes[usize::from(byte)] |= SECRET;
        }
        let search_directly = secrets.iter().map(String::len).sum::<usize>() <= DIRECT_SEARCH_BYTES;
        Scrubber {
            spans,
            search_directly,
            secrets,
            windows: OnceCell::new(),
            classes,
        }
    }

    /// No source text: only the token-like test and the quote cap (a renderer's last defence).
    pub fn heuristic() -> Self {
        Scrubber::new("")
    }

    /// The spans of the source's secrets, sorted and without overlaps.
    pub fn spans(&self) -> &[Range<usize>] {
        &self.spans
    }

    fn windows(&self) -> &HashSet<[u8; WINDOW]> {
        self.windows.get_or_init(|| {
            let all: usize = self
                .secrets
                .iter()
                .map(|s| s.len().saturating_sub(WINDOW - 1))
                .sum();
            let mut windows = HashSet::with_capacity(all.min(MAX_WINDOWS));
            for secret in &self.secrets {
                for window in secret.as_bytes().windows(WINDOW) {
                    if windows.len() >= MAX_WINDOWS {
                        return windows;
                    }
                    if let Ok(window) = <[u8; WINDOW]>::try_from(window) {
                        windows.insert(window);
                    }
                }
            }
            windows
        })
    }

    /// True when `window` is part of one of the source's secrets.
    fn is_secret_part(&self, window: &[u8; WINDOW]) -> bool {
        if self.search_directly {
            let finder = memchr::memmem::Finder::new(window);
            self.secrets
                .iter()
                .any(|secret| finder.find(secret.as_bytes()).is_some())
        } else {
            self.windows().contains(window)
        }
    }

    /// The byte ranges of `text` to mask: parts of the source's secrets and token-like runs,
    /// sorted, without overlaps, on character boundaries.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut ranges = Vec::new();
        // Most messages have neither a long token-like run nor a long run of secret bytes: one
        // pass tells, and the searches below run only where they can find something.
        let (token_run, secret_run) = self.longest_runs(bytes);
        if token_run >= TOKEN_LIKE_CHARS {
            for run in self.runs(bytes, LETTER | DIGIT | JOINER) {
                let is_token_like = run.len() >= TOKEN_LIKE_CHARS
                    && text
                        .get(run.clone())
                        .is_some_and(|run| self.looks_random(run));
                if is_token_like {
                    ranges.push(run);
                }
            }
        }
        // Every byte of a secret is a secret byte: a secret or a window of one shows only inside
        // a run of them at least as long.
        if secret_run >= WINDOW {
            // Only windows made of secret bytes can be part of a secret.
            for run in self.runs(bytes, SECRET) {
                for at in run.start..(run.end + 1).saturating_sub(WINDOW) {
                    let window = bytes
                        .get(at..at + WINDOW)
                        .and_then(|w| <[u8; WINDOW]>::try_from(w).ok());
                    if window.is_some_and(|w| self.is_secret_part(&w)) {
                        ranges.push(at..at + WINDOW);
                    }
                }
            }
        }
        if secret_run >= MIN_WHOLE {
            for secret in self.secrets.iter().filter(|s| s.len() < WINDOW) {
                ranges.extend(
                    text.match_indices(secret.as_str())
                        .map(|(at, s)| at..at + s.len()),
                );
            }
        }
        if ranges.is_empty() {
            return ranges;
        }
        ranges.sort_by_key(|range| (range.start, range.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for mut range in ranges {
            while !text.is_char_boundary(range.start) {
                range.start -= 1;
            }
            while !text.is_char_boundary(range.end) {
                range.end += 1;
            }
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }

    /// The lengths of the longest run of token characters and of secret bytes in `bytes`.
    fn longest_runs(&self, bytes: &[u8]) -> (usize, usize) {
        let (mut token, mut secret) = (0, 0);
        let (mut longest_token, mut longest_secret) = (0, 0);
        for &byte in bytes {
            let class = self.classes[usize::from(byte)];
            token = if class & (LETTER | DIGIT | JOINER) != 0 {
                token + 1
            } else {
                0
            };
            secret = if class & SECRET != 0 { secret + 1 } else { 0 };
            longest_token = longest_token.max(token);
            longest_secret = longest_secret.max(secret);
        }
        (longest_token, longest_secret)
    }

    /// The maximal runs of `bytes` whose bytes have one of the classes `any` (a run of secret
    /// bytes may cut a character: [`Scrubber::ranges`] widens them to character boundaries).
    fn runs<'b>(&'b self, bytes: &'b [u8], any: u8) -> impl Iterator<Item = Range<usize>> + 'b {
        let mut at = 0;
        std::iter::from_fn(move || {
            let rest = bytes.get(at..)?;
            let start = at
                + rest
                    .iter()
                    .position(|&b| self.classes[usize::from(b)] & any != 0)?;
            let rest = &bytes[start..];
            let len = rest
                .iter()
                .position(|&b| self.classes[usize::from(b)] & any == 0)
                .unwrap_or(rest.len());
            at = start + len;
            Some(start..at)
        })
    }

    /// A token-like run looks random: it switches between letters and digits often and is not
    /// an identifier.
    fn looks_random(&self, run: &str) -> bool {
        let mut switches = 0;
        let mut last = 0;
        for byte in run.bytes() {
            let class = self.classes[usize::from(byte)] & (LETTER | DIGIT);
            if class != 0 {
                switches += usize::from(last != 0 && last != class);
                last = class;
            }
        }
        switches >= TOKEN_LIKE_SWITCHES && !is_id_like(run)
    }

    /// `text` with every range of [`Scrubber::ranges`] masked (a short prefix and `…`).
    pub fn masked(&self, text: &str) -> String {
        let ranges = self.ranges(text);
        if ranges.is_empty() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for range in ranges {
            out.push_str(text.get(at..range.start).unwrap_or_default());
            out.push_str(&mask(text.get(range.clone()).unwrap_or_default()));
            at = range.end;
        }
        out.push_str(text.get(at..).unwrap_or_default());
        out
    }

    /// A message safe to show: [`Scrubber::masked`], then quoted values cut to [`QUOTED_CHARS`].
    pub fn message(&self, text: &str) -> String {
        cap_quoted(&self.masked(text))
    }
}

/// The API's identifiers are UUIDs (`8-4-4-4-12`): named in messages, not secrets, also when
/// mistyped (a message about a malformed id shows it). Random tokens are not split in 4 or more
/// short groups.
fn is_id_like(run: &str) -> bool {
    let groups: Vec<&str> = run.split('-').collect();
    groups.len() >= 4 && groups.iter().all(|group| (1..=12).contains(&group.len()))
}

/// Values quoted in `"…"` or `` `…` `` longer than [`QUOTED_CHARS`] characters, cut to them and
/// `…`. Addresses (`/api/…`, `https://…`) and identifiers stay whole: they are what a message is
/// about, and token-like parts of them are masked already.
fn cap_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = memchr::memchr2(b'"', b'`', rest.as_bytes()) {
        let quote = rest.as_bytes().get(open).copied().unwrap_or(b'"');
        let content_start = open + 1;
        let Some(length) = closing(rest.get(content_start..).unwrap_or_default(), quote) else {
            break;
        };
        let content = rest
            .get(content_start..content_start + length)
            .unwrap_or_default();
        out.push_str(rest.get(..content_start).unwrap_or_default());
        if content.chars().count() > QUOTED_CHARS && !is_address_or_name(content) {
            out.extend(content.chars().take(QUOTED_CHARS));
            out.push('…');
        } else {
            out.push_str(content);
        }
        out.push(char::from(quote));
        rest = rest.get(content_start + length + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The length of a quoted content up to its closing `quote` (a `"` escaped by `\` does not close).
fn closing(content: &str, quote: u8) -> Option<usize> {
    let bytes = content.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if quote == b'"' => i += 2,
            _ if b == quote => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn is_address_or_name(content: &str) -> bool {
    let address = content.starts_with('/')
        || content.starts_with("https://")
        || content.starts_with("http://");
    let name = content
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'/' | b'-'));
    !content.contains(char::is_whitespace) && (address || name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D";

    #[test]
    fn known_secrets_are_masked_whole_or_in_part() {
        let source = r#"{"password": "hunter2hunter2", "Pin": "x", "apiKey": "short123"}"#;
        let scrubber = Scrubber::new(source);
        assert_eq!(
            scrubber.message("found hunter2hunter2 and ter2hunter2 and unter2hunter and short123"),
            "found hunt… and ter2hunter2 and unte… and sho…"
        );
        assert_eq!(scrubber.message("found hunter2hunt"), "found hunter2hunt");
    }

    /// The ranges `scrubber` masks in `text`, as (start, end) pairs.
    fn spans(scrubber: &Scrubber, text: &str) -> Vec<(usize, usize)> {
        scrubber
            .ranges(text)
            .into_iter()
            .map(|range| (range.start, range.end))
            .collect()
    }

    #[test]
    fn a_part_of_a_non_ascii_secret_is_masked_from_a_character_boundary() {
        let scrubber = Scrubber::new(r#"{"password": "ééé-hunter2-ééé"}"#);
        // `ɩ` (C9 A9) ends in the byte `é` (C3 A9) ends in: the first window found starts inside
        // `ɩ`, and the range widens back to its start.
        let text = "x ɩé-hunter2-ééé y";
        assert_eq!(spans(&scrubber, text), [(2, 21)]);
        assert_eq!(scrubber.masked(text), "x ɩé-h… y");
        // `è` (C3 A8) starts with the byte `é` starts with: the last window found ends inside
        // `è`, and the range widens on to its end.
        let text = "x ééé-hunter2-ééè y";
        let end = text.find(" y").unwrap();
        assert_eq!(spans(&scrubber, text), [(2, end)]);
    }

    #[test]
    fn long_quoted_values_are_cut_but_addresses_and_names_stay_whole() {
        let name = "ReservationGroupCreationAndAssignmentParameters";
        let address = "http://localhost:8080/api/connector/v1/reservations/getAll";
        let long = "a sentence of many words typed into a field of the body";
        assert_eq!(
            cap_quoted(&format!("Found \"{name}\" at `{address}`, and \"{long}\".")),
            format!(
                "Found \"{name}\" at `{address}`, and \"{}…\".",
                &long[..QUOTED_CHARS]
            )
        );
        // An escaped quote does not close a value; the value that follows is still its own.
        let message = r#"Found "abcdef\"g" where the schema expects one of the values listed: "a""#;
        assert_eq!(cap_quoted(message), message);
        // Exactly the limit is shown whole; one character more is cut.
        let at_limit = "é ".repeat(QUOTED_CHARS / 2);
        let message = format!("Found \"{at_limit}\".");
        assert_eq!(cap_quoted(&message), message);
        assert_eq!(
            cap_quoted(&format!("Found \"{at_limit}x\".")),
            format!("Found \"{at_limit}…\".")
        );
        // Without spaces but with characters no name or address holds, a value is cut too.
        let punctuated = "{a:1,b:2}".repeat(5);
        assert_eq!(
            cap_quoted(&format!("Found `{punctuated}`.")),
            format!("Found `{}…`.", &punctuated[..QUOTED_CHARS])
        );
    }

    #[test]
    fn the_longest_runs_of_token_characters_and_of_secret_bytes() {
        let scrubber = Scrubber::new(r#"{"password": "hunter2hunter2"}"#);
        // Token runs: `hunt-er2x` (a joiner inside), `longword`; secret-byte runs: `hunt`, `er2`.
        assert_eq!(scrubber.longest_runs(b"hunt-er2x  longword"), (9, 4));
        assert_eq!(Scrubber::heuristic().longest_runs(b"hunt-er2x"), (9, 0));
        assert_eq!(scrubber.longest_runs(b""), (0, 0));
    }

    #[test]
    fn parts_of_a_few_secrets_or_of_many_are_masked_alike() {
        // Two tokens are searched directly; forty (over DIRECT_SEARCH_BYTES) through the set.
        let token = |i: usize| {
            format!("tok{i:02}en-with-no-digit-switches-abcdefghijklmnopqrstuvwxyz-{i:02}")
        };
        for count in [2, 40] {
            let source: Vec<String> = (0..count)
                .map(|i| format!("{{\"AccessToken\": \"{}\"}}", token(i)))
                .collect();
            let scrubber = Scrubber::new(&source.join("\n"));
            assert_eq!(scrubber.search_directly, count == 2);
            let last = token(count - 1);
            let part = &last[20..32];
            let masked = scrubber.masked(&format!("see {part} here"));
            assert!(!masked.contains(part), "{count}: {masked}");
            // A window with a byte no secret holds is never looked up, and stays.
            assert_eq!(
                scrubber.masked("see TOK00EN-WITH here"),
                "see TOK00EN-WITH here"
            );
        }
    }

    #[test]
    fn token_like_runs_are_masked_wherever_they_came_from() {
        let scrubber = Scrubber::heuristic();
        assert_eq!(
            scrubber.message(&format!("Unknown property \"{TOKEN}\"")),
            "Unknown property \"E0D4…\""
        );
        assert_eq!(
            scrubber.masked(&format!("/api/connector/v1/{}/getAll", &TOKEN[..59])),
            "/api/connector/v1/E0D4…/getAll"
        );
        // From TOKEN_LIKE_CHARS characters on.
        assert_eq!(scrubber.masked("id a1b2c3d4e5f6g7h8i9j0 !"), "id a1b2… !");
        assert_eq!(
            scrubber.masked("id a1b2c3d4e5f6g7h8i9j !"),
            "id a1b2c3d4e5f6g7h8i9j !"
        );
        for kept in [
            "Found \"bd26d8db-86a4-4f18-9e94-1b2362a1073c\"; expected a date-time",
            "Found \"723jd664-235f-36a4-tg6d-gfy850c645f\"; expected a UUID",
            "Client \"my-app-2.10.3-build1234\" at 2026-11-23T14:05:00.123Z",
            // Joiners are neither letters nor digits: no switches in a dotted name.
            "namespace a.bb.ccc.dddd.eeeee.ffffff.g is long",
            "/api/connector/v1/reservations/getAllByCustomers is deprecated",
        ] {
            assert_eq!(scrubber.message(kept), kept);
        }
    }

    #[test]
    fn long_quoted_values_are_cut_but_addresses_and_names_are_not() {
        let scrubber = Scrubber::heuristic();
        let long = "Jane Doe, 12 Long Street, Springfield, Some County, Country";
        let cut = scrubber.message(&format!(
            "Found \"{long}\"; expected `{long}` or \"a\\\"b\""
        ));
        assert_eq!(
            cut,
            "Found \"Jane Doe, 12 Long Street, Springfield, S…\"; expected `Jane Doe, 12 Long Street, Springfield, S…` or \"a\\\"b\""
        );
        assert_eq!(scrubber.message(&cut), cut, "idempotent");
        let address = "did you mean \"/api/connector/v1/reservations/getAllByCustomers\"?";
        assert_eq!(scrubber.message(address), address);
        assert_eq!(
            scrubber.message("an \"unclosed quote"),
            "an \"unclosed quote"
        );
    }
}
