//! Corpus errors: what is wrong with a corpus file, and where (file, line, clause ID).

use std::path::PathBuf;

/// Why a corpus was refused. The whole corpus is refused: nothing is half-loaded.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("cannot read corpus {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}: {problem}")]
    Invalid {
        file: String,
        line: usize,
        problem: Problem,
    },
    /// A data file (`awards.toml`, `concepts.toml`) does not parse or names an unknown clause.
    #[error("corpus file {file}: {problem}")]
    Data { file: String, problem: String },
    #[error("corpus {0} holds no documents")]
    Empty(PathBuf),
    #[error("corpus file {path} is over the size limit of {limit} bytes")]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("corpus file {path} is not UTF-8 text (at byte {at})")]
    NotUtf8 { path: PathBuf, at: usize },
}

/// What is wrong at one place of a corpus file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("front matter: {0}")]
    FrontMatter(String),
    #[error("no front matter: a corpus file opens with a TOML block between `+++` lines")]
    NoFrontMatter,
    #[error("malformed clause ID `{0}`: {1}")]
    MalformedId(String, String),
    #[error("duplicate ID `{0}` (first at line {1})")]
    DuplicateId(String, usize),
    #[error("duplicate document `{0}` (also in {1})")]
    DuplicateDocument(String, String),
    #[error("`{id}` has no {lang} text (`{lang}:`)")]
    MissingLanguage { id: String, lang: &'static str },
    #[error("`{id}` has no {what}")]
    Missing { id: String, what: String },
    #[error("`{id}`: unknown field `{key}`")]
    UnknownField { id: String, key: String },
    #[error("`{id}`: field `{key}` given twice")]
    DuplicateField { id: String, key: String },
    #[error("`{id}`: bad value for `{key}`: {why}")]
    BadValue {
        id: String,
        key: String,
        why: String,
    },
    #[error("`{id}` refers to unknown document `{doc}`")]
    UnknownDocument { id: String, doc: String },
    #[error("`{id}` refers to unknown clause `{target}`")]
    UnknownClause { id: String, target: String },
    #[error("post `{id}`: {why}")]
    Post { id: String, why: String },
    #[error("stray markup: {0}")]
    Markup(String),
}

/// A problem at a line of a corpus file.
pub(super) fn invalid(file: &str, line: usize, problem: Problem) -> CorpusError {
    CorpusError::Invalid {
        file: file.to_string(),
        line,
        problem,
    }
}
