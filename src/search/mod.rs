//! Search: after `index`, before `web` and `cli`. `SearchEngine` answers a `Request` with
//! `Results`: the query analysed like the clauses, run against the index, clauses folded into
//! hits (a post once), filtered, faceted, paged and given highlighted snippets. No tantivy type
//! leaves this module's private parts.

mod cite;
mod concepts;
mod confidence;
mod execute;
mod plan;
mod profile;
mod rank;
mod results;
mod snippet;
mod sounds;
#[cfg(test)]
mod tests;
mod understand;
mod vocabulary;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::analysis::{Analyzer, Language};
use crate::citation::{Citations, OwnedCitations};
use crate::index::{self, ClauseIndex, IndexError, Outcome, TextField};
use crate::model::{Bilingual, Corpus, Kind};

pub use results::{CheckView, Count, Facets, Hit, IndustryCount, PostBlock, Results};
pub use snippet::{Snippet, Snippets, escape_html};

use concepts::ConceptMatcher;
use profile::Profiles;
use snippet::{Located, TermId};
use sounds::Sounds;
use vocabulary::Vocabulary;

/// Hits per page unless the request says otherwise.
pub const DEFAULT_LIMIT: usize = 10;
/// The most hits one page may ask for.
pub const MAX_LIMIT: usize = 50;
/// The longest query accepted, in characters (a long paragraph; longer is refused).
pub const MAX_QUERY_CHARS: usize = 1000;

/// A search: the query, filters and page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Request {
    pub query: String,
    /// Which language the query is read in; `None` (auto): both languages' fields, the
    /// query's own script first.
    pub lang: Option<Language>,
    pub doc: Option<String>,
    pub kind: Option<Kind>,
    /// A post industry, by its Chinese or English name.
    pub industry: Option<String>,
    pub limit: usize,
    pub offset: usize,
    /// `expand=post`: each post block also carries its parts' full texts. Without it a hit is
    /// compact — the block keeps what a hit shows and judges (industry, name, requirements,
    /// checks) and each part is one request away at its own clause URL.
    pub expand_post: bool,
}

impl Request {
    pub fn new(query: impl Into<String>) -> Request {
        Request {
            query: query.into(),
            lang: None,
            doc: None,
            kind: None,
            industry: None,
            limit: DEFAULT_LIMIT,
            offset: 0,
            expand_post: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("the query is empty: say what to search for")]
    EmptyQuery,
    #[error("the query is {chars} characters long; at most {MAX_QUERY_CHARS} are accepted")]
    QueryTooLong { chars: usize },
    #[error("limit {0} is over the maximum of {MAX_LIMIT}")]
    LimitTooLarge(usize),
    #[error("no document `{doc}`; documents are {known}")]
    UnknownDocument { doc: String, known: String },
    #[error("no industry `{industry}`; industries are {known}")]
    UnknownIndustry { industry: String, known: String },
    #[error(transparent)]
    Analysis(#[from] crate::analysis::AnalysisError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("the search failed: {0}")]
    Failed(String),
}

/// The search engine over one corpus and the index built from it.
pub struct SearchEngine {
    corpus: Arc<Corpus>,
    analyzer: Arc<Analyzer>,
    index: ClauseIndex,
    vocabulary: Vocabulary,
    /// Per clause: the analysed terms of its Chinese and English text, for snippets.
    texts: Vec<HashMap<Language, Vec<Located>>>,
    /// The IDs of the terms in `texts`.
    term_ids: HashMap<String, TermId>,
    /// Per clause: the post it is, or belongs to.
    post_of: Vec<Option<usize>>,
    /// Per clause: its requirement parts (empty but for posts), so that a hit's clauses cost
    /// its own size, not the corpus's.
    parts_of: Vec<Vec<usize>>,
    /// The catalogue's industries, in order; `industry_of` points into it.
    industries: Vec<Bilingual>,
    industry_of: Vec<Option<usize>>,
    /// Per clause: its words as queries ask about them; corpus-wide frequencies.
    profiles: Profiles,
    /// The index's Chinese words by sound (pinyin, homophones).
    sounds: Sounds,
    /// The concept list, for query expansion.
    concepts: ConceptMatcher,
    /// The citation tables, compiled once (citations in the search box, `resolve`, `link`).
    citations: OwnedCitations,
}

impl std::fmt::Debug for SearchEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchEngine")
            .field("clauses", &self.corpus.clauses().len())
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl SearchEngine {
    /// Open the index in `dir` or (re)build it when missing, stale or unreadable.
    pub fn open_or_build(
        corpus: Arc<Corpus>,
        analyzer: Arc<Analyzer>,
        dir: &Path,
    ) -> Result<(SearchEngine, Outcome), SearchError> {
        let (index, outcome) = index::open_or_build(dir, &corpus, &analyzer)?;
        Ok((SearchEngine::new(corpus, analyzer, index)?, outcome))
    }

    /// Build the index in RAM (tests, tools, a read-only index directory).
    pub fn in_ram(
        corpus: Arc<Corpus>,
        analyzer: Arc<Analyzer>,
    ) -> Result<SearchEngine, SearchError> {
        let index = index::build_in_ram(&corpus, &analyzer)?;
        SearchEngine::new(corpus, analyzer, index)
    }

    /// An engine over an index already checked against `corpus`.
    pub fn new(
        corpus: Arc<Corpus>,
        analyzer: Arc<Analyzer>,
        index: ClauseIndex,
    ) -> Result<SearchEngine, SearchError> {
        let vocabulary = vocabulary_of(&index)?;
        let clauses = corpus.clauses();
        let mut term_ids: HashMap<String, TermId> = HashMap::new();
        let mut texts = Vec::with_capacity(clauses.len());
        for clause in clauses {
            let mut by_language = HashMap::new();
            for language in Language::BOTH {
                let text = match language {
                    Language::Zh => &clause.text.zh,
                    Language::En => &clause.text.en,
                };
                let terms = analyzer
                    .analyze(language, text)
                    .into_iter()
                    .map(|t| {
                        let next = term_ids.len() as TermId;
                        Located {
                            term: *term_ids.entry(t.term).or_insert(next),
                            span: t.span,
                            main: t.main,
                        }
                    })
                    .collect();
                by_language.insert(language, terms);
            }
            texts.push(by_language);
        }
        let ord_of: HashMap<&str, usize> = clauses
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let post_of: Vec<Option<usize>> = clauses
            .iter()
            .enumerate()
            .map(|(i, c)| match c.kind {
                Kind::Post => Some(i),
                Kind::Requirement => c.parent.as_deref().and_then(|p| ord_of.get(p).copied()),
                _ => None,
            })
            .collect();
        let mut parts_of = vec![Vec::new(); clauses.len()];
        for (ord, post) in post_of.iter().enumerate() {
            if let Some(p) = *post
                && p != ord
            {
                parts_of[p].push(ord);
            }
        }
        let industries: Vec<Bilingual> = corpus.industries().into_iter().cloned().collect();
        let industry_of = post_of
            .iter()
            .map(|p| {
                let post = clauses.get((*p)?)?.post.as_ref()?;
                industries.iter().position(|i| *i == post.industry)
            })
            .collect();
        let profiles = Profiles::new(&corpus, &analyzer);
        let sounds = Sounds::new(profiles.chinese_terms());
        let concepts = ConceptMatcher::new(&corpus, &analyzer);
        let citations = OwnedCitations::compile(Arc::clone(&corpus));
        Ok(SearchEngine {
            citations,
            profiles,
            sounds,
            concepts,
            corpus,
            analyzer,
            index,
            vocabulary,
            texts,
            term_ids,
            post_of,
            parts_of,
            industries,
            industry_of,
        })
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// The citation resolver and linker over the same corpus.
    pub fn citations(&self) -> &Citations<'_> {
        self.citations.get()
    }

    /// The analyser the index was built with (its jieba also segments text for display).
    pub fn analyzer(&self) -> &Arc<Analyzer> {
        &self.analyzer
    }

    /// The post catalogue's industries, in order.
    pub fn industries(&self) -> &[Bilingual] {
        &self.industries
    }
}

fn vocabulary_of(index: &ClauseIndex) -> Result<Vocabulary, IndexError> {
    let mut maps = Language::BOTH.map(|_| HashMap::new());
    for (slot, language) in Language::BOTH.into_iter().enumerate() {
        for field in TextField::ALL {
            for term in index.terms(index.fields().text(field, language))? {
                *maps[slot].entry(term).or_default() |= vocabulary::bit(field);
            }
        }
    }
    let [zh, en] = maps;
    Ok(Vocabulary::new(zh, en))
}
