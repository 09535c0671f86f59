//! Analysis, first step: Unicode NFKC, lowercase and traditional → simplified Chinese, keeping for
//! every byte of the normalized text the span of the original text it came from, so tokens found
//! in normalized text can be highlighted in the original.

use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use zhconv::{Variant, ZhConverter};

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
/// as `'`, and traditional Chinese as simplified ("雲計算" is "云计算").
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
    }
    normalized
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
