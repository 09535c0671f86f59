//! The model: documents and clauses as the rest of the pipeline sees them, built by `corpus` from
//! the Markdown sources and read by `index`, `search`, `eligibility`, `citation` and `web`.

mod concepts;
mod data;
mod degree;
mod numerals;
mod outcome;
mod post;
mod post_text;
mod script;
mod validity;

use std::collections::HashMap;

use serde::Serialize;

pub use concepts::{Concept, Concepts};
pub use data::{Award, AwardList, CorpusData, Open, Pair, Vague};
pub use numerals::{chinese_numeral, parse_chinese_numeral, parse_roman, roman_numeral};
pub use outcome::Outcome;
pub use post::{
    Check, CheckKind, DEGREE_WORDS, Degree, Post, PostPart, PostPartKind, Requirements,
};
pub use script::is_han;
pub use validity::{Validity, ValidityStatus, beijing_today};

/// A pair of texts, one per language. Chinese is the official wording; English is ours unless the
/// document says otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// What a clause is, from the document itself down to a post's requirement part.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Document,
    Article,
    Category,
    Item,
    Post,
    Requirement,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Document,
        Kind::Article,
        Kind::Category,
        Kind::Item,
        Kind::Post,
        Kind::Requirement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Article => "article",
            Kind::Category => "category",
            Kind::Item => "item",
            Kind::Post => "post",
            Kind::Requirement => "requirement",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Whether the English of a document is an official text or our own translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Translation {
    Official,
    Unofficial,
}

/// How a Beijing clause relates to the national clause it adapts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Unchanged,
    Changed,
    Added,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// This clause adapts the related one (Beijing → national).
    Adapts,
    /// The related clause adapts this one (national → Beijing).
    AdaptedBy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Related {
    pub id: String,
    pub relation: Relation,
    pub change: Change,
}

/// A document's metadata, from its front matter.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Document {
    pub id: String,
    pub title: Bilingual,
    pub short: Bilingual,
    pub issuer: Bilingual,
    pub number: String,
    pub issued: jiff::civil::Date,
    pub effective: jiff::civil::Date,
    pub trial_end: Option<jiff::civil::Date>,
    pub source: String,
    pub translation: Translation,
    pub parent: Option<String>,
    pub citation: Bilingual,
    pub url: String,
    /// Its number among its parent's annexes (`1` for `附件1` / `Annex 1`), if it is one.
    #[serde(skip)]
    pub annex: Option<u32>,
    /// The names citations give it, besides its title, number, short name and citation.
    #[serde(skip)]
    pub names: DocNames,
}

/// How citations name a document, from its front matter: what identifies a document lives in the
/// corpus, and the citation tables read it from there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocNames {
    /// Names that name the document wherever they stand, in either language: its titles, number,
    /// short name and citation (unless they are common words) and the `names` of its front matter.
    pub names: Vec<String>,
    /// Common words that name it only with a clause after them (`通知`, `the Notice`).
    pub common: Vec<String>,
    /// Words that may follow any of its names without changing the document (`A类`, `Category A`).
    pub qualifiers: Vec<String>,
}

/// One clause: a node of a document's numbering, or the document itself.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Clause {
    pub id: String,
    pub doc: String,
    pub kind: Kind,
    /// The numbering path (`[2, 8]` for `bj2022-a1/2.8`); empty for the document itself.
    #[serde(skip)]
    pub path: Vec<u32>,
    pub title: Bilingual,
    pub text: Bilingual,
    pub citation: Bilingual,
    pub url: String,
    pub parent: Option<String>,
    pub children: Vec<String>,
    pub related: Vec<Related>,
    /// Beijing's change against the clause it adapts, or `added`; absent elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// A `changed` clause whose change is in wording only (one word, the requirement the same);
    /// absent otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wording_only: bool,
    /// Other names people search for; never shown as the text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<Post>,
    /// Where the clause is written: the corpus file and line.
    #[serde(skip)]
    pub source: SourceRef,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceRef {
    pub file: String,
    pub line: usize,
}

/// The page of a clause or document: `/clause/<id>`.
pub fn clause_url(id: &str) -> String {
    format!("/clause/{id}")
}

/// The loaded corpus: every document and clause, in document order, with lookups by ID.
#[derive(Debug, Clone)]
pub struct Corpus {
    documents: Vec<Document>,
    clauses: Vec<Clause>,
    by_id: HashMap<String, usize>,
    /// A hash of the source files, so a built index can tell whether it is stale.
    hash: String,
    /// The data files beside the documents (awards, concepts).
    data: CorpusData,
    /// The bilingual concept list (`concepts.toml`), empty when the corpus has none.
    concepts: Concepts,
}

impl Corpus {
    /// Assemble a corpus from already validated parts (the `corpus` loader does the validating).
    pub fn new(documents: Vec<Document>, clauses: Vec<Clause>, hash: String) -> Self {
        let by_id = clauses
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        Self {
            documents,
            clauses,
            by_id,
            hash,
            data: CorpusData::default(),
            concepts: Concepts::default(),
        }
    }

    /// The corpus with its data files (the loader checks their clause IDs first).
    pub fn with_data(mut self, data: CorpusData) -> Self {
        self.data = data;
        self
    }

    /// The award list of `awards.toml` (empty when the corpus has none).
    pub fn awards(&self) -> &AwardList {
        &self.data.awards
    }

    /// The corpus with its concept list (checked against its clauses by the loader).
    pub fn with_concepts(mut self, concepts: Concepts) -> Self {
        self.concepts = concepts;
        self
    }

    /// The concept list of `concepts.toml` (empty when the corpus has none).
    pub fn concepts(&self) -> &Concepts {
        &self.concepts
    }

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// The clauses of one document, in order (the document itself first).
    pub fn clauses_of<'a>(&'a self, doc: &'a str) -> impl Iterator<Item = &'a Clause> + 'a {
        self.clauses.iter().filter(move |c| c.doc == doc)
    }

    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.by_id.get(id).map(|&i| &self.clauses[i])
    }

    /// The position of clause `id` in `clauses()`.
    pub fn ord(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The clause's ancestors, outermost (the document) first, excluding the clause itself.
    pub fn breadcrumbs(&self, clause: &Clause) -> Vec<&Clause> {
        let mut chain = Vec::new();
        let mut parent = clause.parent.as_deref();
        while let Some(id) = parent {
            match self.clause(id) {
                Some(p) => {
                    chain.push(p);
                    parent = p.parent.as_deref();
                }
                None => break,
            }
        }
        chain.reverse();
        chain
    }

    /// Annex 2's posts, in order.
    pub fn posts(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| c.kind == Kind::Post)
    }

    /// The catalogue's industries, each once, in catalogue order: the one list every filter and
    /// facet uses.
    pub fn industries(&self) -> Vec<&Bilingual> {
        let mut industries: Vec<&Bilingual> = Vec::new();
        for post in self.posts().filter_map(|c| c.post.as_ref()) {
            if !industries.contains(&&post.industry) {
                industries.push(&post.industry);
            }
        }
        industries
    }

    /// Post number `n` of the catalogue.
    pub fn post(&self, n: u32) -> Option<&Clause> {
        self.posts()
            .find(|c| c.post.as_ref().is_some_and(|p| p.number == n))
    }

    pub fn hash(&self) -> &str {
        &self.hash
    }
}
