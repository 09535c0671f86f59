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
/// The longest query the search box accepts (the API enforces its own limit).
pub const MAX_QUERY_CHARS: usize = 200;

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

impl<'a> Home<'a> {
    pub fn new(corpus: &'a Corpus, as_of: jiff::civil::Date) -> Self {
        let documents = corpus
            .documents()
            .iter()
            .map(|document| {
                let validity = Validity::of(document, as_of);
                let (status, status_label) = match validity.status {
                    ValidityStatus::NotYetInForce => {
                        ("not_yet_in_force", "not yet in force · 尚未施行")
                    }
                    ValidityStatus::InForce => ("in_force", "in force · 有效"),
                    ValidityStatus::TrialEnded => ("trial_ended", "trial ended · 试行期满"),
                };
                DocumentRow {
                    document,
                    validity,
                    status,
                    status_label,
                }
            })
            .collect();
        Home {
            as_of,
            documents,
            examples: EXAMPLES,
            max_query_chars: MAX_QUERY_CHARS,
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
    pub breadcrumbs: Vec<&'a Clause>,
    pub children: Vec<&'a Clause>,
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
    pub fn new(corpus: &'a Corpus, analyzer: &Analyzer, clause: &'a Clause) -> Self {
        let children = clause
            .children
            .iter()
            .filter_map(|id| corpus.clause(id))
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
    /// The catalogue filtered by industry (its Chinese name) and minimum degree; an unknown
    /// industry is an error naming the known ones.
    pub fn new(
        corpus: &'a Corpus,
        industry: &'a str,
        degree: Option<Degree>,
    ) -> Result<Self, String> {
        let posts: Vec<_> = corpus.posts().filter_map(|c| c.post.as_ref()).collect();
        let industries = corpus.industries();
        let chosen = match industry {
            "" => None,
            name => Some(corpus.industry(name).ok_or_else(|| {
                let known: Vec<&str> = industries.iter().map(|i| i.zh.as_str()).collect();
                format!(
                    "No industry `{industry}`; industries are {}.",
                    known.join("、")
                )
            })?),
        };
        let rows = posts
            .iter()
            .filter(|p| chosen.is_none_or(|i| p.industry == *i))
            .filter(|p| degree.is_none_or(|d| p.requirements.degree == d))
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
        Ok(PostsPage {
            rows,
            total: posts.len(),
            industries,
            degrees,
            industry: chosen.map_or(industry, |i| i.zh.as_str()),
            degree: degree.map_or("", Degree::as_str),
        })
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
}

impl<'a> ComparePage<'a> {
    pub fn new(comparisons: Vec<Comparison<'a>>) -> Self {
        let count = |c: Change| comparisons.iter().filter(|x| x.change == c).count();
        let counts = (
            count(Change::Added),
            count(Change::Changed),
            count(Change::Unchanged),
        );
        let rows = comparisons
            .into_iter()
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
        ComparePage { rows, counts }
    }
}
