//! Citation data: the names people give the documents and the parts of a post, and the words that
//! mark a level of numbering — tables, not code, so adding a name is a one-line change — with the
//! matcher that finds a name at a position of the normalised text.
//!
//! Names match after NFKC, ignoring ASCII case and the characters `lexer::is_name_ignorable`
//! accepts (whitespace, quotes, brackets, `.`, `,`, `-`, `—`): `《北京市外籍"急需紧缺"人才岗位目录（试行）》`
//! and `北京市外籍急需紧缺人才岗位目录(试行)` are the same name. An English name ending in a letter
//! also matches with a plural `s`, and must stand as whole words.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::lexer::{Cursor, fold, is_closer, is_name_ignorable, is_opener};

/// The notice whose annexes `附件1` / `Annex 1` number.
pub(crate) const NOTICE: &str = "bj2022";
/// The notice's annexes by number.
pub(crate) const ANNEXES: &[(u32, &str)] = &[(1, "bj2022-a1"), (2, "bj2022-a2")];
/// The document whose names may be followed by `A类` / `Category A`.
pub(crate) const CATEGORY_A_DOC: &str = "cn2017-a";

/// How much a name says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    /// Names the document wherever it stands.
    Strong,
    /// A common word (通知, the notice): a citation in a passage only with a clause after it.
    Weak,
}

use Strength::{Strong, Weak};

/// Document names: (name, doc id, strength).
pub(crate) const DOC_NAMES: &[(&str, &str, Strength)] = &[
    ("国科办才〔2022〕177号", "bj2022", Strong),
    (
        "科技部办公厅 人力资源社会保障部办公厅关于在北京市开展外籍“高精尖缺”人才认定标准试点工作的通知",
        "bj2022",
        Strong,
    ),
    (
        "关于在北京市开展外籍“高精尖缺”人才认定标准试点工作的通知",
        "bj2022",
        Strong,
    ),
    ("通知", "bj2022", Weak),
    ("Guo Ke Ban Cai [2022] No. 177", "bj2022", Strong),
    ("Guo Ke Ban Cai [2022] 177", "bj2022", Strong),
    ("Notice Guo Ke Ban Cai [2022] No. 177", "bj2022", Strong),
    (
        "Notice of the General Office of the Ministry of Science and Technology and the General Office of the Ministry of Human Resources and Social Security on Piloting Recognition Standards for Foreign “Top-Notch and Scarce” Talent in Beijing",
        "bj2022",
        Strong,
    ),
    // The English title before issue 17 (高精尖缺 rendered like 高端): still a name people cite.
    (
        "Notice of the General Office of the Ministry of Science and Technology and the General Office of the Ministry of Human Resources and Social Security on Piloting Recognition Standards for Foreign High-End and Urgently Needed Talent in Beijing",
        "bj2022",
        Strong,
    ),
    ("Notice", "bj2022", Weak),
    ("the Notice", "bj2022", Weak),
    (
        "北京市外籍“高精尖”人才认定标准（试行）",
        "bj2022-a1",
        Strong,
    ),
    ("北京市外籍“高精尖”人才认定标准", "bj2022-a1", Strong),
    ("高精尖人才认定标准", "bj2022-a1", Strong),
    ("高精尖标准", "bj2022-a1", Strong),
    (
        "Beijing Recognition Standards for Foreign “Top-Notch” Talent (Trial)",
        "bj2022-a1",
        Strong,
    ),
    (
        "Recognition Standards for Foreign “Top-Notch” Talent",
        "bj2022-a1",
        Strong,
    ),
    // The English titles before issue 17 (高精尖 rendered like 高端): still names people cite.
    (
        "Beijing Recognition Standards for Foreign High-End Talent (Trial)",
        "bj2022-a1",
        Strong,
    ),
    (
        "Recognition Standards for Foreign High-End Talent",
        "bj2022-a1",
        Strong,
    ),
    (
        "北京市外籍“急需紧缺”人才岗位目录（试行）",
        "bj2022-a2",
        Strong,
    ),
    ("北京市外籍“急需紧缺”人才岗位目录", "bj2022-a2", Strong),
    ("急需紧缺人才岗位目录", "bj2022-a2", Strong),
    ("岗位目录", "bj2022-a2", Strong),
    (
        "Beijing Catalogue of Posts for Urgently Needed Foreign Talent (Trial)",
        "bj2022-a2",
        Strong,
    ),
    (
        "Catalogue of Posts for Urgently Needed Foreign Talent",
        "bj2022-a2",
        Strong,
    ),
    ("Catalogue of Posts", "bj2022-a2", Strong),
    ("Catalog of Posts", "bj2022-a2", Strong),
    ("Post Catalogue", "bj2022-a2", Strong),
    (
        "外国人来华工作分类标准（试行）——外国高端人才（A类）",
        "cn2017-a",
        Strong,
    ),
    ("外国人来华工作分类标准（试行）", "cn2017-a", Strong),
    ("外国人来华工作分类标准", "cn2017-a", Strong),
    ("分类标准", "cn2017-a", Strong),
    ("外专发〔2017〕40号", "cn2017-a", Strong),
    (
        "Classification Standards for Foreigners Working in China (Trial): Foreign High-End Talent (Category A)",
        "cn2017-a",
        Strong,
    ),
    (
        "Classification Standards for Foreigners Working in China (Trial)",
        "cn2017-a",
        Strong,
    ),
    (
        "Classification Standards for Foreigners Working in China",
        "cn2017-a",
        Strong,
    ),
    ("Classification Standards", "cn2017-a", Strong),
    ("National Category A criteria", "cn2017-a", Strong),
    ("Wai Zhuan Fa [2017] No. 40", "cn2017-a", Strong),
];

/// Words that introduce an annex number (`附件1`, `Annex 1`).
pub(crate) const ANNEX_WORDS_ZH: &[&str] = &["附件"];
pub(crate) const ANNEX_WORDS_EN: &[&str] = &["annex", "appendix", "attachment"];
/// Words between an annex and the notice it belongs to (`Annex 1 to the Notice`).
pub(crate) const ANNEX_OF_WORDS: &[&str] = &["of", "to"];
/// Words before the `A` of `Category A` after the national criteria's name.
pub(crate) const CATEGORY_A_WORDS: &[&str] = &["category", "cat", "class"];

/// English words marking a category or article (`Category II`, `art. 3`).
pub(crate) const DIVISION_WORDS: &[&str] = &[
    "category",
    "categories",
    "cat",
    "section",
    "sec",
    "class",
    "article",
    "articles",
    "art",
    "arts",
];
/// English words marking an item or post (`item 8`, `No. 6`).
pub(crate) const ITEM_WORDS: &[&str] = &["item", "items", "no", "nos", "number", "nr", "post"];
/// Abbreviations among those words, which take an optional dot.
pub(crate) const ABBREVIATIONS: &[&str] = &["cat", "sec", "art", "arts", "no", "nos", "nr"];
/// Words before the larger unit in English written outside in (`item 8 of Annex 1`).
pub(crate) const OF_WORDS: &[&str] = &["of", "in", "under"];
/// Words joining citations in a list (`II.8 and II.9`).
pub(crate) const LIST_WORDS: &[&str] = &["and", "or"];
/// Chinese words and marks joining citations in a list (`第8项、第9项`).
pub(crate) const LIST_MARKS_ZH: &[&str] = &["以及", "、", "和", "及", "与", "或", ",", ";", "&"];

/// The parts of a post by name: (name, part number). `.1` 职业能力要求, `.2` 专业学历要求,
/// `.3` 从业经历要求 (written 从业资历要求 in posts 1–7), `.4` 其他要求.
pub(crate) const PART_NAMES: &[(&str, u32)] = &[
    ("职业能力要求", 1),
    ("能力要求", 1),
    ("职业能力", 1),
    ("Occupational ability requirement", 1),
    ("Ability requirement", 1),
    ("专业学历要求", 2),
    ("学历要求", 2),
    ("专业要求", 2),
    ("专业学历", 2),
    ("Degree and field of study requirement", 2),
    ("Degree requirement", 2),
    ("Education requirement", 2),
    ("Educational requirement", 2),
    ("Field of study requirement", 2),
    ("从业经历要求", 3),
    ("从业资历要求", 3),
    ("工作经历要求", 3),
    ("经历要求", 3),
    ("资历要求", 3),
    ("从业经历", 3),
    ("Work experience requirement", 3),
    ("Experience requirement", 3),
    ("其他要求", 4),
    ("Other requirement", 4),
];

/// Ignorable characters skipped in a row inside a name before the match gives up.
const MAX_IGNORABLE_RUN: usize = 4;

/// A name compiled for matching: its skeleton (lower case, ignorable characters removed).
struct Compiled {
    skeleton: Vec<char>,
    value: usize,
}

/// Names grouped by the first character of their skeleton.
struct Table {
    by_first: HashMap<char, Vec<Compiled>>,
}

impl Table {
    fn build<'a>(names: impl Iterator<Item = &'a str>) -> Self {
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
}

fn doc_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::build(DOC_NAMES.iter().map(|(name, _, _)| *name)))
}

fn part_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::build(PART_NAMES.iter().map(|(name, _)| *name)))
}

/// A name found at the cursor: its table row, and how many brackets it opened and left open.
pub(crate) struct NameMatch {
    pub row: usize,
    pub open: usize,
}

/// Whether any name (document or part) can start with `c`.
pub(crate) fn may_start_name(c: char) -> bool {
    let c = fold(c.to_ascii_lowercase());
    doc_table().by_first.contains_key(&c) || part_table().by_first.contains_key(&c)
}

/// The longest document name at the cursor; the cursor moves past it.
pub(crate) fn doc_name(cur: &mut Cursor) -> Option<(&'static str, Strength, NameMatch)> {
    let m = longest(doc_table(), cur)?;
    let (_, doc, strength) = DOC_NAMES[m.row];
    Some((doc, strength, m))
}

/// The longest post part name at the cursor; its part number.
pub(crate) fn part_name(cur: &mut Cursor) -> Option<u32> {
    longest(part_table(), cur).map(|m| PART_NAMES[m.row].1)
}

fn longest(table: &Table, cur: &mut Cursor) -> Option<NameMatch> {
    let first = fold(cur.peek()?.to_ascii_lowercase());
    if first.is_ascii_alphabetic() && !cur.at_word_start() {
        return None;
    }
    let mut best: Option<(usize, NameMatch)> = None;
    for name in table.by_first.get(&first)? {
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

/// Match one skeleton from the cursor; the end position and the brackets left open.
fn walk(skeleton: &[char], mut cur: Cursor) -> Option<(usize, usize)> {
    let mut open = 0usize;
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
                open = open.saturating_sub(1);
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
    Some((end, open + usize::from(in_ascii_quote)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(s: &str) -> Option<(&'static str, usize)> {
        let chars: Vec<char> = s.chars().collect();
        let mut cur = Cursor::new(&chars, 0, chars.len());
        doc_name(&mut cur).map(|(doc, _, _)| (doc, cur.pos))
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

    #[test]
    fn every_name_finds_its_own_document() {
        for (name, doc, _) in DOC_NAMES {
            assert_eq!(find(name).map(|(d, _)| d), Some(*doc), "{name}");
        }
    }
}
