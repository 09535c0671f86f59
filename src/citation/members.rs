//! Citation, step 3c: lists and ranges inside one marker — `第11、12项`, `第2至4项`, `items 3–5`,
//! `Nos. 15 through 17`, `No. 11–No. 13` — read after a component's first number into one member
//! per clause. A range's members that are not written out carry the range's span.

use super::aliases::{LIST_WORDS, MEMBER_MARKS, RANGE_MARKS, RANGE_WORDS};
use super::forms::prose_follows;
use super::lexer::{Cursor, Script};
use super::types::Member;

/// Members of one list, at most (the longest numbering in the corpus has 25 posts).
const MAX_MEMBERS: usize = 50;
/// The largest number a list or range member may have: clause numbers are small, and a larger
/// number after a comma is prose (`第6项, 2023`).
const MAX_MEMBER_NUMBER: u32 = 99;

/// What may be written again before each member: nothing, `第` (`第11、第12项`), or the marker word
/// (`No. 11–No. 13`).
#[derive(Clone, Copy)]
pub(crate) enum Again {
    Nothing,
    Char(char),
    Words(&'static [&'static str]),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    /// `、`, `和`, `and`: a list.
    List,
    /// A comma alone: a list, unless prose follows the number (`No. 6, 7 years`).
    Comma,
    /// `至`, `–`, `through`: a range.
    Range,
}

/// The first member and every member joined to it; the cursor moves past the last one read.
pub(crate) fn members(
    cur: &mut Cursor,
    scripts: &[Script],
    again: Again,
    first: Member,
) -> Vec<Member> {
    let mut out = vec![first];
    while out.len() < MAX_MEMBERS {
        let save = cur.pos;
        let Some(join) = join(cur) else { break };
        cur.skip_spaces();
        match again {
            Again::Nothing => {}
            Again::Char(c) => {
                cur.eat(c);
            }
            Again::Words(words) => {
                if cur.eat_word(words).is_some() {
                    cur.eat('.');
                    cur.skip_spaces();
                }
            }
        }
        let start = cur.pos;
        let read = cur
            .number(scripts)
            .map(|(n, _)| n)
            .filter(|n| (1..=MAX_MEMBER_NUMBER).contains(n));
        let Some(n) = read else {
            cur.pos = save;
            break;
        };
        let span = start..cur.pos;
        let last = out.last().expect("one member at least").clone();
        // `No. 6 and item 3.9`: a number with a path after it is a citation of its own.
        let path_follows =
            cur.peek() == Some('.') && cur.peek_at(1).is_some_and(|c| c.is_ascii_digit());
        // Inside `第…项` the closing marker, not prose, follows a member.
        let closed_by_marker = matches!(again, Again::Char(_));
        let ok = !path_follows
            && match join {
                Join::Range => n > last.n,
                Join::Comma => closed_by_marker || !prose_follows(cur),
                Join::List => true,
            };
        if !ok {
            cur.pos = save;
            break;
        }
        if join == Join::Range {
            let range = last.span.start..span.end;
            for k in last.n + 1..n {
                out.push(Member {
                    n: k,
                    span: range.clone(),
                });
            }
        }
        out.push(Member { n, span });
    }
    out.truncate(MAX_MEMBERS);
    out
}

/// Whether a range mark or word is next (after spaces): `至第3项`, `– No. 13`.
pub(crate) fn range_follows(cur: &Cursor) -> bool {
    let mut probe = *cur;
    join(&mut probe) == Some(Join::Range)
}

/// The mark or word joining two members, if one is next (after spaces); the cursor moves past it.
fn join(cur: &mut Cursor) -> Option<Join> {
    let save = cur.pos;
    cur.skip_spaces();
    if RANGE_MARKS.iter().any(|m| cur.eat_str(m)) || cur.eat_word(RANGE_WORDS).is_some() {
        return Some(Join::Range);
    }
    if cur.eat_any(&[',', '，']).is_some() {
        cur.skip_spaces();
        // The serial comma: `20, 21, and 22`.
        let word = cur.eat_word(LIST_WORDS).is_some();
        return Some(if word { Join::List } else { Join::Comma });
    }
    if MEMBER_MARKS.iter().any(|m| cur.eat_str(m)) || cur.eat_word(LIST_WORDS).is_some() {
        return Some(Join::List);
    }
    cur.pos = save;
    None
}
