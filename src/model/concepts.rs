//! Model: the bilingual concept list (`corpus/concepts.toml`) — for clauses, the job titles,
//! occupations, organisations, awards, abbreviations and everyday words people use for them in
//! Chinese and English. Loaded by `corpus`; read by search (query expansion) and eligibility.

use serde::Deserialize;

/// One concept: the clauses it names and its words in each language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// Clause IDs the concept points to, most specific first.
    pub clauses: Vec<String>,
    #[serde(default)]
    pub zh: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

impl Concept {
    /// Every word of the concept, Chinese first.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.zh.iter().chain(&self.en).map(String::as_str)
    }
}

/// The whole list, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Concepts {
    concepts: Vec<Concept>,
}

impl Concepts {
    pub fn new(concepts: Vec<Concept>) -> Concepts {
        Concepts { concepts }
    }

    pub fn all(&self) -> &[Concept] {
        &self.concepts
    }

    /// The concepts that point to `clause`.
    pub fn of_clause<'a>(&'a self, clause: &'a str) -> impl Iterator<Item = &'a Concept> + 'a {
        self.concepts
            .iter()
            .filter(move |c| c.clauses.iter().any(|id| id == clause))
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }
}
