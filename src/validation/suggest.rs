//! "Did you mean": the allowed name closest to a misspelt one.

/// How alike (normalised Damerau–Levenshtein) a name must be to an allowed one to be suggested.
const MIN_SIMILARITY: f64 = 0.7;

/// The allowed property a misspelt one most likely meant, if any is close enough.
///
/// The edit distance is at least the difference in length, so a candidate whose length differs by
/// more than 30 % of the longer name can never reach `MIN_SIMILARITY`: it is skipped before the
/// quadratic distance is computed. This keeps a megabyte-long unknown name linear in its length.
pub fn suggest(property: &str, allowed: &[String]) -> Option<String> {
    let wanted = property.to_lowercase();
    let wanted_chars = wanted.chars().count();
    allowed
        .iter()
        .filter_map(|candidate| {
            let candidate_lower = candidate.to_lowercase();
            could_be_similar(wanted_chars, candidate_lower.chars().count()).then(|| {
                (
                    strsim::normalized_damerau_levenshtein(&wanted, &candidate_lower),
                    candidate,
                )
            })
        })
        .filter(|(similarity, _)| *similarity >= MIN_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate.clone())
}

/// Whether names of these lengths (in characters) can be `MIN_SIMILARITY` alike at all: strsim
/// normalises by the longer length, so similarity ≤ shorter / longer. The margin keeps borderline
/// lengths for strsim to decide, whatever the rounding.
fn could_be_similar(a: usize, b: usize) -> bool {
    let (shorter, longer) = if a <= b { (a, b) } else { (b, a) };
    longer == 0 || (shorter as f64) / (longer as f64) >= MIN_SIMILARITY - 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_allowed_property() {
        let allowed = vec!["ContactPerson".to_string(), "Notes".to_string()];
        assert_eq!(
            suggest("ContacPerson", &allowed).as_deref(),
            Some("ContactPerson")
        );
        assert_eq!(suggest("notes", &allowed).as_deref(), Some("Notes"));
        assert_eq!(suggest("Zzzzzz", &allowed), None);
    }

    #[test]
    fn the_length_filter_keeps_every_suggestion_reachable() {
        // 7 of 10 characters alike is exactly the threshold: still suggested.
        let allowed = vec!["Abcdefghij".to_string()];
        assert_eq!(suggest("Abcdefg", &allowed).as_deref(), Some("Abcdefghij"));
        assert_eq!(suggest("Abcdef", &allowed), None);
        assert_eq!(
            suggest("AbcdefghijKLMN", &allowed).as_deref(),
            Some("Abcdefghij")
        );
        assert_eq!(suggest("AbcdefghijKLMNO", &allowed), None);
        assert!(could_be_similar(0, 0));
        assert!(!could_be_similar(0, 1));
    }

    #[test]
    fn a_megabyte_long_name_is_not_compared() {
        // As many names as a large request type allows.
        let allowed: Vec<String> = (0..40).map(|i| format!("ContactPerson{i}")).collect();
        let long = "ContactPerson".repeat(80_000);
        let started = std::time::Instant::now();
        assert_eq!(suggest(&long, &allowed), None);
        // Generous: the quadratic comparison took seconds; the filter takes microseconds.
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
    }
}
