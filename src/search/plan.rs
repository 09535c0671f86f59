//! Search: from query text to the tantivy query. The query is analysed like the clauses, each
//! phrasing (the query itself and its synonyms) in each language searched; every term is one the
//! index holds (unknown words corrected or split); term queries carry field boosts, phrases only
//! add to a score, and an exact name or alias match outweighs everything.

use std::collections::HashMap;

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;

use super::profile::Profiles;
use super::snippet::Marks;
use super::vocabulary::{FieldSet, Vocabulary, bit};
use crate::analysis::{Analyzer, Language, Token, is_han, key};
use crate::index::{Fields, TextField};

/// How much a match in each field counts.
fn field_boost(field: TextField) -> f32 {
    match field {
        TextField::Name => 3.0,
        TextField::Alias => 2.5,
        TextField::Text => 1.0,
        TextField::Industry => 1.0,
    }
}

/// A synonym or alias phrasing counts this much of the query's own words.
const SYNONYM_WEIGHT: f32 = 0.6;
/// A search-mode sub-word (人工 of 人工智能) counts this much of a whole word.
const SUB_WORD_WEIGHT: f32 = 0.4;
/// An indexed word found inside an unknown Chinese word.
const PART_WEIGHT: f32 = 0.5;
/// A corrected spelling of an unknown English word.
const CORRECTION_WEIGHT: f32 = 0.8;
/// The bonus when the query's words appear as a phrase (slop allowed) in a name or text.
const PHRASE_BOOST: f32 = 1.5;
const PHRASE_SLOP: u32 = 1;
/// Longest phrase tried, in words.
const MAX_PHRASE_WORDS: usize = 8;
/// The score of an exact match of the whole query with a name or alias.
const EXACT_SCORE: f32 = 30.0;
/// At most this many synonym phrasings per query.
const MAX_SYNONYMS: usize = 8;
/// At most this many distinct terms per language (a pasted paragraph stays cheap).
const MAX_TERMS_PER_LANGUAGE: usize = 48;
/// At most this many unknown English words are spell-corrected per query.
const MAX_CORRECTED_WORDS: usize = 6;
/// A word nearly every clause shares (人才, talent) counts this much of a word.
const GENERIC_WEIGHT: f32 = 0.2;
/// A Chinese character pair of a word the index does not know, matched in the character field:
/// below any word match.
const GRAM_WEIGHT: f32 = 0.3;
/// A lone Chinese character the index does not know as a word.
const CHARACTER_WEIGHT: f32 = 0.15;

/// The tantivy query and, per language, the terms to highlight.
pub(super) struct Plan {
    pub query: BooleanQuery,
    pub marks: HashMap<Language, Marks>,
    pub is_empty: bool,
}

pub(super) struct Planner<'a> {
    pub analyzer: &'a Analyzer,
    pub vocabulary: &'a Vocabulary,
    pub profiles: &'a Profiles,
    pub fields: &'a Fields,
}

impl Planner<'_> {
    pub fn plan(&self, query: &str, languages: &[Language]) -> Plan {
        let mut phrasings: Vec<(&str, f32)> = vec![(query, 1.0)];
        let query_key = key(query);
        let synonyms = self.analyzer.synonyms().expand(&query_key);
        phrasings.extend(
            synonyms
                .into_iter()
                .take(MAX_SYNONYMS)
                .map(|s| (s, SYNONYM_WEIGHT)),
        );
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut marks: HashMap<Language, Marks> = HashMap::new();
        let mut weights: HashMap<(Language, String), f32> = HashMap::new();
        let mut order: Vec<(Language, String)> = Vec::new();
        let mut corrected = 0;
        for (text, weight) in phrasings {
            let text_key = key(text);
            if !text_key.is_empty() {
                let exact = TermQuery::new(
                    Term::from_field_text(self.fields.exact, &text_key),
                    IndexRecordOption::Basic,
                );
                let score = EXACT_SCORE * weight;
                clauses.push((
                    Occur::Should,
                    Box::new(ConstScoreQuery::new(Box::new(exact), score)),
                ));
            }
            let is_synonym = weight < 1.0;
            for &language in languages {
                let tokens: Vec<Token> = self
                    .analyzer
                    .analyze(language, text)
                    .into_iter()
                    .filter(|t| !self.analyzer.is_filler(language, &t.term))
                    .collect();
                let words: Vec<&Token> = tokens.iter().filter(|t| t.main).collect();
                if is_synonym && words.len() > 1 {
                    // A synonym of several words counts only as the whole phrase.
                    if let Some(phrase) = self.phrase(language, &words, &TextField::ALL, weight) {
                        clauses.extend(phrase);
                        let words = words.iter().map(|t| t.term.clone()).collect();
                        marks.entry(language).or_default().phrases.push(words);
                    }
                    continue;
                }
                let terms = if is_synonym {
                    self.known(language, &words)
                } else {
                    clauses.extend(self.grams(language, &tokens));
                    self.fit(language, &tokens, &mut corrected)
                };
                for (term, w) in terms {
                    let slot = (language, term);
                    let best = weights.entry(slot.clone()).or_insert_with(|| {
                        order.push(slot);
                        0.0
                    });
                    *best = best.max(w * weight);
                }
                if !is_synonym && words.len() <= MAX_PHRASE_WORDS {
                    let fields = [TextField::Name, TextField::Text];
                    clauses.extend(
                        self.phrase(language, &words, &fields, PHRASE_BOOST)
                            .unwrap_or_default(),
                    );
                }
            }
        }
        let mut per_language: HashMap<Language, usize> = HashMap::new();
        for slot in order {
            let count = per_language.entry(slot.0).or_default();
            if *count >= MAX_TERMS_PER_LANGUAGE {
                continue;
            }
            *count += 1;
            let mut weight = weights[&slot];
            let (language, term) = slot;
            if self.profiles.is_generic(language, &term) {
                weight *= GENERIC_WEIGHT;
            }
            let holding = self.vocabulary.fields(language, &term);
            for field in TextField::ALL
                .into_iter()
                .filter(|f| holding & bit(*f) != 0)
            {
                let t = Term::from_field_text(self.fields.text(field, language), &term);
                let q = TermQuery::new(t, IndexRecordOption::WithFreqs);
                let boost = field_boost(field) * weight;
                clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
            }
            marks.entry(language).or_default().terms.insert(term);
        }
        let is_empty = clauses.is_empty();
        Plan {
            query: BooleanQuery::new(clauses),
            marks,
            is_empty,
        }
    }

    /// The terms of `tokens` the index holds, with their weights: known terms as they are,
    /// unknown English words by their nearest spellings, unknown Chinese words by their parts.
    fn fit(
        &self,
        language: Language,
        tokens: &[Token],
        corrected: &mut usize,
    ) -> Vec<(String, f32)> {
        let mut out = Vec::new();
        for token in tokens {
            let term = token.term.as_str();
            let weight = if token.main { 1.0 } else { SUB_WORD_WEIGHT };
            if self.vocabulary.contains(language, term) {
                out.push((term.to_string(), weight));
                continue;
            }
            match language {
                Language::En if *corrected < MAX_CORRECTED_WORDS => {
                    let fixes = self.vocabulary.corrections(term);
                    if !fixes.is_empty() {
                        *corrected += 1;
                    }
                    out.extend(
                        fixes
                            .into_iter()
                            .map(|t| (t.to_string(), weight * CORRECTION_WEIGHT)),
                    );
                }
                Language::Zh if token.main && term.chars().any(is_han) => {
                    out.extend(
                        self.vocabulary
                            .parts(term)
                            .into_iter()
                            .map(|p| (p, PART_WEIGHT)),
                    );
                }
                _ => {}
            }
        }
        out
    }

    /// The fallback for Chinese words the index does not know: their character pairs (a lone
    /// character itself) in the character field, weighted below any word.
    fn grams(&self, language: Language, tokens: &[Token]) -> Vec<(Occur, Box<dyn Query>)> {
        if language != Language::Zh {
            return Vec::new();
        }
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for token in tokens.iter().filter(|t| t.main) {
            if !token.term.chars().all(is_han) || self.vocabulary.contains(language, &token.term) {
                continue;
            }
            let chars: Vec<char> = token.term.chars().collect();
            let grams: Vec<(String, f32)> = if chars.len() == 1 {
                vec![(token.term.clone(), CHARACTER_WEIGHT)]
            } else {
                chars
                    .windows(2)
                    .map(|w| (w.iter().collect(), GRAM_WEIGHT))
                    .collect()
            };
            for (gram, weight) in grams {
                let term = Term::from_field_text(self.fields.grams, &gram);
                let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
                out.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(q), weight)),
                ));
            }
        }
        out
    }

    /// The words of a synonym the index holds, at the synonym's weight.
    fn known(&self, language: Language, words: &[&Token]) -> Vec<(String, f32)> {
        words
            .iter()
            .filter(|t| self.vocabulary.contains(language, &t.term))
            .map(|t| (t.term.clone(), 1.0))
            .collect()
    }

    /// Phrase queries over `fields` for two or more words the index all holds, each boosted by
    /// the field's boost times `boost`; `None` when there is no such phrase.
    fn phrase(
        &self,
        language: Language,
        words: &[&Token],
        fields: &[TextField],
        boost: f32,
    ) -> Option<Vec<(Occur, Box<dyn Query>)>> {
        let holding: FieldSet = words.iter().fold(FieldSet::MAX, |all, t| {
            all & self.vocabulary.fields(language, &t.term)
        });
        if words.len() < 2 || holding == 0 {
            return None;
        }
        let first = words[0].position;
        let queries = fields
            .iter()
            .filter(|f| holding & bit(**f) != 0)
            .map(|&field| {
                let f = self.fields.text(field, language);
                let terms: Vec<(usize, Term)> = words
                    .iter()
                    .map(|t| (t.position - first, Term::from_field_text(f, &t.term)))
                    .collect();
                let phrase = PhraseQuery::new_with_offset_and_slop(terms, PHRASE_SLOP);
                let boosted = BoostQuery::new(Box::new(phrase), field_boost(field) * boost);
                (Occur::Should, Box::new(boosted) as Box<dyn Query>)
            })
            .collect();
        Some(queries)
    }
}
