//! Search: the query as searched. Before planning, the query is read for what its writer meant:
//! toneless pinyin becomes the Chinese it spells (`shujuku` → 数据库), a Chinese word the index
//! lacks becomes the indexed word it sounds like (云计酸 → 云计算), and an English word the index
//! lacks its nearest indexed spelling (clould → cloud). The result is reported as `corrected`.

use super::profile::Profiles;
use super::sounds::Sounds;
use super::vocabulary::Vocabulary;
use crate::analysis::{Analyzer, Language, is_han, normalize, pinyin_key, typed_key};

/// The longest run of Chinese characters a sound correction replaces at once.
const MAX_SOUND_WINDOW: usize = 6;

pub(super) struct Reader<'a> {
    pub analyzer: &'a Analyzer,
    pub vocabulary: &'a Vocabulary,
    pub profiles: &'a Profiles,
    pub sounds: &'a Sounds,
    /// Chinese words of the concept list (normalized): known words, never "corrected".
    pub concept_words: &'a std::collections::HashSet<String>,
}

/// A piece of the query: a run of Chinese, a Latin word, or anything between.
#[derive(Debug, PartialEq)]
enum Piece<'q> {
    Han(&'q str),
    Word(&'q str),
    Other(&'q str),
}

fn pieces(query: &str) -> Vec<Piece<'_>> {
    let class = |c: char| {
        if is_han(c) {
            0
        } else if c.is_alphanumeric() {
            1
        } else {
            2
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<u8> = None;
    for (at, c) in query.char_indices() {
        let k = class(c);
        if current.is_some_and(|p| p != k) {
            out.push(piece(&query[start..at], current.unwrap_or(2)));
            start = at;
        }
        current = Some(k);
    }
    if let Some(k) = current {
        out.push(piece(&query[start..], k));
    }
    out
}

fn piece(text: &str, class: u8) -> Piece<'_> {
    match class {
        0 => Piece::Han(text),
        1 => Piece::Word(text),
        _ => Piece::Other(text),
    }
}

impl Reader<'_> {
    /// The query as it will be searched.
    pub fn read(&self, query: &str) -> String {
        let pieces = pieces(query);
        let mut out = String::with_capacity(query.len());
        let mut i = 0;
        while i < pieces.len() {
            match pieces[i] {
                Piece::Han(run) => out.push_str(&self.by_sound(run)),
                Piece::Other(text) => out.push_str(text),
                Piece::Word(word) => {
                    // A run of pinyin candidates, over plain spaces; `next` is after its last word.
                    let mut words = Vec::new();
                    let (mut j, mut next) = (i, i);
                    while let Some(Piece::Word(w)) = pieces.get(j) {
                        if !self.may_be_pinyin(w) {
                            break;
                        }
                        words.push(*w);
                        next = j + 1;
                        match pieces.get(j + 1) {
                            Some(Piece::Other(s)) if s.trim().is_empty() => j += 2,
                            _ => break,
                        }
                    }
                    if let Some(chinese) = self.pinyin(&words) {
                        out.push_str(&chinese);
                        i = next;
                        continue;
                    }
                    if next <= i {
                        out.push_str(&self.word(word));
                    } else {
                        // Not pinyin: each word of the run as English.
                        for p in &pieces[i..next] {
                            match p {
                                Piece::Word(w) => out.push_str(&self.word(w)),
                                Piece::Other(t) | Piece::Han(t) => out.push_str(t),
                            }
                        }
                        i = next;
                        continue;
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// Whether a Latin word could be pinyin: letters only, and no English word the index knows.
    fn may_be_pinyin(&self, word: &str) -> bool {
        if typed_key(word).is_none() {
            return false;
        }
        let terms = self.analyzer.analyze(Language::En, word);
        match terms.as_slice() {
            [] => false,
            [t] => {
                !self.vocabulary.contains(Language::En, &t.term)
                    && !self.analyzer.is_filler(Language::En, &t.term)
            }
            _ => false,
        }
    }

    /// Pinyin words read as indexed Chinese: all of them together, else each on its own (only
    /// when every one reads).
    fn pinyin(&self, words: &[&str]) -> Option<String> {
        if words.is_empty() {
            return None;
        }
        let joined: String = words.iter().filter_map(|w| typed_key(w)).collect();
        if let Some(read) = self.sounds.read(&joined) {
            return Some(read.concat());
        }
        let each: Option<Vec<String>> = words
            .iter()
            .map(|w| Some(self.sounds.read(&typed_key(w)?)?.concat()))
            .collect();
        each.map(|e| e.concat())
    }

    /// An English word the index lacks, as the nearest word the corpus writes (spellings are
    /// compared as written, not as stems: `neurosciense` is near `neuroscience`).
    fn word(&self, word: &str) -> String {
        let terms = self.analyzer.analyze(Language::En, word);
        if let [t] = terms.as_slice()
            && !self.vocabulary.contains(Language::En, &t.term)
            && let Some(fix) = self
                .profiles
                .words
                .corrections(&word.to_lowercase())
                .first()
        {
            return fix.to_string();
        }
        word.to_string()
    }

    /// A run of Chinese with each stretch the index does not know, but whose sound is an
    /// indexed word's, replaced by that word (longest stretches first).
    fn by_sound(&self, run: &str) -> String {
        let normalized = normalize(run).text;
        let chars: Vec<char> = normalized.chars().collect();
        if chars.len() != run.chars().count() || chars.len() < 2 {
            return run.to_string();
        }
        // Words of two or more characters the index knows are taken as meant, and so are
        // question and filler words (是不是, 为): a corrected stretch holds neither filler nor
        // part of a known word, only whole known words and characters the index lacks.
        let mut known = vec![false; chars.len()];
        let mut word_of: Vec<Option<usize>> = vec![None; chars.len()];
        let mut filler = vec![false; chars.len()];
        let offsets: Vec<usize> = normalized.char_indices().map(|(at, _)| at).collect();
        for (n, token) in self
            .analyzer
            .analyze(Language::Zh, &normalized)
            .iter()
            .enumerate()
        {
            let is_filler = self.analyzer.is_filler(Language::Zh, &token.term);
            let is_known = token.main
                && token.term.chars().count() >= 2
                && (self.vocabulary.contains(Language::Zh, &token.term)
                    || self.concept_words.contains(&token.term));
            // Token spans are into the text analysed (here the normalized run).
            for (i, at) in offsets.iter().enumerate() {
                if token.span.contains(at) {
                    filler[i] |= is_filler;
                    if is_known {
                        known[i] = true;
                        word_of[i] = Some(n);
                    }
                }
            }
        }
        let mut out: Vec<Option<String>> = chars.iter().map(|c| Some(c.to_string())).collect();
        let mut replaced = vec![false; chars.len()];
        for len in (2..=MAX_SOUND_WINDOW.min(chars.len())).rev() {
            for start in 0..=chars.len() - len {
                let span = start..start + len;
                let cuts_a_word = |edge: usize, outside: usize| {
                    word_of[edge].is_some() && word_of[edge] == word_of[outside]
                };
                if replaced[span.clone()].iter().any(|&r| r)
                    || known[span.clone()].iter().all(|&k| k)
                    || filler[span.clone()].iter().any(|&f| f)
                    || (start > 0 && cuts_a_word(start, start - 1))
                    || (span.end < chars.len() && cuts_a_word(span.end - 1, span.end))
                {
                    continue;
                }
                let window: String = chars[span.clone()].iter().collect();
                if self.vocabulary.contains(Language::Zh, &window) {
                    continue;
                }
                let Some(key) = pinyin_key(&window) else {
                    continue;
                };
                let Some(word) = self
                    .sounds
                    .homophones(&key)
                    .iter()
                    .find(|w| w.chars().count() == len && **w != window)
                else {
                    continue;
                };
                replaced[span.clone()].iter_mut().for_each(|r| *r = true);
                out[start] = Some(word.clone());
                out[start + 1..start + len]
                    .iter_mut()
                    .for_each(|o| *o = None);
            }
        }
        if !replaced.iter().any(|&r| r) {
            return run.to_string();
        }
        out.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_query_into_chinese_latin_and_the_rest() {
        assert_eq!(
            pieces("5G gongchengshi 区块链"),
            vec![
                Piece::Word("5G"),
                Piece::Other(" "),
                Piece::Word("gongchengshi"),
                Piece::Other(" "),
                Piece::Han("区块链"),
            ]
        );
    }
}
