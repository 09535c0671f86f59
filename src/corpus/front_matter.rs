//! Corpus, second step: a file's TOML front matter, read into typed document metadata and the
//! numbering levels that give clauses their kinds, default titles and citations.

use serde::Deserialize;

use super::error::Problem;
use crate::model::{
    Bilingual, Document, Kind, Translation, chinese_numeral, clause_url, roman_numeral,
};

#[derive(Debug, Deserialize)]
struct Pair {
    zh: String,
    en: String,
}

impl From<Pair> for Bilingual {
    fn from(p: Pair) -> Self {
        Bilingual::new(p.zh, p.en)
    }
}

/// How one level of numbering is named and cited.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub kind: Kind,
    pub zh: String,
    pub en: String,
    pub title_zh: Option<String>,
    pub title_en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    title: Pair,
    short: Pair,
    issuer: Pair,
    number: String,
    issued: toml::value::Datetime,
    effective: toml::value::Datetime,
    trial_end: Option<toml::value::Datetime>,
    source: String,
    translation: Translation,
    citation: Pair,
    levels: Vec<Level>,
    parent: Option<String>,
}

/// A document's front matter, typed: the document's metadata and how its levels are numbered.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub document: Document,
    pub levels: Vec<Level>,
}

pub fn parse(text: &str) -> Result<FrontMatter, Problem> {
    let raw: Raw =
        toml::from_str(text).map_err(|e| Problem::FrontMatter(e.message().to_string()))?;
    if !is_doc_id(&raw.id) {
        return Err(Problem::MalformedId(
            raw.id,
            "a document ID is lowercase ASCII letters, digits and `-`".into(),
        ));
    }
    if raw.levels.is_empty() {
        return Err(Problem::FrontMatter(
            "`levels` needs at least one level".into(),
        ));
    }
    if raw.levels.iter().any(|l| l.kind == Kind::Document) {
        return Err(Problem::FrontMatter(
            "a level cannot be of kind `document`".into(),
        ));
    }
    let date = |name: &str, d: toml::value::Datetime| -> Result<jiff::civil::Date, Problem> {
        match (d.date, d.time) {
            (Some(date), None) => {
                jiff::civil::Date::new(date.year as i16, date.month as i8, date.day as i8)
                    .map_err(|e| Problem::FrontMatter(format!("`{name}`: {e}")))
            }
            _ => Err(Problem::FrontMatter(format!(
                "`{name}` must be a date (YYYY-MM-DD)"
            ))),
        }
    };
    let issued = date("issued", raw.issued)?;
    let effective = date("effective", raw.effective)?;
    let trial_end = raw.trial_end.map(|d| date("trial_end", d)).transpose()?;
    if trial_end.is_some_and(|end| end < effective) {
        return Err(Problem::FrontMatter(
            "`trial_end` is before `effective`".into(),
        ));
    }
    let document = Document {
        url: clause_url(&raw.id),
        id: raw.id,
        title: raw.title.into(),
        short: raw.short.into(),
        issuer: raw.issuer.into(),
        number: raw.number,
        issued,
        effective,
        trial_end,
        source: raw.source,
        translation: raw.translation,
        parent: raw.parent,
        citation: raw.citation.into(),
    };
    Ok(FrontMatter {
        document,
        levels: raw.levels,
    })
}

/// `bj2022-a1`: lowercase ASCII letters, digits and inner `-`.
pub fn is_doc_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Fill a level template: `{n}` digits, `{zh}` Chinese numeral, `{roman}` Roman numeral,
/// `{title}` the clause's title in that language.
pub fn render(template: &str, n: u32, title: &str) -> String {
    template
        .replace("{n}", &n.to_string())
        .replace("{zh}", &chinese_numeral(n).unwrap_or_else(|| n.to_string()))
        .replace(
            "{roman}",
            &roman_numeral(n).unwrap_or_else(|| n.to_string()),
        )
        .replace("{title}", title)
}
