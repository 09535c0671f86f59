//! Citation, step 3b: the forms one numbered component takes — `第二条`, `（二）`, `二、`, `第8项`,
//! `序号8`, `8`, `II`, `.8`, `(8)`, `Category II`, `item 8`, `No. 6`, `#6`, `art. 3`, and a post
//! part by name — and which of them may stand where.

use super::aliases::{
    self, ABBREVIATIONS, DIVISION_WORDS, ITEM_WORDS, LIST_MARKS_ZH, LIST_WORDS, LOOSE_MARKERS,
    QUANTITY_UNITS, SERIAL_JOINS, SERIAL_WORDS,
};
use super::lexer::{Cursor, Script, is_chinese_digit, is_closer, is_quote};
use super::members::{Again, members, range_follows};
use super::types::{Component, Level, Member, Mode};
use crate::model::is_han;

/// Where a component stands, which decides the forms it may take.
#[derive(Clone, Copy)]
pub(crate) struct Place {
    pub mode: Mode,
    /// The level of the component before it in this citation, if any (`Some(None)`: a bare one).
    pub prev: Option<Option<Level>>,
    pub after_doc: bool,
    pub after_separator: bool,
}

impl Place {
    fn first(&self) -> bool {
        self.prev.is_none()
    }
    /// Forms that only make sense inside a citation (II, （二）, 二、) may start one here.
    fn loose_start_ok(&self) -> bool {
        !self.first() || self.after_doc || self.mode == Mode::Whole
    }
}

/// Read one component; a list or range inside its marker (`第11、12项`) goes to `list` (which
/// holds the component's own number first), otherwise `list` is left empty.
pub(crate) fn component(
    cur: &mut Cursor,
    place: Place,
    list: &mut Vec<Member>,
) -> Option<Component> {
    let save = cur.pos;
    list.clear();
    let found = ordinal(cur, list)
        .or_else(|| serial(cur, list))
        .or_else(|| part(cur, place))
        .or_else(|| english(cur, place, list))
        .or_else(|| parenthesised(cur, place))
        .or_else(|| enumerated(cur, place))
        .or_else(|| dotted(cur, place, list))
        .or_else(|| bare(cur, place, list));
    if found.is_none() {
        cur.pos = save;
        list.clear();
    }
    found
}

/// A number with its span, then the members of a list or range after it.
fn numbers(
    cur: &mut Cursor,
    scripts: &[Script],
    again: Again,
    list: &mut Vec<Member>,
) -> Option<u32> {
    let start = cur.pos;
    let (n, _) = cur.number(scripts)?;
    let first = Member {
        n,
        span: start..cur.pos,
    };
    *list = members(cur, scripts, again, first);
    Some(n)
}

/// `第二条`, `第二类`, `第8项`, `第 八 项`, lists and ranges inside (`第11、12项`, `第2至4项`,
/// `第1项至第3项`), and `第（三）项`, which in a document numbered （一）（二）… is its section
/// (`第（8）项`, with an Arabic number, is the level its marker says). `条` `项` `款` `目` are
/// level words writers use loosely, so the component says so (`Component::loose`).
fn ordinal(cur: &mut Cursor, list: &mut Vec<Member>) -> Option<Component> {
    let save = cur.pos;
    if !cur.eat('第') {
        return None;
    }
    cur.skip_spaces();
    let scripts = [Script::Arabic, Script::Chinese];
    let paren = cur.eat('(');
    let number = if paren {
        let n = cur.number(&scripts).filter(|_| cur.eat(')'));
        list.clear();
        n
    } else {
        numbers(cur, &scripts, Again::Char('第'), list).map(|n| (n, Script::Arabic))
    };
    let level = number.and_then(|(_, script)| {
        cur.skip_spaces();
        let marker = cur.bump()?;
        let level = match marker {
            _ if paren && script == Script::Chinese => Level::Division,
            '条' | '类' => Level::Division,
            '项' | '目' => Level::Item,
            '款' => Level::Paragraph,
            _ => return None,
        };
        Some((level, LOOSE_MARKERS.contains(&marker)))
    });
    match (number, level) {
        (Some((n, _)), Some((level, loose))) => {
            if list.len() <= 1 && !paren {
                range_of_ordinals(cur, n, list);
            }
            Some(Component {
                n,
                level: Some(level),
                loose,
            })
        }
        _ => {
            cur.pos = save;
            list.clear();
            None
        }
    }
}

/// Markers that may close a whole path written after `第` (`第2.8项`).
pub(crate) const PATH_MARKERS: &[char] = &['项', '条'];
/// Numbers in a path after `第`, at most.
const MAX_PATH_NUMBERS: usize = 4;

/// `第2.8项`: a whole path between `第` and its marker, each number a bare component.
pub(crate) fn ordinal_path(cur: &mut Cursor) -> Option<Vec<Component>> {
    let save = cur.pos;
    let mut path = Vec::new();
    let read = cur.eat('第') && {
        while path.len() < MAX_PATH_NUMBERS
            && (path.is_empty() || cur.eat('.'))
            && let Some(n) = cur.arabic()
        {
            path.push(Component {
                n,
                level: None,
                loose: false,
            });
        }
        path.len() > 1 && cur.eat_any(PATH_MARKERS).is_some()
    };
    if !read {
        cur.pos = save;
        return None;
    }
    Some(path)
}

/// `第1项至第3项`: a range whose end is an ordinal of the same marker.
fn range_of_ordinals(cur: &mut Cursor, n: u32, list: &mut Vec<Member>) {
    let marker = cur.prev();
    let save = cur.pos;
    if !range_follows(cur) {
        return;
    }
    let first = Member {
        n,
        span: save..save,
    };
    let found = members(
        cur,
        &[Script::Arabic, Script::Chinese],
        Again::Char('第'),
        first,
    );
    if found.len() > 1 && cur.peek() == marker {
        cur.bump();
        *list = found;
    } else {
        cur.pos = save;
    }
}

/// `序号8`, `序号：8`, `序号为8`, and `序号第22项`, `序号第11、12项` (the ordinal says it again:
/// one citation).
fn serial(cur: &mut Cursor, list: &mut Vec<Member>) -> Option<Component> {
    if !cur.eat_str("序号") {
        return None;
    }
    cur.skip_spaces();
    cur.eat_any(SERIAL_JOINS);
    cur.skip_spaces();
    if cur.peek() == Some('第') {
        return ordinal(cur, list).map(|c| Component {
            level: Some(Level::Item),
            ..c
        });
    }
    let n = cur.arabic()?;
    Some(Component {
        n,
        level: Some(Level::Item),
        loose: false,
    })
}

/// A post part by name, after an item or a bare number: `职业能力要求`, `ability requirements`.
fn part(cur: &mut Cursor, place: Place) -> Option<Component> {
    let after_item = matches!(place.prev, Some(Some(Level::Item) | None));
    if !after_item {
        return None;
    }
    // `第25项“其他要求”`: the name may stand in quotes.
    let save = cur.pos;
    let quoted = cur.peek().is_some_and(is_quote);
    if quoted {
        cur.bump();
    }
    let n = aliases::part_name(cur);
    if n.is_none() || (quoted && !cur.peek().is_some_and(is_closer)) {
        cur.pos = save;
        return None;
    }
    if quoted {
        cur.bump();
    }
    let n = n?;
    Some(Component {
        n,
        level: Some(Level::Part),
        loose: false,
    })
}

/// `Category II`, `art. 3`, `item 8`, `No. 6`, `Serial No. 6`, `#6`, `item 3.9` (a whole path),
/// lists and ranges (`Nos. 15 through 17`), and a bare Roman numeral `II` not glued to the word
/// before it.
fn english(cur: &mut Cursor, place: Place, list: &mut Vec<Member>) -> Option<Component> {
    let save = cur.pos;
    if cur.eat_word(SERIAL_WORDS).is_some() {
        cur.skip_spaces();
        let item_follows = cur
            .peek_word()
            .is_some_and(|(w, _)| w.among(ITEM_WORDS).is_some());
        if !item_follows {
            cur.pos = save;
            return None;
        }
    }
    if cur.eat('#') {
        cur.skip_spaces();
        let n = cur.arabic()?;
        return Some(Component {
            n,
            level: Some(Level::Item),
            loose: false,
        });
    }
    let (word, len) = cur.peek_word()?;
    let (level, scripts): (Level, &[Script]) = if word.among(DIVISION_WORDS).is_some() {
        (Level::Division, &[Script::Arabic, Script::Roman])
    } else if word.among(ITEM_WORDS).is_some() {
        (Level::Item, &[Script::Arabic])
    } else {
        let glued = cur
            .prev()
            .is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric());
        if !place.loose_start_ok() || glued {
            return None;
        }
        let n = cur.roman()?;
        return Some(Component {
            n,
            level: Some(Level::Division),
            loose: false,
        });
    };
    cur.pos += len;
    if word.among(ABBREVIATIONS).is_some() {
        cur.eat('.');
    }
    cur.skip_spaces();
    if level == Level::Item
        && let Some(n) = bracketed(cur)
    {
        // `item (8)`.
        return Some(Component {
            n,
            level: Some(Level::Item),
            loose: false,
        });
    }
    if level == Level::Item
        && let Some(n) = roman_path(cur)
    {
        // `items II.3 or II.6`, `No. III(9)`: the item word names the whole path.
        return Some(Component {
            n,
            level: Some(Level::Division),
            loose: false,
        });
    }
    let words = if level == Level::Item {
        ITEM_WORDS
    } else {
        DIVISION_WORDS
    };
    let n = numbers(cur, scripts, Again::Words(words), list)?;
    // `item 3.9`: the item word before a dotted path names the whole path.
    let whole_path = level == Level::Item
        && list.len() <= 1
        && cur.peek() == Some('.')
        && cur.peek_at(1).is_some_and(|c| c.is_ascii_digit());
    Some(Component {
        n,
        level: (!whole_path).then_some(level),
        loose: false,
    })
}

/// `(8)`: an Arabic number in brackets.
fn bracketed(cur: &mut Cursor) -> Option<u32> {
    let mut probe = *cur;
    let n = probe.eat('(').then(|| probe.arabic()).flatten()?;
    probe.eat(')').then(|| {
        cur.pos = probe.pos;
        n
    })
}

/// A Roman numeral with an item number after it (`II.3`, `II(8)`); the cursor stops before the
/// item number.
fn roman_path(cur: &mut Cursor) -> Option<u32> {
    let mut probe = *cur;
    let n = probe.roman()?;
    let item_follows = matches!(probe.peek(), Some('.' | '('))
        && probe.peek_at(1).is_some_and(|c| c.is_ascii_digit());
    item_follows.then(|| {
        cur.pos = probe.pos;
        n
    })
}

/// `（二）` marks a category; `(8)` is a bare number (`II(8)`).
fn parenthesised(cur: &mut Cursor, place: Place) -> Option<Component> {
    if !cur.eat('(') {
        return None;
    }
    cur.skip_spaces();
    let (n, script) = cur.number(&[Script::Chinese, Script::Arabic])?;
    cur.skip_spaces();
    if !cur.eat(')') {
        return None;
    }
    match script {
        Script::Chinese if place.loose_start_ok() => Some(Component {
            n,
            level: Some(Level::Division),
            loose: false,
        }),
        Script::Arabic if !place.first() => Some(Component {
            n,
            level: None,
            loose: false,
        }),
        _ => None,
    }
}

/// `二、` as the first component: category 二.
fn enumerated(cur: &mut Cursor, place: Place) -> Option<Component> {
    if !place.first() || !place.loose_start_ok() || !cur.peek().is_some_and(is_chinese_digit) {
        return None;
    }
    let n = cur.chinese()?;
    cur.eat('、').then_some(Component {
        n,
        level: Some(Level::Division),
        loose: false,
    })
}

/// `.8` right after a component (`II.8`, `2.8`), and ranges and lists after it (`II.16–18`).
fn dotted(cur: &mut Cursor, place: Place, list: &mut Vec<Member>) -> Option<Component> {
    if place.first() || place.after_separator || !cur.eat('.') {
        return None;
    }
    let n = numbers(cur, &[Script::Arabic], Again::Nothing, list)?;
    Some(Component {
        n,
        level: None,
        loose: false,
    })
}

/// A bare number: after a component (`（二）8`, `II, 8`), or right after a document with nothing
/// but spaces between (`附件1 2.8`). Not a quantity (`3年`), nor, where it would start the
/// clauses, the start of prose (`附件1 2023年发布`, `Annex 2, 6 posts`); after a component a
/// Chinese word may follow (`附件1（三）9 规定`), an English one may not (`II, 8 posts`).
fn bare(cur: &mut Cursor, place: Place, list: &mut Vec<Member>) -> Option<Component> {
    let allowed = !place.first() || (place.after_doc && !place.after_separator);
    if !allowed {
        return None;
    }
    let n = numbers(cur, &[Script::Arabic], Again::Nothing, list)?;
    let mut probe = *cur;
    probe.skip_spaces();
    let next = probe.peek();
    let quantity = next.is_some_and(|c| QUANTITY_UNITS.contains(&c));
    let prose = if place.first() {
        prose_follows(cur)
    } else {
        next.is_some_and(|c| c.is_ascii_alphabetic()) && prose_follows(cur)
    };
    if (quantity || prose) && list.len() <= 1 {
        return None;
    }
    Some(Component {
        n,
        level: None,
        loose: false,
    })
}

/// Whether a word of prose follows (after spaces): a letter or a Chinese character that does not
/// go on with a citation.
pub(crate) fn prose_follows(cur: &Cursor) -> bool {
    let mut probe = *cur;
    probe.skip_spaces();
    let Some(c) = probe.peek() else {
        return false;
    };
    if c == '.' && probe.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    if c.is_ascii_alphabetic() {
        let continues = probe
            .peek_word()
            .is_some_and(|(w, _)| w.among(LIST_WORDS).is_some())
            || aliases::part_name(&mut probe).is_some();
        return !continues;
    }
    if is_han(c) {
        let continues = LIST_MARKS_ZH.iter().any(|m| probe.eat_str(m))
            || matches!(c, '第' | '序')
            || aliases::part_name(&mut probe).is_some();
        return !continues;
    }
    false
}
