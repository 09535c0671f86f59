//! Eligibility (model → eligibility → web/cli): comparing names people type (majors, awards) with
//! names the corpus prints, setting aside width (NFKC), case, spaces and punctuation.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Whether two names are equal once width, case, spaces and punctuation are set aside, without
/// allocating. Names with nothing but spaces or punctuation equal nothing.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (normalized(a), normalized(b));
    let mut x = key_chars(&a);
    let mut y = key_chars(&b);
    let mut compared = 0usize;
    loop {
        match (x.next(), y.next()) {
            (None, None) => return compared > 0,
            (Some(p), Some(q)) if p == q => compared += 1,
            _ => return false,
        }
    }
}

/// The comparable form of a name: `"A.M. Turing Award"` → `"amturingaward"`.
pub fn name_key(s: &str) -> String {
    key_chars(&normalized(s)).collect()
}

/// NFKC, skipped when a quick check shows the text already is (almost always: ASCII and CJK).
fn normalized(s: &str) -> Cow<'_, str> {
    match is_nfkc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfkc().collect()),
    }
}

fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_width_case_space_or_punctuation() {
        assert!(same_name("Computer  Science", "computer-science"));
        assert!(same_name("ＰＨＹＳＩＣＳ", "physics"));
        assert!(same_name("A.M. Turing Award", "am turing award"));
        assert!(!same_name("physics", "polymer physics"));
        assert!(!same_name("", ""));
        assert!(!same_name("...", "!!"));
        assert_eq!(name_key("Médaille d'or"), "médailledor");
    }
}
