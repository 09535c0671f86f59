//! Search: the terms the index holds, per language, so that a query only asks for terms that
//! exist — an unknown English word is replaced by its nearest indexed spellings (typos), an
//! unknown Chinese word by the indexed words inside it.

use std::collections::HashMap;

use crate::analysis::Language;
use crate::index::TextField;

/// English words shorter than this are never corrected (too many near neighbours).
const FUZZY_MIN_CHARS: usize = 5;
/// From this length, two edits are allowed; below it, one.
const TWO_EDITS_MIN_CHARS: usize = 8;
/// At most this many corrections per unknown word.
const MAX_CORRECTIONS: usize = 3;

/// A set of text fields, one bit per field in the order of `TextField::ALL`.
pub(super) type FieldSet = u8;

/// The bit of `field` in a `FieldSet`.
pub(super) fn bit(field: TextField) -> FieldSet {
    let slot = TextField::ALL
        .iter()
        .position(|f| *f == field)
        .unwrap_or_default();
    1 << slot
}

#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// Per term, the fields that hold it.
    zh: HashMap<String, FieldSet>,
    en: HashMap<String, FieldSet>,
    /// The English terms by length in characters, for nearest-spelling search.
    en_by_length: Vec<(usize, String)>,
}

impl Vocabulary {
    pub fn new(zh: HashMap<String, FieldSet>, en: HashMap<String, FieldSet>) -> Vocabulary {
        let mut en_by_length: Vec<(usize, String)> =
            en.keys().map(|t| (t.chars().count(), t.clone())).collect();
        en_by_length.sort();
        Vocabulary {
            zh,
            en,
            en_by_length,
        }
    }

    fn of(&self, language: Language) -> &HashMap<String, FieldSet> {
        match language {
            Language::Zh => &self.zh,
            Language::En => &self.en,
        }
    }

    pub fn contains(&self, language: Language, term: &str) -> bool {
        self.of(language).contains_key(term)
    }

    /// The fields of `language` that hold `term` (none when unknown).
    pub fn fields(&self, language: Language, term: &str) -> FieldSet {
        self.of(language).get(term).copied().unwrap_or_default()
    }

    /// The indexed English terms nearest to an unknown word (one edit for shorter words, two
    /// for longer ones), nearest first; none for short words, numbers or known words.
    pub fn corrections(&self, term: &str) -> Vec<&str> {
        let chars = term.chars().count();
        if chars < FUZZY_MIN_CHARS
            || !term.chars().all(|c| c.is_alphabetic())
            || self.en.contains_key(term)
        {
            return Vec::new();
        }
        let max_edits = if chars >= TWO_EDITS_MIN_CHARS { 2 } else { 1 };
        let from = self
            .en_by_length
            .partition_point(|(len, _)| *len + max_edits < chars);
        let to = self
            .en_by_length
            .partition_point(|(len, _)| *len <= chars + max_edits);
        let mut near: Vec<(usize, &str)> = self.en_by_length[from..to]
            .iter()
            .map(|(_, t)| (strsim::osa_distance(term, t), t.as_str()))
            .filter(|&(d, _)| d <= max_edits)
            .collect();
        near.sort();
        let best = near.first().map(|&(d, _)| d);
        near.into_iter()
            .take_while(|&(d, _)| Some(d) == best)
            .take(MAX_CORRECTIONS)
            .map(|(_, t)| t)
            .collect()
    }

    /// The indexed Chinese words inside an unknown one, longest first, not overlapping.
    pub fn parts(&self, word: &str) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        let mut taken = vec![false; chars.len()];
        let mut parts = Vec::new();
        for len in (2..chars.len()).rev() {
            for start in 0..=chars.len() - len {
                if taken[start..start + len].iter().any(|&t| t) {
                    continue;
                }
                let part: String = chars[start..start + len].iter().collect();
                if self.zh.contains_key(&part) {
                    taken[start..start + len].iter_mut().for_each(|t| *t = true);
                    parts.push(part);
                }
            }
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        let text = bit(TextField::Text);
        let set = |words: &[&str]| words.iter().map(|w| (w.to_string(), text)).collect();
        Vocabulary::new(
            set(&["量子", "通信", "芯片", "设计"]),
            set(&["quantum", "cloud", "comput", "design", "designer"]),
        )
    }

    #[test]
    fn corrects_english_typos_to_the_nearest_terms() {
        let v = vocab();
        assert_eq!(v.corrections("quantun"), vec!["quantum"]);
        assert_eq!(v.corrections("clould"), vec!["cloud"]);
        assert!(v.corrections("cloud").is_empty(), "known words stay");
        assert!(
            v.corrections("clud").is_empty(),
            "short words are not corrected"
        );
        assert!(v.corrections("xyzzyx").is_empty());
        assert_eq!(v.corrections("desinger"), vec!["designer"]);
    }

    #[test]
    fn knows_which_fields_hold_a_term() {
        let v = vocab();
        assert_eq!(v.fields(Language::En, "cloud"), bit(TextField::Text));
        assert_eq!(v.fields(Language::Zh, "cloud"), 0);
        assert_ne!(bit(TextField::Name), bit(TextField::Alias));
    }

    #[test]
    fn splits_unknown_chinese_words_into_known_ones() {
        let v = vocab();
        assert_eq!(v.parts("量子通信芯片"), vec!["量子", "通信", "芯片"]);
        assert!(v.parts("未知词").is_empty());
    }
}
