//! Citation, step 3a: the document part of a citation — a canonical ID (`bj2022-a1/2.8`), an
//! annex (`附件1`, `Annex 1`), one of the corpus's names in any quotes (with the words that may
//! follow it, `A类`), a document number, or a title in 《》 that names a document we do not hold.

use super::aliases::{ANNEX_OF_WORDS, ANNEX_WORDS_EN, ANNEX_WORDS_ZH, ARTICLE_WORDS};
use super::docnumber::{document_number, unknown_title};
use super::forms::{Place, component};
use super::lexer::{Cursor, Script, is_closer, is_opener, is_quote};
use super::names::{Names, Strength};
use super::titles::{english_phrase, phrase_text};
use super::types::{Component, DocRef, Mode};

/// Marks between an annex number and a title of its own (`附件2：推荐信`, `Annex 2 – CV`).
const HEADING_MARKS: &[char] = &[':', '：', '-', '–', '—'];

/// Opening quotes before a name, at most.
const MAX_OPENERS: usize = 2;
/// Digits of a canonical ID's year (`2022` in `bj2022`).
const YEAR_DIGITS: usize = 4;
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
    /// An annex number followed by a title of its own (`附件2：推荐信`).
    pub heading: bool,
}

/// Where a document part is read: where a citation starts, or after `of` when the clauses came
/// first (`Article 1 of the Notice`). After `of` a comma ends the document: in `Article 1 of the
/// Notice, Annex 2 posts count`, Annex 2 is a citation of its own, not the annex cited.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocPlace {
    Start,
    AfterOf,
}

/// Read a document part; the cursor moves past it (and its closing quotes), or stays.
pub(crate) fn doc_part(names: &Names, cur: &mut Cursor, place: DocPlace) -> Option<DocPart> {
    let save = cur.pos;
    let part = quoted(names, cur, place).or_else(|| {
        cur.pos = save;
        // `the Catalogue of Posts`: the article belongs to the name.
        cur.eat_word(ARTICLE_WORDS)?;
        cur.skip_spaces();
        quoted(names, cur, place).filter(|p| matches!(p.doc, DocRef::Id(_)))
    });
    if part.is_none() {
        cur.pos = save;
    }
    let mut part = part?;
    if let DocRef::Id(id) = part.doc.clone()
        && part.id_path.is_none()
    {
        if names.has_annexes(&id) {
            annex_of_parent(names, &id, cur, &mut part, place);
        } else if let Some(parent) = names.parent_of(&id) {
            parent_after_annex(names, parent, cur);
        }
        if let DocRef::Id(id) = &part.doc {
            qualifier(names, id, cur);
        }
    }
    Some(part)
}

fn quoted(names: &Names, cur: &mut Cursor, place: DocPlace) -> Option<DocPart> {
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
    let (part, open_inside) = match bare(names, cur, place) {
        Some(found) => found,
        None if title_quoted => (loosely(names, unknown_title(cur)?), 0),
        None => return None,
    };
    // Brackets the name closed itself count as closed.
    let wanted = usize::try_from(openers.len() as isize + open_inside).unwrap_or(0);
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
    let required = wanted.min(openers.len());
    if title_quoted && closed < required {
        // 《分类标准解读》: a known name must fill the whole title; this is another document.
        cur.pos = start;
        let doc = unknown_title(cur)?;
        cur.bump();
        return Some(unknown(doc));
    }
    if closed < required {
        return None;
    }
    Some(part)
}

fn unknown(doc: DocRef) -> DocPart {
    DocPart {
        doc,
        strength: Strength::Strong,
        id_path: None,
        heading: false,
    }
}

/// A title in 《》 that is none of our names exactly: ours if it names one of our documents loosely
/// (`《北京外籍高精尖人才认定标准》`), else a document we do not hold.
fn loosely(names: &Names, title: DocRef) -> DocPart {
    match &title {
        DocRef::Unknown(text) => match names.loose_title(text) {
            Some(doc) => unknown(DocRef::Id(doc.to_string())),
            None => unknown(title),
        },
        DocRef::Id(_) => unknown(title),
    }
}

/// An English title written loosely (`the Beijing Standards for Recognising Top-notch Foreign
/// Talent`): after `of`, or where a clause follows it (`…, Category VI`), so prose that merely
/// mentions a title is not a citation.
fn english_title(names: &Names, cur: &mut Cursor, place: DocPlace) -> Option<DocRef> {
    let save = cur.pos;
    english_phrase(cur)?;
    let clause_follows = || {
        let mut probe = *cur;
        probe.skip_spaces();
        probe.eat_any(&[',', '，', ':', '：']);
        probe.skip_spaces();
        let place = Place {
            mode: Mode::Passage,
            prev: None,
            after_doc: true,
            after_separator: true,
        };
        component(&mut probe, place, &mut Vec::new()).is_some()
    };
    let found = (place == DocPlace::AfterOf || clause_follows())
        .then(|| names.loose_title(&phrase_text(cur, save)))
        .flatten();
    match found {
        Some(doc) => Some(DocRef::Id(doc.to_string())),
        None => {
            cur.pos = save;
            None
        }
    }
}

/// A document part without surrounding quotes; with the brackets its name left open.
fn bare(names: &Names, cur: &mut Cursor, place: DocPlace) -> Option<(DocPart, isize)> {
    if let Some(part) = canonical_id(cur) {
        return Some((part, 0));
    }
    if let Some((doc, heading)) = annex(names, None, cur) {
        let part = DocPart {
            heading,
            ..unknown(doc)
        };
        return Some((part, 0));
    }
    if let Some((doc, strength, m)) = names.doc_name(cur) {
        let part = DocPart {
            doc: DocRef::Id(doc.to_string()),
            strength,
            ..unknown(DocRef::Id(String::new()))
        };
        return Some((part, m.open));
    }
    document_number(names, cur)
        .or_else(|| english_title(names, cur, place))
        .map(|doc| (unknown(doc), 0))
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
        id_path,
        ..unknown(DocRef::Id(id))
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
        path.push(Component {
            n,
            level: None,
            loose: false,
        });
        if cur.peek() == Some('.') && cur.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            cur.bump();
        } else {
            return Some(path);
        }
    }
}

/// `附件1`, `附件一`, `Annex 2`, `appendix II`: annex `n` of `parent` (of the first document
/// with annexes when none is named); and whether a title of its own follows (`附件2：推荐信`).
fn annex(names: &Names, parent: Option<&str>, cur: &mut Cursor) -> Option<(DocRef, bool)> {
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
    let doc = match names.annex(parent, n) {
        Some(doc) => DocRef::Id(doc.to_string()),
        None => DocRef::Unknown(format!("{label}{n}")),
    };
    Some((doc, titled(cur)))
}

/// Whether a colon or dash and then a title (not a clause) follow: `：推荐信`, ` – Reference letter`.
fn titled(cur: &Cursor) -> bool {
    let mut probe = *cur;
    probe.skip_spaces();
    if probe.eat_any(HEADING_MARKS).is_none() {
        return false;
    }
    probe.skip_spaces();
    let starts_title = probe
        .peek()
        .is_some_and(|c| c.is_alphabetic() || is_opener(c));
    // Only a marked clause (`第6项`, `No. 6`) goes on with the citation: `CV` is no Roman 105.
    let place = Place {
        mode: Mode::Passage,
        prev: None,
        after_doc: false,
        after_separator: true,
    };
    starts_title && component(&mut probe, place, &mut Vec::new()).is_none()
}

/// `国科办才〔2022〕177号附件1`, `通知附件2`: the annex of the document named is the document.
fn annex_of_parent(
    names: &Names,
    parent: &str,
    cur: &mut Cursor,
    part: &mut DocPart,
    place: DocPlace,
) {
    let save = cur.pos;
    cur.skip_spaces();
    if cur.eat_any(&[',', '，']).is_some() && place == DocPlace::AfterOf {
        cur.pos = save;
        return;
    }
    cur.skip_spaces();
    match annex(names, Some(parent), cur) {
        Some((doc, _)) => {
            part.doc = doc;
            part.strength = Strength::Strong;
        }
        None => cur.pos = save,
    }
}

/// `Annex 1 to the Notice`, `Annex 2 of Guo Ke Ban Cai [2022] No. 177`: nothing more to learn.
fn parent_after_annex(names: &Names, parent: &str, cur: &mut Cursor) {
    let save = cur.pos;
    cur.skip_spaces();
    let is_parent = cur.eat_word(ANNEX_OF_WORDS).is_some() && {
        cur.skip_spaces();
        cur.eat_word(ARTICLE_WORDS);
        cur.skip_spaces();
        names.doc_name(cur).is_some_and(|(doc, _, _)| doc == parent)
    };
    if !is_parent {
        cur.pos = save;
    }
}

/// `A类`, `（A类）`, `, Category A` after a name of a document whose front matter lists them.
fn qualifier(names: &Names, doc: &str, cur: &mut Cursor) {
    let save = cur.pos;
    cur.skip_spaces();
    cur.eat_any(&[',', '，']);
    cur.skip_spaces();
    let ok = names.qualifier(doc, cur).is_some_and(|open| {
        let open = usize::try_from(open).unwrap_or(0);
        let mut closed = 0;
        while closed < open && cur.peek().is_some_and(is_closer) {
            cur.bump();
            closed += 1;
        }
        closed == open
    });
    if !ok {
        cur.pos = save;
    }
}
