//! App: opening — where the corpus and the index come from, done once per process. The set-up
//! (corpus → analyser → index → search engine) lives here and nowhere else: `serve`, every CLI
//! command, the benches and the tests open an `App` through `Options`. The corpus is the copy
//! built into the binary unless a directory is given.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{App, AppError};
use crate::analysis::{Analyzer, DICTIONARY_FILE, SYNONYMS_FILE};
use crate::corpus::SourceFile;
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

/// Where the corpus (Markdown sources and the data files beside them) comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    /// The repository's `corpus/`, compiled into the binary: works from any folder.
    BuiltIn,
    /// A corpus directory on disk (`--corpus DIR`, `TALENTDEX_CORPUS`).
    Dir(PathBuf),
}

/// How the built-in corpus is named in messages.
const BUILT_IN_NAME: &str = "(built-in)";

impl CorpusSource {
    /// What the source is called in messages: its directory, or `(built-in)`.
    pub fn name(&self) -> PathBuf {
        match self {
            CorpusSource::BuiltIn => PathBuf::from(BUILT_IN_NAME),
            CorpusSource::Dir(dir) => dir.clone(),
        }
    }

    /// Every file of the corpus, sorted by name.
    fn files(&self) -> Result<Vec<SourceFile>, AppError> {
        match self {
            CorpusSource::BuiltIn => Ok(crate::corpus::built_in()),
            CorpusSource::Dir(dir) => {
                crate::corpus::read_dir(dir).map_err(|source| AppError::Corpus {
                    dir: dir.clone(),
                    source: Box::new(source),
                })
            }
        }
    }
}

impl From<PathBuf> for CorpusSource {
    fn from(dir: PathBuf) -> Self {
        CorpusSource::Dir(dir)
    }
}

impl From<&Path> for CorpusSource {
    fn from(dir: &Path) -> Self {
        CorpusSource::Dir(dir.to_path_buf())
    }
}

/// What an `App` is opened from.
#[derive(Debug, Clone)]
pub struct Options {
    pub corpus: CorpusSource,
    pub index: IndexLocation,
}

impl Options {
    pub fn new(corpus: impl Into<CorpusSource>, index: IndexLocation) -> Options {
        Options {
            corpus: corpus.into(),
            index,
        }
    }

    /// The built-in corpus with its index in memory: what `talentdex` uses with no flags.
    pub fn built_in() -> Options {
        Options::new(CorpusSource::BuiltIn, IndexLocation::Ram)
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
        let (corpus, analyzer) = load(&options.corpus)?;
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
        let (corpus, analyzer) = load(&options.corpus)?;
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

/// The corpus and the analyser over its dictionary and synonyms, from one reading of its files.
fn load(source: &CorpusSource) -> Result<(Arc<Corpus>, Arc<Analyzer>), AppError> {
    let files = source.files()?;
    let corpus = crate::corpus::from_files(&files, &source.name()).map_err(|source_error| {
        AppError::Corpus {
            dir: source.name(),
            source: Box::new(source_error),
        }
    })?;
    let dictionary = crate::corpus::find(&files, DICTIONARY_FILE);
    let synonyms = crate::corpus::find(&files, SYNONYMS_FILE);
    let analyzer =
        Analyzer::new(dictionary, synonyms).map_err(|source_error| AppError::SearchData {
            dir: source.name(),
            source: Box::new(source_error),
        })?;
    Ok((Arc::new(corpus), Arc::new(analyzer)))
}
