//! Reads the requirement sentences of a parameter's description in the docs' tables:
//! "Required if no other filter is provided", "Required when `Discriminator` is `Customer`", ….

use super::markdown::link_texts;

/// A requirement phrasing the generator understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrase {
    /// "Required if no other filter is provided."
    NoOtherFilter,
    /// "Required if RateGroupIds filter is not provided."
    IfAbsent(Vec<String>),
    /// "Required when used in conjunction with the TimeFilter or States search parameter."
    IfPresent(Vec<String>),
    /// "Required when `Discriminator` is `Customer`", "Required only if `RouteType` value is
    /// `SelectedStayItems`", "This is required for Type of `PartnerCompany` or `TravelAgency`".
    When { sibling: String, values: Vec<Word> },
    /// "Must be used together with at least one another filter."
    WithAnotherFilter,
    /// "Required when using Portfolio Access Tokens, ignored otherwise."
    PortfolioOnly,
}

/// A value as the docs write it: in a code span (literal) or as a bare word ("is recurring").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Word {
    Code(String),
    Bare(String),
}

impl Word {
    pub fn text(&self) -> &str {
        match self {
            Word::Code(text) | Word::Bare(text) => text,
        }
    }
}

/// The sentences of a description that state a requirement (they say "required" or "must be
/// used"), with links reduced to their text, struck-through markers, enclosing parentheses and
/// the final period removed.
pub fn requirement_sentences(description: &str) -> Vec<String> {
    let text = link_texts(description).replace("~~", "");
    sentences(&text)
        .into_iter()
        .map(tidy)
        .filter(|sentence| {
            let lower = sentence.to_ascii_lowercase();
            lower.contains("required") || lower.contains("must be used")
        })
        .map(str::to_owned)
        .collect()
}

/// Splits at a period followed by white space or the end, outside code spans and not in
/// `e.g.`/`i.e.`.
fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut in_code = false;
    let bytes = text.as_bytes();
    for (index, byte) in bytes.iter().enumerate() {
        match byte {
            b'`' => in_code = !in_code,
            b'.' if !in_code => {
                let at_break = bytes.get(index + 1).is_none_or(u8::is_ascii_whitespace);
                let before = text[start..index].to_ascii_lowercase();
                let abbreviation = before.ends_with("e.g") || before.ends_with("i.e");
                if at_break && !abbreviation {
                    found.push(&text[start..=index]);
                    start = index + 1;
                }
            }
            _ => {}
        }
    }
    found.push(&text[start..]);
    found.retain(|sentence| !sentence.trim().is_empty());
    found
}

fn tidy(sentence: &str) -> &str {
    let mut sentence = sentence.trim();
    if let Some(inner) = sentence
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
    {
        sentence = inner.trim();
    }
    sentence.strip_suffix('.').unwrap_or(sentence).trim_end()
}

/// The phrasing of one requirement sentence (as [`requirement_sentences`] gives it), or None
/// when it is none the generator knows.
pub fn parse(sentence: &str) -> Option<Phrase> {
    let mut cursor = Cursor::new(sentence);
    cursor.eat("this is ");
    cursor.eat("only ");
    if cursor.eat("must be used together with at least one ") {
        return (cursor.eat_any(&["another ", "other "]).is_some()
            && cursor.eat_any(&["filters", "filter"]).is_some()
            && cursor.at_end())
        .then_some(Phrase::WithAnotherFilter);
    }
    if !cursor.eat("required ") {
        return None;
    }
    let start = cursor.clone();
    for attempt in [
        portfolio_only,
        no_other_filter,
        if_absent,
        if_present,
        when,
        for_of,
    ] {
        let mut trial = start.clone();
        if let Some(phrase) = attempt(&mut trial) {
            return Some(phrase);
        }
    }
    None
}

/// "when using Portfolio Access Tokens, ignored otherwise" (also `PortfolioAccessTokens`).
fn portfolio_only(cursor: &mut Cursor) -> Option<Phrase> {
    cursor.eat("when using ").then_some(())?;
    cursor.eat_any(&["portfolio access tokens", "`portfolioaccesstokens`"])?;
    cursor.eat(", ignored otherwise");
    cursor.at_end().then_some(Phrase::PortfolioOnly)
}

/// "if no other filter is provided".
fn no_other_filter(cursor: &mut Cursor) -> Option<Phrase> {
    (cursor.eat("if no other filter is provided") && cursor.at_end())
        .then_some(Phrase::NoOtherFilter)
}

/// "if RateGroupIds filter is not provided".
fn if_absent(cursor: &mut Cursor) -> Option<Phrase> {
    cursor.eat("if ").then_some(())?;
    cursor.eat("the ");
    let names = cursor.names()?;
    cursor.eat_any(&[" filters", " filter"]);
    cursor.eat_any(&[" is not provided", " are not provided"])?;
    cursor.at_end().then_some(Phrase::IfAbsent(names))
}

/// "when used in conjunction with the TimeFilter or States search parameter".
fn if_present(cursor: &mut Cursor) -> Option<Phrase> {
    cursor
        .eat_any(&["when used in conjunction with ", "when used together with "])
        .map(|_| ())?;
    cursor.eat("the ");
    let names = cursor.names()?;
    cursor.eat_any(&[
        " search parameters",
        " search parameter",
        " parameters",
        " parameter",
        " filters",
        " filter",
    ]);
    cursor.at_end().then_some(Phrase::IfPresent(names))
}

/// "[only] when|if [the] [lower-case words] `Sibling` [value] is [set to] `Value` [or …]",
/// followed at most by a remark after a comma or in parentheses.
fn when(cursor: &mut Cursor) -> Option<Phrase> {
    cursor.eat("only ");
    cursor.eat_any(&["when ", "if "])?;
    while cursor.lower_case_word() {}
    let sibling = cursor.name()?;
    cursor.eat(" value");
    cursor.eat_any(&[" is set to ", " is ", " set to ", " equals "])?;
    let values = cursor.words()?;
    cursor
        .at_remark_or_end()
        .then_some(Phrase::When { sibling, values })
}

/// "for Type of `PartnerCompany` or `TravelAgency`".
fn for_of(cursor: &mut Cursor) -> Option<Phrase> {
    cursor.eat("for ").then_some(())?;
    let sibling = cursor.name()?;
    cursor.eat(" of ").then_some(())?;
    let values = cursor.words()?;
    cursor
        .at_remark_or_end()
        .then_some(Phrase::When { sibling, values })
}

/// A position in a sentence; keywords match case-insensitively (ASCII), names and values keep
/// their case.
#[derive(Clone)]
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor { text, at: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn at_end(&self) -> bool {
        self.rest().trim().is_empty()
    }

    /// The end, or a side remark: `, ignored otherwise`, ` (or null should it not be updated)`.
    fn at_remark_or_end(&self) -> bool {
        let rest = self.rest();
        self.at_end() || rest.starts_with(", ") || rest.starts_with(" (")
    }

    fn eat(&mut self, keyword: &str) -> bool {
        let matches = self
            .rest()
            .get(..keyword.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(keyword));
        if matches {
            self.at += keyword.len();
        }
        matches
    }

    fn eat_any(&mut self, keywords: &[&str]) -> Option<usize> {
        keywords.iter().position(|keyword| self.eat(keyword))
    }

    /// Skips a lower-case word and the space after it ("the billing automation `TriggerType`").
    fn lower_case_word(&mut self) -> bool {
        let rest = self.rest();
        let length = rest
            .bytes()
            .take_while(|byte| byte.is_ascii_lowercase())
            .count();
        if length > 0 && rest[length..].starts_with(' ') {
            self.at += length + 1;
            true
        } else {
            false
        }
    }

    /// A property name: a code span, or a bare word starting with an upper-case letter.
    fn name(&mut self) -> Option<String> {
        match self.word()? {
            Word::Code(name) => Some(name),
            Word::Bare(name) if name.starts_with(|c: char| c.is_ascii_uppercase()) => Some(name),
            Word::Bare(_) => None,
        }
        .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    }

    /// Names joined by `or`, `and` or commas.
    fn names(&mut self) -> Option<Vec<String>> {
        let mut names = vec![self.name()?];
        while self
            .eat_any(&[", or ", " or ", ", and ", " and ", ", "])
            .is_some()
        {
            names.push(self.name()?);
        }
        Some(names)
    }

    /// A code span or a bare word (letters, digits, `_`).
    fn word(&mut self) -> Option<Word> {
        let rest = self.rest();
        if let Some(code) = rest.strip_prefix('`') {
            let end = code.find('`')?;
            let word = code[..end].trim();
            if word.is_empty() {
                return None;
            }
            self.at += end + 2;
            return Some(Word::Code(word.to_owned()));
        }
        let length = rest
            .bytes()
            .take_while(|byte| byte.is_ascii_alphanumeric() || *byte == b'_')
            .count();
        if length == 0 {
            return None;
        }
        self.at += length;
        Some(Word::Bare(rest[..length].to_owned()))
    }

    /// Values joined by `or` or commas.
    fn words(&mut self) -> Option<Vec<Word>> {
        let mut words = vec![self.word()?];
        loop {
            let before = self.clone();
            if self.eat_any(&[", or ", " or ", ", "]).is_none() {
                break;
            }
            match self.word() {
                // `, ignored otherwise` is a remark, not a value: only code spans continue a
                // list after a comma.
                Some(word @ Word::Code(_)) => words.push(word),
                Some(word @ Word::Bare(_)) if !before.rest().starts_with(", ") || self.at_end() => {
                    words.push(word)
                }
                _ => {
                    *self = before;
                    break;
                }
            }
        }
        Some(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Word {
        Word::Code(text.to_owned())
    }

    fn bare(text: &str) -> Word {
        Word::Bare(text.to_owned())
    }

    fn when(sibling: &str, values: Vec<Word>) -> Option<Phrase> {
        Some(Phrase::When {
            sibling: sibling.to_owned(),
            values,
        })
    }

    /// The phrase of each requirement sentence of a description cell.
    fn phrases(description: &str) -> Vec<Option<Phrase>> {
        requirement_sentences(description)
            .iter()
            .map(|sentence| parse(sentence))
            .collect()
    }

    // Each description below is a real cell of the docs' tables (operations/*.md).

    #[test]
    fn filter_groups_and_filters_that_need_another() {
        assert_eq!(
            phrases(
                "Unique identifiers of `Companionship`. Required if no other filter is provided."
            ),
            [Some(Phrase::NoOtherFilter)]
        );
        assert_eq!(
            phrases(
                "Interval in which the `Companionship` was updated. Must be used together with at least one another filter."
            ),
            [Some(Phrase::WithAnotherFilter)]
        );
        assert_eq!(
            phrases(
                "Unique identifiers of the [Service](services.md#service). Required if RateGroupIds filter is not provided."
            ),
            [Some(Phrase::IfAbsent(vec!["RateGroupIds".to_owned()]))]
        );
        assert_eq!(
            phrases(
                "Start of the interval in UTC timezone in ISO 8601 format. Required when used in conjunction with the TimeFilter or States search parameter."
            ),
            [Some(Phrase::IfPresent(vec![
                "TimeFilter".to_owned(),
                "States".to_owned()
            ]))]
        );
    }

    #[test]
    fn every_portfolio_phrasing() {
        for description in [
            "Unique identifiers of the chain. Required when using [Portfolio Access Tokens](../concepts/multi-property.md), ignored otherwise.",
            "Unique identifiers of the chain. Required when using Portfolio Access Tokens, ignored otherwise.",
            "Unique identifier of the chain. Required when using `PortfolioAccessTokens`, ignored otherwise.",
        ] {
            assert_eq!(
                phrases(description),
                [Some(Phrase::PortfolioOnly)],
                "{description}"
            );
        }
    }

    #[test]
    fn required_when_a_sibling_has_a_value() {
        assert_eq!(
            phrases("Customer data to be updated. Required when `Discriminator` is `Customer`."),
            [when("Discriminator", vec![code("Customer")])]
        );
        assert_eq!(
            phrases(
                "Additional data for rate with dependent rate pricing. Required when `PricingType` is `DependentRatePricing`."
            ),
            [when("PricingType", vec![code("DependentRatePricing")])]
        );
        assert_eq!(
            phrases(
                "The moment when the block and its availability is released, in UTC timezone ISO 8601 format. Required if `ReleaseStrategy` is set to `FixedRelease`, or used when `ReleaseStrategy` update is unspecified."
            ),
            [when("ReleaseStrategy", vec![code("FixedRelease")])]
        );
        assert_eq!(
            phrases(
                "A positive offset means the release happens before the start. Required if `ReleaseStrategy` is set to `RollingRelease`, ignored otherwise."
            ),
            [when("ReleaseStrategy", vec![code("RollingRelease")])]
        );
        assert_eq!(
            phrases(
                "Filters specific to the `LedgerEntry` entity type. Required when `EntityType` is `LedgerEntry`."
            ),
            [when("EntityType", vec![code("LedgerEntry")])]
        );
        assert_eq!(
            phrases(
                "To which stay items routing rule applies to. Required only if `RouteType` value is `SelectedStayItems`."
            ),
            [when("RouteType", vec![code("SelectedStayItems")])]
        );
        assert_eq!(
            phrases(
                "Specifies the processing start offset. This is required if the billing automation `TriggerType` is set to `Reccuring`."
            ),
            [when("TriggerType", vec![code("Reccuring")])]
        );
        assert_eq!(
            phrases(
                "Processing start offset. Required if the billing automation `TriggerType` is recurring (or null should it not be updated)."
            ),
            [when("TriggerType", vec![bare("recurring")])]
        );
        assert_eq!(
            phrases(
                "Required if AllowOpenBalance set to true. Used to provide reason for closing with unbalanced bill."
            ),
            [when("AllowOpenBalance", vec![bare("true")])]
        );
        assert_eq!(
            phrases(
                "Unique identifier of Company (Company or Travel Agency) the voucher is related to. This is required for Type of `PartnerCompany` or `TravelAgency`. Use `null` if Company should not be updated."
            ),
            [when(
                "Type",
                vec![code("PartnerCompany"), code("TravelAgency")]
            )]
        );
    }

    #[test]
    fn phrasings_it_does_not_know_are_none() {
        for description in [
            "Identity document support number. Only required for Spanish identity cards in Spanish hotels.",
            "Amount excluding tax. Required for Net [Pricing](configuration.md#pricing) environments.",
            "The reason for reprinting the bill with different template. Required for France LE.",
            "Reason for updating the reservation. Required when updating the price of the reservation.",
            "Type of the external payment. (Required for the enterprises based in the French Legal Environment where `Unspecified` is considered as fraud.)",
            "Parameters of the reservations to price. Note that `CustomerId` is not required when pricing reservations.",
            "Unique identifier of print event. Must be used in retry calls to retrieve the PDF.",
        ] {
            let found = phrases(description);
            assert_eq!(found, [None], "{description}");
        }
    }

    #[test]
    fn sentences_are_tidied_and_only_requirements_kept() {
        assert_eq!(
            requirement_sentences(
                "Type of the external payment. (Required for the enterprises based in the French Legal Environment where `Unspecified` is considered as fraud.)"
            ),
            [
                "Required for the enterprises based in the French Legal Environment where `Unspecified` is considered as fraud"
            ]
        );
        assert_eq!(
            requirement_sentences(
                "~~Extent of data, e.g. `a.b`. Required if no other filter is provided.~~"
            ),
            ["Required if no other filter is provided"]
        );
        assert!(requirement_sentences("Token identifying the client application.").is_empty());
    }
}
