//! App: opening — where the corpus and the index come from, done once per process. The set-up
//! (corpus → analyser → index → search engine) lives here and nowhere else: `serve`, every CLI
//! command, the benches and the tests open an `App` through `Options`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{App, AppError};
use crate::analysis::Analyzer;
use crate::index::{self, Outcome};
use crate::model::Corpus;
use crate::search::SearchEngine;

/// Where the search index lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexLocation {
    /// Open the index in this directory, (re)building it first when missing, stale or
    /// unreadable; a directory that cannot be written falls back to an index in memory.
    Dir(PathBuf),
    /// Build the index in memory (tests, tools, a read-only installation).
    Ram,
}

/// What an `App` is opened from.
#[derive(Debug, Clone)]
pub struct Options {
    /// The corpus directory (Markdown sources and the data files beside them).
    pub corpus: PathBuf,
    pub index: IndexLocation,
}

impl Options {
    pub fn new(corpus: impl Into<PathBuf>, index: IndexLocation) -> Options {
        Options {
            corpus: corpus.into(),
            index,
        }
    }
}

/// How the index was obtained when the `App` was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexSource {
    /// An index on disk that agreed with the corpus.
    Opened(PathBuf),
    /// An index (re)built on disk, and why.
    Built { dir: PathBuf, reason: String },
    /// An index in memory; `reason` says why when a directory was asked for.
    Ram { reason: Option<String> },
}

/// What opening did and how long it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub index: IndexSource,
    pub took: Duration,
}

impl App {
    /// Load the corpus and its search data, then open or build the index as `options` say.
    pub fn open(options: &Options) -> Result<App, AppError> {
        let started = Instant::now();
        let corpus = load_corpus(&options.corpus)?;
        let analyzer = load_analyzer(&options.corpus)?;
        let (engine, index) = match &options.index {
            IndexLocation::Ram => (
                SearchEngine::in_ram(corpus, analyzer)?,
                IndexSource::Ram { reason: None },
            ),
            IndexLocation::Dir(dir) => open_dir(corpus, analyzer, dir)?,
        };
        let took = started.elapsed();
        Ok(App::new(engine, Opened { index, took }))
    }

    /// The corpus in `corpus_dir` with its index in memory.
    pub fn in_ram(corpus_dir: &Path) -> Result<App, AppError> {
        App::open(&Options::new(corpus_dir, IndexLocation::Ram))
    }

    /// An already loaded corpus and analyser, the index built in memory.
    pub fn from_parts(corpus: Corpus, analyzer: Analyzer) -> Result<App, AppError> {
        let started = Instant::now();
        let engine = SearchEngine::in_ram(Arc::new(corpus), Arc::new(analyzer))?;
        let opened = Opened {
            index: IndexSource::Ram { reason: None },
            took: started.elapsed(),
        };
        Ok(App::new(engine, opened))
    }

    /// Rebuild the index in `dir` whatever state it is in (`talentdex index`); the reason it
    /// would have been rebuilt anyway, if any, and the number of clauses indexed.
    pub fn rebuild_index(options: &Options, dir: &Path) -> Result<(String, usize), AppError> {
        let corpus = load_corpus(&options.corpus)?;
        let analyzer = load_analyzer(&options.corpus)?;
        let reason = match index::open(dir, &corpus, &analyzer) {
            Ok(_) => "rebuilt on request".to_string(),
            Err(reason) => reason.to_string(),
        };
        let built = index::build(dir, &corpus, &analyzer).map_err(|source| AppError::Index {
            dir: dir.to_path_buf(),
            source: Box::new(source),
        })?;
        Ok((reason, built.num_docs()))
    }
}

fn open_dir(
    corpus: Arc<Corpus>,
    analyzer: Arc<Analyzer>,
    dir: &Path,
) -> Result<(SearchEngine, IndexSource), AppError> {
    match SearchEngine::open_or_build(corpus.clone(), analyzer.clone(), dir) {
        Ok((engine, Outcome::Opened)) => Ok((engine, IndexSource::Opened(dir.to_path_buf()))),
        Ok((engine, Outcome::Built(reason))) => Ok((
            engine,
            IndexSource::Built {
                dir: dir.to_path_buf(),
                reason: reason.to_string(),
            },
        )),
        Err(e) => {
            tracing::warn!(index = %dir.display(), error = %e,
                "cannot use the index directory; building the index in memory");
            let engine = SearchEngine::in_ram(corpus, analyzer)?;
            let reason = Some(format!("{}: {e}", dir.display()));
            Ok((engine, IndexSource::Ram { reason }))
        }
    }
}

fn load_corpus(dir: &Path) -> Result<Arc<Corpus>, AppError> {
    crate::corpus::load(dir)
        .map(Arc::new)
        .map_err(|source| AppError::Corpus {
            dir: dir.to_path_buf(),
            source: Box::new(source),
        })
}

fn load_analyzer(dir: &Path) -> Result<Arc<Analyzer>, AppError> {
    Analyzer::load(dir)
        .map(Arc::new)
        .map_err(|source| AppError::SearchData {
            dir: dir.to_path_buf(),
            source: Box::new(source),
        })
}
