//! Search: query expansion by the concept list (`corpus/concepts.toml`). A query that names a
//! concept — a job title, an occupation, an award, an abbreviation, an everyday word, in either
//! language — also finds the concept's clauses, however differently they are worded. Chinese
//! words match inside the query's text (after normalization); English words as whole stemmed
//! words, in order ("letters of credit" names "letter of credit").

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::analysis::{Analyzer, Language, is_han, normalize};
use crate::model::Corpus;

/// A concept word counts at most this many units of evidence (a long name is specific, but a
/// query naming one concept at length should not drown another it also names).
const MAX_STRENGTH: f32 = 3.0;
/// The words of one concept a query names add up to at most this.
const MAX_CONCEPT_STRENGTH: f32 = 6.0;
/// Chinese characters per unit of evidence (two make a word).
const CHARS_PER_UNIT: f32 = 2.0;

/// One way of naming a concept.
#[derive(Debug, Clone)]
struct Word {
    concept: usize,
    strength: f32,
}

/// A concept the query names: where (byte spans of the query text), and how strongly.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Named {
    /// Clause ordinals of the concept.
    pub clauses: Vec<usize>,
    pub strength: f32,
    pub spans: Vec<Range<usize>>,
}

#[derive(Debug, Default)]
pub(super) struct ConceptMatcher {
    /// Per concept: its clauses' ordinals.
    clauses: Vec<Vec<usize>>,
    /// Chinese words: the automaton over their normalized forms, and what each names.
    chinese: Option<AhoCorasick>,
    chinese_words: Vec<Word>,
    /// English words: the stem sequence and what it names, by first stem.
    english: HashMap<String, Vec<(Vec<String>, Word)>>,
    /// Every Chinese word of the list, normalized.
    pub words: HashSet<String>,
}

impl ConceptMatcher {
    pub fn new(corpus: &Corpus, analyzer: &Analyzer) -> ConceptMatcher {
        let ords: HashMap<&str, usize> = corpus
            .clauses()
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut matcher = ConceptMatcher::default();
        // A word several concepts share is split between them.
        let mut sharing: HashMap<String, usize> = HashMap::new();
        let concepts = corpus.concepts().all();
        for concept in concepts {
            for term in concept.terms() {
                *sharing.entry(normalize(term).text).or_default() += 1;
            }
        }
        let mut patterns: Vec<String> = Vec::new();
        for (n, concept) in concepts.iter().enumerate() {
            let ids = concept
                .clauses
                .iter()
                .filter_map(|id| ords.get(id.as_str()));
            matcher.clauses.push(ids.copied().collect());
            for term in concept.terms() {
                let normalized = normalize(term).text;
                let share = sharing.get(&normalized).copied().unwrap_or(1).max(1) as f32;
                if normalized.chars().any(is_han) {
                    let chars = normalized.chars().filter(|c| c.is_alphanumeric()).count();
                    let strength = (chars as f32 / CHARS_PER_UNIT).clamp(1.0, MAX_STRENGTH);
                    matcher.words.insert(normalized.clone());
                    patterns.push(normalized);
                    matcher.chinese_words.push(Word {
                        concept: n,
                        strength: strength / share,
                    });
                } else {
                    let stems: Vec<String> = analyzer
                        .analyze(Language::En, term)
                        .into_iter()
                        .map(|t| t.term)
                        .collect();
                    let Some(first) = stems.first().cloned() else {
                        continue;
                    };
                    let strength = (stems.len() as f32).min(MAX_STRENGTH) / share;
                    let word = Word {
                        concept: n,
                        strength,
                    };
                    matcher
                        .english
                        .entry(first)
                        .or_default()
                        .push((stems, word));
                }
            }
        }
        matcher.chinese = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        matcher
    }

    /// The concepts `query` names, each once, its strength the sum over the words naming it
    /// (a word inside another that names the same concept not counted again).
    pub fn named(&self, analyzer: &Analyzer, query: &str) -> Vec<Named> {
        let mut found: HashMap<usize, Vec<(f32, Range<usize>)>> = HashMap::new();
        let mut add = |word: &Word, span: Range<usize>| {
            found
                .entry(word.concept)
                .or_default()
                .push((word.strength, span));
        };
        let normalized = normalize(query);
        if let Some(automaton) = &self.chinese
            && normalized.text.chars().any(is_han)
        {
            for m in automaton.find_overlapping_iter(&normalized.text) {
                let word = &self.chinese_words[m.pattern().as_usize()];
                add(word, normalized.original_span(m.start()..m.end()));
            }
        }
        let tokens = analyzer.analyze(Language::En, query);
        for (i, token) in tokens.iter().enumerate() {
            for (stems, word) in self.english.get(&token.term).into_iter().flatten() {
                let rest = &tokens[i..];
                if rest.len() >= stems.len() && rest.iter().zip(stems).all(|(t, s)| t.term == *s) {
                    let last = &rest[stems.len() - 1];
                    add(word, token.span.start..last.span.end);
                }
            }
        }
        let mut named: Vec<Named> = found
            .into_iter()
            .map(|(concept, words)| {
                let inside = |s: &Range<usize>, t: &Range<usize>| {
                    t.start <= s.start && s.end <= t.end && s != t
                };
                let strength: f32 = words
                    .iter()
                    .filter(|(_, s)| !words.iter().any(|(_, t)| inside(s, t)))
                    .map(|(w, _)| w)
                    .sum();
                Named {
                    clauses: self.clauses[concept].clone(),
                    strength: strength.min(MAX_CONCEPT_STRENGTH),
                    spans: words.into_iter().map(|(_, s)| s).collect(),
                }
            })
            .collect();
        named.sort_by(|a, b| {
            b.strength
                .total_cmp(&a.strength)
                .then(a.clauses.cmp(&b.clauses))
        });
        named
    }
}
