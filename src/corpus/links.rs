//! Corpus, fourth step: the links between documents. A Beijing clause's `adapts`/`change` fields
//! are checked and turned into `related` entries on both clauses, once every document is loaded.

use std::collections::HashMap;

use super::build::{invalid, is_path};
use super::error::{CorpusError, Problem};
use super::front_matter;
use crate::model::{Change, Clause, Related, Relation};

/// A clause's `adapts`/`change` as written, checked once every document is loaded.
pub struct Link {
    pub from: String,
    pub adapts: Option<String>,
    pub file: String,
    pub line: usize,
}

/// Turn `adapts:` into related links both ways, checking that the target exists.
pub fn link_adaptations(clauses: &mut [Clause], links: &[Link]) -> Result<(), CorpusError> {
    let index: HashMap<String, usize> = clauses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    for link in links {
        let Some(target) = &link.adapts else { continue };
        let Some(&to) = index.get(target) else {
            let doc = target.split('/').next().unwrap_or_default();
            let problem = if clauses.iter().any(|c| c.doc == doc) {
                Problem::UnknownClause {
                    id: link.from.clone(),
                    target: target.clone(),
                }
            } else {
                Problem::UnknownDocument {
                    id: link.from.clone(),
                    doc: doc.to_string(),
                }
            };
            return Err(invalid(&link.file, link.line, problem));
        };
        let from = index[&link.from];
        let change = clauses[from].change.unwrap_or(Change::Changed);
        clauses[from].related.push(Related {
            id: target.clone(),
            relation: Relation::Adapts,
            change,
        });
        clauses[to].related.push(Related {
            id: link.from.clone(),
            relation: Relation::AdaptedBy,
            change,
        });
    }
    Ok(())
}

/// The `change` value that marks a change in wording only (see `Clause::wording_only`).
const WORDING_ONLY: &str = "changed (wording only)";

/// A clause's `change:` value: the change, and whether it is in wording only.
pub fn parse_change(value: &str) -> Result<(Change, bool), String> {
    match value.trim() {
        "unchanged" => Ok((Change::Unchanged, false)),
        "changed" => Ok((Change::Changed, false)),
        WORDING_ONLY => Ok((Change::Changed, true)),
        "added" => Ok((Change::Added, false)),
        other => Err(format!(
            "`{other}`: expected unchanged, changed, {WORDING_ONLY} or added"
        )),
    }
}

/// `adapts` needs `change: unchanged|changed`; `change: added` stands alone.
pub fn check_adaptation(
    id: &str,
    adapts: Option<&str>,
    change: Option<Change>,
) -> Result<(), Problem> {
    let bad = |why: &str| Problem::BadValue {
        id: id.to_string(),
        key: "adapts".into(),
        why: why.to_string(),
    };
    match (adapts, change) {
        (None, None) | (None, Some(Change::Added)) => Ok(()),
        (None, Some(_)) => Err(bad(
            "`change: unchanged|changed` needs the clause it adapts",
        )),
        (Some(_), None) => Err(bad("say how it was adapted: `change: unchanged|changed`")),
        (Some(_), Some(Change::Added)) => Err(bad("an added clause adapts nothing")),
        (Some(target), Some(_)) => match target.split_once('/') {
            Some((doc, path)) if front_matter::is_doc_id(doc) && is_path(path) => Ok(()),
            _ => Err(Problem::MalformedId(
                target.to_string(),
                "expected `<doc>/<path>`".into(),
            )),
        },
    }
}
