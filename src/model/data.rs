//! Model: the corpus's data files beside its documents, as `corpus` reads them — the award list of
//! Annex 1 items 2.1 and 2.2 (`awards.toml`) and the concept list tying each clause to the words
//! of its field in both languages (`concepts.toml`). Eligibility matches facts against them.

use serde::Deserialize;

use super::Bilingual;

/// The award list: awards the clauses name, vague family names, and open categories.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwardList {
    #[serde(rename = "award", default)]
    pub awards: Vec<Award>,
    #[serde(default)]
    pub vague: Vec<Vague>,
    #[serde(default)]
    pub open: Vec<Open>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub clause: String,
    pub zh: String,
    pub en: String,
    /// The words as the clause prints them, where it shortens the name.
    #[serde(default)]
    pub printed: Option<Pair>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Award {
    /// Every name the award is known by.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.zh.as_str(), self.en.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// The words the clause prints for it.
    pub fn printed(&self) -> Bilingual {
        self.printed
            .as_ref()
            .map_or_else(|| Bilingual::new(&self.zh, &self.en), Pair::bilingual)
    }
}

/// Names of an award family the clause covers only in part (the Nobel Prize: four fields).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vague {
    pub clause: String,
    pub names: Vec<String>,
    pub contains: Vec<String>,
    pub note: Pair,
}

/// A category the clause names without a list (2.2's prestigious architecture awards).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Open {
    pub clause: String,
    pub zh: String,
    pub en: String,
}

/// A `{ zh, en }` pair as the TOML writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub zh: String,
    pub en: String,
}

impl Pair {
    pub fn bilingual(&self) -> Bilingual {
        Bilingual::new(&self.zh, &self.en)
    }
}

impl AwardList {
    /// The clause IDs the list names, for the loader to check they exist.
    pub fn clause_ids(&self) -> impl Iterator<Item = &str> {
        self.awards
            .iter()
            .map(|a| a.clause.as_str())
            .chain(self.vague.iter().map(|v| v.clause.as_str()))
            .chain(self.open.iter().map(|o| o.clause.as_str()))
    }
}

/// The data files of one corpus directory.
#[derive(Debug, Clone, Default)]
pub struct CorpusData {
    /// `awards.toml`; empty when the corpus has none.
    pub awards: AwardList,
}
