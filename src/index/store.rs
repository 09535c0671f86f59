//! Index: building, opening and checking the index on disk (`<dir>/tantivy/`) or in RAM. A built
//! index carries a stamp — the corpus hash, the analyzer version, the clause count — in its
//! commit payload; opening compares it and every stored clause ID with the corpus.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, IndexWriter, ReloadPolicy, TantivyDocument};

use super::error::{self, IndexError};
use super::schema::{self, Fields};
use super::{ClauseIndex, document};
use crate::analysis::{ANALYZER_VERSION, Analyzer};
use crate::model::Corpus;

/// The tantivy files live in this subdirectory of the index directory.
pub const TANTIVY_DIR: &str = "tantivy";
/// One indexing thread, so the index is one segment.
const WRITER_THREADS: usize = 1;
/// The writer's memory budget (tantivy requires at least 15 MB per thread).
const WRITER_MEMORY_BYTES: usize = 32_000_000;

/// What a built index records about what it was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    corpus_hash: String,
    analyzer_version: u32,
    clauses: usize,
}

impl Stamp {
    fn of(corpus: &Corpus) -> Stamp {
        Stamp {
            corpus_hash: corpus.hash().to_string(),
            analyzer_version: ANALYZER_VERSION,
            clauses: corpus.clauses().len(),
        }
    }
}

/// Why an index on disk was not used as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Missing,
    Stale(String),
    Unreadable(String),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Missing => write!(f, "no index yet"),
            Reason::Stale(why) => write!(f, "the index is stale: {why}"),
            Reason::Unreadable(why) => write!(f, "the index cannot be used: {why}"),
        }
    }
}

/// What `open_or_build` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Opened,
    Built(Reason),
}

/// Open the index in `dir` if it agrees with the corpus, otherwise (re)build it, logging why.
pub fn open_or_build(
    dir: &Path,
    corpus: &Corpus,
    analyzer: &Arc<Analyzer>,
) -> Result<(ClauseIndex, Outcome), IndexError> {
    match open(dir, corpus, analyzer) {
        Ok(index) => {
            tracing::info!(index = %dir.display(), docs = index.num_docs(), "search index is up to date");
            Ok((index, Outcome::Opened))
        }
        Err(reason) => {
            tracing::info!(index = %dir.display(), "{reason}; building the search index");
            let index = build(dir, corpus, analyzer)?;
            tracing::info!(index = %dir.display(), docs = index.num_docs(), "search index built");
            Ok((index, Outcome::Built(reason)))
        }
    }
}

/// Build the index of `corpus` into `dir/tantivy`, replacing what is there only once the new
/// index is complete.
pub fn build(
    dir: &Path,
    corpus: &Corpus,
    analyzer: &Arc<Analyzer>,
) -> Result<ClauseIndex, IndexError> {
    std::fs::create_dir_all(dir).map_err(error::io("cannot create the index directory", dir))?;
    let target = dir.join(TANTIVY_DIR);
    let pid = std::process::id();
    let fresh = dir.join(format!("{TANTIVY_DIR}.build-{pid}"));
    let old = dir.join(format!("{TANTIVY_DIR}.old-{pid}"));
    remove_if_present(&fresh)?;
    std::fs::create_dir(&fresh).map_err(error::io("cannot create", &fresh))?;
    {
        let index = Index::create_in_dir(&fresh, schema::schema()).map_err(error::tantivy(
            format!("cannot create an index in {}", fresh.display()),
        ))?;
        fill(&index, corpus, analyzer)?;
    }
    remove_if_present(&old)?;
    if target.exists() {
        std::fs::rename(&target, &old).map_err(error::io("cannot move aside", &target))?;
    }
    std::fs::rename(&fresh, &target).map_err(error::io("cannot move into place", &fresh))?;
    remove_if_present(&old)?;
    open(dir, corpus, analyzer).map_err(|reason| IndexError::Inconsistent {
        path: target,
        problem: reason.to_string(),
    })
}

/// Build the index of `corpus` in memory (tests, tools, or a read-only index directory).
pub fn build_in_ram(corpus: &Corpus, analyzer: &Arc<Analyzer>) -> Result<ClauseIndex, IndexError> {
    let index = Index::create_in_ram(schema::schema());
    fill(&index, corpus, analyzer)?;
    checked(index, corpus, analyzer).map_err(|reason| IndexError::Inconsistent {
        path: PathBuf::from("(memory)"),
        problem: reason.to_string(),
    })
}

/// Open the index in `dir` — or say why it cannot serve `corpus`.
pub fn open(dir: &Path, corpus: &Corpus, analyzer: &Arc<Analyzer>) -> Result<ClauseIndex, Reason> {
    let path = dir.join(TANTIVY_DIR);
    if !path.join("meta.json").is_file() {
        return Err(Reason::Missing);
    }
    let unreadable = |e: tantivy::TantivyError| Reason::Unreadable(e.to_string());
    let index = Index::open_in_dir(&path).map_err(unreadable)?;
    let payload = index.load_metas().map_err(unreadable)?.payload;
    let stamp: Stamp = payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .ok_or_else(|| Reason::Unreadable("it carries no talentdex stamp".into()))?;
    let expected = Stamp::of(corpus);
    if stamp.analyzer_version != expected.analyzer_version {
        return Err(Reason::Stale(format!(
            "built by analyzer version {}, this is version {}",
            stamp.analyzer_version, expected.analyzer_version
        )));
    }
    if stamp.corpus_hash != expected.corpus_hash {
        return Err(Reason::Stale(format!(
            "built from corpus {}, the corpus is now {}",
            short(&stamp.corpus_hash),
            short(&expected.corpus_hash)
        )));
    }
    checked(index, corpus, analyzer)
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

fn remove_if_present(path: &Path) -> Result<(), IndexError> {
    if path.exists() {
        std::fs::remove_dir_all(path).map_err(error::io("cannot remove", path))?;
    }
    Ok(())
}

/// Index every clause and commit with the stamp.
fn fill(index: &Index, corpus: &Corpus, analyzer: &Arc<Analyzer>) -> Result<(), IndexError> {
    schema::register_tokenizers(index, analyzer);
    let fields = Fields::of(&index.schema()).map_err(|missing| IndexError::Inconsistent {
        path: PathBuf::from("(schema)"),
        problem: format!("no field `{missing}`"),
    })?;
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(WRITER_THREADS, WRITER_MEMORY_BYTES)
        .map_err(error::tantivy("cannot start the index writer"))?;
    for (ord, clause) in corpus.clauses().iter().enumerate() {
        writer
            .add_document(document::document(&fields, ord, clause))
            .map_err(error::tantivy(format!("cannot index {}", clause.id)))?;
    }
    let stamp = serde_json::to_string(&Stamp::of(corpus)).unwrap_or_default();
    let mut commit = writer
        .prepare_commit()
        .map_err(error::tantivy("cannot commit the index"))?;
    commit.set_payload(&stamp);
    commit
        .commit()
        .map_err(error::tantivy("cannot commit the index"))?;
    writer
        .wait_merging_threads()
        .map_err(error::tantivy("cannot finish the index"))
}

/// Wrap an index after checking that it holds exactly the corpus's clauses, each at its place.
fn checked(index: Index, corpus: &Corpus, analyzer: &Arc<Analyzer>) -> Result<ClauseIndex, Reason> {
    schema::register_tokenizers(&index, analyzer);
    let fields = Fields::of(&index.schema())
        .map_err(|missing| Reason::Unreadable(format!("its schema has no field `{missing}`")))?;
    let unreadable = |e: tantivy::TantivyError| Reason::Unreadable(e.to_string());
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(unreadable)?;
    let searcher = reader.searcher();
    let clauses = corpus.clauses();
    let mut seen = vec![false; clauses.len()];
    let mut ords = Vec::new();
    for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
        let column = segment.fast_fields().u64(schema::ORD).map_err(unreadable)?;
        let mut segment_ords = Vec::with_capacity(segment.max_doc() as usize);
        for doc_id in 0..segment.max_doc() {
            let ord = column.first(doc_id).map(|o| o as usize);
            let Some(clause) = ord.and_then(|o| clauses.get(o)) else {
                return Err(Reason::Stale("it holds a clause the corpus lacks".into()));
            };
            let doc: TantivyDocument = searcher
                .doc(DocAddress::new(segment_ord as u32, doc_id))
                .map_err(unreadable)?;
            let id = doc.get_first(fields.id).and_then(|v| v.as_str());
            let o = ord.unwrap_or_default();
            if id != Some(clause.id.as_str()) || seen[o] {
                return Err(Reason::Stale(format!(
                    "it holds {} where the corpus has {}",
                    id.unwrap_or("(no ID)"),
                    clause.id
                )));
            }
            seen[o] = true;
            segment_ords.push(o as u32);
        }
        ords.push(segment_ords);
    }
    if let Some(missing) = seen.iter().position(|s| !s) {
        return Err(Reason::Stale(format!("it lacks {}", clauses[missing].id)));
    }
    Ok(ClauseIndex {
        index,
        searcher,
        fields,
        ords,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Corpus;

    fn corpus() -> Corpus {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        crate::corpus::load(&dir).expect("the corpus loads")
    }

    fn analyzer() -> Arc<Analyzer> {
        Arc::new(Analyzer::new(None, None).expect("an analyzer"))
    }

    #[test]
    fn builds_then_opens_what_it_built() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        assert_eq!(
            open(dir.path(), &corpus, &analyzer).unwrap_err(),
            Reason::Missing
        );
        let (built, outcome) = open_or_build(dir.path(), &corpus, &analyzer).unwrap();
        assert_eq!(outcome, Outcome::Built(Reason::Missing));
        assert_eq!(built.num_docs(), corpus.clauses().len());
        let (_, outcome) = open_or_build(dir.path(), &corpus, &analyzer).unwrap();
        assert_eq!(outcome, Outcome::Opened);
        // No build directories are left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![TANTIVY_DIR.to_string()]);
    }

    #[test]
    fn a_changed_corpus_makes_the_index_stale() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        build(dir.path(), &corpus, &analyzer).unwrap();
        let changed = Corpus::new(
            corpus.documents().to_vec(),
            corpus.clauses().to_vec(),
            "0123456789abcdef".into(),
        );
        let reason = open(dir.path(), &changed, &analyzer).unwrap_err();
        assert!(
            matches!(&reason, Reason::Stale(why) if why.contains("the corpus is now 0123456789ab")),
            "{reason}"
        );
        let (rebuilt, outcome) = open_or_build(dir.path(), &changed, &analyzer).unwrap();
        assert!(matches!(outcome, Outcome::Built(Reason::Stale(_))));
        assert_eq!(rebuilt.num_docs(), corpus.clauses().len());
        assert!(open(dir.path(), &changed, &analyzer).is_ok());
    }

    #[test]
    fn clause_ids_are_checked_beyond_the_hash() {
        // Same hash, one clause fewer: the stamp alone would not notice.
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        build(dir.path(), &corpus, &analyzer).unwrap();
        let mut clauses = corpus.clauses().to_vec();
        clauses.remove(3);
        let fewer = Corpus::new(corpus.documents().to_vec(), clauses, corpus.hash().into());
        let reason = open(dir.path(), &fewer, &analyzer).unwrap_err();
        assert!(matches!(reason, Reason::Stale(_)), "{reason}");
    }

    #[test]
    fn an_unreadable_index_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        build(dir.path(), &corpus, &analyzer).unwrap();
        std::fs::write(dir.path().join(TANTIVY_DIR).join("meta.json"), "{not json").unwrap();
        let reason = open(dir.path(), &corpus, &analyzer).unwrap_err();
        assert!(matches!(reason, Reason::Unreadable(_)), "{reason}");
        let (_, outcome) = open_or_build(dir.path(), &corpus, &analyzer).unwrap();
        assert!(matches!(outcome, Outcome::Built(Reason::Unreadable(_))));
    }
}
