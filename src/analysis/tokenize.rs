//! Analysis, second step: normalized text into terms. Chinese with jieba in search mode (a long
//! word also yields the dictionary words inside it, at the same position); English as words,
//! stop words dropped, British spellings read as American, Snowball-stemmed. Punctuation and whitespace are never terms.

use std::ops::Range;

use jieba_rs::Jieba;

use super::normalize::{Normalized, is_han};
use super::spelling::american;

/// One term of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    /// Where the term is in the original (not normalized) text, in bytes.
    pub span: Range<usize>,
    /// Word position; the sub-words search mode adds share their word's position.
    pub position: usize,
    /// False for a sub-word of a longer word (芯片 inside 芯片设计师).
    pub main: bool,
}

/// Lucene's English stop words (what tantivy's English stop-word filter also drops).
const STOP_WORDS: [&str; 33] = [
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// Words whose Snowball stem is another concept's word, with the stem they keep instead (what
/// Lucene's StemmerOverrideFilter does): "doctorate" and "doctoral" stem to "doctor", the word
/// for a physician, so a question about a doctoral degree found the clinical physician's post.
const STEM_OVERRIDES: &[(&str, &str)] = &[
    ("doctorate", "doctorate"),
    ("doctorates", "doctorate"),
    ("doctoral", "doctorate"),
];

/// Characters that join the letters on both sides into one English word ("r&d", "enterprise's").
const WORD_JOINERS: [char; 2] = ['&', '\''];

fn is_term_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Chinese: jieba search mode without HMM (deterministic: the same run of characters always
/// segments the same way), keeping Latin words and numbers as jieba finds them.
pub fn chinese(jieba: &Jieba, n: &Normalized) -> Vec<Token> {
    let words = jieba.cut_for_search(&n.text, false);
    // Search mode lists a word's sub-words just before the word, all inside its span. Walking
    // backwards, each main word comes first and its sub-words follow inside it.
    let mut backwards: Vec<(Token, usize)> = Vec::with_capacity(words.len());
    let mut current: Option<Range<usize>> = None;
    let mut mains = 0usize;
    for w in words.iter().rev() {
        let span = w.byte_start..w.byte_end;
        let inside = current
            .as_ref()
            .is_some_and(|c| c.start <= span.start && span.end <= c.end && *c != span);
        if !inside {
            current = Some(span.clone());
        }
        if !w.word.chars().any(is_term_char) {
            continue;
        }
        if !inside {
            mains += 1;
        }
        let token = Token {
            term: w.word.to_string(),
            span: n.original_span(span),
            position: 0,
            main: !inside,
        };
        backwards.push((token, mains));
    }
    backwards
        .into_iter()
        .rev()
        .map(|(mut t, group)| {
            t.position = mains - group;
            t
        })
        .collect()
}

/// Chinese characters as terms: every character of a run of Chinese and every pair of neighbours
/// (软件 → 软, 软件, 件), for matching Chinese no dictionary knows. A pair sits at its first
/// character's position.
pub fn han_grams(n: &Normalized) -> Vec<Token> {
    let chars: Vec<(usize, char)> = n.text.char_indices().collect();
    let mut tokens = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !is_han(c) {
            continue;
        }
        let end = at + c.len_utf8();
        tokens.push(Token {
            term: c.to_string(),
            span: n.original_span(at..end),
            position: i,
            main: true,
        });
        if let Some(&(next_at, next)) = chars.get(i + 1)
            && is_han(next)
        {
            let pair_end = next_at + next.len_utf8();
            tokens.push(Token {
                term: n.text[at..pair_end].to_string(),
                span: n.original_span(at..pair_end),
                position: i,
                main: false,
            });
        }
    }
    tokens
}

/// English: words of letters and digits (not Chinese characters), stop words dropped, stemmed.
pub fn english(stemmer: &frostem::Stemmer, n: &Normalized) -> Vec<Token> {
    let text = n.text.as_str();
    let mut tokens = Vec::new();
    for (position, word) in english_words(text).into_iter().enumerate() {
        let raw = &text[word.clone()];
        if STOP_WORDS.contains(&raw) {
            continue;
        }
        let stem = match STEM_OVERRIDES.iter().find(|(word, _)| *word == raw) {
            Some((_, kept)) => (*kept).to_string(),
            None => stemmer.stem(&american(raw)).into_owned(),
        };
        if !stem.is_empty() {
            tokens.push(Token {
                term: stem,
                span: n.original_span(word),
                position,
                main: true,
            });
        }
    }
    tokens
}

/// Byte ranges of the English words of normalized `text`.
fn english_words(text: &str) -> Vec<Range<usize>> {
    let is_word = |c: char| is_term_char(c) && !is_han(c);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let joins = WORD_JOINERS.contains(&c)
            && start.is_some()
            && chars.get(i + 1).is_some_and(|&(_, next)| is_word(next));
        if is_word(c) || joins {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            words.push(s..at);
        }
    }
    if let Some(s) = start {
        words.push(s..text.len());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;

    fn terms(tokens: &[Token]) -> Vec<(&str, usize, bool)> {
        tokens
            .iter()
            .map(|t| (t.term.as_str(), t.position, t.main))
            .collect()
    }

    #[test]
    fn chinese_search_mode_keeps_sub_words_at_their_word_position() {
        let jieba = Jieba::new();
        let n = normalize("人工智能算法工程师。");
        let tokens = chinese(&jieba, &n);
        assert_eq!(
            terms(&tokens),
            vec![
                ("人工", 0, false),
                ("智能", 0, false),
                ("人工智能", 0, true),
                ("算法", 1, true),
                ("工程", 2, false),
                ("工程师", 2, true),
            ]
        );
    }

    #[test]
    fn chinese_keeps_latin_words_and_drops_punctuation() {
        let jieba = Jieba::new();
        let original = "熟悉ＳＤＮ/NFV，5G！";
        let tokens = chinese(&jieba, &normalize(original));
        let words: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(words, vec!["熟悉", "sdn", "nfv", "5g"]);
        assert_eq!(&original[tokens[1].span.clone()], "ＳＤＮ");
    }

    #[test]
    fn han_grams_are_characters_and_neighbour_pairs() {
        let tokens = han_grams(&normalize("钠电池 5G储能"));
        let grams: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(
            grams,
            vec!["钠", "钠电", "电", "电池", "池", "储", "储能", "能"]
        );
    }

    #[test]
    fn english_stems_and_drops_stop_words() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let original = "Experience in the R&D of Cloud Computing platforms";
        let tokens = english(&stemmer, &normalize(original));
        assert_eq!(
            terms(&tokens),
            vec![
                ("experi", 0, true),
                ("r&d", 3, true),
                ("cloud", 5, true),
                ("comput", 6, true),
                ("platform", 7, true),
            ]
        );
        assert_eq!(&original[tokens[3].span.clone()], "Computing");
    }

    #[test]
    fn a_doctorate_is_not_a_doctor_and_spellings_meet() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let stems = |text: &str| -> Vec<String> {
            english(&stemmer, &normalize(text))
                .into_iter()
                .map(|t| t.term)
                .collect()
        };
        assert_ne!(stems("doctorate"), stems("doctor"));
        assert_eq!(stems("doctorate"), stems("doctoral"));
        assert_eq!(
            stems("international organisations"),
            stems("International Organization")
        );
        assert_eq!(stems("research programme"), stems("research program"));
    }

    #[test]
    fn english_ignores_chinese_and_dangling_joiners() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let tokens = english(&stemmer, &normalize("芯片 & 'design' AI"));
        let words: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(words, vec!["design", "ai"]);
    }
}
