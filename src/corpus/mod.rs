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
/// The data files read besides the documents: the jieba dictionary and the synonyms (the
/// analyser's), the awards and the concepts. Anything else in the folder (an editor's swap file,
/// a log) is ignored, never read.
pub const DATA_FILES: [&str; 4] = [
    "_dictionary.txt",
    "synonyms.toml",
    AWARDS_FILE,
    CONCEPTS_FILE,
];
/// No corpus file may be larger than this; the largest today is about 100 KB.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// The byte-order mark some editors put at the start of UTF-8 files.
const BOM: char = '\u{feff}';

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

/// Whether the corpus reads a file of this name: Markdown documents (not hidden ones, which are
/// editors' working copies) and the named data files.
fn is_read(name: &str) -> bool {
    (name.ends_with(".md") && !name.starts_with('.')) || DATA_FILES.contains(&name)
}

/// The corpus files of `dir` — its Markdown files and data files, each under the size cap —
/// sorted by name. Other files are skipped unread.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, CorpusError> {
    let io = |path: PathBuf| move |source| CorpusError::Io { path, source };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir.to_path_buf()))? {
        let entry = entry.map_err(io(dir.to_path_buf()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !path.is_file() || !is_read(&name) {
            if path.is_file() {
                tracing::debug!(file = %path.display(), "not a corpus file; skipped");
            }
            continue;
        }
        let text = read_capped(&path)?;
        files.push(SourceFile { name, text });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// Read a UTF-8 file of at most `MAX_FILE_BYTES`, without a byte-order mark. Never reads more
/// than the cap, however large the file is.
fn read_capped(path: &Path) -> Result<String, CorpusError> {
    use std::io::Read;
    let io = |source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(CorpusError::TooLarge {
            path: path.to_path_buf(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| CorpusError::NotUtf8 {
        path: path.to_path_buf(),
        at: e.utf8_error().valid_up_to(),
    })?;
    Ok(match text.strip_prefix(BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    })
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

/// Read a data file of the corpus directory (synonyms, dictionary) if it exists, under the same
/// size cap and encoding rules as the documents.
pub fn read_optional(dir: &Path, name: &str) -> Result<Option<String>, CorpusError> {
    let path = dir.join(name);
    match read_capped(&path) {
        Ok(text) => Ok(Some(text)),
        Err(CorpusError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(source).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
        dir
    }

    /// Issue 13: an editor's swap file (not UTF-8) refused the whole corpus, and a stray log
    /// was read whole. Neither is a corpus file.
    #[test]
    fn stray_files_are_skipped_unread() {
        let dir = corpus_dir();
        let clean = load(dir.path()).unwrap();
        std::fs::write(dir.path().join(".bj2022.md.swp"), [0xff, 0xfe, 0x00, 0x80]).unwrap();
        std::fs::write(dir.path().join(".#bj2022.md"), [0xff]).unwrap();
        let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
        log.set_len(MAX_FILE_BYTES * 4).unwrap();
        let loaded = load(dir.path()).unwrap();
        assert_eq!(loaded.hash(), clean.hash(), "stray files change nothing");
    }

    #[test]
    fn an_oversized_or_binary_document_is_refused_by_name() {
        let dir = corpus_dir();
        let huge = dir.path().join("huge.md");
        std::fs::File::create(&huge)
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
        let e = load(dir.path()).unwrap_err();
        assert!(
            matches!(&e, CorpusError::TooLarge { path, .. } if path == &huge),
            "{e}"
        );
        std::fs::remove_file(&huge).unwrap();
        std::fs::write(dir.path().join("bad.md"), b"+++\n\xff\n").unwrap();
        let e = load(dir.path()).unwrap_err();
        assert!(
            e.to_string().contains("bad.md") && e.to_string().contains("UTF-8"),
            "{e}"
        );
    }

    /// Issue 13: a byte-order mark was "stray markup".
    #[test]
    fn a_byte_order_mark_is_accepted() {
        let dir = corpus_dir();
        let clean = load(dir.path()).unwrap();
        let path = dir.path().join("bj2022.md");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{BOM}{text}")).unwrap();
        let with_bom = load(dir.path()).unwrap();
        assert_eq!(with_bom.clauses().len(), clean.clauses().len());
    }

    /// The analyser's data files must be among those the reader reads.
    #[test]
    fn the_analysers_files_are_data_files() {
        for name in [
            crate::analysis::DICTIONARY_FILE,
            crate::analysis::SYNONYMS_FILE,
        ] {
            assert!(DATA_FILES.contains(&name), "{name}");
        }
    }
}
