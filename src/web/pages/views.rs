//! Web: the view structs behind each page template — what a template may show, gathered from the
//! model so templates stay free of logic.

use askama::Template;

use crate::analysis::Analyzer;
use crate::compare::{Comparison, Op};
use crate::model::{
    Bilingual, Change, Clause, Corpus, Degree, Document, Kind, Relation, Validity, ValidityStatus,
};

/// Queries shown on the home page, in both languages.
const EXAMPLES: [&str; 6] = [
    "芯片设计",
    "chip design",
    "博士后",
    "Fortune 500",
    "区块链 SGX",
    "Wolf Prize",
];
/// A title made from a clause's opening words stops after this many characters (Chinese) …
const OPENING_CHARS_ZH: usize = 24;
/// … or this many (English, at a word boundary).
const OPENING_CHARS_EN: usize = 64;

/// A kind's name in both languages, for people (the API keeps `kind.as_str()`).
pub fn kind_name(kind: Kind) -> Bilingual {
    let (zh, en) = match kind {
        Kind::Document => ("文件", "document"),
        Kind::Article => ("条", "article"),
        Kind::Category => ("类", "category"),
        Kind::Item => ("项", "item"),
        Kind::Post => ("岗位", "post"),
        Kind::Requirement => ("岗位要求（逐条）", "requirement part"),
    };
    Bilingual::new(zh, en)
}

/// What to head a clause with where its citation is not beside it: its own title, unless that
/// title is only its number (`第7项` / `Item 7`, the level's default), which says nothing — then
/// the opening words of its text.
pub fn display_title(clause: &Clause) -> Bilingual {
    let number = clause.path.last().map(u32::to_string).unwrap_or_default();
    let only_a_number = !number.is_empty()
        && clause.title.en.contains(&number)
        && clause.citation.zh.ends_with(&clause.title.zh);
    if !only_a_number || clause.text.zh == clause.title.zh {
        return clause.title.clone();
    }
    Bilingual::new(
        opening_words(&clause.text.zh, OPENING_CHARS_ZH, false),
        opening_words(&clause.text.en, OPENING_CHARS_EN, true),
    )
}

/// The text up to its first stop (a Chinese full stop, a semicolon or a colon outside brackets;
/// not an English full stop, which also ends abbreviations like `A.M.`), shortened to
/// `max` characters with an ellipsis — at a space when `words` is set.
fn opening_words(text: &str, max: usize, words: bool) -> String {
    let mut depth = 0usize;
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' | '《' | '“' => depth += 1,
            ')' | '）' | '》' | '”' => depth = depth.saturating_sub(1),
            '。' | '；' | '：' | ';' | ':' if depth == 0 => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let sentence = text[..end].trim().trim_end_matches('.');
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(max).collect();
    let cut = match cut.rfind(' ').filter(|_| words) {
        Some(space) => cut[..space].trim_end_matches([',', ' ']).to_string(),
        None => cut,
    };
    format!("{cut}…")
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub status: u16,
    pub message: &'a str,
}

pub struct DocumentRow<'a> {
    pub document: &'a Document,
    pub validity: Validity,
    pub status: &'static str,
    pub status_label: &'static str,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct Home<'a> {
    pub as_of: jiff::civil::Date,
    pub documents: Vec<DocumentRow<'a>>,
    pub examples: [&'static str; 6],
    pub max_query_chars: usize,
}

impl<'a> DocumentRow<'a> {
    /// A document with its validity on `as_of`, as every page that shows its text states it.
    pub fn new(document: &'a Document, as_of: jiff::civil::Date) -> Self {
        let validity = Validity::of(document, as_of);
        let (status, status_label) = match validity.status {
            ValidityStatus::NotYetInForce => ("not_yet_in_force", "not yet in force · 尚未施行"),
            ValidityStatus::InForce => ("in_force", "in force · 有效"),
            ValidityStatus::TrialEnded => ("trial_ended", "trial ended · 试行期满"),
        };
        DocumentRow {
            document,
            validity,
            status,
            status_label,
        }
    }

    /// The documents of `clauses`, each once, in the order first met.
    pub fn of_clauses<'c>(
        corpus: &'a Corpus,
        clauses: impl IntoIterator<Item = &'c str>,
        as_of: jiff::civil::Date,
    ) -> Vec<Self> {
        let mut docs: Vec<&Document> = Vec::new();
        for id in clauses {
            if let Some(doc) = corpus.clause(id).and_then(|c| corpus.document(&c.doc))
                && !docs.iter().any(|d| d.id == doc.id)
            {
                docs.push(doc);
            }
        }
        docs.into_iter().map(|d| Self::new(d, as_of)).collect()
    }
}

impl<'a> Home<'a> {
    pub fn new(corpus: &'a Corpus, as_of: jiff::civil::Date) -> Self {
        let documents = corpus
            .documents()
            .iter()
            .map(|document| DocumentRow::new(document, as_of))
            .collect();
        Home {
            as_of,
            documents,
            examples: EXAMPLES,
            // The search box accepts what search accepts: one limit, search's own.
            max_query_chars: crate::search::MAX_QUERY_CHARS,
        }
    }
}

pub struct RelatedView<'a> {
    pub relation: &'static str,
    pub clause: &'a Clause,
}

#[derive(Template)]
#[template(path = "clause.html")]
pub struct ClausePage<'a> {
    pub clause: &'a Clause,
    /// Named clauses (documents, categories, posts) are headed by their title; numbered ones by
    /// their citation, which says more than "Item 9".
    pub heading: &'a Bilingual,
    pub kind: Bilingual,
    /// The clause's document and whether it is in force on the page's date.
    pub validity: Vec<DocumentRow<'a>>,
    pub breadcrumbs: Vec<&'a Clause>,
    /// Each child with the title it is listed by (see `display_title`).
    pub children: Vec<(&'a Clause, Bilingual)>,
    pub related: Vec<RelatedView<'a>>,
    pub zh_paragraphs: Vec<&'a str>,
    pub en_paragraphs: Vec<&'a str>,
    pub change_label: Option<&'static str>,
    pub comparison: Option<Comparison<'a>>,
}

fn change_label(change: Change, wording_only: bool) -> &'static str {
    match change {
        Change::Unchanged => "unchanged from the national text · 与国家标准相同",
        Change::Changed if wording_only => {
            "changed by Beijing, in wording only · 北京调整（仅文字）"
        }
        Change::Changed => "changed by Beijing · 北京调整",
        Change::Added => "added by Beijing · 北京新增",
    }
}

impl<'a> ClausePage<'a> {
    pub fn new(
        corpus: &'a Corpus,
        analyzer: &Analyzer,
        clause: &'a Clause,
        as_of: jiff::civil::Date,
    ) -> Self {
        let children = clause
            .children
            .iter()
            .filter_map(|id| corpus.clause(id))
            .map(|c| (c, display_title(c)))
            .collect();
        let related = clause
            .related
            .iter()
            .filter_map(|r| {
                let relation = match r.relation {
                    Relation::Adapts => "Adapts · 改编自",
                    Relation::AdaptedBy => "Adapted by · 被改编为",
                };
                corpus
                    .clause(&r.id)
                    .map(|clause| RelatedView { relation, clause })
            })
            .collect();
        let comparison = crate::compare::comparison(corpus, analyzer, clause)
            .filter(|c| c.change == Change::Changed);
        let heading = match clause.kind {
            Kind::Document | Kind::Category | Kind::Post => &clause.title,
            Kind::Article | Kind::Item | Kind::Requirement => &clause.citation,
        };
        ClausePage {
            clause,
            heading,
            kind: kind_name(clause.kind),
            validity: DocumentRow::of_clauses(corpus, [clause.id.as_str()], as_of),
            breadcrumbs: corpus.breadcrumbs(clause),
            children,
            related,
            zh_paragraphs: clause.text.zh.lines().collect(),
            en_paragraphs: clause.text.en.lines().collect(),
            change_label: clause.change.map(|c| change_label(c, clause.wording_only)),
            comparison,
        }
    }
}

pub struct PostRow<'a> {
    pub number: u32,
    pub industry: &'a Bilingual,
    pub name: &'a Bilingual,
    pub degree: &'static str,
    pub majors: Bilingual,
    pub years: u32,
    pub field: &'a Bilingual,
    pub qualification: bool,
}

#[derive(Template)]
#[template(path = "posts.html")]
pub struct PostsPage<'a> {
    pub rows: Vec<PostRow<'a>>,
    pub total: usize,
    pub industries: Vec<&'a Bilingual>,
    pub degrees: [(&'static str, &'static str); 3],
    pub industry: &'a str,
    pub degree: &'static str,
    /// The chosen degree's name, for the line saying what the filter means.
    pub degree_name: Option<Bilingual>,
}

fn degree_label(d: Degree) -> &'static str {
    match d {
        Degree::None => "none · 无",
        Degree::Bachelor => "bachelor's · 学士",
        Degree::Master => "master's · 硕士",
        Degree::Doctorate => "doctorate · 博士",
    }
}

impl<'a> PostsPage<'a> {
    /// The catalogue filtered by industry (as the page read it) and by the applicant's degree:
    /// the posts open to its holder, whose minimum is that degree or below.
    pub fn new(
        corpus: &'a Corpus,
        industry: Option<&'a Bilingual>,
        degree: Option<Degree>,
    ) -> Self {
        let posts: Vec<_> = corpus.posts().filter_map(|c| c.post.as_ref()).collect();
        let industries = corpus.industries();
        let rows = posts
            .iter()
            .filter(|p| industry.is_none_or(|i| p.industry == *i))
            .filter(|p| degree.is_none_or(|d| p.requirements.degree <= d))
            .map(|p| {
                let r = &p.requirements;
                let join = |f: fn(&Bilingual) -> &str, sep| {
                    r.majors.iter().map(f).collect::<Vec<_>>().join(sep)
                };
                PostRow {
                    number: p.number,
                    industry: &p.industry,
                    name: &p.name,
                    degree: degree_label(r.degree),
                    majors: Bilingual::new(join(|m| &m.zh, "、"), join(|m| &m.en, ", ")),
                    years: r.years_experience,
                    field: &r.experience_field,
                    qualification: r.qualification_required,
                }
            })
            .collect();
        let degrees = [Degree::Bachelor, Degree::Master, Degree::Doctorate]
            .map(|d| (d.as_str(), degree_label(d)));
        PostsPage {
            rows,
            total: posts.len(),
            industries,
            degrees,
            industry: industry.map_or("", |i| i.zh.as_str()),
            degree: degree.map_or("", Degree::as_str),
            degree_name: degree.map(Degree::names),
        }
    }
}

pub struct CompareRow<'a> {
    pub cmp: Comparison<'a>,
    pub change: &'static str,
    pub anchor: String,
}

#[derive(Template)]
#[template(path = "compare.html")]
pub struct ComparePage<'a> {
    pub rows: Vec<CompareRow<'a>>,
    /// Added, changed, unchanged.
    pub counts: (usize, usize, usize),
    /// Whether the unchanged rows are left out (`?show=changed`).
    pub changed_only: bool,
}

impl<'a> ComparePage<'a> {
    pub fn new(comparisons: Vec<Comparison<'a>>, changed_only: bool) -> Self {
        let count = |c: Change| comparisons.iter().filter(|x| x.change == c).count();
        let counts = (
            count(Change::Added),
            count(Change::Changed),
            count(Change::Unchanged),
        );
        let rows = comparisons
            .into_iter()
            .filter(|cmp| !(changed_only && cmp.change == Change::Unchanged))
            .map(|cmp| CompareRow {
                change: match cmp.change {
                    Change::Added => "added",
                    Change::Changed => "changed",
                    Change::Unchanged => "unchanged",
                },
                anchor: cmp.beijing.id.replace(['/', '.'], "-"),
                cmp,
            })
            .collect();
        ComparePage {
            rows,
            counts,
            changed_only,
        }
    }
}
