//! CLI: `talentdex cite <text>` — resolve one citation and print its status, ID, both citations
//! and the candidates, or `--json` (the `/api/resolve` answer). `found`, `ambiguous` and
//! `not_found` exit 0; `invalid` (not a citation) and bad input are errors.

use std::io::Write;

use anyhow::{Result, bail};

use super::render;
use crate::app::App;
use crate::citation::{Candidate, Resolution, Status};

pub fn run(out: &mut impl Write, app: &App, words: &[String], json: bool) -> Result<()> {
    let input = words.join(" ");
    let resolution = app.resolve(&input)?;
    if resolution.status == Status::Invalid {
        let reason = resolution.reason.as_deref().unwrap_or("not a citation");
        bail!("`{input}` is not a citation ({reason})");
    }
    if json {
        render::json(out, &resolution)
    } else {
        text(out, &resolution)
    }
}

fn text(out: &mut impl Write, r: &Resolution) -> Result<()> {
    match r.status {
        Status::Found => writeln!(out, "found  {}", r.id.unwrap_or_default())?,
        Status::Ambiguous => writeln!(out, "ambiguous  {} candidates", r.candidates.len())?,
        Status::NotFound | Status::Invalid => writeln!(
            out,
            "{}  {}",
            r.status.as_str(),
            r.reason.as_deref().unwrap_or_default()
        )?,
    }
    for c in &r.candidates {
        candidate(out, c)?;
    }
    Ok(())
}

fn candidate(out: &mut impl Write, c: &Candidate) -> Result<()> {
    writeln!(out, "  {}", c.id)?;
    writeln!(out, "    {}  |  {}", c.citation.zh, c.citation.en)?;
    writeln!(out, "    {}  |  {}", c.title.zh, c.title.en)?;
    Ok(())
}
