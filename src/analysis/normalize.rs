//! Analysis, first step: Unicode NFKC, lowercase, traditional → simplified Chinese and Chinese
//! numbers as digits, keeping for every byte of the normalized text the span of the original text
//! it came from, so tokens found in normalized text can be highlighted in the original.

use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use zhconv::{Variant, ZhConverter};

use crate::model::parse_chinese_numeral;

/// Mainland simplified Chinese: traditional characters and Taiwan/Hong Kong wording (軟體 → 软件).
static TO_SIMPLIFIED: LazyLock<&'static ZhConverter> =
    LazyLock::new(|| zhconv::get_builtin_converter(Variant::ZhCN));

/// Text after normalization, with a map back to the text it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`: the byte range of the original character it came from.
    origin: Vec<Range<usize>>,
}

impl Normalized {
    /// The byte range of the original text that normalized bytes `range` came from.
    pub fn original_span(&self, range: Range<usize>) -> Range<usize> {
        match (self.origin.get(range.start), range.end.checked_sub(1)) {
            (Some(first), Some(last)) if last >= range.start => {
                first.start..self.origin.get(last).map_or(first.end, |r| r.end)
            }
            _ => 0..0,
        }
    }
}

/// Normalize `original`: NFKC (full-width "ＥＤＡ" is "EDA"), lowercase, typographic apostrophes
/// as `'`, traditional Chinese as simplified ("雲計算" is "云计算"), and Chinese numbers as digits
/// ("五百强" is "500强", "两年" is "2年"; see `numbers_as_digits`).
pub fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    for (at, c) in original.char_indices() {
        let span = at..at + c.len_utf8();
        if c.is_ascii() {
            push(&mut text, &mut origin, c.to_ascii_lowercase(), &span);
            continue;
        }
        for folded in std::iter::once(c).nfkc().flat_map(char::to_lowercase) {
            let folded = if matches!(folded, '\u{2018}' | '\u{2019}') {
                '\''
            } else {
                folded
            };
            push(&mut text, &mut origin, folded, &span);
        }
    }
    let mut normalized = Normalized { text, origin };
    if normalized.text.chars().any(is_han) {
        to_simplified(&mut normalized);
        numbers_as_digits(&mut normalized);
    }
    normalized
}

/// Characters a Chinese number is written with (up to the hundreds, as `parse_chinese_numeral`
/// reads them).
const NUMBER_CHARS: &str = "零〇一二两三四五六七八九十百";
/// Measure words after which a lone digit character is a count ("两年", "六倍", "三个"), not part
/// of a word ("一流", "三甲", "二区").
const MEASURE_WORDS: &str = "年岁名倍分个项位";

/// People write a number in characters or in digits ("世界五百强", "世界500强"; "两年", "2年"),
/// and the rules do both: rewrite a number in characters as digits so either spelling finds the
/// other. A run of number characters is rewritten when it has two or more characters and reads
/// as one number ("四十", "八十五", "两百"), or is one digit character followed by a measure
/// word; a lone "十" or "百" and words such as 一流, 三甲 and 十分 stay as they are.
fn numbers_as_digits(normalized: &mut Normalized) {
    let chars: Vec<(usize, char)> = normalized.text.char_indices().collect();
    let is_number = |c: char| NUMBER_CHARS.contains(c);
    if !chars.iter().any(|&(_, c)| is_number(c)) {
        return;
    }
    let mut text = String::with_capacity(normalized.text.len());
    let mut origin = Vec::with_capacity(normalized.origin.len());
    let mut i = 0;
    while i < chars.len() {
        let run_end = (i..chars.len())
            .find(|&j| !is_number(chars[j].1))
            .unwrap_or(chars.len());
        if run_end == i {
            let (at, c) = chars[i];
            push(&mut text, &mut origin, c, &normalized.origin[at]);
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let end = chars
            .get(run_end)
            .map_or(normalized.text.len(), |&(at, _)| at);
        let run = &normalized.text[start..end];
        let lone_digit = run_end - i == 1 && !matches!(chars[i].1, '十' | '百');
        let counted = run_end - i >= 2
            || lone_digit
                && chars
                    .get(run_end)
                    .is_some_and(|&(_, next)| MEASURE_WORDS.contains(next));
        match parse_chinese_numeral(run).filter(|_| counted) {
            Some(n) => {
                let span = normalized.origin[start].start..normalized.origin[end - 1].end;
                for d in n.to_string().chars() {
                    push(&mut text, &mut origin, d, &span);
                }
            }
            None => {
                for &(at, c) in &chars[i..run_end] {
                    push(&mut text, &mut origin, c, &normalized.origin[at]);
                }
            }
        }
        i = run_end;
    }
    *normalized = Normalized { text, origin };
}

fn push(text: &mut String, origin: &mut Vec<Range<usize>>, c: char, span: &Range<usize>) {
    text.push(c);
    origin.extend(std::iter::repeat_n(span.clone(), c.len_utf8()));
}

/// Convert to simplified Chinese. A whole-text conversion keeps phrase context; when it changes
/// the number of characters (rare regional rewrites) the characters are converted one by one so
/// that every character still maps back to its origin.
fn to_simplified(normalized: &mut Normalized) {
    let converted = TO_SIMPLIFIED.convert(&normalized.text);
    if converted == normalized.text {
        return;
    }
    let before: Vec<(usize, char)> = normalized.text.char_indices().collect();
    let same_length = converted.chars().count() == before.len();
    let mut text = String::with_capacity(converted.len());
    let mut origin = Vec::with_capacity(converted.len());
    if same_length {
        for (c, &(at, _)) in converted.chars().zip(&before) {
            push(&mut text, &mut origin, c, &normalized.origin[at]);
        }
    } else {
        let mut buf = [0u8; 4];
        for &(at, c) in &before {
            let span = normalized.origin[at].clone();
            for d in TO_SIMPLIFIED.convert(c.encode_utf8(&mut buf)).chars() {
                push(&mut text, &mut origin, d, &span);
            }
        }
    }
    *normalized = Normalized { text, origin };
}

pub use crate::model::is_han;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_script() {
        assert_eq!(normalize("ＥＤＡ工具").text, "eda工具");
        assert_eq!(normalize("雲計算").text, "云计算");
        assert_eq!(normalize("Chip Design").text, "chip design");
        assert_eq!(normalize("（二）").text, "(二)");
        assert_eq!(normalize("enterprise’s").text, "enterprise's");
    }

    #[test]
    fn writes_chinese_numbers_as_digits_but_not_words_made_with_them() {
        assert_eq!(normalize("世界五百强").text, "世界500强");
        assert_eq!(normalize("两年以上").text, "2年以上");
        assert_eq!(normalize("八十五分").text, "85分");
        assert_eq!(normalize("四十岁以下").text, "40岁以下");
        assert_eq!(normalize("前两百名").text, "前200名");
        assert_eq!(
            normalize("一流乐团 三甲医院 十分 JCR一、二区").text,
            "一流乐团 三甲医院 十分 jcr一、二区"
        );
        // The number keeps the span of the characters it was written with.
        let n = normalize("五百强");
        assert_eq!(n.text, "500强");
        assert_eq!(n.original_span(0..3), 0..6);
        assert_eq!(n.original_span(3..6), 6..9);
    }

    #[test]
    fn maps_spans_back_to_the_original() {
        let original = "学ＥＤＡ雲計算";
        let n = normalize(original);
        let at = n.text.find("eda").unwrap();
        let span = n.original_span(at..at + 3);
        assert_eq!(&original[span], "ＥＤＡ");
        let at = n.text.find("计算").unwrap();
        let span = n.original_span(at..at + "计算".len());
        assert_eq!(&original[span], "計算");
    }

    #[test]
    fn expansions_map_to_their_source_character() {
        // NFKC expands the ligature "ﬁ" into two letters; both map back to it.
        let original = "ﬁnance";
        let n = normalize(original);
        assert_eq!(n.text, "finance");
        assert_eq!(&original[n.original_span(0..1)], "ﬁ");
        assert_eq!(&original[n.original_span(0..n.text.len())], original);
        assert_eq!(n.original_span(3..3), 0..0);
    }
}
