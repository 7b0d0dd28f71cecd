//! "Did you mean": the allowed name closest to a misspelt one.

/// The allowed property a misspelt one most likely meant, if any is close enough.
pub fn suggest(property: &str, allowed: &[String]) -> Option<String> {
    const MIN_SIMILARITY: f64 = 0.7;
    let wanted = property.to_lowercase();
    allowed
        .iter()
        .map(|candidate| {
            let similarity =
                strsim::normalized_damerau_levenshtein(&wanted, &candidate.to_lowercase());
            (similarity, candidate)
        })
        .filter(|(similarity, _)| *similarity >= MIN_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate.clone())
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
}
