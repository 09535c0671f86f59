//! Citation, step 5: find every citation in a passage, left to right, and resolve each. A
//! citation that names no document refers to the last document named before it, and takes the
//! levels it leaves out from the citation before it (`附件1第二条第8项、第9项` is 2.8 and 2.9),
//! as eyecite resolves short forms. A list or range inside one marker (`第11、12项`) gives one
//! citation per member. Titles of documents we do not hold (《民法典》) are context too — the
//! clauses cited after them are theirs — but are not reported; so is an annex number with a title
//! of its own (`附件2：推荐信`), the passage's own attachment, unless one of our documents has
//! been named in that sentence.

use std::ops::Range;

use super::docnumber::number_starts;
use super::lexer::is_quote;
use super::names::Names;
use super::normalize::Normalized;
use super::parse::{Before, doc_after, parse_at, parse_continuation};
use super::resolve::{Outcome, Resolver};
use super::types::{DocKind, DocRef, Mode, Parsed};

/// Characters that end a sentence (and so what "named in that sentence" looks back to).
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', ';', '；', '\n'];

/// A citation found in the normalised text, resolved: its span in normalised characters.
pub(crate) struct Found<'a> {
    pub span: Range<usize>,
    pub outcome: Outcome<'a>,
}

/// What the citations so far say about the ones to come.
#[derive(Default)]
struct Context {
    doc: Option<DocRef>,
    path: Vec<u32>,
    /// Whether one of our documents has been named in the current sentence.
    named_in_sentence: bool,
    /// How far the text has been checked for sentence ends.
    scanned: usize,
}

impl Context {
    /// Forget what the sentence named when a sentence ends between the last citation and `pos`.
    fn advance(&mut self, chars: &[char], pos: usize) {
        let from = self.scanned.min(pos);
        let ends = chars[from..pos].iter().enumerate().any(|(k, &c)| {
            SENTENCE_ENDS.contains(&c)
                || (c == '.' && chars.get(from + k + 1).is_some_and(|n| n.is_whitespace()))
        });
        if ends {
            self.named_in_sentence = false;
        }
        self.scanned = self.scanned.max(pos);
    }
}

/// Whether a citation could start at `i`: cheap, so most positions are skipped at once. A
/// Chinese character starts one only as a marker, a name's first character or a document
/// number's issuer (`numbers`, from `number_starts`).
fn may_start(names: &Names, chars: &[char], numbers: &[bool], i: usize) -> bool {
    let c = chars[i];
    if c.is_ascii_alphabetic() {
        return i == 0 || !chars[i - 1].is_ascii_alphanumeric();
    }
    matches!(c, '第' | '序' | '附' | '#') || is_quote(c) || numbers[i] || names.may_start(c)
}

pub(crate) fn find_all<'a>(
    resolver: &Resolver<'a>,
    names: &Names,
    text: &Normalized,
) -> Vec<Found<'a>> {
    let chars = &text.chars;
    let mut found = Vec::new();
    let mut context = Context::default();
    let numbers = number_starts(chars);
    let mut i = 0;
    while i < chars.len() {
        if !may_start(names, chars, &numbers, i) {
            i += 1;
            continue;
        }
        let Some(mut parsed) = parse_at(names, chars, i, Mode::Passage) else {
            i += 1;
            continue;
        };
        i = parsed.span.end.max(i + 1);
        let mut before = Before {
            level: parsed.components.last().and_then(|c| c.level),
            path_len: parsed.components.len(),
            last: last_number(&parsed),
        };
        let mut rest = Vec::new();
        let mut end = i;
        while let Some(next) = parse_continuation(chars, end, before) {
            end = next.span.end;
            before.level = next
                .components
                .last()
                .and_then(|c| c.level)
                .or(before.level);
            before.last = last_number(&next);
            rest.push(next);
        }
        // `items 2.1 and 2.2 of Annex 1`: the document named after the list is every member's.
        if parsed.doc.is_none()
            && let Some(last) = rest.last_mut()
            && let Some((doc, doc_end)) = doc_after(names, chars, end)
        {
            parsed.doc = Some(doc);
            last.span.end = doc_end;
            end = doc_end;
        }
        context.advance(chars, parsed.span.start);
        // A list goes on only after a citation that was reported.
        if take(resolver, &mut context, parsed, &mut found) {
            for next in rest {
                take(resolver, &mut context, next, &mut found);
            }
            i = end;
        }
        context.scanned = context.scanned.max(i);
    }
    found
}

/// The last number of a citation that names one clause; `None` for a list or range.
fn last_number(parsed: &Parsed) -> Option<u32> {
    match &parsed.list {
        None => parsed.components.last().map(|c| c.n),
        Some(list) if list.index + 1 == parsed.components.len() => list.members.last().map(|m| m.n),
        Some(_) => None,
    }
}

/// Resolve one citation in context and record it (one per member of a list); whether it was
/// reported.
fn take<'a>(
    resolver: &Resolver<'a>,
    context: &mut Context,
    mut parsed: Parsed,
    found: &mut Vec<Found<'a>>,
) -> bool {
    let ours = matches!(parsed.doc, Some(DocRef::Id(_)));
    match parsed.doc_kind {
        DocKind::CommonAlone => {
            context.named_in_sentence = true;
            return false;
        }
        DocKind::Heading if !context.named_in_sentence => {
            let written = match &parsed.doc {
                Some(DocRef::Unknown(name)) => name.clone(),
                _ => "attachment".to_string(),
            };
            context.doc = Some(DocRef::Unknown(written));
            context.path.clear();
            return false;
        }
        _ => {}
    }
    if parsed.doc.is_some() {
        context.doc = parsed.doc.clone();
        context.path.clear();
        context.named_in_sentence |= ours;
    }
    let doc = match &context.doc {
        Some(DocRef::Unknown(_)) => return false,
        doc => doc.clone(),
    };
    let Some(list) = parsed.list.take() else {
        let outcome = resolver.resolve(doc.as_ref(), &parsed.components, &context.path);
        if doc.is_some() {
            context.path = outcome.path.clone().unwrap_or_default();
        }
        found.push(Found {
            span: parsed.span,
            outcome,
        });
        return true;
    };
    let before = context.path.clone();
    let last = list.members.len() - 1;
    for (k, member) in list.members.iter().enumerate() {
        let mut components = parsed.components.clone();
        components[list.index].n = member.n;
        let outcome = resolver.resolve(doc.as_ref(), &components, &before);
        if doc.is_some() {
            context.path = outcome.path.clone().unwrap_or_default();
        }
        // The first member runs from the citation's start, the last to its end.
        let start = if k == 0 {
            parsed.span.start
        } else {
            member.span.start
        };
        let end = if k == last {
            parsed.span.end
        } else {
            member.span.end
        };
        found.push(Found {
            span: start..end,
            outcome,
        });
    }
    true
}
