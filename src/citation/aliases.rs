//! Citation data: the words that mark a level of numbering, join a list or a range, and name the
//! parts of a post — tables, not code, so adding a word is a one-line change. Document names are
//! not here: they live in the corpus front matter and `names` reads them.

use std::sync::OnceLock;

use super::lexer::Cursor;
use super::names::Table;

/// Words that introduce an annex number (`附件1`, `Annex 1`).
pub(crate) const ANNEX_WORDS_ZH: &[&str] = &["附件"];
pub(crate) const ANNEX_WORDS_EN: &[&str] = &["annex", "appendix", "attachment"];
/// Words between an annex and the document it belongs to (`Annex 1 to the Notice`).
pub(crate) const ANNEX_OF_WORDS: &[&str] = &["of", "to"];
/// The English article that may stand before a document's name (`the Catalogue of Posts`).
pub(crate) const ARTICLE_WORDS: &[&str] = &["the"];

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
pub(crate) const ITEM_WORDS: &[&str] = &[
    "item", "items", "no", "nos", "number", "numbers", "nr", "post", "posts",
];
/// A word that may stand before an item word (`Serial No. 6`).
pub(crate) const SERIAL_WORDS: &[&str] = &["serial"];
/// Abbreviations among those words, which take an optional dot.
pub(crate) const ABBREVIATIONS: &[&str] = &["cat", "sec", "art", "arts", "no", "nos", "nr"];
/// Chinese level words writers use loosely (`第（二）项第8条` for section 二, item 8): where
/// the document's levels do not fit them, the numbers nest in the order written.
pub(crate) const LOOSE_MARKERS: &[char] = &['条', '项', '款', '目'];
/// What may stand between `序号` and its number (`序号：8`, `序号为8`).
pub(crate) const SERIAL_JOINS: &[char] = &[':', '：', '为'];
/// Words before the larger unit in English written outside in (`item 8 of Annex 1`).
pub(crate) const OF_WORDS: &[&str] = &["of", "in", "under"];
/// Small words a title holds between its capitalised words (`Standards for Foreigners Working
/// in China`).
pub(crate) const TITLE_JOINS: &[&str] = &["of", "for", "on", "in", "and", "the", "to", "a", "an"];
/// Words joining citations in a list (`II.8 and II.9`).
pub(crate) const LIST_WORDS: &[&str] = &["and", "or"];
/// Chinese words and marks joining citations in a list (`第8项、第9项`).
pub(crate) const LIST_MARKS_ZH: &[&str] = &["以及", "、", "和", "及", "与", "或", ",", ";", "&"];
/// Marks joining the members of a list inside one marker (`第11、12项`, `Nos. 6, 7`).
pub(crate) const MEMBER_MARKS: &[&str] = &["以及", "、", "和", "及", "与", "或", ","];
/// Marks of a range (`第2至4项`, `items 3–5`; `-` after normalisation of `－`).
pub(crate) const RANGE_MARKS: &[&str] = &["至", "到", "~", "〜", "-", "—", "–", "‒", "―"];
/// English words of a range (`Nos. 15 through 17`).
pub(crate) const RANGE_WORDS: &[&str] = &["to", "through", "thru"];
/// Characters after a number that make it a quantity, not a clause number (`3年`, `6倍`).
pub(crate) const QUANTITY_UNITS: &[char] = &[
    '年', '月', '日', '天', '岁', '个', '名', '人', '万', '元', '%', '倍', '分', '次', '周',
];

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

fn part_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::build(PART_NAMES.iter().map(|(name, _)| *name)))
}

/// The longest post part name at the cursor; its part number.
pub(crate) fn part_name(cur: &mut Cursor) -> Option<u32> {
    part_table().longest(cur).map(|m| PART_NAMES[m.row].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_names_find_their_part() {
        for (name, n) in PART_NAMES {
            let chars: Vec<char> = name.chars().collect();
            let mut cur = Cursor::new(&chars, 0, chars.len());
            assert_eq!(part_name(&mut cur), Some(*n), "{name}");
            assert_eq!(cur.pos, chars.len());
        }
    }
}
