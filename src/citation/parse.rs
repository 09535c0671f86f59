//! Citation, step 3: the grammar. A citation is an optional document part (`docref`) followed by
//! numbered components (their forms are in `forms`: `第二条`, `（二）`, `II.8`, `No. 6`, …; lists
//! and ranges inside one marker in `members`), a post part by name, and in English perhaps `of`
//! the larger units and the document. Each component says which level it marks, where its form
//! says so; `resolve` fits them to a document's levels.

use super::aliases::{LIST_MARKS_ZH, LIST_WORDS, OF_WORDS, RANGE_MARKS, RANGE_WORDS};
use super::docref::{DocPart, DocPlace, doc_part};
use super::forms::{PATH_MARKERS, Place, component, ordinal_path, prose_follows};
use super::lexer::Cursor;
use super::names::{Names, Strength};
use super::types::{Component, DocKind, DocRef, Level, List, Member, Mode, Parsed};

/// The most normalised characters one citation may span (the longest English title is ~240).
pub(crate) const MAX_CITATION_CHARS: usize = 400;
/// Members a range of whole paths (`II.1 to II.3`) may expand to, at most.
const MAX_RANGE: u32 = 50;
/// Components in one citation, at most (documents have two levels; a margin for typos).
const MAX_COMPONENTS: usize = 6;

/// Parse one citation starting exactly at `pos`.
pub(crate) fn parse_at(names: &Names, chars: &[char], pos: usize, mode: Mode) -> Option<Parsed> {
    let mut cur = Cursor::new(chars, pos, pos.saturating_add(MAX_CITATION_CHARS));
    let part = doc_part(names, &mut cur, DocPlace::Start);
    let mut end = cur.pos;
    if let Some(part) = &part
        && let Some(path) = &part.id_path
    {
        return Some(Parsed {
            span: pos..end,
            doc: Some(part.doc.clone()),
            components: path.clone(),
            list: None,
            doc_kind: DocKind::Plain,
        });
    }
    let mut list = None;
    let mut components = if part.as_ref().is_some_and(|p| p.heading) {
        Vec::new()
    } else {
        let after_doc = part.is_some();
        self::components(&mut cur, &mut end, mode, after_doc, None, &mut list)
    };
    let mut part = part;
    if part.is_none() && !components.is_empty() {
        part = reversed(names, &mut cur, &mut end, mode, &mut components, &mut list);
    }
    let common_alone = part
        .as_ref()
        .is_some_and(|p| p.strength == Strength::Weak && components.is_empty());
    if part.is_none() && components.is_empty() {
        return None;
    }
    let doc_kind = match &part {
        _ if common_alone => DocKind::CommonAlone,
        Some(p) if p.heading => DocKind::Heading,
        _ => DocKind::Plain,
    };
    Some(Parsed {
        span: pos..end,
        doc: part.map(|p| p.doc),
        components,
        list,
        doc_kind,
    })
}

/// English written outside in: `item 8 of Category II of Annex 1`, `Article 3 of the Notice`.
/// Moves the outer components in front and returns the document named last, if any.
fn reversed(
    names: &Names,
    cur: &mut Cursor,
    end: &mut usize,
    mode: Mode,
    components: &mut Vec<Component>,
    list: &mut Option<List>,
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
        if let Some(part) =
            doc_part(names, cur, DocPlace::AfterOf).filter(|p| p.id_path.is_none() && !p.heading)
        {
            doc = Some(part);
            *end = cur.pos;
            break;
        }
        let mut group_end = cur.pos;
        let mut group_list = None;
        let group = self::components(cur, &mut group_end, mode, false, None, &mut group_list);
        if group.is_empty() || (group_list.is_some() && list.is_some()) {
            cur.pos = save;
            break;
        }
        if let Some(l) = group_list {
            // The outer groups so far go in front of this one, the inner components after it.
            let before: usize = outer.iter().map(Vec::len).sum();
            *list = Some(List {
                index: l.index + before,
                ..l
            });
        } else if let Some(l) = list.as_mut() {
            l.index += group.len();
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

/// What came before a continuation: the last component's level, how many components the
/// citation had, and its last number when it names one clause (not a list).
#[derive(Clone, Copy)]
pub(crate) struct Before {
    pub level: Option<Level>,
    pub path_len: usize,
    pub last: Option<u32>,
}

/// A component continuing a list after a citation: `Annex 1, II.8 and II.9`, `items 8 and 9`,
/// `No. 6, 7`, `第8项、第9项`; or a range of whole paths (`II.1 to II.3`), whose members are
/// every number after the one before.
pub(crate) fn parse_continuation(chars: &[char], pos: usize, before: Before) -> Option<Parsed> {
    let Before {
        level,
        path_len,
        last: before_last,
    } = before;
    let mut cur = Cursor::new(chars, pos, pos.saturating_add(MAX_CITATION_CHARS));
    cur.skip_spaces();
    let mark_start = cur.pos;
    let range = RANGE_MARKS.iter().any(|m| cur.eat_str(m)) || cur.eat_word(RANGE_WORDS).is_some();
    let mark = !range && LIST_MARKS_ZH.iter().any(|m| cur.eat_str(m));
    cur.skip_spaces();
    // `II.8 and II.9`, `II.8, II.9`, and the serial comma `II.8, and II.9`.
    let word = !range && cur.eat_word(LIST_WORDS).is_some();
    if !mark && !word && !range {
        return None;
    }
    cur.skip_spaces();
    let start = cur.pos;
    let mut end;
    let mut list = None;
    let components = if let Some(n) = cur.roman() {
        let first = Component {
            n,
            level: Some(Level::Division),
            loose: false,
        };
        end = cur.pos;
        let components = components(
            &mut cur,
            &mut end,
            Mode::Passage,
            true,
            Some(first),
            &mut list,
        );
        cur.pos = end;
        // `… and I think`: a lone pronoun is not category I; `II.10 of Annex 1` goes on.
        if prose_follows(&cur) && !of_follows(&cur) {
            return None;
        }
        components
    } else if level.is_none() && path_len > 1 {
        // `items 2.1 and 2.2`: a whole path after a whole path (`第2.8项、第3.9项`).
        let ordinal = cur.eat('第');
        let path = whole_path(&mut cur, path_len)?;
        if ordinal && cur.eat_any(PATH_MARKERS).is_none() {
            return None;
        }
        end = cur.pos;
        path
    } else {
        // A range of single numbers is read inside its marker (`第2至4项`).
        if range {
            return None;
        }
        let level = level.filter(|l| *l != Level::Part)?;
        let n = cur.arabic()?;
        if prose_follows(&cur) && !of_follows(&cur) {
            return None;
        }
        end = cur.pos;
        vec![Component {
            n,
            level: Some(level),
            loose: false,
        }]
    };
    if range {
        let last = components.last()?.n;
        let from = before_last?;
        let whole = components.len() == path_len && list.is_none();
        if !whole || last <= from || last - from > MAX_RANGE {
            return None;
        }
        // The numbers the range does not write carry its span, mark included.
        let members = (from + 1..last)
            .map(|n| Member {
                n,
                span: mark_start..end,
            })
            .chain(std::iter::once(Member {
                n: last,
                span: start..end,
            }))
            .collect();
        list = Some(List {
            index: components.len() - 1,
            members,
        });
    }
    Some(Parsed {
        span: if range { mark_start..end } else { start..end },
        doc: None,
        components,
        list,
        doc_kind: DocKind::Plain,
    })
}

/// Whether `of` (or `in`, `under`) follows, after spaces: the larger unit or the document comes.
fn of_follows(cur: &Cursor) -> bool {
    let mut probe = *cur;
    probe.skip_spaces();
    probe.eat_word(OF_WORDS).is_some()
}

/// `2.2`: `len` numbers joined by dots, each a bare component.
fn whole_path(cur: &mut Cursor, len: usize) -> Option<Vec<Component>> {
    let mut path = Vec::with_capacity(len);
    while path.len() < len {
        if !path.is_empty() && !cur.eat('.') {
            return None;
        }
        path.push(Component {
            n: cur.arabic()?,
            level: None,
            loose: false,
        });
    }
    Some(path)
}

/// `of Annex 1` after a list of citations that named no document: the document, and where it ends.
pub(crate) fn doc_after(names: &Names, chars: &[char], pos: usize) -> Option<(DocRef, usize)> {
    let mut cur = Cursor::new(chars, pos, pos.saturating_add(MAX_CITATION_CHARS));
    cur.skip_spaces();
    cur.eat_word(OF_WORDS)?;
    cur.skip_spaces();
    let part = doc_part(names, &mut cur, DocPlace::AfterOf)
        .filter(|p| p.id_path.is_none() && !p.heading)?;
    Some((part.doc, cur.pos))
}

/// Read components while they come; `end` moves past each one read. The first component that is
/// a list or range becomes `list`; a second one ends the citation before it.
fn components(
    cur: &mut Cursor,
    end: &mut usize,
    mode: Mode,
    after_doc: bool,
    first: Option<Component>,
    list: &mut Option<List>,
) -> Vec<Component> {
    let mut out: Vec<Component> = first.into_iter().collect();
    let mut members: Vec<Member> = Vec::new();
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
        if out.is_empty()
            && let Some(path) = ordinal_path(cur)
        {
            out.extend(path);
            *end = cur.pos;
            continue;
        }
        let read = component(cur, place, &mut members);
        // A category or article never comes below an item or a bare number: `III.1, III.4` is
        // two citations. A loose level word may (`第二项第8条`): `resolve` nests it as written.
        let below_item = out.iter().any(|c| c.level != Some(Level::Division));
        let misplaced =
            read.is_some_and(|c| c.level == Some(Level::Division) && !c.loose && below_item);
        let second_list = members.len() > 1 && list.is_some();
        match read {
            Some(c) if !misplaced && !second_list => {
                if members.len() > 1 {
                    *list = Some(List {
                        index: out.len(),
                        members: std::mem::take(&mut members),
                    });
                }
                out.push(c);
                *end = cur.pos;
            }
            _ => {
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
