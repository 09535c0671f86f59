//! Corpus, second step: a file's TOML front matter, read into typed document metadata and the
//! numbering levels that give clauses their kinds, default titles and citations.

use serde::Deserialize;

use super::error::Problem;
use crate::model::{
    Bilingual, DocNames, Document, Kind, Translation, chinese_numeral, clause_url, roman_numeral,
};

#[derive(Debug, Deserialize)]
struct Pair {
    zh: String,
    en: String,
}

/// Lists of names, one per language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    #[serde(default)]
    zh: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

impl Names {
    fn owned(&self) -> Vec<String> {
        self.zh.iter().chain(&self.en).cloned().collect()
    }
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
    annex: Option<u32>,
    #[serde(default)]
    names: Names,
    #[serde(default)]
    common_names: Names,
    #[serde(default)]
    qualifiers: Names,
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
    if raw.annex.is_some() && raw.parent.is_none() {
        return Err(Problem::FrontMatter(
            "`annex` numbers an annex of its `parent`, which is missing".into(),
        ));
    }
    let names = doc_names(&raw);
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
        annex: raw.annex,
        names,
    };
    Ok(FrontMatter {
        document,
        levels: raw.levels,
    })
}

/// The names citations give a document. Its titles are names; so are its number, short name and
/// citation, except for an annex (whose short name and citation are its annex number, read as
/// such) and where they are listed as common words.
fn doc_names(raw: &Raw) -> DocNames {
    let common = raw.common_names.owned();
    let mut names = vec![raw.title.zh.clone(), raw.title.en.clone()];
    if raw.annex.is_none() {
        names.extend([
            raw.number.clone(),
            raw.short.zh.clone(),
            raw.short.en.clone(),
            raw.citation.zh.clone(),
            raw.citation.en.clone(),
        ]);
    }
    names.extend(raw.names.owned());
    names.retain(|n| !n.trim().is_empty() && !common.contains(n));
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    DocNames {
        names,
        common,
        qualifiers: raw.qualifiers.owned(),
    }
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

/// `2.8` → `[2, 8]`: ASCII digits joined by dots, no zero, no leading zero.
pub(super) fn parse_path(heading: &str) -> Result<Vec<u32>, String> {
    heading
        .split('.')
        .map(|seg| {
            let ok = !seg.is_empty()
                && seg.bytes().all(|b| b.is_ascii_digit())
                && !seg.starts_with('0')
                && seg.len() <= 4;
            ok.then(|| seg.parse::<u32>().ok())
                .flatten()
                .ok_or_else(|| {
                    "a clause heading is its path: numbers from 1, joined by dots (`2.8`)"
                        .to_string()
                })
        })
        .collect()
}

/// Whether `s` is a well-formed clause path (`2.8`).
pub(super) fn is_path(s: &str) -> bool {
    parse_path(s).is_ok()
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
