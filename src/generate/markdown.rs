//! What the generator reads of Markdown: ATX headings and GitHub's anchors for them, and link
//! texts.

use std::collections::{HashMap, HashSet};

/// The anchors of every heading of a page.
pub fn heading_anchors(text: &str) -> HashSet<String> {
    let mut slugs = SlugCounter::default();
    let mut in_fence = false;
    let mut anchors = HashSet::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence {
            if let Some((_, heading)) = heading(line) {
                anchors.insert(slugs.unique(&heading_slug(heading)));
            }
        }
    }
    anchors
}

/// `(level, text)` of an ATX heading line.
pub fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &line[level..];
    if !rest.starts_with(' ') {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim()))
}

/// GitHub's heading anchor: the heading's text (markdown links, code and strike-through
/// reduced to their text), lower-cased, punctuation dropped, spaces → `-`.
pub fn heading_slug(heading: &str) -> String {
    decode_entities(&link_texts(heading))
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// HTML character references (`&#x27;`, `&#39;`, `&amp;`) → the characters they stand for,
/// as the rendered heading shows them.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let decoded = after.find(';').filter(|end| *end <= 10).and_then(|end| {
            let name = &after[..end];
            let character = match name {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            character.map(|character| (character, end))
        });
        match decoded {
            Some((character, end)) => {
                out.push(character);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `[text](target)` → `text`.
pub fn link_texts(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find("](") {
            Some(close) => {
                let label = &after[..close];
                let target = &after[close + 2..];
                match target.find(')') {
                    Some(end) => {
                        out.push_str(label);
                        rest = &target[end + 1..];
                    }
                    None => {
                        out.push_str(label);
                        rest = "";
                    }
                }
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// GitHub numbers repeated anchors in a page: `x`, `x-1`, `x-2`.
#[derive(Default)]
pub struct SlugCounter {
    seen: HashMap<String, usize>,
}

impl SlugCounter {
    pub fn unique(&mut self, slug: &str) -> String {
        let count = self.seen.entry(slug.to_owned()).or_insert(0);
        let unique = if *count == 0 {
            slug.to_owned()
        } else {
            format!("{slug}-{count}")
        };
        *count += 1;
        unique
    }
}
