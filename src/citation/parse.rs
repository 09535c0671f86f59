//! Citation, step 3: the grammar. A citation is an optional document part (`docref`) followed by
//! numbered components (their forms are in `forms`: `第二条`, `（二）`, `II.8`, `No. 6`, …), a post
//! part by name, and in English perhaps `of` the larger units and the document. Each component says
//! which level it marks, where its form says so; `resolve` fits them to a document's levels.

use std::ops::Range;

use super::aliases::{LIST_MARKS_ZH, LIST_WORDS, OF_WORDS, Strength};
use super::docref::{DocPart, doc_part};
use super::forms::{Place, component, prose_follows};
use super::lexer::Cursor;

/// The most normalised characters one citation may span (the longest English title is ~240).
pub(crate) const MAX_CITATION_CHARS: usize = 400;
/// Components in one citation, at most (documents have two levels; a margin for typos).
const MAX_COMPONENTS: usize = 6;

/// The level a component marks, from its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// An article or category: 第二条, （二）, 二、, II, Category II, art. 3.
    Division,
    /// An item or post: 第8项, 序号8, item 8, No. 6, #6.
    Item,
    /// A post's requirement part, by name: 职业能力要求.
    Part,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Component {
    pub n: u32,
    /// `None` for a bare number, which takes the next level down.
    pub level: Option<Level>,
}

/// Which document a citation names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DocRef {
    /// A document ID: from the alias table, an annex number or written as an ID.
    Id(String),
    /// A document we do not hold (《民法典》, 国发〔2021〕24号, 附件3), by what was written.
    Unknown(String),
}

/// Whether the input is one citation (resolve) or a passage citations are found in (link).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Whole,
    Passage,
}

/// A citation read from the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub span: Range<usize>,
    pub doc: Option<DocRef>,
    pub components: Vec<Component>,
}

/// Parse one citation starting exactly at `pos`.
pub(crate) fn parse_at(chars: &[char], pos: usize, mode: Mode) -> Option<Parsed> {
    let mut cur = Cursor::new(chars, pos, pos.saturating_add(MAX_CITATION_CHARS));
    let part = doc_part(&mut cur);
    let mut end = cur.pos;
    if let Some(part) = &part
        && let Some(path) = &part.id_path
    {
        return Some(Parsed {
            span: pos..end,
            doc: Some(part.doc.clone()),
            components: path.clone(),
        });
    }
    let mut components = components(&mut cur, &mut end, mode, part.is_some(), None);
    let mut part = part;
    if part.is_none() && !components.is_empty() {
        part = reversed(&mut cur, &mut end, mode, &mut components);
    }
    let weak_alone = part
        .as_ref()
        .is_some_and(|p| p.strength == Strength::Weak && components.is_empty());
    if (part.is_none() && components.is_empty()) || (weak_alone && mode == Mode::Passage) {
        return None;
    }
    Some(Parsed {
        span: pos..end,
        doc: part.map(|p| p.doc),
        components,
    })
}

/// English written outside in: `item 8 of Category II of Annex 1`, `Article 3 of the Notice`.
/// Moves the outer components in front and returns the document named last, if any.
fn reversed(
    cur: &mut Cursor,
    end: &mut usize,
    mode: Mode,
    components: &mut Vec<Component>,
) -> Option<DocPart> {
    let mut outer: Vec<Vec<Component>> = Vec::new();
    let mut doc = None;
    while components.len() + outer.iter().map(Vec::len).sum::<usize>() < MAX_COMPONENTS {
        let save = cur.pos;
        cur.skip_spaces();
        if cur.eat_word(OF_WORDS).is_none() {
            cur.pos = save;
            break;
        }
        cur.skip_spaces();
        if let Some(part) = doc_part(cur).filter(|p| p.id_path.is_none()) {
            doc = Some(part);
            *end = cur.pos;
            break;
        }
        let mut group_end = cur.pos;
        let group = self::components(cur, &mut group_end, mode, false, None);
        if group.is_empty() {
            cur.pos = save;
            break;
        }
        cur.pos = group_end;
        *end = group_end;
        outer.push(group);
    }
    for group in outer {
        components.splice(0..0, group);
    }
    doc
}

/// A component continuing a list after a citation whose last component had `level`:
/// `Annex 1, II.8 and II.9`, `items 8 and 9`, `No. 6, 7`.
pub(crate) fn parse_continuation(
    chars: &[char],
    pos: usize,
    level: Option<Level>,
) -> Option<Parsed> {
    let mut cur = Cursor::new(chars, pos, pos.saturating_add(MAX_CITATION_CHARS));
    cur.skip_spaces();
    let mark = LIST_MARKS_ZH.iter().any(|m| cur.eat_str(m));
    cur.skip_spaces();
    // `II.8 and II.9`, `II.8, II.9`, and the serial comma `II.8, and II.9`.
    let word = cur.eat_word(LIST_WORDS).is_some();
    if !mark && !word {
        return None;
    }
    cur.skip_spaces();
    let start = cur.pos;
    let mut end;
    let components = if let Some(n) = cur.roman() {
        let first = Component {
            n,
            level: Some(Level::Division),
        };
        end = cur.pos;
        let components = components(&mut cur, &mut end, Mode::Passage, true, Some(first));
        cur.pos = end;
        // `… and I think`: a lone pronoun is not category I.
        if prose_follows(&cur) {
            return None;
        }
        components
    } else {
        let level = level.filter(|l| *l != Level::Part)?;
        let n = cur.arabic()?;
        if prose_follows(&cur) {
            return None;
        }
        end = cur.pos;
        vec![Component {
            n,
            level: Some(level),
        }]
    };
    Some(Parsed {
        span: start..end,
        doc: None,
        components,
    })
}

/// Read components while they come; `end` moves past each one read.
fn components(
    cur: &mut Cursor,
    end: &mut usize,
    mode: Mode,
    after_doc: bool,
    first: Option<Component>,
) -> Vec<Component> {
    let mut out: Vec<Component> = first.into_iter().collect();
    while out.len() < MAX_COMPONENTS {
        let save = cur.pos;
        let may_separate = !out.is_empty() || after_doc;
        let separated = may_separate && separator(cur);
        let place = Place {
            mode,
            prev: out.last().map(|c| c.level),
            after_doc,
            after_separator: separated,
        };
        match component(cur, place) {
            Some(c) => {
                out.push(c);
                *end = cur.pos;
            }
            None => {
                cur.pos = save;
                break;
            }
        }
    }
    out
}

/// Spaces and at most one of `,` `，` `:` `：` between two parts; whether anything but spaces.
fn separator(cur: &mut Cursor) -> bool {
    cur.skip_spaces();
    let mark = cur.eat_any(&[',', '，', ':', '：']).is_some();
    cur.skip_spaces();
    mark
}
