//! Corpus: the start of the pipeline. Reads `corpus/*.md` (see `corpus/FORMAT.md`) from a
//! directory or from the copy compiled into the binary, validates every file and builds the
//! `model::Corpus` — or refuses the whole corpus with the file, line and what is wrong.

mod build;
mod concepts;
mod data;
mod error;
mod front_matter;
mod links;
mod markdown;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use concepts::CONCEPTS_FILE;
pub use data::AWARDS_FILE;
pub use error::{CorpusError, Problem};

use crate::model::Corpus;

/// Files in the corpus directory that are not documents.
const NOT_DOCUMENTS: [&str; 2] = ["FORMAT.md", "README.md"];

/// One corpus file's name and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// The repository's `corpus/` directory, compiled into the binary (build.rs rebuilds it when a
/// file there changes): the corpus a `talentdex` installed anywhere uses by default.
static BUILT_IN: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/corpus");

/// Load and validate the corpus in `dir`, with its data files.
pub fn load(dir: &Path) -> Result<Corpus, CorpusError> {
    from_files(&read_dir(dir)?, dir)
}

/// Every file of the built-in corpus, sorted by name: what `read_dir` gives for `corpus/`.
pub fn built_in() -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = BUILT_IN
        .files()
        .filter_map(|f| {
            Some(SourceFile {
                name: f.path().file_name()?.to_string_lossy().into_owned(),
                text: f.contents_utf8()?.to_owned(),
            })
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Validate a corpus from all its files (documents and data files, as `read_dir` or `built_in`
/// gives them); `origin` names where they came from in errors.
pub fn from_files(files: &[SourceFile], origin: &Path) -> Result<Corpus, CorpusError> {
    let documents: Vec<SourceFile> = files
        .iter()
        .filter(|f| is_document(&f.name))
        .cloned()
        .collect();
    if documents.is_empty() {
        return Err(CorpusError::Empty(origin.to_path_buf()));
    }
    let corpus = build::build(&documents, hash(files))?;
    let data = data::load(files, &corpus)?;
    let corpus = corpus.with_data(data);
    match find(files, CONCEPTS_FILE) {
        Some(text) => {
            let concepts = concepts::parse(text, &corpus)?;
            Ok(corpus.with_concepts(concepts))
        }
        None => Ok(corpus),
    }
}

/// The text of the corpus file `name` (a data file: synonyms, dictionary), if there is one.
pub fn find<'a>(files: &'a [SourceFile], name: &str) -> Option<&'a str> {
    files
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.text.as_str())
}

/// Build a corpus from documents held in memory (for tests and tools).
pub fn from_sources(documents: &[SourceFile]) -> Result<Corpus, CorpusError> {
    build::build(documents, hash(documents))
}

fn is_document(name: &str) -> bool {
    name.ends_with(".md") && !name.starts_with('_') && !NOT_DOCUMENTS.contains(&name)
}

/// Every regular file of the corpus directory, sorted by name.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, CorpusError> {
    let io = |path: PathBuf| move |source| CorpusError::Io { path, source };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir.to_path_buf()))? {
        let entry = entry.map_err(io(dir.to_path_buf()))?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(io(path.clone()))?;
        files.push(SourceFile {
            name: entry.file_name().to_string_lossy().into_owned(),
            text,
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// A hash of every corpus file, names and contents: the index is stale when it changes.
pub fn hash(files: &[SourceFile]) -> String {
    let mut hasher = Sha256::new();
    for f in files {
        hasher.update((f.name.len() as u64).to_le_bytes());
        hasher.update(f.name.as_bytes());
        hasher.update((f.text.len() as u64).to_le_bytes());
        hasher.update(f.text.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Read a data file of the corpus directory (synonyms, dictionary) if it exists.
pub fn read_optional(dir: &Path, name: &str) -> Result<Option<String>, CorpusError> {
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(CorpusError::Io { path, source }),
    }
}
