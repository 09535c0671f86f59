//! Citation, step 2b: names. The matcher that finds a name at a position of the normalised text,
//! and the table of every document's names, read from the corpus front matter (`model::DocNames`,
//! `annex`, `parent`) — no document is named in code.
//!
//! Names match after NFKC, ignoring ASCII case and the characters `lexer::is_name_ignorable`
//! accepts (whitespace, quotes, brackets, `.`, `,`, `-`, `—`): `《北京市外籍"急需紧缺"人才岗位目录（试行）》`
//! and `北京市外籍急需紧缺人才岗位目录(试行)` are the same name. An English name ending in a letter
//! also matches with a plural `s`, and must stand as whole words.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::lexer::{Cursor, fold, is_closer, is_name_ignorable, is_opener};
use super::titles::Titles;
use crate::model::Corpus;

/// Ignorable characters skipped in a row inside a name before the match gives up.
const MAX_IGNORABLE_RUN: usize = 4;

/// How much a name says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    /// Names the document wherever it stands.
    Strong,
    /// A common word (通知, the notice): a citation in a passage only with a clause after it.
    Weak,
}

/// A name compiled for matching: its skeleton (lower case, ignorable characters removed).
struct Compiled {
    skeleton: Vec<char>,
    value: usize,
}

/// Names grouped by the first character of their skeleton; each name's value is its row.
pub(crate) struct Table {
    by_first: HashMap<char, Vec<Compiled>>,
}

/// A name found at the cursor: its table row, and how many brackets it left open (negative: it
/// closed brackets opened before it, as `外国人来华工作分类标准（试行）》A类` closes a `《`).
pub(crate) struct NameMatch {
    pub row: usize,
    pub open: isize,
}

impl Table {
    pub fn build<'n>(names: impl Iterator<Item = &'n str>) -> Self {
        let mut by_first: HashMap<char, Vec<Compiled>> = HashMap::new();
        for (value, name) in names.enumerate() {
            let skeleton: Vec<char> = name
                .nfkc()
                .filter(|c| !is_name_ignorable(*c))
                .map(|c| fold(c.to_ascii_lowercase()))
                .collect();
            if let Some(&first) = skeleton.first() {
                by_first
                    .entry(first)
                    .or_default()
                    .push(Compiled { skeleton, value });
            }
        }
        Self { by_first }
    }

    pub fn may_start(&self, c: char) -> bool {
        self.by_first.contains_key(&fold(c.to_ascii_lowercase()))
    }

    /// The longest name at the cursor; the cursor moves past it.
    pub fn longest(&self, cur: &mut Cursor) -> Option<NameMatch> {
        let first = fold(cur.peek()?.to_ascii_lowercase());
        if first.is_ascii_alphabetic() && !cur.at_word_start() {
            return None;
        }
        let mut best: Option<(usize, NameMatch)> = None;
        for name in self.by_first.get(&first)? {
            if let Some((end, open)) = walk(&name.skeleton, *cur)
                && best.as_ref().is_none_or(|(e, _)| end > *e)
            {
                let m = NameMatch {
                    row: name.value,
                    open,
                };
                best = Some((end, m));
            }
        }
        let (end, m) = best?;
        cur.pos = end;
        Some(m)
    }
}

/// Match one skeleton from the cursor; the end position and the brackets left open.
fn walk(skeleton: &[char], mut cur: Cursor) -> Option<(usize, isize)> {
    let mut open = 0isize;
    let mut in_ascii_quote = false;
    let mut matched = 0;
    let mut end = cur.pos;
    while matched < skeleton.len() {
        let mut skipped = 0;
        while let Some(c) = cur.peek().filter(|c| is_name_ignorable(*c)) {
            if skipped == MAX_IGNORABLE_RUN {
                return None;
            }
            if c == '"' || c == '\'' {
                in_ascii_quote = !in_ascii_quote;
            } else if is_opener(c) {
                open += 1;
            } else if is_closer(c) {
                open -= 1;
            }
            cur.bump();
            skipped += 1;
        }
        if fold(cur.bump()?.to_ascii_lowercase()) != skeleton[matched] {
            return None;
        }
        matched += 1;
        end = cur.pos;
    }
    match skeleton.last() {
        Some(c) if c.is_ascii_alphabetic() => {
            let plural = cur.peek() == Some('s')
                && !cur.peek_at(1).is_some_and(|c| c.is_ascii_alphanumeric());
            if plural {
                end += 1;
            } else if !cur.at_word_end() {
                return None;
            }
        }
        Some(c) if c.is_ascii_digit() && !cur.at_word_end() => return None,
        _ => {}
    }
    Some((end, open + isize::from(in_ascii_quote)))
}

/// One annex: the document it belongs to, its number, and its own ID.
struct Annex<'a> {
    parent: &'a str,
    n: u32,
    doc: &'a str,
}

/// Every document's names, from the corpus.
pub(crate) struct Names<'a> {
    table: Table,
    /// Per table row: the document and how much the name says.
    rows: Vec<(&'a str, Strength)>,
    /// Per document, the words that may follow its names (`A类`).
    qualifiers: HashMap<&'a str, Table>,
    annexes: Vec<Annex<'a>>,
    /// The names again as terms, for titles written loosely.
    titles: Titles<'a>,
}

impl<'a> Names<'a> {
    pub fn new(corpus: &'a Corpus) -> Self {
        let mut rows = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        let mut qualifiers = HashMap::new();
        let mut annexes = Vec::new();
        for doc in corpus.documents() {
            let id = doc.id.as_str();
            for name in &doc.names.names {
                names.push(name);
                rows.push((id, Strength::Strong));
            }
            for name in &doc.names.common {
                names.push(name);
                rows.push((id, Strength::Weak));
            }
            if !doc.names.qualifiers.is_empty() {
                let table = Table::build(doc.names.qualifiers.iter().map(String::as_str));
                qualifiers.insert(id, table);
            }
            if let (Some(parent), Some(n)) = (&doc.parent, doc.annex) {
                annexes.push(Annex {
                    parent: parent.as_str(),
                    n,
                    doc: id,
                });
            }
        }
        Self {
            table: Table::build(names.into_iter()),
            rows,
            qualifiers,
            annexes,
            titles: Titles::new(corpus),
        }
    }

    /// The one document a title written loosely names (`titles`), if it names exactly one.
    pub fn loose_title(&self, title: &str) -> Option<&'a str> {
        self.titles.document(title)
    }

    /// Whether a document name can start with `c`.
    pub fn may_start(&self, c: char) -> bool {
        self.table.may_start(c)
    }

    /// The longest document name at the cursor; the cursor moves past it.
    pub fn doc_name(&self, cur: &mut Cursor) -> Option<(&'a str, Strength, NameMatch)> {
        let m = self.table.longest(cur)?;
        let (doc, strength) = self.rows[m.row];
        Some((doc, strength, m))
    }

    /// A word that may follow a name of `doc` (`A类`, `Category A`) at the cursor; the cursor
    /// moves past it and the brackets it left open.
    pub fn qualifier(&self, doc: &str, cur: &mut Cursor) -> Option<isize> {
        self.qualifiers.get(doc)?.longest(cur).map(|m| m.open)
    }

    /// Annex `n` of `parent`, or of the first document with annexes when no parent is named.
    pub fn annex(&self, parent: Option<&str>, n: u32) -> Option<&'a str> {
        let parent = parent.or_else(|| self.annexes.first().map(|a| a.parent))?;
        self.annexes
            .iter()
            .find(|a| a.parent == parent && a.n == n)
            .map(|a| a.doc)
    }

    /// Whether `doc` has annexes (so `…附件1` after its name is its annex).
    pub fn has_annexes(&self, doc: &str) -> bool {
        self.annexes.iter().any(|a| a.parent == doc)
    }

    /// The document `doc` is an annex of.
    pub fn parent_of(&self, doc: &str) -> Option<&'a str> {
        self.annexes.iter().find(|a| a.doc == doc).map(|a| a.parent)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::OnceLock;

    use super::*;

    fn corpus() -> &'static Corpus {
        static CORPUS: OnceLock<Corpus> = OnceLock::new();
        CORPUS.get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
            crate::corpus::load(&dir).expect("the corpus loads")
        })
    }

    fn find(s: &str) -> Option<(&'static str, usize)> {
        let names = Names::new(corpus());
        let chars: Vec<char> = s.chars().collect();
        let mut cur = Cursor::new(&chars, 0, chars.len());
        names.doc_name(&mut cur).map(|(doc, _, _)| (doc, cur.pos))
    }

    #[test]
    fn names_match_whatever_the_quotes_and_brackets() {
        assert_eq!(
            find("北京市外籍\"急需紧缺\"人才岗位目录(试行)》第6项"),
            Some(("bj2022-a2", 20))
        );
        assert_eq!(find("国科办才【2022】177号"), Some(("bj2022", 14)));
        assert_eq!(find("guo ke ban cai (2022) no.177,"), Some(("bj2022", 28)));
    }

    #[test]
    fn english_names_are_whole_words() {
        assert_eq!(find("Notices"), Some(("bj2022", 7)));
        assert_eq!(find("Noticed"), None);
        assert_eq!(find("Classification Standards, II"), Some(("cn2017-a", 24)));
    }

    /// Every name the front matter gives a document finds that document, and nothing in code
    /// names one: the table is the corpus's.
    #[test]
    fn every_name_in_the_corpus_finds_its_own_document() {
        for doc in corpus().documents() {
            for name in doc.names.names.iter().chain(&doc.names.common) {
                // An opening quote is read before the name (`docref`), not as part of it.
                let name = name.trim_start_matches(crate::citation::lexer::is_quote);
                assert_eq!(find(name).map(|(d, _)| d), Some(doc.id.as_str()), "{name}");
            }
        }
    }

    #[test]
    fn annexes_come_from_parent_and_annex_number() {
        let names = Names::new(corpus());
        assert_eq!(names.annex(None, 2), Some("bj2022-a2"));
        assert_eq!(names.annex(Some("bj2022"), 1), Some("bj2022-a1"));
        assert_eq!(names.annex(None, 3), None);
        assert_eq!(names.parent_of("bj2022-a1"), Some("bj2022"));
        assert!(names.has_annexes("bj2022") && !names.has_annexes("cn2017-a"));
    }
}
