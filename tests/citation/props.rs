//! Property tests: linking and resolving arbitrary text never panics; spans are in bounds, in
//! order, slice the original text and overlap only where a range's members share its span; the
//! answer is the same every time.

use proptest::prelude::*;
use talentdex::citation;

use crate::common::citations;

/// Characters citations are made of, so random strings often come close to one.
const ALPHABET: &[char] = &[
    '第', '条', '项', '类', '附', '件', '序', '号', '一', '二', '十', '五', '千', '、', '（', '）',
    '(', ')', '《', '》', '“', '”', '"', '「', '」', '〔', '〕', '【', '】', '[', ']', '1', '2',
    '8', '0', '１', '.', ',', '，', ' ', '\u{3000}', '#', '/', '-', 'A', 'I', 'V', 'i', 'x', 'n',
    'o', 'N', '国', '科', '办', '才', '通', '知', '岗', '位', '目', '录', '职', '业', '能', '力',
    '要', '求', 'Ⅱ', '😀', '\u{301}', 'é', '㈡', '①',
];

/// Fragments of citations, glued in random order.
const FRAGMENTS: &[&str] = &[
    "附件1",
    "附件２",
    "第二条",
    "第8项",
    "（二）",
    "二、",
    "序号6",
    "Annex 1",
    "Annex 2, ",
    "No. 6",
    "II.8",
    "(8)",
    "Category ",
    "item ",
    "art. ",
    "Notice ",
    "通知",
    "、",
    "和",
    "and ",
    "《民法典》",
    "国科办才〔2022〕177号",
    "bj2022-a1/2.8",
    "职业能力要求",
    " ability requirements",
    "A类",
    "《外国人来华工作分类标准（试行）》",
    "Guo Ke Ban Cai [2022] No. 177",
    "至",
    "到",
    "–",
    "-",
    " through ",
    "第2至4项",
    "第11、12项",
    "Nos. 15 through 17",
    "items 3–5",
    "\u{200b}",
    "\u{00ad}",
    "\u{202e}",
    "附件2：推荐信",
];

/// Marks and words of a range: where they are written, a range's members share its span.
const RANGE_MARKS: &[&str] = &[
    "至", "到", "~", "～", "-", "－", "—", "–", "to", "through", "thru",
];

fn has_range_mark(s: &str) -> bool {
    let lower = s.to_lowercase();
    RANGE_MARKS.iter().any(|m| lower.contains(m))
}

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        prop::sample::select(ALPHABET).prop_map(String::from),
        prop::sample::select(FRAGMENTS).prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn linking_never_panics_and_spans_are_well_formed(text in text()) {
        let chars: Vec<char> = text.chars().collect();
        let links = citations().link(&text).expect("within the size limit");
        let mut last_start = 0;
        let mut last_end = 0;
        let mut last_text = String::new();
        for c in &links.citations {
            prop_assert!(c.start >= last_start, "in order: {:?}", links.citations);
            prop_assert!(
                c.start >= last_end || has_range_mark(&c.text) || has_range_mark(&last_text),
                "overlapping only for a range's members: {:?}",
                links.citations
            );
            prop_assert!(c.start < c.end && c.end <= chars.len());
            prop_assert_eq!(&chars[c.start..c.end].iter().collect::<String>(), &c.text);
            prop_assert_eq!(c.id.is_some(), c.status == citation::Status::Found);
            last_start = c.start;
            last_end = last_end.max(c.end);
            last_text = c.text.clone();
        }
        let again = citations().link(&text).expect("within the size limit");
        prop_assert_eq!(links, again);
    }

    #[test]
    fn resolving_never_panics_and_is_deterministic(text in text()) {
        let first = citations().resolve(&text);
        match &first {
            Ok(r) => prop_assert_eq!(r.id.is_some(), r.status == citation::Status::Found),
            Err(e) => prop_assert!(
                matches!(e, citation::CitationError::Empty | citation::CitationError::CiteTooLong { .. }),
                "{e}"
            ),
        }
        prop_assert_eq!(first, citations().resolve(&text));
    }
}
