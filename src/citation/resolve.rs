//! Citation, step 4: fit a parsed citation to the corpus. Each document's levels (article,
//! category, item, post, requirement) come from its clauses; a component marked as a level lands
//! on the first level of that class, bare numbers take the next level down, and levels above the
//! first component that the citation does not give are filled from the context or left open.

use std::collections::HashMap;

use super::types::{Component, DocRef, Level, Status};
use crate::model::{Clause, Corpus, Kind};

/// What one citation resolves to.
#[derive(Debug, Clone)]
pub(crate) struct Outcome<'a> {
    pub status: Status,
    pub clauses: Vec<&'a Clause>,
    /// The path the citation names in its document, where it names one document and every level
    /// fits (kept as context for the citations after it, found or not).
    pub path: Option<Vec<u32>>,
    pub reason: Option<String>,
}

impl Outcome<'_> {
    fn not_found(reason: String) -> Self {
        Self {
            status: Status::NotFound,
            clauses: Vec::new(),
            path: None,
            reason: Some(reason),
        }
    }
}

/// Resolves parsed citations against one corpus.
pub(crate) struct Resolver<'a> {
    corpus: &'a Corpus,
    /// Per document, the kind of clause at each depth (depth 0: the top level of numbering).
    levels: HashMap<&'a str, Vec<Kind>>,
}

fn fits(level: Level, kind: Kind) -> bool {
    match level {
        Level::Division => matches!(kind, Kind::Article | Kind::Category),
        Level::Item | Level::Paragraph => matches!(kind, Kind::Item | Kind::Post),
        Level::Part => kind == Kind::Requirement,
    }
}

impl<'a> Resolver<'a> {
    pub fn new(corpus: &'a Corpus) -> Self {
        let mut levels: HashMap<&str, Vec<Kind>> = HashMap::new();
        for doc in corpus.documents() {
            levels.insert(&doc.id, Vec::new());
        }
        for clause in corpus.clauses() {
            let Some(depth) = clause.path.len().checked_sub(1) else {
                continue;
            };
            let kinds = levels.entry(&clause.doc).or_default();
            if kinds.len() <= depth {
                kinds.resize(depth + 1, clause.kind);
            }
            kinds[depth] = clause.kind;
        }
        Self { corpus, levels }
    }

    /// Resolve `components` in `doc` (every document when `None`). `context` is the path of the
    /// citation before this one in the same document, which fills levels this one leaves out.
    pub fn resolve(
        &self,
        doc: Option<&DocRef>,
        components: &[Component],
        context: &[u32],
    ) -> Outcome<'a> {
        match doc {
            Some(DocRef::Unknown(name)) => {
                Outcome::not_found(format!("{name} is not a document talentdex holds"))
            }
            Some(DocRef::Id(id)) => match self.corpus.document(id) {
                None => Outcome::not_found(format!("no document `{id}`")),
                Some(document) => {
                    let (clauses, path) = self.in_document(id, components, context);
                    let mut outcome = outcome(clauses);
                    if outcome.status == Status::NotFound {
                        let name = &document.short.en;
                        outcome.reason = Some(match &path {
                            Some(p) => format!("{name} has no clause `{id}/{}`", join(p)),
                            None => format!("{name} has no clause numbered like that"),
                        });
                    }
                    outcome.path = path;
                    outcome
                }
            },
            None => {
                // Words that fit some document's levels name clauses of those documents only;
                // only where they fit none are they read loosely.
                let documents = self.corpus.documents();
                let strict: Vec<_> = documents
                    .iter()
                    .filter_map(|d| self.fitted(&d.id, components, &[]))
                    .collect();
                let clauses = if strict.is_empty() {
                    documents
                        .iter()
                        .flat_map(|d| self.in_document(&d.id, components, &[]).0)
                        .collect()
                } else {
                    strict
                        .into_iter()
                        .flat_map(|(clauses, _)| clauses)
                        .collect()
                };
                let mut outcome = outcome(clauses);
                if outcome.status == Status::NotFound {
                    outcome.reason = Some("no document has such a clause".to_string());
                }
                outcome
            }
        }
    }

    /// The clauses of `doc` the components can name, and the path when it is fixed. Where the
    /// level words do not fit the document's levels, loose ones (`第（二）项第8条`) give way to
    /// the order written, and a paragraph below the deepest numbering (`第三条第二款`) is part
    /// of the clause above it.
    fn in_document(
        &self,
        doc: &str,
        components: &[Component],
        context: &[u32],
    ) -> (Vec<&'a Clause>, Option<Vec<u32>>) {
        if let Some(found) = self.fitted(doc, components, context) {
            return found;
        }
        if components.iter().any(|c| c.loose) {
            let relaxed: Vec<Component> = components
                .iter()
                .map(|c| Component {
                    level: c.level.filter(|_| !c.loose),
                    ..*c
                })
                .collect();
            if let Some(found) = self.fitted(doc, &relaxed, context) {
                return found;
            }
        }
        match components {
            [rest @ .., last] if !rest.is_empty() && last.level == Some(Level::Paragraph) => {
                self.in_document(doc, rest, context)
            }
            _ => (Vec::new(), None),
        }
    }

    /// `in_document` for components whose levels fit the document as written; `None` when they
    /// do not.
    fn fitted(
        &self,
        doc: &str,
        components: &[Component],
        context: &[u32],
    ) -> Option<(Vec<&'a Clause>, Option<Vec<u32>>)> {
        if components.is_empty() {
            return Some((
                self.corpus.clause(doc).into_iter().collect(),
                Some(Vec::new()),
            ));
        }
        let kinds = self.levels.get(doc).map(Vec::as_slice).unwrap_or_default();
        let first = match components[0].level {
            None => 0,
            Some(level) => kinds.iter().position(|&k| fits(level, k))?,
        };
        let fitting = components.iter().enumerate().all(|(i, c)| {
            kinds
                .get(first + i)
                .is_some_and(|&k| c.level.is_none_or(|l| fits(l, k)))
        });
        if !fitting {
            return None;
        }
        let numbers: Vec<u32> = components.iter().map(|c| c.n).collect();
        if first <= context.len() {
            let mut path = context[..first].to_vec();
            path.extend(&numbers);
            let id = format!("{doc}/{}", join(&path));
            return Some((self.corpus.clause(&id).into_iter().collect(), Some(path)));
        }
        // Levels above the first component are open: every clause of the document that fits.
        let clauses = self
            .corpus
            .clauses()
            .iter()
            .filter(|c| {
                c.doc == doc
                    && c.path.len() == first + numbers.len()
                    && c.path[first..] == numbers[..]
            })
            .collect();
        Some((clauses, None))
    }
}

fn outcome(clauses: Vec<&Clause>) -> Outcome<'_> {
    let status = match clauses.len() {
        0 => Status::NotFound,
        1 => Status::Found,
        _ => Status::Ambiguous,
    };
    Outcome {
        status,
        clauses,
        path: None,
        reason: None,
    }
}

fn join(path: &[u32]) -> String {
    path.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}
