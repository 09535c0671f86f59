//! Search: the index's Chinese words by sound — each word's toneless pinyin — so typed pinyin
//! (`shujuku`, `lvse jianzhu`) becomes the Chinese it spells and a homophone typo (云计酸) the
//! indexed word it sounds like (云计算). Built from the corpus's own vocabulary, never a hand list.

use std::collections::HashMap;

use crate::analysis::pinyin_key;

/// The most Chinese words one pinyin key stands for (homophones, most frequent first).
const MAX_HOMOPHONES: usize = 2;
/// The longest typed pinyin read, in letters (a pasted paragraph is not pinyin).
const MAX_TYPED_LETTERS: usize = 60;
/// The cost of one word in a reading of typed pinyin: a one-character word costs more, so that
/// `jidianyitihua` reads as 机电 一体化, not as five single characters.
const WORD_COST: u32 = 2;
const CHARACTER_COST: u32 = 5;

#[derive(Debug, Default)]
pub(super) struct Sounds {
    /// Pinyin key → Chinese words, most frequent first.
    words: HashMap<String, Vec<String>>,
    /// The longest key, in letters.
    longest: usize,
}

impl Sounds {
    /// From `(word, document frequency)` pairs of the index's Chinese vocabulary.
    pub fn new<'a>(terms: impl Iterator<Item = (&'a str, u32)>) -> Sounds {
        let mut by_key: HashMap<String, Vec<(u32, &str)>> = HashMap::new();
        for (term, df) in terms {
            if let Some(key) = pinyin_key(term) {
                by_key.entry(key).or_default().push((df, term));
            }
        }
        let mut sounds = Sounds::default();
        for (key, mut terms) in by_key {
            terms.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            sounds.longest = sounds.longest.max(key.len());
            let words = terms
                .into_iter()
                .take(MAX_HOMOPHONES)
                .map(|(_, t)| t.to_string());
            sounds.words.insert(key, words.collect());
        }
        sounds
    }

    /// The indexed words that sound like `key`, most frequent first.
    pub fn homophones(&self, key: &str) -> &[String] {
        self.words.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    /// Typed pinyin (`key` as from `typed_key`) read as indexed Chinese words, all of it; `None`
    /// when some part spells no word.
    pub fn read(&self, key: &str) -> Option<Vec<&str>> {
        let n = key.len();
        if n == 0 || n > MAX_TYPED_LETTERS || !key.is_ascii() {
            return None;
        }
        // best[i]: the cheapest reading of key[..i] and where its last word starts.
        let mut best: Vec<Option<(u32, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for end in 1..=n {
            for start in end.saturating_sub(self.longest)..end {
                let Some((cost, _)) = best[start] else {
                    continue;
                };
                let Some(word) = self.homophones(&key[start..end]).first() else {
                    continue;
                };
                let step = if word.chars().count() == 1 {
                    CHARACTER_COST
                } else {
                    WORD_COST
                };
                if best[end].is_none_or(|(c, _)| cost + step < c) {
                    best[end] = Some((cost + step, start));
                }
            }
        }
        best[n]?;
        let mut words = Vec::new();
        let mut end = n;
        while end > 0 {
            let (_, start) = best[end]?;
            words.push(self.homophones(&key[start..end]).first()?.as_str());
            end = start;
        }
        words.reverse();
        Some(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sounds() -> Sounds {
        let words = [
            ("数据库", 2),
            ("机电", 1),
            ("一体化", 1),
            ("机", 1),
            ("电", 3),
            ("院士", 2),
        ];
        Sounds::new(words.into_iter())
    }

    #[test]
    fn reads_typed_pinyin_as_the_fewest_words() {
        let s = sounds();
        assert_eq!(s.read("shujuku"), Some(vec!["数据库"]));
        assert_eq!(s.read("jidianyitihua"), Some(vec!["机电", "一体化"]));
        assert_eq!(s.read("shujukux"), None, "every letter must be read");
        assert_eq!(s.read(""), None);
    }

    #[test]
    fn finds_homophones_by_key() {
        let s = sounds();
        assert_eq!(s.homophones("yuanshi"), ["院士".to_string()]);
        assert!(s.homophones("qqq").is_empty());
    }
}
