//! Citation, step 3b: document numbers (`国发〔2021〕24号`) and titles in 《》 of documents we do
//! not hold — what `docref` reads when no name of ours is at the cursor — and, for the scanner, the
//! positions where a document number may start (any Chinese character may be an issuer's first).

use super::lexer::{Cursor, is_chinese_digit};
use super::names::Names;
use super::types::DocRef;
use crate::model::is_han;

/// The issuer's abbreviation in a document number (`国发` in `国发〔2021〕24号`), at most.
const MAX_ISSUER_CHARS: usize = 8;
/// A document number's year (`〔2021〕`) has four digits.
const MIN_YEAR: u32 = 1000;
/// The longest title in 《》 read as the name of a document we do not hold.
const MAX_TITLE_CHARS: usize = 80;
/// Brackets that open a document number's year.
const YEAR_OPENERS: &[char] = &['(', '[', '〔', '【'];
/// Brackets that close it.
const YEAR_CLOSERS: &[char] = &[')', ']', '〕', '】'];

fn is_issuer_char(c: char) -> bool {
    is_han(c) && !is_chinese_digit(c)
}

/// Per position of `chars`: whether a document number may start there — an issuer of at most
/// `MAX_ISSUER_CHARS` Chinese characters, then spaces and a year's opening bracket. One pass from
/// the end, so the scanner need not try every Chinese character of a passage as an issuer.
pub(crate) fn number_starts(chars: &[char]) -> Vec<bool> {
    let n = chars.len();
    // From each position: whether only spaces stand before a year's opener.
    let mut opener_next = vec![false; n + 1];
    let mut starts = vec![false; n];
    // The length of the issuer run starting at `i`.
    let mut run = 0;
    for i in (0..n).rev() {
        let c = chars[i];
        opener_next[i] = YEAR_OPENERS.contains(&c) || (c.is_whitespace() && opener_next[i + 1]);
        run = if is_issuer_char(c) { run + 1 } else { 0 };
        starts[i] = run > 0 && opener_next[i + run.min(MAX_ISSUER_CHARS)];
    }
    starts
}

/// `国发〔2021〕24号`: a document number. Those of our documents are among their names; any other
/// names a document we do not hold. Not read where a known name starts inside the issuer, so
/// `依据国科办才〔2022〕177号` is left for the scanner to find at `国`.
pub(crate) fn document_number(names: &Names, cur: &mut Cursor) -> Option<DocRef> {
    let save = cur.pos;
    let mut issuer = 0;
    while issuer < MAX_ISSUER_CHARS && cur.peek_at(issuer).is_some_and(is_issuer_char) {
        issuer += 1;
    }
    if issuer == 0 {
        return None;
    }
    cur.pos += issuer;
    cur.skip_spaces();
    let year_ok = cur.eat_any(YEAR_OPENERS).is_some()
        && cur.arabic().is_some_and(|y| y >= MIN_YEAR)
        && cur.eat_any(YEAR_CLOSERS).is_some();
    let number_ok = year_ok && {
        cur.skip_spaces();
        cur.eat('第');
        cur.arabic().is_some() && cur.eat('号')
    };
    let known_inside = number_ok
        && (1..issuer).any(|offset| {
            let mut probe = *cur;
            probe.pos = save + offset;
            names.doc_name(&mut probe).is_some()
        });
    if !number_ok || known_inside {
        cur.pos = save;
        return None;
    }
    let text = cur.text_since(save);
    Some(DocRef::Unknown(text))
}

/// 《民法典》: a title we do not hold. The cursor stops before the closing 》.
pub(crate) fn unknown_title(cur: &mut Cursor) -> Option<DocRef> {
    let start = cur.pos;
    let mut len = 0;
    while len < MAX_TITLE_CHARS {
        match cur.peek_at(len) {
            Some('》') if len > 0 => {
                cur.pos += len;
                return Some(DocRef::Unknown(format!("《{}》", cur.text_since(start))));
            }
            Some('》' | '《') | None => return None,
            Some(_) => len += 1,
        }
    }
    None
}
