//! Citation, step 5: find every citation in a passage, left to right, and resolve each. A
//! citation that names no document refers to the last document named before it, and takes the
//! levels it leaves out from the citation before it (`附件1第二条第8项、第9项` is 2.8 and 2.9),
//! as eyecite resolves short forms. Titles of documents we do not hold (《民法典》) are context
//! too — the clauses cited after them are theirs — but are not reported.

use super::aliases::may_start_name;
use super::lexer::is_quote;
use super::normalize::Normalized;
use super::parse::{DocRef, Mode, Parsed, parse_at, parse_continuation};
use super::resolve::{Outcome, Resolver};
use crate::model::is_han;

/// A citation found in the normalised text, resolved.
pub(crate) struct Found<'a> {
    pub parsed: Parsed,
    pub outcome: Outcome<'a>,
}

/// What the citations so far say about the ones to come.
#[derive(Default)]
struct Context {
    doc: Option<DocRef>,
    path: Vec<u32>,
}

/// Whether a citation could start at `i`: cheap, so most positions are skipped at once.
fn may_start(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c.is_ascii_alphabetic() {
        return i == 0 || !chars[i - 1].is_ascii_alphanumeric();
    }
    matches!(c, '第' | '序' | '附' | '#') || is_quote(c) || is_han(c) || may_start_name(c)
}

pub(crate) fn find_all<'a>(resolver: &Resolver<'a>, text: &Normalized) -> Vec<Found<'a>> {
    let chars = &text.chars;
    let mut found = Vec::new();
    let mut context = Context::default();
    let mut i = 0;
    while i < chars.len() {
        if !may_start(chars, i) {
            i += 1;
            continue;
        }
        let Some(parsed) = parse_at(chars, i, Mode::Passage) else {
            i += 1;
            continue;
        };
        i = parsed.span.end.max(i + 1);
        let mut level = parsed.components.last().and_then(|c| c.level);
        let reported = take(resolver, &mut context, parsed, &mut found);
        // A list goes on only after a citation that was reported.
        while reported && let Some(next) = parse_continuation(chars, i, level) {
            i = next.span.end;
            level = next.components.last().and_then(|c| c.level).or(level);
            take(resolver, &mut context, next, &mut found);
        }
    }
    found
}

/// Resolve one citation in context and record it; whether it was reported.
fn take<'a>(
    resolver: &Resolver<'a>,
    context: &mut Context,
    parsed: Parsed,
    found: &mut Vec<Found<'a>>,
) -> bool {
    let named = parsed.doc.is_some();
    if named {
        context.doc = parsed.doc.clone();
        context.path.clear();
    }
    let doc = match &context.doc {
        Some(DocRef::Unknown(_)) => return false,
        doc => doc.clone(),
    };
    let outcome = resolver.resolve(doc.as_ref(), &parsed.components, &context.path);
    if doc.is_some() {
        context.path = outcome.path.clone().unwrap_or_default();
    }
    found.push(Found { parsed, outcome });
    true
}
