//! Analysis: the one name normaliser — comparing names people type (majors, awards, roles) with
//! names the corpus prints, setting aside width (NFKC), case, traditional characters, spaces and
//! punctuation. Built on [`key`](super::key), the exact-match form of search.

use super::key;

/// Whether two names are equal once width, case, script, spaces and punctuation are set aside.
/// Names with nothing but spaces or punctuation equal nothing.
pub fn same_name(a: &str, b: &str) -> bool {
    let a = name_key(a);
    !a.is_empty() && a == name_key(b)
}

/// The comparable form of a name: `"A.M. Turing Award"` → `"amturingaward"`.
pub fn name_key(s: &str) -> String {
    key(s).split(' ').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_width_case_space_or_punctuation() {
        assert!(same_name("Computer  Science", "computer-science"));
        assert!(same_name("ＰＨＹＳＩＣＳ", "physics"));
        assert!(same_name("A.M. Turing Award", "am turing award"));
        assert!(same_name("計算機", "计算机"));
        assert!(!same_name("physics", "polymer physics"));
        assert!(!same_name("", ""));
        assert!(!same_name("...", "!!"));
        assert_eq!(name_key("Médaille d'or"), "médailledor");
    }
}
