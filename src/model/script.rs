//! Model: which characters are Chinese ideographs — shared by analysis (what jieba segments, which
//! language a query is in) and the citation reader (where a Chinese citation may start).

/// Whether `c` is a CJK ideograph, in the unified block, its extensions and the compatibility
/// ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}
