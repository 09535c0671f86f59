//! Search: snippets — a window of a clause's text around the most query terms, with each match
//! in `<mark>`. The text is HTML-escaped; only the mark tags are markup.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use serde::{Serialize, Serializer};

use crate::analysis::Language;

/// Snippet length in characters, per language (Chinese packs more per character).
fn window_chars(language: Language) -> usize {
    match language {
        Language::Zh => 80,
        Language::En => 200,
    }
}

/// Characters of context kept before the first match of the window: a fifth of it.
const CONTEXT_SHARE: usize = 5;
const ELLIPSIS: &str = "…";

/// A clause-text term, interned: snippets compare numbers, not strings.
pub(super) type TermId = u32;

/// An analysed term of a clause's text: the term, where it is (bytes), and whether it is a whole
/// word (not a search-mode sub-word).
#[derive(Debug, Clone)]
pub(super) struct Located {
    pub term: TermId,
    pub span: Range<usize>,
    pub main: bool,
}

/// What to highlight in one language, as the planner names it: single terms anywhere, phrases
/// only as a whole.
#[derive(Debug, Clone, Default)]
pub(super) struct Marks {
    pub terms: HashSet<String>,
    pub phrases: Vec<Vec<String>>,
}

/// `Marks` as term IDs of the clause texts (terms no clause text holds are dropped).
#[derive(Debug, Clone, Default)]
pub(super) struct MarkIds {
    terms: Vec<TermId>,
    phrases: Vec<Vec<TermId>>,
}

impl MarkIds {
    pub fn new(marks: &Marks, ids: &HashMap<String, TermId>) -> MarkIds {
        let mut terms: Vec<TermId> = marks
            .terms
            .iter()
            .filter_map(|t| ids.get(t).copied())
            .collect();
        terms.sort_unstable();
        let phrases = marks
            .phrases
            .iter()
            .filter_map(|p| {
                p.iter()
                    .map(|w| ids.get(w).copied())
                    .collect::<Option<Vec<_>>>()
            })
            .filter(|p| !p.is_empty())
            .collect();
        MarkIds { terms, phrases }
    }
}

/// One highlighted stretch of text and the query terms (or phrases) it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub span: Range<usize>,
    pub terms: Vec<TermId>,
}

/// How many different query terms `found` shows.
pub(super) fn coverage<'f>(found: impl IntoIterator<Item = &'f Found>) -> usize {
    let mut terms: Vec<TermId> = found
        .into_iter()
        .flat_map(|f| f.terms.iter().copied())
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms.len()
}

/// The matches of `marks` in a text's terms, merged where they touch or overlap.
pub(super) fn matches(terms: &[Located], marks: &MarkIds) -> Vec<Found> {
    let mut found: Vec<Found> = terms
        .iter()
        .filter(|t| marks.terms.binary_search(&t.term).is_ok())
        .map(|t| Found {
            span: t.span.clone(),
            terms: vec![t.term],
        })
        .collect();
    if !marks.phrases.is_empty() {
        let words: Vec<&Located> = terms.iter().filter(|t| t.main).collect();
        for phrase in &marks.phrases {
            for run in words.windows(phrase.len()) {
                if run.iter().zip(phrase).all(|(w, p)| w.term == *p) {
                    found.push(Found {
                        span: run[0].span.start..run[run.len() - 1].span.end,
                        terms: phrase.clone(),
                    });
                }
            }
        }
    }
    found.sort_by_key(|f| (f.span.start, f.span.end));
    let mut merged: Vec<Found> = Vec::new();
    for f in found {
        match merged.last_mut() {
            Some(last) if f.span.start <= last.span.end => {
                last.span.end = last.span.end.max(f.span.end);
                last.terms.extend(f.terms);
            }
            _ => merged.push(f),
        }
    }
    merged
}

/// A window of one text with its matches.
#[derive(Debug, Clone)]
pub struct Snippet<'a> {
    text: &'a str,
    window: Range<usize>,
    marks: Vec<Range<usize>>,
}

impl<'a> Snippet<'a> {
    /// The window of `text` (in `language`) showing the most different query terms of `found`
    /// (sorted, disjoint), then the most matches.
    pub(super) fn new(text: &'a str, found: &[Found], language: Language) -> Snippet<'a> {
        let size = window_chars(language);
        // A text that fits is its own window: no character offsets needed (most clauses).
        let window = if text.chars().count() <= size {
            0..text.len()
        } else {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let char_at = |byte: usize| starts.partition_point(|&s| s < byte);
            let byte_at = |ch: usize| starts.get(ch).copied().unwrap_or(text.len());
            let total = starts.len();
            let context = size / CONTEXT_SHARE;
            let best = (0..found.len())
                .map(|i| {
                    let from = char_at(found[i].span.start).saturating_sub(context);
                    let to = from + size;
                    let inside: Vec<&Found> = found[i..]
                        .iter()
                        .filter(|f| char_at(f.span.end) <= to)
                        .collect();
                    (
                        coverage(inside.iter().copied()),
                        inside.len(),
                        std::cmp::Reverse(i),
                        from,
                    )
                })
                .max()
                .map_or(0, |(_, _, _, from)| from);
            let first = best.min(total - size);
            byte_at(first)..byte_at(first + size)
        };
        let marks = found
            .iter()
            .map(|f| f.span.clone())
            .filter(|m| window.start <= m.start && m.end <= window.end)
            .collect();
        Snippet {
            text,
            window,
            marks,
        }
    }

    /// Render with `open` and `close` around matches and `plain` applied to the other text.
    pub fn render(&self, open: &str, close: &str, plain: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        self.write(&mut out, open, close, |out, text| {
            out.push_str(&plain(text));
            Ok(())
        })
        .expect("writing to a String cannot fail");
        out
    }

    /// Write the snippet to `out`: `open` and `close` around matches, `plain` writes the text.
    fn write<W: fmt::Write>(
        &self,
        out: &mut W,
        open: &str,
        close: &str,
        plain: impl Fn(&mut W, &str) -> fmt::Result,
    ) -> fmt::Result {
        if self.window.start > 0 {
            out.write_str(ELLIPSIS)?;
        }
        let mut at = self.window.start;
        for m in &self.marks {
            plain(out, &self.text[at..m.start])?;
            out.write_str(open)?;
            plain(out, &self.text[m.clone()])?;
            out.write_str(close)?;
            at = m.end;
        }
        plain(out, &self.text[at..self.window.end])?;
        if self.window.end < self.text.len() {
            out.write_str(ELLIPSIS)?;
        }
        Ok(())
    }

    /// The snippet as HTML: escaped text, matches in `<mark>`.
    pub fn html(&self) -> String {
        self.to_string()
    }

    /// How many matches the window shows.
    pub fn marks(&self) -> usize {
        self.marks.len()
    }
}

/// The HTML (`html()`), written piece by piece: serialising a snippet builds no string of its
/// own, the JSON writer escapes it straight into the answer.
impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, "<mark>", "</mark>", write_escaped)
    }
}

impl Serialize for Snippet<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The snippet in both languages.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Snippets<'a> {
    /// HTML-escaped text with the matches in `<mark>`.
    #[schema(value_type = String)]
    pub zh: Snippet<'a>,
    #[schema(value_type = String)]
    pub en: Snippet<'a>,
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    write_escaped(&mut out, text).expect("writing to a String cannot fail");
    out
}

/// `text` HTML-escaped into `out`, unescaped stretches written whole.
fn write_escaped<W: fmt::Write>(out: &mut W, text: &str) -> fmt::Result {
    let mut from = 0;
    for (at, c) in text.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[from..at])?;
        out.write_str(entity)?;
        from = at + c.len_utf8();
    }
    out.write_str(&text[from..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_matches_and_escapes_the_rest() {
        let text = "R&D <chip> design";
        let s = Snippet::new(text, &[found(5..9, 0), found(11..17, 1)], Language::En);
        assert_eq!(
            s.html(),
            "R&amp;D &lt;<mark>chip</mark>&gt; <mark>design</mark>"
        );
        assert_eq!(s.render("[", "]", str::to_string), "R&D <[chip]> [design]");
    }

    #[test]
    fn the_window_prefers_different_matches_to_repeats() {
        let text = format!(
            "芯片设计{}设计、设计、设计{}",
            "甲".repeat(100),
            "乙".repeat(100)
        );
        let at = |needle: &str, from: usize| text[from..].find(needle).unwrap() + from;
        let first = at("设计", 0);
        let repeats = at("设计、", first + 6);
        let marks = [
            Found {
                span: 0..first + 6,
                terms: vec![0, 1, 2],
            },
            found(repeats..repeats + 6, 1),
            found(repeats + 9..repeats + 15, 1),
            found(repeats + 18..repeats + 24, 1),
        ];
        let s = Snippet::new(&text, &marks, Language::Zh);
        assert!(
            s.html().starts_with("<mark>芯片设计</mark>"),
            "{}",
            s.html()
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_densest_matches() {
        let text = format!("{}芯片设计{}", "甲".repeat(100), "乙".repeat(100));
        let at = text.find("芯片").unwrap();
        let s = Snippet::new(&text, &[found(at..at + "芯片设计".len(), 0)], Language::Zh);
        let html = s.html();
        assert!(
            html.starts_with(ELLIPSIS) && html.ends_with(ELLIPSIS),
            "{html}"
        );
        assert!(html.contains("<mark>芯片设计</mark>"));
        assert_eq!(
            html.chars().filter(|&c| c == '甲').count(),
            80 / CONTEXT_SHARE
        );
    }

    #[test]
    fn without_matches_the_text_opens_the_snippet() {
        let text = "x".repeat(300);
        let s = Snippet::new(&text, &[], Language::En);
        assert_eq!(s.html(), format!("{}{ELLIPSIS}", "x".repeat(200)));
    }

    #[test]
    fn merges_touching_matches() {
        let ids = ids(&["人工", "人工智能", "算法", "工程师"]);
        let terms = vec![
            located(ids["人工"], 0..6, false),
            located(ids["人工智能"], 0..12, true),
            located(ids["算法"], 12..18, true),
            located(ids["工程师"], 18..27, true),
        ];
        let marks = Marks {
            terms: ["人工", "人工智能", "算法", "未知"]
                .map(String::from)
                .into(),
            phrases: Vec::new(),
        };
        let found = matches(&terms, &MarkIds::new(&marks, &ids));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, 0..18);
        assert_eq!(coverage(&found), 3);
    }

    fn found(span: Range<usize>, term: TermId) -> Found {
        Found {
            span,
            terms: vec![term],
        }
    }

    fn ids(words: &[&str]) -> HashMap<String, TermId> {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), i as TermId))
            .collect()
    }

    fn located(term: TermId, span: Range<usize>, main: bool) -> Located {
        Located { term, span, main }
    }

    #[test]
    fn phrases_mark_only_where_all_their_words_follow_each_other() {
        // "wolf prize" is marked as a phrase; the lone "prize" is not.
        let ids = ids(&["wolf", "prize", "abel"]);
        let terms = vec![
            located(ids["wolf"], 0..4, true),
            located(ids["prize"], 5..10, true),
            located(ids["abel"], 12..16, true),
            located(ids["prize"], 17..22, true),
        ];
        let marks = Marks {
            terms: HashSet::new(),
            phrases: vec![vec!["wolf".into(), "prize".into()]],
        };
        let found = matches(&terms, &MarkIds::new(&marks, &ids));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, 0..10);
    }
}
