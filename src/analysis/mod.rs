//! Analysis: between `model` and `index`/`search`. Turns clause text (when indexing) and query text
//! (when searching) into the same terms: NFKC, lowercase, traditional → simplified; Chinese
//! segmented by jieba in search mode with the corpus's domain dictionary; English stemmed. Also
//! owns the synonym table applied to queries. No tantivy type here: `index` adapts it.

mod error;
mod filler;
mod names;
mod normalize;
mod sound;
mod spelling;
mod synonyms;
mod tokenize;

use std::path::Path;
use std::sync::LazyLock;

use jieba_rs::Jieba;

pub use error::AnalysisError;
pub use filler::Filler;
pub use names::{name_key, same_name};
pub use normalize::{Normalized, is_han, normalize};
pub use sound::{pinyin_key, typed_key};
pub use synonyms::{Synonyms, occurrences};
pub use tokenize::Token;

/// Bump when analysis changes the terms it produces: a built index records it and is rebuilt
/// when it differs.
pub const ANALYZER_VERSION: u32 = 4;

/// Words jieba should keep whole (`corpus/_dictionary.txt`): one per line, optionally followed by
/// a frequency; `#` starts a comment.
pub const DICTIONARY_FILE: &str = "_dictionary.txt";
/// The synonym and alias table (`corpus/synonyms.toml`).
pub const SYNONYMS_FILE: &str = "synonyms.toml";

/// The two languages of every clause, each analysed its own way into its own fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Zh,
    En,
}

impl Language {
    pub const BOTH: [Language; 2] = [Language::Zh, Language::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::En => "en",
        }
    }

    /// A reader's choice of language, as the API, the pages and the CLI write it: `zh`, `en`,
    /// or `auto` (`Some(None)`: the query's own script decides); `None` for anything else.
    pub fn parse_choice(s: &str) -> Option<Option<Language>> {
        match s {
            "zh" => Some(Some(Language::Zh)),
            "en" => Some(Some(Language::En)),
            "auto" => Some(None),
            _ => None,
        }
    }
}

/// The analyzer: jieba with the domain dictionary, the English stemmer and the synonym table.
#[derive(Clone)]
pub struct Analyzer {
    jieba: Jieba,
    stemmer: frostem::Stemmer,
    synonyms: Synonyms,
    filler: Filler,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("synonym_rules", &self.synonyms.len())
            .finish_non_exhaustive()
    }
}

impl Analyzer {
    /// An analyzer with the search data of the corpus directory `dir` (both files optional).
    pub fn load(dir: &Path) -> Result<Analyzer, AnalysisError> {
        let dictionary = crate::corpus::read_optional(dir, DICTIONARY_FILE)?;
        let synonyms = crate::corpus::read_optional(dir, SYNONYMS_FILE)?;
        Analyzer::new(dictionary.as_deref(), synonyms.as_deref())
    }

    /// An analyzer from the texts of the dictionary and synonym files.
    pub fn new(
        dictionary: Option<&str>,
        synonyms: Option<&str>,
    ) -> Result<Analyzer, AnalysisError> {
        let mut jieba = Jieba::new();
        if let Some(text) = dictionary {
            add_dictionary(&mut jieba, text)?;
        }
        let synonyms = match synonyms {
            Some(text) => Synonyms::parse(text).map_err(|problem| AnalysisError::Synonyms {
                file: SYNONYMS_FILE.into(),
                problem,
            })?,
            None => Synonyms::default(),
        };
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let filler = Filler::new(|word| {
            tokenize::english(&stemmer, &normalize(word))
                .into_iter()
                .map(|t| t.term)
                .collect()
        });
        Ok(Analyzer {
            jieba,
            stemmer,
            synonyms,
            filler,
        })
    }

    /// The words of `text` as jieba cuts them (accurate mode, with the domain dictionary), as
    /// slices of `text` itself: for showing text word by word, not for indexing.
    pub fn words<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba
            .cut(text, false)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    /// The terms of `text` for the fields of `language`.
    pub fn analyze(&self, language: Language, text: &str) -> Vec<Token> {
        let normalized = normalize(text);
        match language {
            Language::Zh => tokenize::chinese(&self.jieba, &normalized),
            Language::En => tokenize::english(&self.stemmer, &normalized),
        }
    }

    /// The Chinese characters of `text` and their neighbour pairs (the fallback field's terms).
    pub fn han_grams(&self, text: &str) -> Vec<Token> {
        tokenize::han_grams(&normalize(text))
    }

    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// Whether jieba's dictionary holds `word` (normalized).
    pub fn is_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }
}

/// The terms of a short text without an `Analyzer`: its English words as the index has them
/// (stop words dropped, stemmed) and the pairs of neighbouring Chinese characters (no dictionary:
/// the same text always gives the same terms). For comparing titles written loosely.
pub fn plain_terms(text: &str) -> Vec<String> {
    static STEMMER: LazyLock<frostem::Stemmer> =
        LazyLock::new(|| frostem::Stemmer::new(frostem::Algorithm::English));
    let normalized = normalize(text);
    let mut terms: Vec<String> = tokenize::english(&STEMMER, &normalized)
        .into_iter()
        .map(|t| t.term)
        .collect();
    let pairs = tokenize::han_grams(&normalized)
        .into_iter()
        .filter(|t| !t.main);
    terms.extend(pairs.map(|t| t.term));
    terms
}

/// The exact-match form of a name or query: normalized, runs of letters, digits and characters
/// joined by single spaces ("Chip-Design  Engineer" → "chip design engineer").
pub fn key(text: &str) -> String {
    let normalized = normalize(text);
    normalized
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn add_dictionary(jieba: &mut Jieba, text: &str) -> Result<(), AnalysisError> {
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let problem = |problem: String| AnalysisError::Dictionary {
            file: DICTIONARY_FILE.into(),
            line: i + 1,
            problem,
        };
        let mut fields = line.split_whitespace();
        let word = normalize(fields.next().unwrap_or_default()).text;
        let freq = fields
            .next()
            .map(|f| {
                f.parse::<usize>()
                    .map_err(|_| problem(format!("frequency `{f}` is not a whole number")))
            })
            .transpose()?;
        if let Some(extra) = fields.next() {
            return Err(problem(format!(
                "unexpected `{extra}` (a line is a word and an optional frequency)"
            )));
        }
        // Without a frequency, jieba suggests one just high enough to keep the word whole.
        jieba.add_word(&word, freq, None);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_keeps_domain_words_whole() {
        let plain = Analyzer::new(None, None).unwrap();
        let words = |a: &Analyzer| -> Vec<String> {
            a.analyze(Language::Zh, "玻璃微流控芯片")
                .into_iter()
                .filter(|t| t.main)
                .map(|t| t.term)
                .collect()
        };
        assert!(!words(&plain).contains(&"微流控".to_string()));
        let domain = Analyzer::new(Some("# domain words\n微流控\n500强 1000\n"), None).unwrap();
        assert!(words(&domain).contains(&"微流控".to_string()));
        assert!(domain.is_word("500强"));
    }

    #[test]
    fn dictionary_errors_name_the_line() {
        let err = Analyzer::new(Some("微流控\n独角兽 many\n"), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "_dictionary.txt line 2: frequency `many` is not a whole number"
        );
    }

    #[test]
    fn keys_fold_spacing_punctuation_and_width() {
        assert_eq!(key("Chip-Design  Engineer"), "chip design engineer");
        assert_eq!(key("ＥＤＡ工具研发工程师"), "eda工具研发工程师");
        assert_eq!(key("《雲計算》"), "云计算");
        assert_eq!(key(" ?! "), "");
    }
}
