//! Corpus: the award list beside the documents — `awards.toml` (`concepts.toml` has `concepts`; see
//! `corpus/FORMAT.md`) — read with the documents, so `--corpus DIR` changes them too, and refused
//! with the file and what is wrong when they do not parse or name a clause the corpus lacks.

use super::{CorpusError, SourceFile, find};
use crate::model::{AwardList, Corpus, CorpusData};

/// The awards of Annex 1 items 2.1 and 2.2 that eligibility recognises.
pub const AWARDS_FILE: &str = "awards.toml";

/// Read the award list among the corpus's files (optional) and check it against the
/// corpus.
pub fn load(files: &[SourceFile], corpus: &Corpus) -> Result<CorpusData, CorpusError> {
    let awards: AwardList = parse(files, AWARDS_FILE)?;
    check_ids(AWARDS_FILE, awards.clause_ids(), corpus)?;
    Ok(CorpusData { awards })
}

fn parse<T: serde::de::DeserializeOwned + Default>(
    files: &[SourceFile],
    file: &str,
) -> Result<T, CorpusError> {
    match find(files, file) {
        None => Ok(T::default()),
        Some(text) => toml::from_str(text).map_err(|e| CorpusError::Data {
            file: file.to_string(),
            problem: e.to_string(),
        }),
    }
}

fn check_ids<'a>(
    file: &str,
    mut ids: impl Iterator<Item = &'a str>,
    corpus: &Corpus,
) -> Result<(), CorpusError> {
    match ids.find(|id| corpus.clause(id).is_none()) {
        Some(id) => Err(CorpusError::Data {
            file: file.to_string(),
            problem: format!("names clause `{id}`, which the corpus does not have"),
        }),
        None => Ok(()),
    }
}
