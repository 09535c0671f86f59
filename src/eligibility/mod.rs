//! Eligibility: after `model`, beside `search` and `citation`, read by `web` and `cli`. Checks an
//! applicant's facts against every post of Annex 2 and every decidable Category A criterion of
//! Annex 1, each verdict citing its clause and quoting rule and fact in both languages, and states
//! the documents' validity on the date asked so a lapsed rule is never taken as live.

mod awards;
mod criteria;
mod enterprise;
mod error;
mod facts;
mod majors;
mod names;
mod params;
mod posts;
mod threshold;
mod verdict;

use jiff::civil::Date;
use serde::Serialize;

pub use awards::{Award, AwardList, Match, Open, Vague, award_list};
pub use criteria::{
    CRITERIA, DOCTORATE_MAX_AGE, DOCTORATE_MAX_RANK, DOCTORATE_RECENT_YEARS, MIN_POINTS,
    POSTDOC_MAX_AGE, SALARY_MULTIPLE,
};
pub use enterprise::{
    COMPANY_MIN_SALES_CNY, COMPANY_MIN_TAX_CNY, COMPANY_MIN_YEARS, FOUNDER_MIN_INVESTMENT_USD,
    FOUNDER_MIN_SHARE_PERCENT, FOUNDER_MIN_YEARS, ROLES,
};
pub use error::EligibilityError;
pub use facts::{Company, DEGREE_WORDS, Facts, Founder, MAX_AGE, MIN_AGE, parse_degree};
pub use majors::MAJOR_SYNONYMS;
pub use names::same_name;
pub use params::{AWARD_SEPARATORS, FACT_PARAMS};
pub use posts::{PostVerdict, evaluate_post};
pub use threshold::{Threshold, Word};
pub use verdict::{CriterionKind, Outcome, Verdict, VerdictKind};

use crate::model::{Bilingual, Corpus, Validity};

/// The answer: `{"as_of", "validity", "criteria", "posts"}`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Answer {
    pub as_of: Date,
    /// The validity, on `as_of`, of each document the verdicts rest on.
    pub validity: Vec<DocumentValidity>,
    pub criteria: Vec<Verdict>,
    pub posts: Vec<PostVerdict>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentValidity {
    pub doc: String,
    pub title: Bilingual,
    #[serde(flatten)]
    pub validity: Validity,
}

/// Evaluate validated facts: every Category A criterion, and every post (or only `facts.post`).
pub fn evaluate(corpus: &Corpus, facts: &Facts) -> Result<Answer, EligibilityError> {
    facts.validate()?;
    let as_of = facts.as_of_or_today();
    let list = award_list()?;
    let mut criteria = Vec::with_capacity(CRITERIA.len() + 2);
    for id in list.clauses() {
        let clause = corpus
            .clause(id)
            .ok_or_else(|| EligibilityError::RuleDrift {
                id: id.to_string(),
                expected: "the clause itself".to_string(),
            })?;
        criteria.push(list.verdict(clause, &facts.awards));
    }
    for criterion in &CRITERIA {
        criteria.push(criterion.evaluate(corpus, facts, as_of)?);
    }
    let posts = match facts.post {
        Some(n) => {
            let clause = corpus.post(n).ok_or(EligibilityError::UnknownPost {
                number: n,
                count: corpus.posts().count(),
            })?;
            vec![evaluate_post(clause, facts)]
        }
        None => corpus.posts().map(|c| evaluate_post(c, facts)).collect(),
    };
    Ok(Answer {
        as_of,
        validity: validity(corpus, &criteria, &posts, as_of),
        criteria,
        posts,
    })
}

/// The documents the verdicts cite, and the documents they are annexes of, in corpus order.
fn validity(
    corpus: &Corpus,
    criteria: &[Verdict],
    posts: &[PostVerdict],
    as_of: Date,
) -> Vec<DocumentValidity> {
    let cited: Vec<&str> = criteria
        .iter()
        .map(|v| v.id.as_str())
        .chain(posts.iter().map(|p| p.id.as_str()))
        .filter_map(|id| corpus.clause(id).map(|c| c.doc.as_str()))
        .collect();
    corpus
        .documents()
        .iter()
        .filter(|d| {
            cited.contains(&d.id.as_str())
                || corpus.documents().iter().any(|child| {
                    child.parent.as_deref() == Some(&d.id) && cited.contains(&child.id.as_str())
                })
        })
        .map(|d| DocumentValidity {
            doc: d.id.clone(),
            title: d.short.clone(),
            validity: Validity::of(d, as_of),
        })
        .collect()
}
