//! Citation, step 3a: the document part of a citation — a canonical ID (`bj2022-a1/2.8`), an
//! annex (`附件1`, `Annex 1`), a name from the alias table in any quotes, a document number, or a
//! title in 《》 that names a document we do not hold.

use super::aliases::{
    self, ANNEX_OF_WORDS, ANNEX_WORDS_EN, ANNEX_WORDS_ZH, ANNEXES, CATEGORY_A_DOC,
    CATEGORY_A_WORDS, NOTICE, Strength,
};
use super::lexer::{Cursor, Script, is_chinese_digit, is_closer, is_quote};
use super::parse::{Component, DocRef};
use crate::model::is_han;

/// Opening quotes before a name, at most.
const MAX_OPENERS: usize = 2;
/// The issuer's abbreviation in a document number (`国发` in `国发〔2021〕24号`), at most.
const MAX_ISSUER_CHARS: usize = 8;
/// Digits of a canonical ID's year (`2022` in `bj2022`).
const YEAR_DIGITS: usize = 4;
/// A document number's year (`〔2021〕`) has four digits.
const MIN_YEAR: u32 = 1000;
/// The longest title in 《》 read as the name of a document we do not hold.
const MAX_TITLE_CHARS: usize = 80;
/// Letters before the year of a canonical ID (`bj` in `bj2022`), at most.
const MAX_ID_PREFIX: usize = 8;
/// Characters of an ID's suffix (`a1` in `bj2022-a1`), at most.
const MAX_ID_SUFFIX: usize = 8;

/// The document part read at the cursor.
pub(crate) struct DocPart {
    pub doc: DocRef,
    pub strength: Strength,
    /// The path of a canonical ID (`2.8`), which ends the citation.
    pub id_path: Option<Vec<Component>>,
}

/// Read a document part; the cursor moves past it (and its closing quotes), or stays.
pub(crate) fn doc_part(cur: &mut Cursor) -> Option<DocPart> {
    let save = cur.pos;
    let part = quoted(cur);
    if part.is_none() {
        cur.pos = save;
    }
    let mut part = part?;
    if let DocRef::Id(id) = part.doc.clone()
        && part.id_path.is_none()
    {
        if id == NOTICE {
            annex_of_notice(cur, &mut part);
        } else if ANNEXES.iter().any(|(_, a)| *a == id) {
            notice_after_annex(cur);
        } else if id == CATEGORY_A_DOC {
            category_a(cur);
        }
    }
    Some(part)
}

fn quoted(cur: &mut Cursor) -> Option<DocPart> {
    let mut openers = Vec::new();
    while openers.len() < MAX_OPENERS
        && let Some(c) = cur.peek().filter(|c| is_quote(*c))
    {
        cur.bump();
        cur.skip_spaces();
        openers.push(c);
    }
    let title_quoted = openers.last() == Some(&'《');
    let start = cur.pos;
    let (part, open_inside) = match bare(cur) {
        Some(found) => found,
        None if title_quoted => (unknown(unknown_title(cur)?), 0),
        None => return None,
    };
    let wanted = openers.len() + open_inside;
    let mut closed = 0;
    while closed < wanted {
        let save = cur.pos;
        cur.skip_spaces();
        if cur.peek().is_some_and(is_closer) {
            cur.bump();
            closed += 1;
        } else {
            cur.pos = save;
            break;
        }
    }
    if title_quoted && closed < openers.len() {
        // 《分类标准解读》: a known name must fill the whole title; this is another document.
        cur.pos = start;
        let doc = unknown_title(cur)?;
        cur.bump();
        return Some(unknown(doc));
    }
    if closed < openers.len() {
        return None;
    }
    Some(part)
}

fn unknown(doc: DocRef) -> DocPart {
    DocPart {
        doc,
        strength: Strength::Strong,
        id_path: None,
    }
}

/// A document part without surrounding quotes; with the brackets its name left open.
fn bare(cur: &mut Cursor) -> Option<(DocPart, usize)> {
    let plain = |doc| DocPart {
        doc,
        strength: Strength::Strong,
        id_path: None,
    };
    if let Some(part) = canonical_id(cur) {
        return Some((part, 0));
    }
    if let Some(doc) = annex(cur) {
        return Some((plain(doc), 0));
    }
    if let Some((doc, strength, m)) = aliases::doc_name(cur) {
        let part = DocPart {
            doc: DocRef::Id(doc.to_string()),
            strength,
            id_path: None,
        };
        return Some((part, m.open));
    }
    document_number(cur).map(|doc| (plain(doc), 0))
}

/// `bj2022-a1/2.8`, `bj2022`: lower-case letters, a four-digit year, an optional `-suffix`, then
/// an optional `/path`. Case-sensitive, as IDs are.
fn canonical_id(cur: &mut Cursor) -> Option<DocPart> {
    if !cur.at_word_start() {
        return None;
    }
    let save = cur.pos;
    let mut id = String::new();
    while id.len() < MAX_ID_PREFIX
        && let Some(c) = cur.peek().filter(char::is_ascii_lowercase)
    {
        id.push(c);
        cur.bump();
    }
    let letters = id.len();
    while id.len() < letters + YEAR_DIGITS
        && let Some(c) = cur.peek().filter(char::is_ascii_digit)
    {
        id.push(c);
        cur.bump();
    }
    if letters == 0 || id.len() != letters + YEAR_DIGITS {
        cur.pos = save;
        return None;
    }
    if cur.peek() == Some('-') && cur.peek_at(1).is_some_and(|c| c.is_ascii_lowercase()) {
        cur.bump();
        id.push('-');
        let mut n = 0;
        while n < MAX_ID_SUFFIX
            && let Some(c) = cur
                .peek()
                .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        {
            id.push(c);
            cur.bump();
            n += 1;
        }
    }
    if !cur.at_word_end() {
        cur.pos = save;
        return None;
    }
    let id_path = id_path(cur);
    Some(DocPart {
        doc: DocRef::Id(id),
        strength: Strength::Strong,
        id_path,
    })
}

/// `/2.8` after an ID.
fn id_path(cur: &mut Cursor) -> Option<Vec<Component>> {
    if cur.peek() != Some('/') || !cur.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    cur.bump();
    let mut path = Vec::new();
    loop {
        let n = cur.arabic()?;
        path.push(Component { n, level: None });
        if cur.peek() == Some('.') && cur.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            cur.bump();
        } else {
            return Some(path);
        }
    }
}

/// `附件1`, `附件一`, `Annex 2`, `appendix II`.
fn annex(cur: &mut Cursor) -> Option<DocRef> {
    let save = cur.pos;
    let (label, scripts): (&str, &[Script]) = if ANNEX_WORDS_ZH.iter().any(|w| cur.eat_str(w)) {
        ("附件", &[Script::Arabic, Script::Chinese])
    } else if cur.eat_word(ANNEX_WORDS_EN).is_some() {
        ("Annex ", &[Script::Arabic, Script::Roman])
    } else {
        return None;
    };
    cur.skip_spaces();
    let Some((n, _)) = cur.number(scripts) else {
        cur.pos = save;
        return None;
    };
    Some(match ANNEXES.iter().find(|(k, _)| *k == n) {
        Some((_, doc)) => DocRef::Id(doc.to_string()),
        None => DocRef::Unknown(format!("{label}{n}")),
    })
}

/// `国科办才〔2022〕177号附件1`, `通知附件2`: the notice's annex is the document.
fn annex_of_notice(cur: &mut Cursor, part: &mut DocPart) {
    let save = cur.pos;
    cur.skip_spaces();
    cur.eat_any(&[',', '，']);
    cur.skip_spaces();
    match annex(cur) {
        Some(doc) => {
            part.doc = doc;
            part.strength = Strength::Strong;
        }
        None => cur.pos = save,
    }
}

/// `Annex 1 to the Notice`, `Annex 2 of Guo Ke Ban Cai [2022] No. 177`: nothing more to learn.
fn notice_after_annex(cur: &mut Cursor) {
    let save = cur.pos;
    cur.skip_spaces();
    let is_notice = cur.eat_word(ANNEX_OF_WORDS).is_some() && {
        cur.skip_spaces();
        aliases::doc_name(cur).is_some_and(|(doc, _, _)| doc == NOTICE)
    };
    if !is_notice {
        cur.pos = save;
    }
}

/// `A类`, `（A类）`, `, Category A` after the national criteria's name.
fn category_a(cur: &mut Cursor) {
    let save = cur.pos;
    cur.skip_spaces();
    cur.eat_any(&[',', '，']);
    cur.skip_spaces();
    let paren = cur.eat('(');
    let words = cur.eat_word(CATEGORY_A_WORDS).is_some();
    if words {
        cur.eat('.');
        cur.skip_spaces();
    }
    let letter = cur.peek().is_some_and(|c| c.eq_ignore_ascii_case(&'a'))
        && !cur.peek_at(1).is_some_and(|c| c.is_ascii_alphanumeric());
    let ok = letter && {
        cur.bump();
        cur.skip_spaces();
        (cur.eat('类') || words) && (!paren || cur.eat(')'))
    };
    if !ok {
        cur.pos = save;
    }
}

/// `国发〔2021〕24号`: a document number. Those of our documents are names in the alias table;
/// any other names a document we do not hold. Not read where a known name starts inside the
/// issuer, so `依据国科办才〔2022〕177号` is left for the scanner to find at `国`.
fn document_number(cur: &mut Cursor) -> Option<DocRef> {
    let save = cur.pos;
    let mut issuer = 0;
    while issuer < MAX_ISSUER_CHARS
        && cur
            .peek_at(issuer)
            .is_some_and(|c| is_han(c) && !is_chinese_digit(c))
    {
        issuer += 1;
    }
    if issuer == 0 {
        return None;
    }
    cur.pos += issuer;
    cur.skip_spaces();
    let year_ok = cur.eat_any(&['(', '[', '〔', '【']).is_some()
        && cur.arabic().is_some_and(|y| y >= MIN_YEAR)
        && cur.eat_any(&[')', ']', '〕', '】']).is_some();
    let number_ok = year_ok && {
        cur.skip_spaces();
        cur.eat('第');
        cur.arabic().is_some() && cur.eat('号')
    };
    let known_inside = number_ok
        && (1..issuer).any(|offset| {
            let mut probe = *cur;
            probe.pos = save + offset;
            aliases::doc_name(&mut probe).is_some()
        });
    if !number_ok || known_inside {
        cur.pos = save;
        return None;
    }
    let text = cur_text(cur, save);
    Some(DocRef::Unknown(text))
}

/// 《民法典》: a title we do not hold. The cursor stops before the closing 》.
fn unknown_title(cur: &mut Cursor) -> Option<DocRef> {
    let start = cur.pos;
    let mut len = 0;
    while len < MAX_TITLE_CHARS {
        match cur.peek_at(len) {
            Some('》') if len > 0 => {
                cur.pos += len;
                return Some(DocRef::Unknown(format!("《{}》", cur_text(cur, start))));
            }
            Some('》' | '《') | None => return None,
            Some(_) => len += 1,
        }
    }
    None
}

fn cur_text(cur: &Cursor, from: usize) -> String {
    let mut probe = *cur;
    probe.pos = from;
    let mut s = String::new();
    while probe.pos < cur.pos {
        s.extend(probe.bump());
    }
    s
}
