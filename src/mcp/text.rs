//! MCP: the short text a tool returns beside its structured content, for a model to read and
//! quote — IDs, citations in both languages, page paths and the verdicts, a line each. The
//! structured content is the API's JSON; nothing here is data the JSON does not hold.

use std::fmt::Write;

use crate::app::views::{ClauseView, PostList};
use crate::citation::{Candidate, Links, Resolution};
use crate::eligibility::Answer;
use crate::model::{Bilingual, Corpus, Translation};
use crate::search::Results;

/// `中文 / English`, or the one that is not empty.
fn both(b: &Bilingual) -> String {
    match (b.zh.trim(), b.en.trim()) {
        ("", en) => en.to_string(),
        (zh, "") => zh.to_string(),
        (zh, en) => format!("{zh} / {en}"),
    }
}

fn candidate_line(out: &mut String, c: &Candidate<'_>) {
    let _ = writeln!(
        out,
        "- {} — {} — {} — {}",
        c.id,
        both(c.citation),
        both(c.title),
        c.url
    );
}

pub fn search(results: &Results<'_>) -> String {
    let mut out = format!(
        "{} clauses match “{}” (showing {} from {}).\n",
        results.total,
        results.query,
        results.hits.len(),
        results.offset
    );
    if let Some(corrected) = &results.corrected {
        let _ = writeln!(out, "Searched as “{corrected}”.");
    }
    if !results.confident {
        out.push_str(
            "Not confident: the top hits do not cover the query's informative words; the rules \
             may not answer this question.\n",
        );
    }
    for hit in &results.hits {
        let _ = writeln!(
            out,
            "- {} ({}) — {} — {} — {}",
            hit.id,
            hit.kind.as_str(),
            both(hit.citation),
            both(hit.title),
            hit.url
        );
    }
    out
}

pub fn clause(corpus: &Corpus, view: &ClauseView<'_>) -> String {
    let c = view.clause;
    let mut out = format!(
        "{} ({}) — {}\n{}\n",
        c.id,
        c.kind.as_str(),
        both(&c.citation),
        both(&c.title)
    );
    let _ = writeln!(out, "\n中文（正式文本）:\n{}", c.text.zh.trim());
    let official = corpus
        .document(&c.doc)
        .is_some_and(|d| d.translation == Translation::Official);
    let label = if official {
        "English (official translation)"
    } else {
        "English (unofficial translation; the Chinese is authoritative)"
    };
    let _ = writeln!(out, "\n{label}:\n{}", c.text.en.trim());
    let _ = writeln!(out, "\nPage: {}", c.url);
    if let Some(parent) = &c.parent {
        let _ = writeln!(out, "Parent: {parent}");
    }
    if !c.children.is_empty() {
        let _ = writeln!(out, "Children: {}", c.children.join(", "));
    }
    out
}

pub fn resolution(r: &Resolution<'_>) -> String {
    let mut out = format!("“{}”: {}", r.input, r.status.as_str());
    if let Some(id) = r.id {
        let _ = write!(out, " — {id}");
    }
    out.push('\n');
    if let Some(reason) = &r.reason {
        let _ = writeln!(out, "{reason}");
    }
    for c in &r.candidates {
        candidate_line(&mut out, c);
    }
    out
}

pub fn links(links: &Links<'_>) -> String {
    let mut out = format!(
        "{} citations in the text ({} listed here).\n",
        links.total,
        links.citations.len()
    );
    for l in &links.citations {
        let _ = write!(
            out,
            "- [{}–{}] “{}”: {}",
            l.start,
            l.end,
            l.text,
            l.status.as_str()
        );
        match l.id {
            Some(id) => {
                let _ = writeln!(out, " — {id}");
            }
            None => {
                let ids: Vec<&str> = l.candidates.iter().map(|c| c.id).collect();
                let _ = writeln!(out, " — candidates: {}", ids.join(", "));
            }
        }
    }
    if let Some(next) = links.next {
        let _ = writeln!(out, "More follow: call again with start = {next}.");
    }
    out
}

pub fn answer(answer: &Answer) -> String {
    let s = &answer.summary;
    let mut out = format!("As of {}:\n", answer.as_of);
    let _ = writeln!(
        out,
        "Category A (外国高端人才): {} — met by: {}; open: {}",
        s.category_a.verdict.as_str(),
        list(&s.category_a.met_by),
        list(&s.category_a.open),
    );
    let _ = writeln!(
        out,
        "Category B (外国专业人才): {} — posts met: {}; posts open: {}",
        s.category_b.verdict.as_str(),
        list(&s.category_b.posts_met),
        list(&s.category_b.posts_open),
    );
    let _ = writeln!(out, "\n{}\n\n{}", s.text.zh.trim(), s.text.en.trim());
    out
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        "none".into()
    } else {
        ids.join(", ")
    }
}

pub fn posts(list: &PostList<'_>) -> String {
    let mut out = format!("{} posts.\n", list.total);
    for clause in &list.posts {
        let Some(post) = &clause.post else {
            continue;
        };
        let _ = writeln!(
            out,
            "- {} — {} — {} — {}",
            clause.id,
            both(&post.name),
            both(&post.industry),
            clause.url
        );
    }
    out
}
