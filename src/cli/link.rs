//! CLI: `talentdex link [FILE|-]` — print a text with every citation in it linked, for tools that
//! post-process documents: `--format json` (the `POST /api/link` answer), `markdown` or `html`
//! (found citations link to `/clause/{id}`, ambiguous ones to `/cite/{text}`, under `--base`).

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::render;
use crate::app::App;
use crate::citation::{Linked, Status};

/// How `link` prints the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Markdown,
    Html,
}

/// `link`'s arguments.
#[derive(Debug, clap::Args)]
pub struct LinkArgs {
    /// The text file; `-` or nothing reads standard input.
    pub file: Option<std::path::PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// What links start with (`https://talentdex.example`); nothing gives site-relative links.
    #[arg(long, default_value = "")]
    pub base: String,
}

pub fn run(out: &mut impl Write, app: &App, args: &LinkArgs) -> Result<()> {
    let text = read(args.file.as_deref())?;
    // The whole text is printed, so every page of citations is read.
    let mut links = app.link(&text, 0)?;
    while let Some(from) = links.next {
        let page = app.link(&text, from)?;
        links.citations.extend(page.citations);
        links.next = page.next;
    }
    let base = args.base.trim_end_matches('/');
    match args.format {
        Format::Json => render::json(out, &links),
        Format::Markdown | Format::Html => {
            let html = args.format == Format::Html;
            out.write_all(linked(&text, &links.citations, base, html).as_bytes())?;
            Ok(())
        }
    }
}

fn read(file: Option<&Path>) -> Result<String> {
    let mut text = String::new();
    match file {
        None => std::io::stdin().read_to_string(&mut text).map(|_| ()),
        Some(p) if p == Path::new("-") => std::io::stdin().read_to_string(&mut text).map(|_| ()),
        Some(p) => std::fs::read_to_string(p).map(|t| text = t),
    }
    .with_context(|| match file {
        Some(p) if p != Path::new("-") => format!("cannot read {}", p.display()),
        _ => "cannot read standard input as UTF-8 text".to_string(),
    })?;
    Ok(text)
}

/// Where a citation links to: its clause, or the page of an ambiguous citation's candidates.
fn target(base: &str, c: &Linked) -> Option<String> {
    match (c.status, c.id) {
        (Status::Found, Some(id)) => Some(format!("{base}/clause/{id}")),
        (Status::Ambiguous, _) => Some(format!(
            "{base}/cite/{}",
            utf8_percent_encode(&c.text, NON_ALPHANUMERIC)
        )),
        _ => None,
    }
}

/// The text with each citation that has a target written as a link. Citations a range shares a
/// span with (the 3 of `第2至4项`) are not written twice: a span already written is skipped.
fn linked(text: &str, citations: &[Linked], base: &str, html: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    let piece = |out: &mut String, s: &[char]| {
        let s: String = s.iter().collect();
        out.push_str(&if html { escape_html(&s) } else { s });
    };
    for c in citations {
        if c.start < at {
            continue;
        }
        let Some(url) = target(base, c) else { continue };
        piece(&mut out, &chars[at..c.start]);
        let inner: String = chars[c.start..c.end].iter().collect();
        if html {
            out.push_str(&format!(
                "<a href=\"{}\">{}</a>",
                escape_html(&url),
                escape_html(&inner)
            ));
        } else {
            out.push_str(&format!("[{}]({url})", escape_markdown(&inner)));
        }
        at = c.end;
    }
    piece(&mut out, &chars[at..]);
    out
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Brackets inside a link's text end it early in Markdown: escape them.
fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
