//! CLI: how clauses and summaries print in a terminal, and `--json` output.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::model::{Clause, Corpus, Kind};

pub fn json<T: Serialize + ?Sized>(out: &mut impl Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

pub fn index_summary(out: &mut impl Write, corpus: &Corpus) -> Result<()> {
    for doc in corpus.documents() {
        let n = corpus.clauses_of(&doc.id).count();
        writeln!(out, "{:<10} {:>4} clauses  {}", doc.id, n, doc.title.zh)?;
    }
    writeln!(
        out,
        "corpus ok: {} documents, {} clauses, hash {}",
        corpus.documents().len(),
        corpus.clauses().len(),
        &corpus.hash()[..12]
    )?;
    Ok(())
}

pub fn clause(out: &mut impl Write, corpus: &Corpus, clause: &Clause) -> Result<()> {
    let crumbs: Vec<&str> = corpus
        .breadcrumbs(clause)
        .iter()
        .map(|c| c.title.zh.as_str())
        .collect();
    writeln!(out, "{}  [{}]", clause.id, clause.kind.as_str())?;
    if !crumbs.is_empty() {
        writeln!(out, "  {}", crumbs.join(" › "))?;
    }
    writeln!(out, "  {}  |  {}", clause.citation.zh, clause.citation.en)?;
    writeln!(out)?;
    writeln!(out, "{}", clause.title.zh)?;
    writeln!(out, "{}", clause.title.en)?;
    writeln!(out)?;
    writeln!(out, "{}", clause.text.zh)?;
    writeln!(out)?;
    writeln!(out, "{}", clause.text.en)?;
    if let Some(post) = &clause.post {
        let r = &post.requirements;
        writeln!(out)?;
        writeln!(out, "industry: {} / {}", post.industry.zh, post.industry.en)?;
        writeln!(out, "degree:   {} or above", r.degree.as_str())?;
        let majors: Vec<&str> = r.majors.iter().map(|m| m.en.as_str()).collect();
        writeln!(out, "majors:   {} (or related)", majors.join(", "))?;
        writeln!(
            out,
            "years:    {} or more in {}",
            r.years_experience, r.experience_field.en
        )?;
        writeln!(out, "qualification required: {}", r.qualification_required)?;
    }
    for rel in &clause.related {
        writeln!(
            out,
            "related: {} ({:?}, {:?})",
            rel.id, rel.relation, rel.change
        )?;
    }
    if !clause.children.is_empty() {
        writeln!(out, "children: {}", clause.children.join(", "))?;
    }
    Ok(())
}

pub fn clause_list(out: &mut impl Write, clauses: &[&Clause]) -> Result<()> {
    for c in clauses {
        let indent = if c.kind == Kind::Document { "" } else { "  " };
        let title: String = c.title.zh.chars().take(40).collect();
        writeln!(out, "{indent}{:<18} {:<11} {title}", c.id, c.kind.as_str())?;
    }
    Ok(())
}
