//! Citation, step 2c: titles written loosely. People rarely write a title exactly (`the Beijing
//! Standards for Recognising Top-notch Foreign Talent`, `《北京外籍高精尖人才认定标准》`); where a
//! phrase is clearly a title, it names the one document whose names hold its words. Words are
//! compared as terms (`analysis::plain_terms`: English stems, pairs of Chinese characters), each
//! weighted by how few documents' names hold it, all computed from the front matter: no document
//! and no title word is named in code.

use std::collections::{HashMap, HashSet};

use super::aliases::{ANNEX_WORDS_EN, DIVISION_WORDS, ITEM_WORDS, TITLE_JOINS};
use super::lexer::{Cursor, is_closer, is_opener};
use crate::analysis::plain_terms;
use crate::model::Corpus;

/// The share of a phrase's weight that one document's names must hold.
const MIN_COVERAGE: f64 = 0.75;
/// Where several documents' names hold the phrase, the closest name must be this many times as
/// close as the best name of every other document (a phrase that fits the Standards' title
/// exactly also has every word in the notice's long title, which is about them).
const CLOSER: f64 = 2.0;
/// Characters of an English stem compared (`recognis` and `recognit` are one word).
const STEM_CHARS: usize = 6;
/// Words of an English title phrase, at most.
const MAX_TITLE_WORDS: usize = 30;

type Terms = HashSet<String>;

/// Every document's names as sets of terms, and how many documents' names hold each term.
pub(crate) struct Titles<'a> {
    names: Vec<(&'a str, Terms)>,
    vocabulary: HashMap<&'a str, Terms>,
    documents_holding: HashMap<String, usize>,
    documents: usize,
}

fn terms(text: &str) -> Terms {
    // Quotes and brackets inside a title (`外籍“高精尖”人才`) do not split its words.
    let plain: String = text
        .chars()
        .filter(|c| !is_opener(*c) && !is_closer(*c))
        .collect();
    plain_terms(&plain)
        .into_iter()
        .map(|t| t.chars().take(STEM_CHARS).collect())
        .collect()
}

impl<'a> Titles<'a> {
    pub fn new(corpus: &'a Corpus) -> Self {
        let mut names = Vec::new();
        let mut vocabulary: HashMap<&str, Terms> = HashMap::new();
        for doc in corpus.documents() {
            for name in &doc.names.names {
                let t = terms(name);
                vocabulary
                    .entry(&doc.id)
                    .or_default()
                    .extend(t.iter().cloned());
                names.push((doc.id.as_str(), t));
            }
        }
        let mut documents_holding: HashMap<String, usize> = HashMap::new();
        for terms in vocabulary.values() {
            for t in terms {
                *documents_holding.entry(t.clone()).or_default() += 1;
            }
        }
        Self {
            names,
            vocabulary,
            documents_holding,
            documents: corpus.documents().len(),
        }
    }

    /// How much a term says: `ln(documents / documents whose names hold it)`; a term no name
    /// holds says as much as one only one document holds.
    fn weight(&self, term: &str) -> f64 {
        let holding = self
            .documents_holding
            .get(term)
            .copied()
            .unwrap_or(1)
            .max(1);
        (self.documents as f64 / holding as f64).ln()
    }

    fn sum<'t>(&self, terms: impl Iterator<Item = &'t String>) -> f64 {
        terms.map(|t| self.weight(t)).sum()
    }

    /// The one document a title phrase names, if it names exactly one.
    pub fn document(&self, phrase: &str) -> Option<&'a str> {
        let phrase = terms(phrase);
        let total = self.sum(phrase.iter());
        // A title says at least as much as one word only one document's names hold.
        if total < (self.documents as f64).ln() || total <= 0.0 {
            return None;
        }
        // Per document whose names hold the phrase: how close its closest name is.
        let mut candidates: Vec<(&'a str, f64)> = Vec::new();
        for (doc, vocabulary) in &self.vocabulary {
            let held = self.sum(phrase.intersection(vocabulary));
            if held / total < MIN_COVERAGE {
                continue;
            }
            let closest = self
                .names
                .iter()
                .filter(|(d, _)| d == doc)
                .map(|(_, name)| {
                    let shared = self.sum(phrase.intersection(name));
                    let either = self.sum(phrase.union(name));
                    if either > 0.0 { shared / either } else { 0.0 }
                })
                .fold(0.0, f64::max);
            candidates.push((doc, closest));
        }
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
        match candidates.as_slice() {
            [(doc, _)] => Some(doc),
            [(doc, best), (_, next), ..] if *best >= CLOSER * next => Some(doc),
            _ => None,
        }
    }
}

/// The English title phrase at the cursor — capitalised words and the small words between them
/// (`Standards for Recognising Top-notch Foreign Talent`, `(Trial)`), up to a word that starts a
/// clause or an annex; the cursor moves past its last capitalised word. Nothing is copied: this
/// runs at every capitalised word of English prose, and `phrase_text` reads the few kept.
pub(crate) fn english_phrase(cur: &mut Cursor) -> Option<()> {
    let start = cur.pos;
    let mut end = None;
    let mut words = 0;
    let mut probe = *cur;
    while words < MAX_TITLE_WORDS {
        if words > 0 {
            probe.skip_spaces();
        }
        let paren = words > 0 && probe.eat('(');
        let Some((word, _)) = probe.peek_word() else {
            break;
        };
        let capital = probe.peek().is_some_and(|c| c.is_ascii_uppercase());
        let clause_word = [DIVISION_WORDS, ITEM_WORDS, ANNEX_WORDS_EN]
            .iter()
            .any(|ws| word.among(ws).is_some());
        let joins = !capital && words > 0 && word.among(TITLE_JOINS).is_some();
        if clause_word || !(capital || joins) {
            break;
        }
        // The word, with hyphenated parts (`Top-notch`).
        while is_title_letter(&probe) {
            probe.bump();
        }
        if paren && !probe.eat(')') {
            break;
        }
        words += 1;
        if capital {
            end = Some(probe.pos);
        }
    }
    cur.pos = end?;
    (cur.pos > start).then_some(())
}

/// Whether a letter of a title word is at the cursor: an ASCII letter, or a hyphen before one.
fn is_title_letter(cur: &Cursor) -> bool {
    match cur.peek() {
        Some('-') => cur.peek_at(1).is_some_and(|c| c.is_ascii_alphabetic()),
        Some(c) => c.is_ascii_alphabetic(),
        None => false,
    }
}

/// The words of the phrase `english_phrase` read from `start` to the cursor, one space apart.
pub(crate) fn phrase_text(cur: &Cursor, start: usize) -> String {
    let mut probe = *cur;
    probe.pos = start;
    let mut text = String::new();
    let mut in_word = false;
    while probe.pos < cur.pos {
        let letter = is_title_letter(&probe) && (in_word || probe.peek() != Some('-'));
        match probe.bump() {
            Some(c) if letter => {
                if !in_word && !text.is_empty() {
                    text.push(' ');
                }
                text.push(c);
                in_word = true;
            }
            _ => in_word = false,
        }
    }
    text
}
