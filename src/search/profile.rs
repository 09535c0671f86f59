//! Search: what each clause holds, in the form the query side asks about it — its Chinese text
//! normalized (for whether a query word occurs in it, dictionary or not), its English terms, and
//! over the corpus each term's document frequency (for which words nearly every clause shares)
//! and every English word as written (for spelling correction).

use std::collections::{HashMap, HashSet};

use super::vocabulary::{Vocabulary, bit};
use crate::analysis::{Analyzer, Language, is_han, normalize};
use crate::index::TextField;
use crate::model::{Clause, Corpus};

/// A term in at least this share of clauses is generic: it weighs little and is not evidence
/// that a hit answers the query (人才, 外籍, talent, foreign).
const GENERIC_SHARE: f32 = 0.2;

/// One clause's searchable words, with those of its context: the titles of the clauses it sits
/// in and its document's own text (an item of the national criteria is about 外国高端人才 because
/// its document says so).
#[derive(Debug, Default)]
pub(super) struct Profile {
    /// Title, text, aliases and industry in Chinese, normalized, joined by newlines.
    pub zh: String,
    /// The Chinese terms of the same.
    pub zh_terms: HashSet<String>,
    /// The English terms of the same.
    pub en: HashSet<String>,
}

impl Profile {
    /// Whether the clause holds the analysed query word `term` of `language`: a Chinese word of
    /// two or more characters anywhere in its text (dictionary or not), a single character only
    /// as a word of its own.
    pub fn holds(&self, language: Language, term: &str) -> bool {
        match language {
            Language::Zh if term.chars().count() == 1 => self.zh_terms.contains(term),
            Language::Zh => self.zh.contains(term),
            Language::En => self.en.contains(term),
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct Profiles {
    pub of: Vec<Profile>,
    /// In how many clauses each term occurs, per language.
    df: [HashMap<String, u32>; 2],
    /// Every English word as the corpus writes it (lowercase), for spelling correction.
    pub words: Vocabulary,
}

fn slot(language: Language) -> usize {
    match language {
        Language::Zh => 0,
        Language::En => 1,
    }
}

impl Profiles {
    pub fn new(corpus: &Corpus, analyzer: &Analyzer) -> Profiles {
        let mut profiles = Profiles::default();
        let mut written_words: HashMap<String, u8> = HashMap::new();
        for clause in corpus.clauses() {
            let mut profile = Profile::default();
            let context = context(corpus, clause);
            for text in texts(clause, Language::Zh)
                .into_iter()
                .chain(context.iter().map(|b| b.zh.as_str()))
            {
                profile.zh.push_str(&normalize(text).text);
                profile.zh.push('\n');
                profile.zh_terms.extend(
                    analyzer
                        .analyze(Language::Zh, text)
                        .into_iter()
                        .map(|t| t.term),
                );
            }
            for text in texts(clause, Language::En)
                .into_iter()
                .chain(context.iter().map(|b| b.en.as_str()))
            {
                for token in analyzer.analyze(Language::En, text) {
                    let written = text[token.span.clone()].to_lowercase();
                    if written.chars().all(char::is_alphabetic) {
                        written_words.insert(written, bit(TextField::Text));
                    }
                    profile.en.insert(token.term);
                }
            }
            for term in &profile.zh_terms {
                *profiles.df[0].entry(term.clone()).or_default() += 1;
            }
            for term in &profile.en {
                *profiles.df[1].entry(term.clone()).or_default() += 1;
            }
            profiles.of.push(profile);
        }
        profiles.words = Vocabulary::new(HashMap::new(), written_words);
        profiles
    }

    /// How many clauses hold `term`.
    pub fn df(&self, language: Language, term: &str) -> u32 {
        self.df[slot(language)]
            .get(term)
            .copied()
            .unwrap_or_default()
    }

    pub fn clauses(&self) -> usize {
        self.of.len()
    }

    /// Whether `term` is one nearly every clause shares.
    pub fn is_generic(&self, language: Language, term: &str) -> bool {
        self.df(language, term) as f32 >= GENERIC_SHARE * self.clauses() as f32
    }

    /// How much a query word tells: the inverse document frequency (an unknown word the most).
    pub fn weight(&self, language: Language, term: &str) -> f32 {
        let n = self.clauses() as f32;
        (1.0 + n / (1.0 + self.df(language, term) as f32)).ln()
    }

    /// Chinese terms of the whole corpus (every term the Chinese analysis gave), for pinyin.
    pub fn chinese_terms(&self) -> impl Iterator<Item = (&str, u32)> {
        self.df[0]
            .iter()
            .filter(|(t, _)| t.chars().all(is_han))
            .map(|(t, n)| (t.as_str(), *n))
    }
}

/// The titles of the clauses `clause` sits in, and its document's own text.
fn context<'c>(corpus: &'c Corpus, clause: &Clause) -> Vec<&'c crate::model::Bilingual> {
    let mut out = Vec::new();
    for ancestor in corpus.breadcrumbs(clause) {
        out.push(&ancestor.title);
        if ancestor.id == clause.doc {
            out.push(&ancestor.text);
        }
    }
    out
}

/// The texts of a clause in one language: title (when it names the clause), text, aliases of that
/// script and a post's industry.
fn texts(clause: &Clause, language: Language) -> Vec<&str> {
    let (title, text) = match language {
        Language::Zh => (clause.title.zh.as_str(), clause.text.zh.as_str()),
        Language::En => (clause.title.en.as_str(), clause.text.en.as_str()),
    };
    let mut out = vec![title];
    if text != title {
        out.push(text);
    }
    out.extend(
        clause
            .aliases
            .iter()
            .filter(|a| a.chars().any(is_han) == (language == Language::Zh))
            .map(String::as_str),
    );
    if let Some(post) = &clause.post {
        out.push(match language {
            Language::Zh => &post.industry.zh,
            Language::En => &post.industry.en,
        });
    }
    out
}
