//! Compare: beside search, eligibility and citation, the fourth reader of the model. Lines up each
//! document that adapts another (Beijing's Annex 1 and the national criteria, found through the
//! clauses' `adapts` links, not named here) and computes word-level diffs (jieba words in Chinese,
//! whitespace words in English) for the clause and compare pages.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::analysis::Analyzer;
use crate::model::{Bilingual, Change, Clause, Corpus, Kind, Relation};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of words that the two texts share, or that only one of them has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: Op,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WordDiff {
    pub zh: Vec<Segment>,
    pub en: Vec<Segment>,
}

/// One adapting (Beijing) clause beside the national clause it adapts (if any).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison<'a> {
    /// The clause that adapts, or that its document added.
    pub beijing: &'a Clause,
    pub national: Option<&'a Clause>,
    pub change: Change,
    /// From the national wording to Beijing's; absent for added clauses.
    pub diff: Option<WordDiff>,
}

/// English words with the whitespace after them, so the diff re-joins exactly.
fn en_words(s: &str) -> Vec<&str> {
    s.split_inclusive(char::is_whitespace).collect()
}

fn diff_tokens(old: &[&str], new: &[&str]) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        let text = words.concat();
        match segments.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&text),
            _ => segments.push(Segment { op, text }),
        }
    };
    for op in capture_diff_slices(Algorithm::Patience, old, new) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(Op::Equal, &new[n]),
            DiffTag::Delete => push(Op::Delete, &old[o]),
            DiffTag::Insert => push(Op::Insert, &new[n]),
            DiffTag::Replace => {
                push(Op::Delete, &old[o]);
                push(Op::Insert, &new[n]);
            }
        }
    }
    segments
}

/// The word-level diff from `old` to `new`, in both languages.
pub fn diff_words(analyzer: &Analyzer, old: &Bilingual, new: &Bilingual) -> WordDiff {
    WordDiff {
        zh: diff_tokens(&analyzer.words(&old.zh), &analyzer.words(&new.zh)),
        en: diff_tokens(&en_words(&old.en), &en_words(&new.en)),
    }
}

/// The Beijing clause against the national one it adapts, if it adapts one.
pub fn comparison<'a>(
    corpus: &'a Corpus,
    analyzer: &Analyzer,
    clause: &'a Clause,
) -> Option<Comparison<'a>> {
    let change = clause.change?;
    let national = clause
        .related
        .iter()
        .find(|r| r.relation == Relation::Adapts)
        .and_then(|r| corpus.clause(&r.id));
    let diff = national.map(|n| diff_words(analyzer, &n.text, &clause.text));
    Some(Comparison {
        beijing: clause,
        national,
        change,
        diff,
    })
}

/// The documents whose clauses adapt another document's, each with that document, in corpus
/// order: read from the `adapts` links, so a new adapting document needs no code.
pub fn adapting_documents(corpus: &Corpus) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for clause in corpus.clauses() {
        for link in clause
            .related
            .iter()
            .filter(|r| r.relation == Relation::Adapts)
        {
            let Some(adapted) = corpus.clause(&link.id) else {
                continue;
            };
            let pair = (clause.doc.as_str(), adapted.doc.as_str());
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
    }
    pairs
}

/// Every clause of each adapting document (Beijing's standards) against the document it adapts
/// (the national criteria), in document order; a document's added clauses are among them.
pub fn compare_all<'a>(corpus: &'a Corpus, analyzer: &Analyzer) -> Vec<Comparison<'a>> {
    let mut docs: Vec<&str> = Vec::new();
    for (doc, _) in adapting_documents(corpus) {
        if !docs.contains(&doc) {
            docs.push(doc);
        }
    }
    docs.into_iter()
        .flat_map(|doc| corpus.clauses_of(doc))
        .filter(|c| c.kind != Kind::Document)
        .filter_map(|c| comparison(corpus, analyzer, c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_keeps_both_texts_recoverable() {
        let old = Bilingual::new(
            "曾任国（境）外高水平大学中层以上管理职务",
            "held a post at a university abroad",
        );
        let new = Bilingual::new(
            "曾任国内外高水平大学、科研机构中层以上管理职务",
            "held a post at a university or research institute at home or abroad",
        );
        let analyzer = Analyzer::new(None, None).expect("an analyser without data files");
        let d = diff_words(&analyzer, &old, &new);
        for (segments, old, new) in [(&d.zh, &old.zh, &new.zh), (&d.en, &old.en, &new.en)] {
            let keep = |skip: Op| -> String {
                segments
                    .iter()
                    .filter(|s| s.op != skip)
                    .map(|s| s.text.as_str())
                    .collect()
            };
            assert_eq!(&keep(Op::Insert), old);
            assert_eq!(&keep(Op::Delete), new);
        }
        assert!(
            d.zh.iter()
                .any(|s| s.op == Op::Insert && s.text.contains("科研机构"))
        );
    }
}
