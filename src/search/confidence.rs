//! Search: whether the answer is `confident` — whether its top hits cover the query's
//! informative words. Question and filler words are not informative, nor are words nearly every
//! clause shares; each other word weighs by how rare it is in the corpus (a word the corpus lacks
//! weighs most), and the top hits must hold at least half of that weight, in their own words (or
//! their context's) or through a concept of the list that the query names and that points to
//! one of them.

use std::ops::Range;

use super::concepts::Named;
use super::profile::Profiles;
use crate::analysis::{Analyzer, Language, is_han};

/// The top hits whose clauses, together, must cover the query.
pub(super) const TOP_HITS: usize = 1;
/// The share of the informative weight the top hits must cover.
const CONFIDENT_SHARE: f32 = 0.5;
/// A long query (a pasted job ad) is also covered when this many of its informative words are,
/// making at least `LONG_SHARE` of its weight: its other words are the ad's own vocabulary.
const LONG_COVERED_WORDS: usize = 4;
const LONG_SHARE: f32 = 0.25;

/// One informative word of the query as searched.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct QueryWord {
    pub language: Language,
    pub term: String,
    /// Bytes of the query as searched.
    pub span: Range<usize>,
    pub weight: f32,
}

/// The informative words of `query`: Chinese words from the Chinese analysis, Latin ones from the
/// English, without filler and generic words.
pub(super) fn informative(analyzer: &Analyzer, profiles: &Profiles, query: &str) -> Vec<QueryWord> {
    let chinese = analyzer
        .analyze(Language::Zh, query)
        .into_iter()
        .filter(|t| t.main && t.term.chars().any(is_han))
        .map(|t| (Language::Zh, t));
    let english = analyzer
        .analyze(Language::En, query)
        .into_iter()
        .map(|t| (Language::En, t));
    chinese
        .chain(english)
        .filter(|(language, t)| {
            !analyzer.is_filler(*language, &t.term) && !profiles.is_generic(*language, &t.term)
        })
        .map(|(language, t)| QueryWord {
            language,
            weight: profiles.weight(language, &t.term),
            term: t.term,
            span: t.span,
        })
        .collect()
}

/// Whether the clauses of the top hits (`ords`) cover enough of `words`.
pub(super) fn covers(
    words: &[QueryWord],
    ords: &[usize],
    profiles: &Profiles,
    named: &[Named],
) -> bool {
    let total: f32 = words.iter().map(|w| w.weight).sum();
    if total <= 0.0 {
        return false;
    }
    let covered: Vec<&QueryWord> = words
        .iter()
        .filter(|w| {
            ords.iter().any(|&o| {
                profiles.of[o].holds(w.language, &w.term)
                    || named.iter().any(|n| {
                        n.clauses.contains(&o)
                            && n.spans
                                .iter()
                                .any(|s| s.start < w.span.end && w.span.start < s.end)
                    })
            })
        })
        .collect();
    let share = covered.iter().map(|w| w.weight).sum::<f32>() / total;
    share >= CONFIDENT_SHARE || (covered.len() >= LONG_COVERED_WORDS && share >= LONG_SHARE)
}
