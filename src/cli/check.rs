//! CLI: `talentdex check <facts.json>` — read the facts file, evaluate it and print a report
//! grouped by criteria and posts with ✓/✗/? marks and reasons in both languages (`--json` prints
//! the answer as the API returns it).

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};

use super::render;
use crate::app::App;
use crate::eligibility::{Answer, Facts, Outcome, Verdict, VerdictKind};

pub fn run(out: &mut impl Write, app: &App, path: &Path, json: bool) -> Result<()> {
    let text = read(path)?;
    let facts = Facts::from_json(&text)
        .with_context(|| format!("facts file {} refused", path.display()))?;
    let answer = app
        .check(&facts)
        .with_context(|| format!("cannot evaluate {}", path.display()))?;
    if json {
        render::json(out, &answer)
    } else {
        report(out, &answer)
    }
}

fn read(path: &Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read the facts from standard input")?;
        return Ok(text);
    }
    std::fs::read_to_string(path)
        .with_context(|| format!("cannot read facts file {}", path.display()))
}

fn mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "✓",
        Outcome::NotMet => "✗",
        Outcome::Unknown => "?",
    }
}

fn kind(v: &Verdict) -> String {
    let json = match v.kind {
        VerdictKind::Check(k) => serde_json::to_value(k),
        VerdictKind::Criterion(k) => serde_json::to_value(k),
    };
    json.ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn verdict_line(out: &mut impl Write, indent: &str, v: &Verdict) -> Result<()> {
    writeln!(
        out,
        "{indent}{} {:<13} {:<20} {}",
        mark(v.verdict),
        kind(v),
        v.id,
        v.reason.zh
    )?;
    writeln!(out, "{indent}  {:<34} {}", "", v.reason.en)?;
    Ok(())
}

fn report(out: &mut impl Write, answer: &Answer) -> Result<()> {
    writeln!(
        out,
        "Eligibility as of {}  (✓ met, ✗ not met, ? undecided)",
        answer.as_of
    )?;
    writeln!(out)?;
    writeln!(out, "Validity of the documents")?;
    for d in &answer.validity {
        writeln!(out, "  {:<10} {}", d.doc, d.validity.note.zh)?;
        writeln!(out, "  {:<10} {}", "", d.validity.note.en)?;
    }
    writeln!(out)?;
    writeln!(out, "Category A criteria (Annex 1)")?;
    for v in &answer.criteria {
        verdict_line(out, "  ", v)?;
    }
    let count = |o| answer.posts.iter().filter(|p| p.verdict == o).count();
    writeln!(out)?;
    writeln!(
        out,
        "Posts (Annex 2): {} met, {} not met, {} undecided",
        count(Outcome::Met),
        count(Outcome::NotMet),
        count(Outcome::Unknown)
    )?;
    for p in &answer.posts {
        writeln!(out)?;
        writeln!(
            out,
            "  {} {}  {} | {}",
            mark(p.verdict),
            p.id,
            p.title.zh,
            p.title.en
        )?;
        writeln!(out, "    {}", p.reason.zh)?;
        writeln!(out, "    {}", p.reason.en)?;
        for c in &p.checks {
            verdict_line(out, "    ", c)?;
        }
    }
    Ok(())
}
