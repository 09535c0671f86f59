//! Analysis: what can be wrong with the search data files of the corpus directory.

#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    #[error(transparent)]
    Read(#[from] crate::corpus::CorpusError),
    #[error("{file} line {line}: {problem}")]
    Dictionary {
        file: String,
        line: usize,
        problem: String,
    },
    #[error("{file}: {problem}")]
    Synonyms { file: String, problem: String },
}
