//! App: the application's errors — each domain module's own error, with the context the
//! application adds (which corpus, which index), and the look-ups that found nothing. The web
//! layer maps each to a status and a stable code; the CLI prints it with its causes.

use std::path::PathBuf;

use crate::analysis::AnalysisError;
use crate::citation::CitationError;
use crate::corpus::CorpusError;
use crate::eligibility::EligibilityError;
use crate::index::IndexError;
use crate::search::SearchError;

use super::requests::RequestError;

/// Large sources are boxed so a `Result<_, AppError>` stays small.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("corpus {} refused", dir.display())]
    Corpus {
        dir: PathBuf,
        #[source]
        source: Box<CorpusError>,
    },
    #[error("search data in {} refused", dir.display())]
    SearchData {
        dir: PathBuf,
        #[source]
        source: Box<AnalysisError>,
    },
    #[error("cannot build the search index in {}", dir.display())]
    Index {
        dir: PathBuf,
        #[source]
        source: Box<IndexError>,
    },
    #[error(transparent)]
    Request(#[from] RequestError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Eligibility(#[from] EligibilityError),
    #[error(transparent)]
    Citation(#[from] CitationError),
    #[error("no clause `{id}` (IDs look like bj2022-a1/2.8)")]
    UnknownClause { id: String },
    #[error("no post `{number}`; posts are numbered 1 to {count}")]
    UnknownPost { number: String, count: usize },
    #[error("no document `{doc}`; documents are {known}")]
    UnknownDocument { doc: String, known: String },
}
