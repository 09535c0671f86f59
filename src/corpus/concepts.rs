//! Corpus: reading `concepts.toml` (see `corpus/FORMAT.md`, "Concepts") into `model::Concepts`,
//! every clause ID checked against the corpus and every concept given words.

use serde::Deserialize;

use super::error::{CorpusError, Problem};
use crate::model::{Concept, Concepts, Corpus};

/// The concept list's file name in the corpus directory.
pub const CONCEPTS_FILE: &str = "concepts.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    concept: Vec<Concept>,
}

/// Parse the text of `concepts.toml` against `corpus`.
pub fn parse(text: &str, corpus: &Corpus) -> Result<Concepts, CorpusError> {
    let invalid = |line: usize, problem: Problem| CorpusError::Invalid {
        file: CONCEPTS_FILE.into(),
        line,
        problem,
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map_or(0, |s| text[..s.start.min(text.len())].lines().count());
        invalid(line, Problem::FrontMatter(e.message().to_string()))
    })?;
    // Concepts are numbered as written, so a problem names the `[[concept]]` it is in.
    let starts: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[concept]]")
        .map(|(i, _)| i + 1)
        .collect();
    for (n, concept) in file.concept.iter().enumerate() {
        let line = starts.get(n).copied().unwrap_or_default();
        let name = format!("concept {}", n + 1);
        if concept.clauses.is_empty() {
            return Err(invalid(
                line,
                Problem::Missing {
                    id: name,
                    what: "clauses".into(),
                },
            ));
        }
        if concept.terms().all(|t| t.trim().is_empty()) {
            return Err(invalid(
                line,
                Problem::Missing {
                    id: name,
                    what: "words (`zh` or `en`)".into(),
                },
            ));
        }
        if let Some(target) = concept
            .clauses
            .iter()
            .find(|id| corpus.clause(id).is_none())
        {
            return Err(invalid(
                line,
                Problem::UnknownClause {
                    id: name,
                    target: target.clone(),
                },
            ));
        }
    }
    Ok(Concepts::new(file.concept))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        super::super::load(&dir).expect("the corpus loads")
    }

    #[test]
    fn reads_concepts_and_refuses_unknown_clauses() {
        let corpus = corpus();
        let ok =
            "[[concept]]\nclauses = [\"bj2022-a2/13\"]\nzh = [\"区块链\"]\nen = [\"blockchain\"]\n";
        let concepts = parse(ok, &corpus).unwrap();
        assert_eq!(concepts.len(), 1);
        assert_eq!(concepts.of_clause("bj2022-a2/13").count(), 1);
        let bad = format!("{ok}\n[[concept]]\nclauses = [\"bj2022-a2/99\"]\nen = [\"x\"]\n");
        let err = parse(&bad, &corpus).unwrap_err().to_string();
        assert!(
            err.contains("concepts.toml:6") && err.contains("bj2022-a2/99"),
            "{err}"
        );
        let empty = "[[concept]]\nclauses = [\"bj2022-a2/13\"]\n";
        assert!(
            parse(empty, &corpus)
                .unwrap_err()
                .to_string()
                .contains("words")
        );
    }

    #[test]
    fn the_corpus_list_covers_every_post_and_criterion() {
        // Issue 11: the list is written from the clauses, every post of Annex 2 and every item
        // of Annex 1 and of the national criteria; a clause it forgets is found only by its
        // own words.
        let corpus = corpus();
        let concepts = corpus.concepts();
        let named = |id: &str| concepts.of_clause(id).next().is_some();
        let missing: Vec<&str> = corpus
            .clauses()
            .iter()
            .filter(|c| {
                use crate::model::Kind;
                let criterion = matches!(c.doc.as_str(), "bj2022-a1" | "cn2017-a")
                    && (c.kind == Kind::Item
                        || (c.kind == Kind::Category && c.children.is_empty()));
                (c.kind == Kind::Post || criterion) && !named(&c.id)
            })
            .map(|c| c.id.as_str())
            .collect();
        assert!(missing.is_empty(), "no concept for {missing:?}");
    }
}
