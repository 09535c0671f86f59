//! Citation, step 2: a cursor over normalised characters with the small scanners the grammar is
//! built from — numerals (Arabic, Chinese, Roman), ASCII words with their boundaries, spaces and
//! separators. Every scanner either advances past what it read or leaves the cursor where it was,
//! and none reads past the cursor's limit, so one attempt to parse a citation costs at most
//! `limit - start` steps.

use crate::model::{parse_chinese_numeral, parse_roman};

/// Arabic clause numbers longer than this are not clause numbers (years, amounts, phone numbers).
const MAX_ARABIC_DIGITS: usize = 4;
/// Roman numerals longer than this are words, not clause numbers.
const MAX_ROMAN_LETTERS: usize = 8;
/// Whitespace runs longer than this end a citation.
const MAX_SPACE_RUN: usize = 4;

/// Letters of a word kept by `peek_word`; a longer word is no word of any list (the longest,
/// `through`, `paragraph`, has 9).
const MAX_WORD_LETTERS: usize = 24;

/// A lower-case ASCII word read at the cursor, held inline. A word longer than
/// `MAX_WORD_LETTERS` reads as the empty string, which no word list holds.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Word {
    letters: [u8; MAX_WORD_LETTERS],
    len: usize,
}

impl Word {
    fn push(&mut self, c: char) {
        if let Some(slot) = self.letters.get_mut(self.len) {
            *slot = c as u8;
        }
        self.len += 1;
    }

    /// The word as text (only ASCII letters are pushed, so this never fails).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or_default()
    }

    fn bytes(&self) -> &[u8] {
        self.letters.get(..self.len).unwrap_or_default()
    }

    /// Whether the word is `word` (compared as bytes: no UTF-8 check per comparison).
    fn is(&self, word: &str) -> bool {
        self.bytes() == word.as_bytes()
    }

    /// The word of `words` it is.
    pub fn among(&self, words: &[&'static str]) -> Option<&'static str> {
        words.iter().copied().find(|w| self.is(w))
    }
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Arabic,
    Chinese,
    Roman,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor<'a> {
    chars: &'a [char],
    pub pos: usize,
    limit: usize,
}

/// Traditional forms of the marker characters read as their simplified forms.
pub(crate) fn fold(c: char) -> char {
    match c {
        '條' => '条',
        '項' => '项',
        '類' => '类',
        '號' => '号',
        _ => c,
    }
}

pub(crate) fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '两'
            // Read so that 一千二百 is one run (and refused whole), not 一 and the rest.
            | '千'
            | '万'
    )
}

/// Opening quotes around a name (`《附件1》`, `“岗位目录”`); brackets are not quotes.
pub(crate) fn is_quote(c: char) -> bool {
    matches!(c, '《' | '「' | '『' | '“' | '‘' | '"' | '\'' | '〈')
}

/// Opening quotes and brackets around names and numbers.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '《' | '「' | '『' | '“' | '‘' | '"' | '\'' | '(' | '[' | '〔' | '【' | '〈' | '〖'
    )
}

pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '》' | '」' | '』' | '”' | '’' | '"' | '\'' | ')' | ']' | '〕' | '】' | '〉' | '〗'
    )
}

/// Characters a document name may hold or drop without changing which document it names.
pub(crate) fn is_name_ignorable(c: char) -> bool {
    c.is_whitespace()
        || is_opener(c)
        || is_closer(c)
        || matches!(c, '.' | ',' | '-' | '—' | '–' | '·' | '・' | ':' | '_')
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl<'a> Cursor<'a> {
    pub fn new(chars: &'a [char], pos: usize, limit: usize) -> Self {
        Self {
            chars,
            pos,
            limit: limit.min(chars.len()),
        }
    }

    pub fn peek(&self) -> Option<char> {
        (self.pos < self.limit).then(|| fold(self.chars[self.pos]))
    }

    pub fn peek_at(&self, offset: usize) -> Option<char> {
        let i = self.pos + offset;
        (i < self.limit).then(|| fold(self.chars[i]))
    }

    pub fn prev(&self) -> Option<char> {
        self.pos.checked_sub(1).map(|i| self.chars[i])
    }

    /// The text from position `from` up to the cursor.
    pub fn text_since(&self, from: usize) -> String {
        self.chars
            .get(from..self.pos)
            .unwrap_or_default()
            .iter()
            .collect()
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    /// Consume `c` if it is next.
    pub fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Consume any of `cs` if next; which one.
    pub fn eat_any(&mut self, cs: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| cs.contains(c))?;
        self.pos += 1;
        Some(c)
    }

    /// Consume a literal (compared after folding); all or nothing.
    pub fn eat_str(&mut self, s: &str) -> bool {
        let save = self.pos;
        for want in s.chars() {
            if !self.eat(want) {
                self.pos = save;
                return false;
            }
        }
        true
    }

    /// Skip a bounded run of whitespace; whether any was skipped.
    pub fn skip_spaces(&mut self) -> bool {
        let start = self.pos;
        while self.pos - start < MAX_SPACE_RUN && self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// Whether the cursor stands at the start of an ASCII word.
    pub fn at_word_start(&self) -> bool {
        self.peek().is_some_and(is_word_char) && !self.prev().is_some_and(is_word_char)
    }

    /// Whether the cursor stands at the end of an ASCII word (nothing alphanumeric follows).
    pub fn at_word_end(&self) -> bool {
        !self.peek().is_some_and(is_word_char)
    }

    /// The ASCII letters of the word at the cursor, lower-cased, without consuming them (and
    /// without allocating: this runs at every word of every passage).
    pub fn peek_word(&self) -> Option<(Word, usize)> {
        if !self.at_word_start() {
            return None;
        }
        let mut word = Word::default();
        let mut i = 0;
        while let Some(c) = self.peek_at(i).filter(char::is_ascii_alphabetic) {
            word.push(c.to_ascii_lowercase());
            i += 1;
        }
        let boundary = !self.peek_at(i).is_some_and(is_word_char);
        (i > 0 && boundary).then_some((word, i))
    }

    /// Consume one of `words` (lower-case) as a whole word; which one.
    pub fn eat_word(&mut self, words: &[&'static str]) -> Option<&'static str> {
        let (word, len) = self.peek_word()?;
        let found = word.among(words)?;
        self.pos += len;
        Some(found)
    }

    /// An Arabic number of at most `MAX_ARABIC_DIGITS` digits, not glued to letters after it.
    pub fn arabic(&mut self) -> Option<u32> {
        let mut len = 0;
        while self.peek_at(len).is_some_and(|c| c.is_ascii_digit()) {
            len += 1;
        }
        if len == 0 || len > MAX_ARABIC_DIGITS || self.peek_at(len).is_some_and(is_word_char) {
            return None;
        }
        let digits: String = (0..len).filter_map(|i| self.peek_at(i)).collect();
        self.pos += len;
        digits.parse().ok()
    }

    /// A Chinese numeral (二, 十八, 二十五): the whole run of numeral characters, or nothing.
    pub fn chinese(&mut self) -> Option<u32> {
        let mut len = 0;
        while self.peek_at(len).is_some_and(is_chinese_digit) {
            len += 1;
        }
        if len == 0 {
            return None;
        }
        let run: String = (0..len).filter_map(|i| self.peek_at(i)).collect();
        let n = parse_chinese_numeral(&run)?;
        self.pos += len;
        Some(n)
    }

    /// A Roman numeral written as a whole word (II, iv), in either case.
    pub fn roman(&mut self) -> Option<u32> {
        let (word, len) = self.peek_word()?;
        if len > MAX_ROMAN_LETTERS {
            return None;
        }
        let n = parse_roman(word.as_str())?;
        self.pos += len;
        Some(n)
    }

    /// A number in any of the allowed scripts.
    pub fn number(&mut self, scripts: &[Script]) -> Option<(u32, Script)> {
        scripts.iter().find_map(|&s| {
            let n = match s {
                Script::Arabic => self.arabic(),
                Script::Chinese => self.chinese(),
                Script::Roman => self.roman(),
            }?;
            Some((n, s))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn numerals_take_the_whole_run_or_nothing() {
        let c = chars("二十五项");
        let mut cur = Cursor::new(&c, 0, c.len());
        assert_eq!(cur.chinese(), Some(25));
        assert_eq!(cur.pos, 3);
        // 一千 is beyond the numerals clauses use: neither the run nor a prefix of it is read.
        let c = chars("一千二百");
        let mut cur = Cursor::new(&c, 0, c.len());
        assert_eq!(cur.chinese(), None);
        assert_eq!(cur.pos, 0);
        let c = chars("123456");
        let mut cur = Cursor::new(&c, 0, c.len());
        assert_eq!(cur.arabic(), None);
        assert_eq!(cur.pos, 0);
    }

    #[test]
    fn roman_needs_a_whole_word() {
        let c = chars("iv.8 ivy");
        let mut cur = Cursor::new(&c, 0, c.len());
        assert_eq!(cur.roman(), Some(4));
        let mut cur = Cursor::new(&c, 5, c.len());
        assert_eq!(cur.roman(), None);
    }

    #[test]
    fn the_limit_is_never_crossed() {
        let c = chars("附件12");
        let mut cur = Cursor::new(&c, 2, 3);
        assert_eq!(cur.arabic(), Some(1));
        assert_eq!(cur.peek(), None);
    }
}
