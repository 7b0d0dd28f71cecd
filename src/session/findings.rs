//! The findings of a session review, capped like a request report (the option
//! `limits.maxDiagnostics`): a recording of millions of broken entries must give a readable report
//! in bounded memory, not millions of findings.
//!
//! The report lists the most severe findings, every rule's first finding before any rule's
//! second (a burst above the rate limit is not hidden by a thousand unreadable entries), and one
//! `diagnostics-truncated` finding counts the rest by rule. Findings that can no longer make the
//! list are only counted as they come, so memory stays bounded.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::Location;
use crate::options::Options;
use crate::rules;

/// Findings kept, as a multiple of the most listed, before the least important are dropped (each
/// drop keeps the best `limits.maxDiagnostics`, which later findings cannot push out of the list).
const KEPT_FACTOR: usize = 4;

/// What identifies a repeated finding: rule, pointer, message.
type RepeatKey = (String, String, String);

#[derive(Default)]
pub struct Findings {
    /// Findings that may be listed, in the order they came, each with its rank in its rule.
    kept: Vec<(usize, Diagnostic)>,
    /// Per rule: findings raised so far (the next one's rank), and findings only counted.
    per_rule: BTreeMap<String, (usize, usize)>,
    /// Findings listed once for all the calls that repeat them: the later calls, counted.
    repeats: HashMap<RepeatKey, usize>,
}

impl Findings {
    /// Adds a finding as the options have it (a rule turned off is neither listed nor counted).
    /// True when it may be listed.
    pub fn add(&mut self, options: &Options, diagnostic: Diagnostic) -> bool {
        match options.apply(vec![diagnostic]).pop() {
            Some(diagnostic) => self.add_applied(options, diagnostic),
            None => false,
        }
    }

    /// [`Self::add`] of a finding the options have been applied to.
    fn add_applied(&mut self, options: &Options, diagnostic: Diagnostic) -> bool {
        let (raised, counted) = self.per_rule.entry(diagnostic.rule.clone()).or_default();
        let rank = *raised;
        *raised += 1;
        let most = options.limits.max_diagnostics;
        // `most` earlier findings of the rule (same severity) all outrank this one.
        if rank >= most {
            *counted += 1;
            return false;
        }
        self.kept.push((rank, diagnostic));
        if self.kept.len() >= KEPT_FACTOR * most {
            self.keep_best(most);
        }
        true
    }

    /// Adds a finding that later calls may repeat word for word (a notice every call of a session
    /// carries): listed once, at its first call, with the count of the others; its repeats are
    /// counted alike whether or not it makes the list. True when it is a finding the options keep
    /// and not a repeat. Past [`KEPT_FACTOR`] × the most listed distinct notices, new ones are not
    /// remembered (memory stays bounded): each of their repeats is a finding of its own.
    pub fn add_repeatable(&mut self, options: &Options, diagnostic: Diagnostic) -> bool {
        let Some(diagnostic) = options.apply(vec![diagnostic]).pop() else {
            return false;
        };
        let key = (
            diagnostic.rule.clone(),
            diagnostic.pointer.clone(),
            diagnostic.message.clone(),
        );
        if let Some(repeats) = self.repeats.get_mut(&key) {
            *repeats += 1;
            return false;
        }
        if self.repeats.len() < KEPT_FACTOR * options.limits.max_diagnostics {
            self.repeats.insert(key, 0);
        }
        self.add_applied(options, diagnostic);
        true
    }

    /// The findings the report lists, and the summary of the rest.
    pub fn into_listed(mut self, options: &Options) -> Vec<Diagnostic> {
        let most = options.limits.max_diagnostics;
        self.keep_best(most);
        let Findings {
            kept,
            mut per_rule,
            mut repeats,
        } = self;
        let mut listed: Vec<Diagnostic> = kept.into_iter().map(|(_, d)| d).collect();
        for diagnostic in &mut listed {
            let key = (
                diagnostic.rule.clone(),
                diagnostic.pointer.clone(),
                diagnostic.message.clone(),
            );
            if let Some(count) = repeats.remove(&key).filter(|&count| count > 0) {
                diagnostic.message.push_str(&format!(
                    " (Repeated in {count} later call(s), listed once.)"
                ));
            }
        }
        // Repeats of a finding that is not listed are not listed either.
        for ((rule, ..), count) in repeats {
            per_rule.entry(rule).or_default().1 += count;
        }
        let unlisted: Vec<(usize, String)> = per_rule
            .into_iter()
            .filter(|(_, (_, counted))| *counted > 0)
            .map(|(rule, (_, counted))| (counted, rule))
            .collect();
        if !unlisted.is_empty() {
            listed.extend(options.apply(vec![summary(unlisted, most)]));
        }
        listed
    }

    /// Keeps the `limit` best findings (most severe, then lowest rank in their rule, then
    /// earliest), in the order they came; counts the others.
    fn keep_best(&mut self, limit: usize) {
        if self.kept.len() <= limit {
            return;
        }
        let mut order: Vec<usize> = (0..self.kept.len()).collect();
        order.sort_by_key(|&i| (Reverse(self.kept[i].1.severity), self.kept[i].0, i));
        let mut best = vec![false; self.kept.len()];
        for &i in order.iter().take(limit) {
            best[i] = true;
        }
        let mut index = 0;
        let per_rule = &mut self.per_rule;
        self.kept.retain(|(_, diagnostic)| {
            let keep = best[index];
            index += 1;
            if !keep {
                per_rule.entry(diagnostic.rule.clone()).or_default().1 += 1;
            }
            keep
        });
    }
}

fn summary(mut unlisted: Vec<(usize, String)>, most: usize) -> Diagnostic {
    unlisted.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let total: usize = unlisted.iter().map(|(count, _)| count).sum();
    let by_rule: Vec<String> = unlisted
        .iter()
        .map(|(count, rule)| format!("{count} {rule}"))
        .collect();
    Location::start().diagnostic(
        rules::DIAGNOSTICS_TRUNCATED,
        format!(
            "{total} more findings are not listed (a report lists at most {most}, the most severe first, the option `limits.maxDiagnostics`): {}; the per-operation table counts every finding about its calls.",
            by_rule.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: crate::diagnostic::Rule, call: usize) -> Diagnostic {
        let mut diagnostic = Location::start().diagnostic(rule, format!("call {call}"));
        diagnostic.call = Some(call);
        diagnostic
    }

    #[test]
    fn lists_the_most_severe_with_every_rule_represented_and_counts_the_rest() {
        let options = Options::default();
        let mut findings = Findings::default();
        findings.add(&options, finding(rules::OPERATION_ALWAYS_FAILING, 1));
        for call in 0..5000 {
            findings.add(&options, finding(rules::SESSION_ENTRY_UNREADABLE, call));
        }
        findings.add(&options, finding(rules::RATE_LIMIT_EXCEEDED, 6000));
        let listed = findings.into_listed(&options);
        assert_eq!(listed.len(), 1001);
        let count = |rule: &str| listed.iter().filter(|d| d.rule == rule).count();
        assert_eq!(count("session-entry-unreadable"), 999);
        assert_eq!(
            count("rate-limit-exceeded"),
            1,
            "a later error of another rule"
        );
        assert_eq!(
            count("operation-always-failing"),
            0,
            "a warning yields to errors"
        );
        let summary = listed.last().unwrap();
        assert_eq!(summary.rule, "diagnostics-truncated");
        assert!(
            summary.message.starts_with(
                "4002 more findings are not listed (a report lists at most 1000, the most severe first, the option `limits.maxDiagnostics`): 4001 session-entry-unreadable, 1 operation-always-failing;"
            ),
            "{}",
            summary.message
        );
    }

    #[test]
    fn the_option_sets_how_many_are_listed() {
        let mut options = Options::default();
        options.limits.max_diagnostics = 10;
        let mut findings = Findings::default();
        for call in 0..100 {
            findings.add(&options, finding(rules::SESSION_ENTRY_UNREADABLE, call));
        }
        let listed = findings.into_listed(&options);
        assert_eq!(listed.len(), 11);
        let calls: Vec<Option<usize>> = listed[..10].iter().map(|d| d.call).collect();
        assert_eq!(
            calls,
            (0..10).map(Some).collect::<Vec<_>>(),
            "the first ones"
        );
        assert!(
            listed[10]
                .message
                .starts_with("90 more findings are not listed (a report lists at most 10,"),
            "{}",
            listed[10].message
        );
    }

    #[test]
    fn findings_are_trimmed_to_the_best_only_once_four_times_the_list_are_kept() {
        let mut options = Options::default();
        options.limits.max_diagnostics = 10;
        let mut findings = Findings::default();
        // Four rules of ten findings each: every one is within its rule's first ten.
        let rules = [
            rules::SESSION_ENTRY_UNREADABLE,
            rules::RATE_LIMIT_EXCEEDED,
            rules::RETRY_AFTER_IGNORED,
            rules::FIXED_INTERVAL_RETRY,
        ];
        for call in 0..39 {
            assert!(findings.add(&options, finding(rules[call % 4], call)));
        }
        // Sorting on every finding would cost a recording of millions of them dearly.
        assert_eq!(findings.kept.len(), 39, "not trimmed before 40");
        assert!(findings.add(&options, finding(rules::FIXED_INTERVAL_RETRY, 39)));
        assert_eq!(findings.kept.len(), 10, "trimmed to the best 10 at 40");
    }

    #[test]
    fn repeats_are_listed_once_with_their_count() {
        let options = Options::default();
        let mut findings = Findings::default();
        for _ in 0..3 {
            findings.add_repeatable(&options, finding(rules::OPERATION_ALWAYS_FAILING, 1));
        }
        let once = finding(rules::RATE_LIMIT_EXCEEDED, 2);
        findings.add_repeatable(&options, once.clone());
        let listed = findings.into_listed(&options);
        assert_eq!(listed.len(), 2);
        assert!(
            listed[0]
                .message
                .ends_with("(Repeated in 2 later call(s), listed once.)")
        );
        assert_eq!(listed[1].message, once.message, "not repeated: no count");
    }

    #[test]
    fn repeats_of_a_notice_past_the_list_are_counted_once_in_its_summary_not_again() {
        let mut options = Options::default();
        options.limits.max_diagnostics = 1;
        let mut findings = Findings::default();
        let notice = |pointer: &str| {
            let mut diagnostic = finding(rules::OPERATION_ALWAYS_FAILING, 1);
            diagnostic.pointer = pointer.into();
            diagnostic
        };
        // The first of five distinct notices makes the list of one; each is repeated twice.
        let firsts: Vec<bool> = ["/A", "/B", "/C", "/D", "/E"]
            .iter()
            .map(|pointer| findings.add_repeatable(&options, notice(pointer)))
            .collect();
        assert_eq!(firsts, [true; 5]);
        // Four (4 × the most listed) are remembered: their repeats are repeats, listed or not.
        // The fifth is not: each repeat of it is a finding again.
        let repeats: Vec<bool> = ["/A", "/B", "/C", "/D", "/E"]
            .iter()
            .flat_map(|pointer| [*pointer; 2])
            .map(|pointer| findings.add_repeatable(&options, notice(pointer)))
            .collect();
        assert_eq!(
            repeats,
            [
                false, false, false, false, false, false, false, false, true, true
            ]
        );
        let listed = findings.into_listed(&options);
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].pointer, "/A");
        assert!(
            listed[0]
                .message
                .ends_with("(Repeated in 2 later call(s), listed once.)")
        );
        assert!(
            listed[1].message.starts_with(
                "12 more findings are not listed (a report lists at most 1, the most severe first, the option `limits.maxDiagnostics`): 12 operation-always-failing;"
            ),
            "{}",
            listed[1].message
        );
    }

    #[test]
    fn a_notice_of_a_rule_turned_off_is_no_finding_and_no_repeat() {
        let mut options = Options::default();
        options.rules.insert(
            "operation-always-failing".into(),
            crate::options::Level::Off,
        );
        let mut findings = Findings::default();
        for _ in 0..3 {
            assert!(
                !findings.add_repeatable(&options, finding(rules::OPERATION_ALWAYS_FAILING, 1))
            );
        }
        assert!(findings.into_listed(&options).is_empty());
    }

    #[test]
    fn a_rule_turned_off_is_neither_listed_nor_counted() {
        let mut options = Options::default();
        options.rules.insert(
            "session-entry-unreadable".into(),
            crate::options::Level::Off,
        );
        let mut findings = Findings::default();
        for call in 0..2000 {
            findings.add(&options, finding(rules::SESSION_ENTRY_UNREADABLE, call));
        }
        assert!(findings.into_listed(&options).is_empty());
    }
}
