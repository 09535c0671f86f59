//! Index: after `analysis`, before `search`. Builds the tantivy index of every clause (one
//! document per clause, each language in its own fields), stores it under `index/tantivy/` with
//! the corpus hash and analyzer version, and refuses to open an index that disagrees with the
//! corpus. `search` queries it; nothing else sees tantivy.

mod document;
mod error;
mod schema;
mod store;
mod tokenizer;

use std::collections::HashSet;

use tantivy::schema::Field;
use tantivy::{DocAddress, Index, Searcher};

pub use error::IndexError;
pub use schema::{Fields, TextField};
pub use store::{Outcome, Reason, build, build_in_ram, open, open_or_build};

/// A built (or opened) index that agrees with the corpus it was checked against.
pub struct ClauseIndex {
    index: Index,
    searcher: Searcher,
    fields: Fields,
    /// `ords[segment][doc]`: the corpus position of each indexed document.
    ords: Vec<Vec<u32>>,
}

impl std::fmt::Debug for ClauseIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClauseIndex")
            .field("docs", &self.searcher.num_docs())
            .finish_non_exhaustive()
    }
}

impl ClauseIndex {
    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// The corpus position of the clause a hit is.
    pub fn ord(&self, address: DocAddress) -> Option<usize> {
        self.ords
            .get(address.segment_ord as usize)?
            .get(address.doc_id as usize)
            .map(|&o| o as usize)
    }

    pub fn num_docs(&self) -> usize {
        self.ords.iter().map(Vec::len).sum()
    }

    /// Every term the index holds in `field`.
    pub fn terms(&self, field: Field) -> Result<HashSet<String>, IndexError> {
        let mut terms = HashSet::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment
                .inverted_index(field)
                .map_err(error::tantivy("cannot read the term dictionary"))?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(|e| error::tantivy("cannot read the term dictionary")(e.into()))?;
            while stream.advance() {
                if let Ok(term) = std::str::from_utf8(stream.key()) {
                    terms.insert(term.to_string());
                }
            }
        }
        Ok(terms)
    }
}
