//! App: the application layer, between the domain modules (corpus, search, eligibility,
//! citation, compare) and the front ends (web, cli, mcp, benches, tests). Opened once from a corpus
//! and an index location, an `App` owns the corpus, the analyser, the index and the engines and
//! answers one request type per operation; a front end parses a request (see `requests`), calls
//! the `App` and renders what it answers.

pub mod codes;
mod error;
mod open;
pub mod requests;
pub mod views;

use std::sync::Arc;

use crate::analysis::Analyzer;
use crate::citation::{self, Links, Resolution};
use crate::compare::{self, Comparison};
use crate::eligibility::{Answer, Eligibility, EligibilityError, Facts, VerdictKind};
use crate::model::{Clause, Corpus, Document, Validity};
use crate::search::{Results, SearchEngine};

pub use codes::{ERROR_CODES, ErrorBody, ErrorCode};
pub use error::AppError;
pub use open::{CorpusSource, IndexLocation, IndexSource, Opened, Options};
pub use requests::{SEARCH_PARAMS, SearchRequest};

/// The opened application: everything a front end asks goes through here. Cheap to share
/// behind an `Arc`; every operation takes `&self`.
pub struct App {
    engine: SearchEngine,
    eligibility: Eligibility,
    opened: Opened,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("engine", &self.engine)
            .field("opened", &self.opened)
            .finish()
    }
}

impl App {
    /// The application over an engine already opened (see `App::open` and `App::in_ram`).
    pub fn new(engine: SearchEngine, opened: Opened) -> App {
        let eligibility = Eligibility::new(engine.corpus().clone(), engine.analyzer().synonyms());
        App {
            engine,
            eligibility,
            opened,
        }
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
        self.engine.corpus()
    }

    pub fn analyzer(&self) -> &Arc<Analyzer> {
        self.engine.analyzer()
    }

    pub fn engine(&self) -> &SearchEngine {
        &self.engine
    }

    /// The eligibility engine over the same corpus and synonym table.
    pub fn eligibility(&self) -> &Eligibility {
        &self.eligibility
    }

    /// How the index was obtained and how long it took.
    pub fn opened(&self) -> &Opened {
        &self.opened
    }

    /// Search, and when the request carries applicant facts, judge every post hit's checks
    /// against them: each post block gets its own typed verdicts, matched by the post's ID.
    pub fn search(&self, request: &SearchRequest) -> Result<Results<'_>, AppError> {
        let mut results = self.engine.search(&request.search)?;
        if let Some(facts) = &request.facts {
            self.judge_posts(&mut results, facts)?;
        }
        Ok(results)
    }

    fn judge_posts(&self, results: &mut Results<'_>, facts: &Facts) -> Result<(), AppError> {
        self.known_post(facts)?;
        let corpus = self.corpus();
        for block in results.hits.iter_mut().filter_map(|h| h.post.as_mut()) {
            let Some(clause) = corpus.clause(block.id) else {
                continue;
            };
            let judged = self.eligibility.evaluate_post(clause, facts);
            // Several checks share an ID and kind (a post's ability items): match each view to
            // the first verdict of its ID and kind not yet given out, so each keeps its own.
            let mut taken = vec![false; judged.checks.len()];
            for view in &mut block.checks {
                let found = judged.checks.iter().enumerate().position(|(i, v)| {
                    !taken[i]
                        && v.id == view.check.id
                        && v.kind == VerdictKind::Check(view.check.kind)
                });
                if let Some(i) = found {
                    taken[i] = true;
                    view.verdict = Some(judged.checks[i].verdict);
                    view.reason = Some(judged.checks[i].reason.clone());
                }
            }
            block.verdict = Some(judged.verdict);
            block.reason = Some(judged.reason);
        }
        Ok(())
    }

    /// A `post` fact must name a post of the catalogue.
    fn known_post(&self, facts: &Facts) -> Result<(), EligibilityError> {
        match facts.post {
            Some(n) if self.corpus().post(n).is_none() => Err(EligibilityError::UnknownPost {
                number: n,
                count: self.corpus().posts().count(),
            }),
            _ => Ok(()),
        }
    }

    /// One clause by its ID.
    pub fn clause(&self, id: &str) -> Result<&Clause, AppError> {
        self.corpus()
            .clause(id)
            .ok_or_else(|| AppError::UnknownClause { id: id.to_string() })
    }

    /// One post of the catalogue by its number.
    pub fn post(&self, number: &str) -> Result<&Clause, AppError> {
        number
            .parse()
            .ok()
            .and_then(|n| self.corpus().post(n))
            .ok_or_else(|| AppError::UnknownPost {
                number: number.to_string(),
                count: self.corpus().posts().count(),
            })
    }

    /// The clauses of one document, or all of them.
    pub fn clauses(&self, doc: Option<&str>) -> Result<Vec<&Clause>, AppError> {
        let corpus = self.corpus();
        match doc {
            None => Ok(corpus.clauses().iter().collect()),
            Some(doc) => {
                let doc = &self.document(doc)?.id;
                Ok(corpus.clauses_of(doc).collect())
            }
        }
    }

    /// One document by its ID.
    pub fn document(&self, doc: &str) -> Result<&Document, AppError> {
        self.corpus()
            .document(doc)
            .ok_or_else(|| AppError::UnknownDocument {
                doc: doc.to_string(),
                known: self.document_ids().join(", "),
            })
    }

    fn document_ids(&self) -> Vec<&str> {
        self.corpus()
            .documents()
            .iter()
            .map(|d| d.id.as_str())
            .collect()
    }

    /// Every document with its validity on `as_of`.
    pub fn documents(&self, as_of: jiff::civil::Date) -> Vec<(&Document, Validity)> {
        self.corpus()
            .documents()
            .iter()
            .map(|d| (d, Validity::of(d, as_of)))
            .collect()
    }

    /// Resolve one citation to its clause (or candidates).
    pub fn resolve(&self, citation: &str) -> Result<Resolution<'_>, AppError> {
        Ok(self.engine.citations().resolve(citation)?)
    }

    /// The citations in a text that start at character `from` or later, with their spans and
    /// what they resolve to: at most `citation::MAX_LINKS_PER_PAGE`, and `next` says where the
    /// rest start. The whole text is read, so a citation keeps the context before `from`.
    pub fn link(&self, text: &str, from: usize) -> Result<Links<'_>, AppError> {
        let links = self.engine.citations().link(text)?;
        Ok(links.page(from, citation::MAX_LINKS_PER_PAGE))
    }

    /// Judge validated facts against every criterion and post.
    pub fn check(&self, facts: &Facts) -> Result<Answer, AppError> {
        Ok(self.eligibility.evaluate(facts)?)
    }

    /// Each Beijing clause beside the national clause it adapts.
    pub fn compare(&self) -> Vec<Comparison<'_>> {
        compare::compare_all(self.corpus(), self.analyzer())
    }
}
