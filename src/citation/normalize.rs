//! Citation, step 1: NFKC-normalise the input (full-width digits and brackets become ASCII, `Ⅱ`
//! becomes `II`) and keep, for every normalised character, the span of original code points it came
//! from, so spans found in the normalised text map back to the text the caller sent. Format
//! characters (zero-width spaces and joiners, bidi marks, the soft hyphen, the byte-order mark) are
//! dropped: invisible, they never split a citation, and spans still count them as sent.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Invisible format characters a citation may hold: the soft hyphen, zero-width space, non-joiner
/// and joiner, left-to-right and right-to-left marks, bidi embeddings, overrides and isolates,
/// the word joiner and invisible operators, and the byte-order mark (zero-width no-break space).
const FORMAT_CHARS: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
];

/// CJK Unified Ideographs (the compatibility ideographs lie elsewhere, at U+F900 on).
const UNIFIED_IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{4E00}'..='\u{9FFF}';

/// Characters that are their own NFKC form and no combining mark: ASCII and the unified
/// ideographs, nearly every character of a passage, told apart without a table look-up.
fn is_stable(c: char) -> bool {
    c.is_ascii() || UNIFIED_IDEOGRAPHS.contains(&c)
}

fn is_format(c: char) -> bool {
    FORMAT_CHARS.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Normalised text with a map back to the original code points.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    pub chars: Vec<char>,
    /// For each normalised character, the original code points it came from.
    origin: Vec<Range<usize>>,
    /// The original text, as code points (for slicing out a citation's text).
    original: Vec<char>,
}

impl Normalized {
    /// Normalise segment by segment: a starter with the combining marks that follow it. This is
    /// NFKC except for compositions across two starters (conjoining Hangul jamo), which no citation
    /// contains; in exchange every normalised character knows its original segment.
    pub fn new(text: &str) -> Self {
        let original: Vec<char> = text.chars().collect();
        let plain = !original.iter().copied().any(is_format);
        if plain && is_nfkc_quick(text.chars()) == IsNormalized::Yes {
            return Self {
                chars: original.clone(),
                origin: (0..original.len()).map(|i| i..i + 1).collect(),
                original,
            };
        }
        let mut chars = Vec::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut start = 0;
        while start < original.len() {
            let mut end = start + 1;
            while end < original.len()
                && !is_stable(original[end])
                && canonical_combining_class(original[end]) != 0
            {
                end += 1;
            }
            let mut segment = &original[start..end];
            if is_format(segment[0]) {
                segment = &segment[1..];
            }
            if segment.is_empty() {
                start = end;
                continue;
            }
            if segment.len() == 1
                && (is_stable(segment[0])
                    || is_nfkc_quick(std::iter::once(segment[0])) == IsNormalized::Yes)
            {
                chars.push(segment[0]);
                origin.push(start..end);
            } else {
                for c in segment.iter().copied().nfkc() {
                    chars.push(c);
                    origin.push(start..end);
                }
            }
            start = end;
        }
        Self {
            chars,
            origin,
            original,
        }
    }

    /// The original code-point span of the normalised span `range` (non-empty, in bounds).
    pub fn original_span(&self, range: Range<usize>) -> Range<usize> {
        let start = self.origin[range.start].start;
        let end = self.origin[range.end - 1].end;
        start..end
    }

    /// The original text of an original code-point span.
    pub fn original_text(&self, span: Range<usize>) -> String {
        self.original[span].iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_maps_back_to_original_positions() {
        let n = Normalized::new("见附件１（二）");
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "见附件1(二)");
        assert_eq!(n.original_span(3..4), 3..4);
        assert_eq!(n.original_text(n.original_span(1..7)), "附件１（二）");
    }

    #[test]
    fn format_characters_are_dropped_but_counted_in_spans() {
        let n = Normalized::new("附\u{200B}件1\u{00AD}");
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "附件1");
        assert_eq!(n.original_span(0..3), 0..4);
        assert_eq!(n.original_text(n.original_span(0..3)), "附\u{200B}件1");
    }

    #[test]
    fn one_character_expanding_to_several_keeps_its_span() {
        // Ⅻ (one code point) normalises to "XII" (three).
        let n = Normalized::new("aⅫb");
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "aXIIb");
        assert_eq!(n.original_span(1..4), 1..2);
        assert_eq!(n.original_span(4..5), 2..3);
    }
}
