//! Citation: after `model`, beside `search` and `eligibility`, read by `web` and `cli`. Turns
//! citations written in Chinese or English (`附件1第二条第8项`, `Annex 1, II(8)`, `bj2022-a1/2.8`)
//! into clause IDs with a status — one citation (`resolve`) or every citation in a passage
//! (`link`, with code-point spans into the text as sent).
//!
//! The pipeline inside: `normalize` (NFKC with a map back to original offsets, format characters
//! dropped) → `lexer` (numerals, words) and `names` (every document's names, from the corpus) →
//! `parse` with `docref`, `forms`, `members` and the `aliases` word tables (the grammar) →
//! `resolve` (fit to the corpus) → `link` (passages, short forms, lists). `types` holds what the
//! steps share. Every step is a hand-written scanner that reads each character a bounded number of
//! times: no regular expressions, no backtracking blow-up.

mod aliases;
mod docnumber;
mod docref;
mod forms;
mod lexer;
mod link;
mod members;
mod names;
mod normalize;
mod parse;
mod resolve;
mod titles;
mod types;

use std::sync::Arc;

use serde::Serialize;
use thiserror::Error;

use crate::model::{Bilingual, Clause, Corpus};
use lexer::{is_closer, is_opener};
use names::Names;
use normalize::Normalized;
use parse::parse_at;
use resolve::{Outcome, Resolver};
pub use types::Status;
use types::{Mode, Parsed};

/// The longest citation `resolve` accepts, in characters (code points). The longest name a
/// document has (the notice's English title) is about 240.
pub const MAX_CITE_CHARS: usize = 500;
/// The longest passage `link` accepts, in characters (code points): about 600 KB of Chinese.
pub const MAX_LINK_CHARS: usize = 200_000;
/// The most citations one answer of the service lists (`Links::page`): with each citation's
/// candidates, a bound on the answer whatever the text (about 0.5 MB).
pub const MAX_LINKS_PER_PAGE: usize = 1_000;

/// Characters around a citation that do not change it (sentence punctuation, spaces).
const TRIMMED: &[char] = &[
    '。', '.', ',', '，', ';', '；', ':', '：', '!', '！', '?', '？', '、',
];

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CitationError {
    #[error("the citation is empty")]
    Empty,
    #[error("the citation is {len} characters long; the most is {max}")]
    CiteTooLong { len: usize, max: usize },
    #[error("the text is {len} characters long; the most is {max}")]
    TextTooLong { len: usize, max: usize },
}

/// A clause a citation may name.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Candidate<'a> {
    pub id: &'a str,
    pub title: &'a Bilingual,
    pub citation: &'a Bilingual,
    pub url: &'a str,
}

impl<'a> From<&'a Clause> for Candidate<'a> {
    fn from(c: &'a Clause) -> Self {
        Self {
            id: &c.id,
            title: &c.title,
            citation: &c.citation,
            url: &c.url,
        }
    }
}

/// The answer of `resolve` (and of `GET /api/resolve`).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Resolution<'a> {
    pub input: String,
    pub status: Status,
    /// The clause, when `found`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// Every clause the citation may name: the one found, or all of an ambiguous citation's.
    pub candidates: Vec<Candidate<'a>>,
    /// Why a citation is `not_found` or `invalid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One citation found by `link`: its span in code points of the original text, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Linked<'a> {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub status: Status,
    /// The clause, or `null` when the citation resolves to none (the SPEC lists `id` on every
    /// linked citation).
    pub id: Option<&'a str>,
    pub candidates: Vec<Candidate<'a>>,
}

/// The answer of `link` (and of `POST /api/link`).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Links<'a> {
    pub citations: Vec<Linked<'a>>,
    /// How many citations the whole text holds (more than `citations` when this is one page).
    pub total: usize,
    /// Where the next page starts, when this page does not reach the end: send it back as
    /// `start` (a character offset) with the same text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<usize>,
}

impl Links<'_> {
    /// The citations that start at character `from` or later, at most `max` of them. Citations
    /// sharing a span (a range's members) stay on one page, so no page repeats another's.
    pub fn page(mut self, from: usize, max: usize) -> Self {
        self.citations.retain(|c| c.start >= from);
        if self.citations.len() > max {
            let starts_at = |i: usize| self.citations[i].start;
            let mut cut = max;
            while cut > 0 && starts_at(cut - 1) == starts_at(cut) {
                cut -= 1;
            }
            // One span holds more than a page: cut inside it rather than return nothing.
            let cut = if cut == 0 { max } else { cut };
            self.next = Some(starts_at(cut));
            self.citations.truncate(cut);
        }
        self
    }
}

fn found_id<'a>(outcome: &Outcome<'a>) -> Option<&'a str> {
    match (outcome.status, outcome.clauses.as_slice()) {
        (Status::Found, [clause]) => Some(clause.id.as_str()),
        _ => None,
    }
}

/// Every table the scanner and the resolver read — each document's names, annexes and levels —
/// compiled once from a corpus. Hold one for as long as the corpus lives (the search engine keeps
/// one in an [`OwnedCitations`]): compiling the tables costs more than reading a citation.
pub struct Citations<'a> {
    names: Names<'a>,
    resolver: Resolver<'a>,
}

impl<'a> Citations<'a> {
    pub fn new(corpus: &'a Corpus) -> Self {
        Self {
            names: Names::new(corpus),
            resolver: Resolver::new(corpus),
        }
    }

    /// Resolve one citation. The whole input (less surrounding spaces, sentence punctuation and
    /// one pair of quotes) must be one citation; anything else is `invalid`.
    pub fn resolve(&self, input: &str) -> Result<Resolution<'a>, CitationError> {
        let len = input.chars().count();
        if len > MAX_CITE_CHARS {
            return Err(CitationError::CiteTooLong {
                len,
                max: MAX_CITE_CHARS,
            });
        }
        if input.trim().is_empty() {
            return Err(CitationError::Empty);
        }
        let text = Normalized::new(input);
        let answer = |outcome: Outcome<'a>| Resolution {
            input: input.to_string(),
            status: outcome.status,
            id: found_id(&outcome),
            candidates: outcome.clauses.into_iter().map(Candidate::from).collect(),
            reason: outcome.reason,
        };
        match whole_citation(&self.names, &text.chars).filter(|p| p.list.is_none()) {
            Some(parsed) => Ok(answer(self.resolver.resolve(
                parsed.doc.as_ref(),
                &parsed.components,
                &[],
            ))),
            None => Ok(Resolution {
                input: input.to_string(),
                status: Status::Invalid,
                id: None,
                candidates: Vec::new(),
                reason: Some(invalid_reason(&self.resolver, &self.names, &text)),
            }),
        }
    }

    /// Find and resolve every citation in a passage, in order.
    pub fn link(&self, text: &str) -> Result<Links<'a>, CitationError> {
        let len = text.chars().count();
        if len > MAX_LINK_CHARS {
            return Err(CitationError::TextTooLong {
                len,
                max: MAX_LINK_CHARS,
            });
        }
        let normalized = Normalized::new(text);
        let citations: Vec<Linked<'a>> = link::find_all(&self.resolver, &self.names, &normalized)
            .into_iter()
            .map(|found| {
                let span = normalized.original_span(found.span.clone());
                Linked {
                    start: span.start,
                    end: span.end,
                    text: normalized.original_text(span),
                    status: found.outcome.status,
                    id: found_id(&found.outcome),
                    candidates: found
                        .outcome
                        .clauses
                        .into_iter()
                        .map(Candidate::from)
                        .collect(),
                }
            })
            .collect();
        Ok(Links {
            total: citations.len(),
            citations,
            next: None,
        })
    }
}

self_cell::self_cell!(
    /// A corpus and its [`Citations`] tables, owned together: what a long-lived holder (the
    /// search engine, so every front end) keeps.
    pub struct OwnedCitations {
        owner: Arc<Corpus>,
        #[covariant]
        dependent: Citations,
    }
);

impl OwnedCitations {
    /// Compile the tables of `corpus`, once.
    pub fn compile(corpus: Arc<Corpus>) -> Self {
        Self::new(corpus, |corpus| Citations::new(corpus))
    }

    /// The tables, borrowing the corpus they were compiled from.
    pub fn get(&self) -> &Citations<'_> {
        self.borrow_dependent()
    }
}

impl std::fmt::Debug for OwnedCitations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OwnedCitations").finish_non_exhaustive()
    }
}

/// The one citation that fills `chars`, less what `TRIMMED` and a pair of quotes add.
fn whole_citation(names: &Names, chars: &[char]) -> Option<Parsed> {
    let trim = |c: &char| c.is_whitespace() || TRIMMED.contains(c);
    let start = chars.iter().position(|c| !trim(c))?;
    let end = chars.iter().rposition(|c| !trim(c))? + 1;
    let fills = |s: usize, e: usize| {
        parse_at(names, &chars[..e], s, Mode::Whole).filter(|p| p.span.end == e)
    };
    fills(start, end).or_else(|| {
        let quoted = end - start > 2 && is_opener(chars[start]) && is_closer(chars[end - 1]);
        quoted.then(|| fills(start + 1, end - 1)).flatten()
    })
}

fn invalid_reason(resolver: &Resolver, names: &Names, text: &Normalized) -> String {
    match link::find_all(resolver, names, text).len() {
        0 => "not a citation".to_string(),
        1 => "holds a citation with other text around it; POST /api/link finds it".to_string(),
        n => format!("holds {n} citations; POST /api/link finds each"),
    }
}
