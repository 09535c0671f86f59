//! CLI: the search index and `talentdex search` — opening or building the engine for a command,
//! and printing results readably in a terminal (highlights, citations) or as JSON.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::analysis::Analyzer;
use crate::index;
use crate::model::{Corpus, Kind};
use crate::search::{Lang, Request, Results, SearchEngine};

/// The analyzer with the corpus directory's search data.
fn analyzer(corpus_dir: &Path) -> Result<Arc<Analyzer>> {
    let analyzer = Analyzer::load(corpus_dir)
        .with_context(|| format!("search data in {} refused", corpus_dir.display()))?;
    Ok(Arc::new(analyzer))
}

/// The engine over the index in `index_dir`, (re)built first when missing, stale or unreadable.
/// With `ram_fallback`, an index directory that cannot be written is replaced by one in memory.
pub fn engine(
    corpus: Corpus,
    corpus_dir: &Path,
    index_dir: &Path,
    ram_fallback: bool,
) -> Result<SearchEngine> {
    let analyzer = analyzer(corpus_dir)?;
    let corpus = Arc::new(corpus);
    match SearchEngine::open_or_build(corpus.clone(), analyzer.clone(), index_dir) {
        Ok((engine, _)) => Ok(engine),
        Err(e) if ram_fallback => {
            tracing::warn!(index = %index_dir.display(), error = %e, "cannot use the index directory; building the index in memory");
            SearchEngine::in_ram(corpus, analyzer)
                .context("cannot build the search index in memory")
        }
        Err(e) => Err(e).with_context(|| format!("search index {}", index_dir.display())),
    }
}

/// `talentdex index`: always rebuild, then say what was built.
pub fn build_index(
    out: &mut impl Write,
    corpus: &Corpus,
    corpus_dir: &Path,
    index_dir: &Path,
) -> Result<()> {
    let analyzer = analyzer(corpus_dir)?;
    let reason = match index::open(index_dir, corpus, &analyzer) {
        Ok(_) => "rebuilt on request".to_string(),
        Err(reason) => reason.to_string(),
    };
    let started = Instant::now();
    let built = index::build(index_dir, corpus, &analyzer)
        .with_context(|| format!("cannot build the search index in {}", index_dir.display()))?;
    writeln!(
        out,
        "index built: {} clauses in {} ms at {} ({reason})",
        built.num_docs(),
        started.elapsed().as_millis(),
        index_dir.display()
    )?;
    Ok(())
}

/// The options of `talentdex search`.
#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// What to search for (Chinese, English or both).
    pub query: String,
    /// Read the query as zh, en or auto.
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Only this document (bj2022, bj2022-a1, bj2022-a2, cn2017-a).
    #[arg(long)]
    pub doc: Option<String>,
    /// Only this kind (document, article, category, item, post, requirement).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only posts of this industry (Chinese or English name).
    #[arg(long)]
    pub industry: Option<String>,
    #[arg(long, default_value_t = crate::search::DEFAULT_LIMIT)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[arg(long)]
    pub json: bool,
}

impl SearchArgs {
    pub fn request(&self) -> Result<Request> {
        let mut request = Request::new(self.query.clone());
        let Some(lang) = Lang::parse(&self.lang) else {
            bail!("--lang `{}` is not zh, en or auto", self.lang);
        };
        request.lang = lang;
        if let Some(kind) = &self.kind {
            let Some(kind) = Kind::parse(kind) else {
                bail!(
                    "--kind `{kind}` is not document, article, category, item, post or requirement"
                );
            };
            request.kind = Some(kind);
        }
        request.doc = self.doc.clone();
        request.industry = self.industry.clone();
        request.limit = self.limit;
        request.offset = self.offset;
        Ok(request)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn in_ram() -> SearchEngine {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let corpus = crate::corpus::load(&dir).unwrap();
        SearchEngine::in_ram(Arc::new(corpus), analyzer(&dir).unwrap()).unwrap()
    }

    #[test]
    fn renders_hits_with_citations_and_highlights() {
        let engine = in_ram();
        let mut request = Request::new("芯片设计");
        request.limit = 2;
        let results = engine.search(&request).unwrap();
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

    #[test]
    fn an_unwritable_index_directory_falls_back_to_memory_only_when_allowed() {
        // A file where the index directory should be: the index cannot be written there.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let blocker = tempfile::NamedTempFile::new().unwrap();
        let corpus = || crate::corpus::load(&dir).unwrap();
        let refused = engine(corpus(), &dir, blocker.path(), false);
        assert!(refused.is_err());
        let engine = engine(corpus(), &dir, blocker.path(), true).unwrap();
        let results = engine.search(&Request::new("EDA")).unwrap();
        assert_eq!(results.hits[0].id, "bj2022-a2/4");
    }

    #[test]
    fn options_become_a_request_or_a_clear_error() {
        let args = |lang: &str, kind: Option<&str>| SearchArgs {
            query: "EDA".into(),
            lang: lang.into(),
            doc: None,
            kind: kind.map(String::from),
            industry: None,
            limit: 3,
            offset: 1,
            json: false,
        };
        let request = args("en", Some("post")).request().unwrap();
        assert_eq!(
            (request.lang, request.kind, request.limit, request.offset),
            (Lang::En, Some(Kind::Post), 3, 1)
        );
        let err = args("fr", None).request().unwrap_err().to_string();
        assert!(err.contains("--lang `fr`"), "{err}");
        assert!(args("zh", Some("para")).request().is_err());
    }
}
