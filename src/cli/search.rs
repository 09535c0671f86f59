//! CLI: `talentdex search` — its options, read into the application's search request, and the
//! results printed readably in a terminal (highlights, citations) or as JSON.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};

use crate::app::SearchRequest;
use crate::search::Results;

/// The options of `talentdex search`.
#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// What to search for (Chinese, English or both); several words are joined with spaces.
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Read the query as zh, en or auto.
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Only this document, by its ID (`talentdex clauses` lists them: bj2022, bj2022-a1, …).
    #[arg(long)]
    pub doc: Option<String>,
    /// Only this kind (document, article, category, item, post, requirement).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only posts of this industry (Chinese or English name).
    #[arg(long)]
    pub industry: Option<String>,
    /// How many results to show.
    #[arg(long, default_value_t = crate::search::DEFAULT_LIMIT)]
    pub limit: usize,
    /// Skip this many results first (the next page starts at offset + limit).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print the results as the API's JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

impl SearchArgs {
    /// The request these options ask, read by the same parser as the API's query string.
    pub fn request(&self) -> Result<SearchRequest> {
        let mut pairs = vec![
            ("q".to_string(), self.query.join(" ")),
            ("lang".to_string(), self.lang.clone()),
            ("limit".to_string(), self.limit.to_string()),
            ("offset".to_string(), self.offset.to_string()),
        ];
        let optional = [
            ("doc", &self.doc),
            ("kind", &self.kind),
            ("industry", &self.industry),
        ];
        for (name, value) in optional {
            if let Some(value) = value {
                pairs.push((name.to_string(), value.clone()));
            }
        }
        SearchRequest::from_pairs(pairs).context("search options refused")
    }
}

/// How matches are shown in a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub open: &'static str,
    pub close: &'static str,
}

impl Style {
    pub const PLAIN: Style = Style {
        open: "[",
        close: "]",
    };
    pub const ANSI: Style = Style {
        open: "\x1b[1;33m",
        close: "\x1b[0m",
    };

    /// ANSI highlights on a terminal (unless `NO_COLOR` is set), brackets otherwise.
    pub fn for_stdout() -> Style {
        if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            Style::ANSI
        } else {
            Style::PLAIN
        }
    }
}

/// Results as a terminal reader wants them: rank, ID, title in both languages, citation, the
/// snippets with matches highlighted, and for posts the parts that matched.
pub fn render(out: &mut impl Write, results: &Results, style: Style) -> Result<()> {
    let shown = results.hits.len();
    writeln!(
        out,
        "{} — {} result{} (read as {}){}",
        results.query,
        results.total,
        if results.total == 1 { "" } else { "s" },
        results.lang,
        if shown < results.total.saturating_sub(results.offset) {
            format!(
                ", showing {}–{}",
                results.offset + 1,
                results.offset + shown
            )
        } else {
            String::new()
        }
    )?;
    notices(out, results)?;
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{:>3}. {}  [{}]  {} | {}   (score {:.2})",
            results.offset + i + 1,
            hit.id,
            hit.kind.as_str(),
            hit.title.zh,
            hit.title.en,
            hit.score
        )?;
        writeln!(out, "     {} | {}", hit.citation.zh, hit.citation.en)?;
        writeln!(
            out,
            "     {}",
            hit.snippet
                .zh
                .render(style.open, style.close, str::to_string)
        )?;
        writeln!(
            out,
            "     {}",
            hit.snippet
                .en
                .render(style.open, style.close, str::to_string)
        )?;
        if let Some(post) = &hit.post {
            writeln!(
                out,
                "     industry: {} | {}",
                post.industry.zh, post.industry.en
            )?;
        }
        if let Some(parts) = hit.matched_parts.as_ref().filter(|p| !p.is_empty()) {
            writeln!(out, "     matched: {}", parts.join(", "))?;
        }
    }
    Ok(())
}

/// What the search page says above its hits, in both languages: the clause a citation in the
/// query goes to, the spelling correction searched instead, and that no clause matches it all.
fn notices(out: &mut impl Write, results: &Results) -> Result<()> {
    if let Some(resolved) = results.resolved.as_ref() {
        for c in &resolved.candidates {
            writeln!(
                out,
                "go to · 前往: {}  {} | {}",
                c.id, c.citation.zh, c.citation.en
            )?;
        }
    }
    if let Some(corrected) = &results.corrected {
        writeln!(
            out,
            "did you mean: {corrected} — the results are for it · 您要找的是不是“{corrected}”？以下按它检索。"
        )?;
    }
    if results.total > 0 && !results.confident {
        writeln!(
            out,
            "no clause matches all of “{}”; the closest are: · 没有条文与“{}”完全匹配，最接近的是：",
            results.query, results.query
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::analysis::Language;
    use crate::app::App;
    use crate::model::Kind;

    fn app() -> App {
        App::in_ram(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap()
    }

    #[test]
    fn renders_hits_with_citations_and_highlights() {
        let mut request = SearchRequest::new("芯片设计");
        request.search.limit = 2;
        let app = app();
        let results = app.search(&request).unwrap();
        let mut out = Vec::new();
        render(&mut out, &results, Style::PLAIN).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("芯片设计 — "), "{text}");
        assert!(text.contains("  1. bj2022-a2/6  [post]  芯片设计工程师 | Chip Design Engineer"));
        assert!(text.contains("附件2 第6项 | Annex 2, No. 6"));
        assert!(text.contains("[芯片设计]"), "{text}");
        assert!(text.contains("matched: bj2022-a2/6.3"));
        assert!(!text.contains("<mark>"), "terminal output is not HTML");
    }

    fn rendered(query: &str) -> String {
        let app = app();
        let results = app.search(&SearchRequest::new(query)).unwrap();
        let mut out = Vec::new();
        render(&mut out, &results, Style::PLAIN).unwrap();
        String::from_utf8(out).unwrap()
    }

    // The terminal said nothing of what the search page shows above the hits (issue 11: the
    // CLI had no "did you mean"): a correction, a citation's clause, an unsure answer.
    #[test]
    fn says_what_the_page_says_above_the_hits() {
        let text = rendered("clould computing");
        assert!(text.contains("did you mean: cloud computing"), "{text}");
        let text = rendered("附件2第6项");
        assert!(
            text.contains("go to · 前往: bj2022-a2/6  附件2 第6项"),
            "{text}"
        );
        assert!(!text.contains("did you mean"), "{text}");
        let text = rendered("个人所得税退税怎么办理");
        assert!(
            text.contains("no clause matches all of “个人所得税退税怎么办理”"),
            "{text}"
        );
        let text = rendered("芯片设计");
        assert!(
            !text.contains("go to") && !text.contains("no clause matches"),
            "{text}"
        );
    }

    #[test]
    fn options_become_a_request_or_a_clear_error() {
        let args = |lang: &str, kind: Option<&str>| SearchArgs {
            query: vec!["chip".into(), "design".into()],
            lang: lang.into(),
            doc: None,
            kind: kind.map(String::from),
            industry: None,
            limit: 3,
            offset: 1,
            json: false,
        };
        let request = args("en", Some("post")).request().unwrap().search;
        assert_eq!(
            (request.lang, request.kind, request.limit, request.offset),
            (Some(Language::En), Some(Kind::Post), 3, 1)
        );
        // Unquoted words (`search chip design`) are one query, as `cite` joins its words.
        assert_eq!(request.query, "chip design");
        let err = format!("{:#}", args("fr", None).request().unwrap_err());
        assert!(err.contains("lang `fr`"), "{err}");
        assert!(args("zh", Some("para")).request().is_err());
    }
}
