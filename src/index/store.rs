//! Index: building, opening and checking the index on disk (`<dir>/tantivy/`) or in RAM. A built
//! index carries a stamp — the corpus hash, the analyzer version, a hash of the schema, the clause
//! count — in its commit payload, and a SHA-256 of every file it wrote (`checksums.json`).
//! Opening verifies every checksum while copying the files into memory (so a file damaged or
//! truncated later cannot crash the service, and a read-only folder needs no lock), then compares
//! the stamp, every stored clause ID and a probe query with the corpus. Builds run under a lock
//! file, so parallel `index` runs take turns, and each build first clears the leftovers of builds
//! that died.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tantivy::collector::Count;
use tantivy::directory::{Directory, RamDirectory};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Index, IndexWriter, ReloadPolicy, TantivyDocument, Term};

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
/// The SHA-256 of every file of a built index, written after its commit.
const CHECKSUMS: &str = "checksums.json";
/// The file parallel builds lock to take turns.
const BUILD_LOCK: &str = ".build.lock";
/// Prefixes of a build's working folders, `<prefix><pid>`; any found under the lock are leftovers.
const BUILD_PREFIX: &str = "tantivy.build-";
const OLD_PREFIX: &str = "tantivy.old-";

/// What a built index records about what it was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    corpus_hash: String,
    analyzer_version: u32,
    /// A hash of the serialised schema: changing a field's options makes older indexes stale
    /// without anyone having to remember to bump a number.
    #[serde(default)]
    schema_hash: String,
    clauses: usize,
}

impl Stamp {
    fn of(corpus: &Corpus) -> Stamp {
        Stamp {
            corpus_hash: corpus.hash().to_string(),
            analyzer_version: ANALYZER_VERSION,
            schema_hash: schema_hash(),
            clauses: corpus.clauses().len(),
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hash of the schema this program builds, as tantivy serialises it.
fn schema_hash() -> String {
    let json = serde_json::to_string(&schema::schema()).unwrap_or_default();
    sha256_hex(json.as_bytes())
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
            let _lock = lock(dir)?;
            // Another process may have built it while this one waited for the lock.
            if let Ok(index) = open(dir, corpus, analyzer) {
                return Ok((index, Outcome::Built(reason)));
            }
            let index = build_locked(dir, corpus, analyzer)?;
            tracing::info!(index = %dir.display(), docs = index.num_docs(), "search index built");
            Ok((index, Outcome::Built(reason)))
        }
    }
}

/// Take the build lock of `dir` (waiting for another build to finish), creating `dir`.
fn lock(dir: &Path) -> Result<std::fs::File, IndexError> {
    std::fs::create_dir_all(dir).map_err(error::io("cannot create the index directory", dir))?;
    let path = dir.join(BUILD_LOCK);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(error::io("cannot open the build lock", &path))?;
    file.lock()
        .map_err(error::io("cannot take the build lock", &path))?;
    Ok(file)
}

/// Remove the working folders of builds that died (under the lock, no live build has any).
fn clear_leftovers(dir: &Path) -> Result<(), IndexError> {
    let entries = std::fs::read_dir(dir).map_err(error::io("cannot list", dir))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(BUILD_PREFIX) || name.starts_with(OLD_PREFIX) {
            tracing::info!(folder = %name, "removing the leftover of an interrupted build");
            remove_if_present(&entry.path())?;
        }
    }
    Ok(())
}

/// Build the index of `corpus` into `dir/tantivy`, replacing what is there only once the new
/// index is complete. Waits for any other build of `dir` to finish first.
pub fn build(
    dir: &Path,
    corpus: &Corpus,
    analyzer: &Arc<Analyzer>,
) -> Result<ClauseIndex, IndexError> {
    let _lock = lock(dir)?;
    build_locked(dir, corpus, analyzer)
}

fn build_locked(
    dir: &Path,
    corpus: &Corpus,
    analyzer: &Arc<Analyzer>,
) -> Result<ClauseIndex, IndexError> {
    clear_leftovers(dir)?;
    let target = dir.join(TANTIVY_DIR);
    let pid = std::process::id();
    let fresh = dir.join(format!("{BUILD_PREFIX}{pid}"));
    let old = dir.join(format!("{OLD_PREFIX}{pid}"));
    std::fs::create_dir(&fresh).map_err(error::io("cannot create", &fresh))?;
    {
        let index = Index::create_in_dir(&fresh, schema::schema()).map_err(error::tantivy(
            format!("cannot create an index in {}", fresh.display()),
        ))?;
        fill(&index, corpus, analyzer)?;
        write_checksums(&index, &fresh)?;
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

/// Record the SHA-256 of every file the index's segments and its meta file consist of.
fn write_checksums(index: &Index, dir: &Path) -> Result<(), IndexError> {
    let metas = index
        .load_metas()
        .map_err(error::tantivy("cannot list the index segments"))?;
    let mut names: Vec<PathBuf> = metas.list_segment_files().into_iter().collect();
    names.push(PathBuf::from(META_FILE));
    let mut files = BTreeMap::new();
    for name in names {
        let path = dir.join(&name);
        match std::fs::read(&path) {
            Ok(bytes) => {
                files.insert(name.to_string_lossy().into_owned(), sha256_hex(&bytes));
            }
            // A segment lists components it may not have written (no deletes, no positions).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(error::io("cannot read", &path)(e)),
        }
    }
    let path = dir.join(CHECKSUMS);
    let json = serde_json::to_vec_pretty(&files).unwrap_or_default();
    std::fs::write(&path, json).map_err(error::io("cannot write", &path))
}

/// tantivy's meta file, which holds the segment list and the commit payload.
const META_FILE: &str = "meta.json";

/// Read every file `checksums.json` lists into memory, checking each; the index in memory.
fn load_verified(path: &Path) -> Result<Index, Reason> {
    let sums = std::fs::read(path.join(CHECKSUMS))
        .map_err(|e| Reason::Unreadable(format!("cannot read {CHECKSUMS}: {e}")))?;
    let sums: BTreeMap<String, String> = serde_json::from_slice(&sums)
        .map_err(|e| Reason::Unreadable(format!("{CHECKSUMS} is damaged: {e}")))?;
    if !sums.contains_key(META_FILE) {
        return Err(Reason::Unreadable(format!(
            "{CHECKSUMS} does not list {META_FILE}"
        )));
    }
    let ram = RamDirectory::create();
    for (name, expected) in &sums {
        // Only plain file names: a damaged list must not make this read outside the index.
        if Path::new(name).components().count() != 1 || name.starts_with('.') {
            return Err(Reason::Unreadable(format!("{CHECKSUMS} lists `{name}`")));
        }
        let bytes = std::fs::read(path.join(name))
            .map_err(|e| Reason::Unreadable(format!("cannot read {name}: {e}")))?;
        if &sha256_hex(&bytes) != expected {
            return Err(Reason::Unreadable(format!(
                "{name} is damaged (its checksum differs from the one recorded at build)"
            )));
        }
        ram.atomic_write(Path::new(name), &bytes)
            .map_err(|e| Reason::Unreadable(format!("cannot hold {name} in memory: {e}")))?;
    }
    Index::open(ram).map_err(|e| Reason::Unreadable(e.to_string()))
}

/// Open the index in `dir` — or say why it cannot serve `corpus`.
pub fn open(dir: &Path, corpus: &Corpus, analyzer: &Arc<Analyzer>) -> Result<ClauseIndex, Reason> {
    let path = dir.join(TANTIVY_DIR);
    if !path.join(META_FILE).is_file() {
        return Err(Reason::Missing);
    }
    let unreadable = |e: tantivy::TantivyError| Reason::Unreadable(e.to_string());
    let index = load_verified(&path)?;
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
    if stamp.schema_hash != expected.schema_hash {
        return Err(Reason::Stale(format!(
            "built with schema {}, this is schema {}",
            short(&stamp.schema_hash),
            short(&expected.schema_hash)
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
    probe(&searcher, &fields, corpus)?;
    Ok(ClauseIndex {
        index,
        searcher,
        fields,
        ords,
    })
}

/// Look up the first and the last clause by ID through the term dictionary and postings: the
/// index must find each exactly once.
fn probe(searcher: &tantivy::Searcher, fields: &Fields, corpus: &Corpus) -> Result<(), Reason> {
    let clauses = corpus.clauses();
    for clause in [clauses.first(), clauses.last()].into_iter().flatten() {
        let query = TermQuery::new(
            Term::from_field_text(fields.id, &clause.id),
            IndexRecordOption::Basic,
        );
        let hits = searcher
            .search(&query, &Count)
            .map_err(|e| Reason::Unreadable(format!("the probe query failed: {e}")))?;
        if hits != 1 {
            return Err(Reason::Unreadable(format!(
                "the probe query for {} found {hits} clauses",
                clause.id
            )));
        }
    }
    Ok(())
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
            .filter(|name| name != BUILD_LOCK)
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

    /// Issue 13: a few flipped bytes in a segment file were opened as "up to date" and then
    /// panicked on every start. Every file the build wrote is checked before tantivy sees it.
    #[test]
    fn a_damaged_segment_file_is_caught_by_its_checksum_and_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        build(dir.path(), &corpus, &analyzer).unwrap();
        let tantivy = dir.path().join(TANTIVY_DIR);
        let sums = |tantivy: &Path| -> BTreeMap<String, String> {
            serde_json::from_slice(&std::fs::read(tantivy.join(CHECKSUMS)).unwrap()).unwrap()
        };
        let extension = |name: &str| name.rsplit('.').next().unwrap_or_default().to_string();
        let kinds: Vec<String> = sums(&tantivy)
            .keys()
            .filter(|n| *n != META_FILE)
            .map(|n| extension(n))
            .collect();
        assert!(kinds.iter().any(|k| k == "term"), "{kinds:?}");
        for kind in kinds {
            // Each rebuild names its segment anew: find this kind's file in the current index.
            let name = sums(&tantivy)
                .into_keys()
                .find(|n| extension(n) == kind)
                .unwrap();
            let path = tantivy.join(&name);
            let mut bytes = std::fs::read(&path).unwrap();
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0xff;
            std::fs::write(&path, &bytes).unwrap();
            let reason = open(dir.path(), &corpus, &analyzer).unwrap_err();
            assert!(
                matches!(&reason, Reason::Unreadable(why) if why.contains(name.as_str())),
                "{name}: {reason}"
            );
            let (rebuilt, outcome) = open_or_build(dir.path(), &corpus, &analyzer).unwrap();
            assert!(
                matches!(outcome, Outcome::Built(Reason::Unreadable(_))),
                "{name}"
            );
            assert_eq!(rebuilt.num_docs(), corpus.clauses().len());
        }
    }

    #[test]
    fn a_truncated_or_missing_file_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        build(dir.path(), &corpus, &analyzer).unwrap();
        let tantivy = dir.path().join(TANTIVY_DIR);
        let store = std::fs::read_dir(&tantivy)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "store"))
            .expect("a doc store file");
        let len = std::fs::metadata(&store).unwrap().len();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&store)
            .unwrap()
            .set_len(len / 2)
            .unwrap();
        assert!(matches!(
            open(dir.path(), &corpus, &analyzer),
            Err(Reason::Unreadable(_))
        ));
        std::fs::remove_file(&store).unwrap();
        assert!(matches!(
            open(dir.path(), &corpus, &analyzer),
            Err(Reason::Unreadable(_))
        ));
        std::fs::remove_file(tantivy.join(CHECKSUMS)).unwrap();
        assert!(matches!(
            open(dir.path(), &corpus, &analyzer),
            Err(Reason::Unreadable(_))
        ));
    }

    /// Issue 10: a stamp from another schema (a field's options changed) is stale, whatever
    /// ANALYZER_VERSION says.
    #[test]
    fn an_index_of_another_schema_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        build(dir.path(), &corpus, &analyzer).unwrap();
        let tantivy = dir.path().join(TANTIVY_DIR);
        let meta = std::fs::read_to_string(tantivy.join(META_FILE)).unwrap();
        let ours = schema_hash();
        assert!(meta.contains(&ours), "the stamp carries the schema hash");
        let other = meta.replace(&ours, &"0".repeat(ours.len()));
        std::fs::write(tantivy.join(META_FILE), &other).unwrap();
        // Re-record the checksum, so only the stamp differs.
        let sums_path = tantivy.join(CHECKSUMS);
        let mut sums: BTreeMap<String, String> =
            serde_json::from_slice(&std::fs::read(&sums_path).unwrap()).unwrap();
        sums.insert(META_FILE.into(), sha256_hex(other.as_bytes()));
        std::fs::write(&sums_path, serde_json::to_vec(&sums).unwrap()).unwrap();
        let reason = open(dir.path(), &corpus, &analyzer).unwrap_err();
        assert!(
            matches!(&reason, Reason::Stale(why) if why.contains("schema")),
            "{reason}"
        );
    }

    /// Issue 13: a kill -9 during a build left its folder behind forever.
    #[test]
    fn leftovers_of_dead_builds_are_cleared_by_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        for leftover in [
            format!("{BUILD_PREFIX}999999"),
            format!("{OLD_PREFIX}999998"),
        ] {
            std::fs::create_dir_all(dir.path().join(&leftover).join("x")).unwrap();
        }
        build(dir.path(), &corpus, &analyzer).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, vec![BUILD_LOCK.to_string(), TANTIVY_DIR.to_string()]);
    }

    /// Issue 13: parallel `index` runs collided ("Directory not empty").
    #[test]
    fn parallel_builds_take_turns() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (Arc::new(corpus()), analyzer());
        let builds: Vec<_> = (0..3)
            .map(|_| {
                let (dir, corpus, analyzer) =
                    (dir.path().to_path_buf(), corpus.clone(), analyzer.clone());
                std::thread::spawn(move || build(&dir, &corpus, &analyzer).map(|i| i.num_docs()))
            })
            .collect();
        for b in builds {
            assert_eq!(b.join().unwrap().unwrap(), corpus.clauses().len());
        }
        assert!(open(dir.path(), &corpus, &analyzer).is_ok());
    }

    /// Issue 13: a read-only index folder was refused for its writer lock and rebuilt in memory
    /// on every start. Opening writes nothing.
    #[test]
    fn a_read_only_index_opens_without_writing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (corpus, analyzer) = (corpus(), analyzer());
        build(dir.path(), &corpus, &analyzer).unwrap();
        let tantivy = dir.path().join(TANTIVY_DIR);
        let before: Vec<_> = std::fs::read_dir(&tantivy)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        std::fs::set_permissions(&tantivy, std::fs::Permissions::from_mode(0o555)).unwrap();
        let opened = open(dir.path(), &corpus, &analyzer);
        std::fs::set_permissions(&tantivy, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(opened.is_ok(), "{:?}", opened.err());
        let after: Vec<_> = std::fs::read_dir(&tantivy)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(before.len(), after.len());
    }
}
