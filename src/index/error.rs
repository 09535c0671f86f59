//! Index: why an index could not be built or used.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{context}: {source}")]
    Tantivy {
        context: String,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("{context} {path}: {source}")]
    Io {
        context: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the index just built at {path} disagrees with the corpus: {problem}")]
    Inconsistent { path: PathBuf, problem: String },
}

/// Attach a sentence of context to a tantivy error.
pub(super) fn tantivy(
    context: impl Into<String>,
) -> impl FnOnce(tantivy::TantivyError) -> IndexError {
    let context = context.into();
    move |source| IndexError::Tantivy { context, source }
}

pub(super) fn io(
    context: &'static str,
    path: &std::path::Path,
) -> impl FnOnce(std::io::Error) -> IndexError {
    let path = path.to_path_buf();
    move |source| IndexError::Io {
        context,
        path,
        source,
    }
}
