//! Eligibility: after `model` and `analysis`, beside `search` and `citation`, read by `web` and
//! `cli`. Checks an applicant's facts against every Category A criterion (each item of Annex 1 and
//! of the national standard) and every post of Annex 2, each verdict citing its clause, quoting
//! its rule in both languages and saying whether its document is in force on the date asked, with
//! a summary of what the verdicts mean. See `docs/eligibility.md`.

mod awards;
mod conditions;
mod criteria;
mod enterprise;
mod error;
mod facts;
mod fields;
mod majors;
mod params;
mod posts;
mod rules;
mod summary;
mod threshold;
mod verdict;

use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

pub use awards::{Awards, Match};
pub use criteria::{CATEGORY_A_DOCS, Decided, criterion_clauses, decided_by};
pub use enterprise::{
    COMPANY_MIN_SALES_CNY, COMPANY_MIN_TAX_CNY, COMPANY_MIN_YEARS, FOUNDER_MIN_INVESTMENT_USD,
    FOUNDER_MIN_SHARE_PERCENT, FOUNDER_MIN_YEARS, ROLES,
};
pub use error::EligibilityError;
pub use facts::{
    Company, Facts, Founder, MAX_AGE, MAX_AWARDS, MAX_TEXT_CHARS, MIN_AGE, NONE_WORDS,
    PostdocInstitution,
};
pub use fields::{Concepts, FieldMatch};
pub use majors::MAJOR_SYNONYMS;
pub use params::{AWARD_SEPARATORS, FACT_PARAMS, MAP_KEY};
pub use posts::{PostContext, PostVerdict, evaluate_post};
pub use rules::{
    DOCTORATE_MAX_AGE, DOCTORATE_MAX_RANK, DOCTORATE_RECENT_YEARS, MIN_POINTS, POSTDOC_MAX_AGE,
    RULES, Rule, SALARY_MULTIPLE,
};
pub use summary::{CategoryA, CategoryB, NOT_OFFICIAL_EN, NOT_OFFICIAL_ZH, Summary};
pub use threshold::{Threshold, Word};
pub use verdict::{CriterionKind, Outcome, Progress, Verdict, VerdictKind};

use crate::analysis::Synonyms;
use crate::model::{Bilingual, Corpus, Validity, ValidityStatus};

/// The answer: `{"as_of", "facts", "summary", "validity", "criteria", "posts"}`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Answer {
    pub as_of: Date,
    /// The facts as read: the one place the applicant's own text is quoted.
    pub facts: Facts,
    pub summary: Summary,
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

/// The eligibility engine: the corpus with its award list and every post's field words, built
/// once and shared by every request.
#[derive(Debug, Clone)]
pub struct Eligibility {
    corpus: Arc<Corpus>,
    awards: Awards,
    concepts: Concepts,
}

impl Eligibility {
    /// The engine over a corpus, with the synonym table the field words are widened by.
    pub fn new(corpus: Arc<Corpus>, synonyms: &Synonyms) -> Eligibility {
        Eligibility {
            awards: Awards::new(&corpus),
            concepts: Concepts::new(&corpus, synonyms),
            corpus,
        }
    }

    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    pub fn awards(&self) -> &Awards {
        &self.awards
    }

    pub fn concepts(&self) -> &Concepts {
        &self.concepts
    }

    /// How the criterion `id` is decided (by number, by the award list, or by `meets`).
    pub fn decided_by(&self, id: &str) -> Decided<'static> {
        decided_by(id, &self.awards)
    }

    /// Evaluate validated facts: every Category A criterion, and every post (or only
    /// `facts.post`), with the summary.
    pub fn evaluate(&self, facts: &Facts) -> Result<Answer, EligibilityError> {
        facts.validate()?;
        let corpus = &*self.corpus;
        criteria::check_meets(corpus, &self.awards, facts)?;
        let as_of = facts.as_of_or_today();
        let mut criteria = Vec::new();
        for clause in criterion_clauses(corpus) {
            let verdict = criteria::judge(clause, &self.awards, facts, as_of)?;
            criteria.push(self.dated(verdict, as_of));
        }
        let posts = match facts.post {
            Some(n) => {
                let clause = corpus.post(n).ok_or(EligibilityError::UnknownPost {
                    number: n,
                    count: corpus.posts().count(),
                })?;
                vec![self.evaluate_post(clause, facts)]
            }
            None => corpus
                .posts()
                .map(|c| self.evaluate_post(c, facts))
                .collect(),
        };
        let trial_end = self.lapsed_trial_end(&criteria, &posts, as_of);
        Ok(Answer {
            as_of,
            facts: facts.clone(),
            summary: summary::summarize(&criteria, &posts, trial_end),
            validity: validity(corpus, &criteria, &posts, as_of),
            criteria,
            posts,
        })
    }

    /// One post against the facts, dated on `facts.as_of` (or today).
    pub fn evaluate_post(&self, clause: &crate::model::Clause, facts: &Facts) -> PostVerdict {
        let as_of = facts.as_of_or_today();
        let cx = PostContext {
            corpus: &self.corpus,
            concepts: &self.concepts,
        };
        let mut post = evaluate_post(cx, clause, facts);
        let validity = self.validity_of(&clause.id, as_of);
        if let Some(v) = &validity {
            post.in_force = v.status == ValidityStatus::InForce;
            append_lapse(&mut post.reason, v);
        }
        // Each check carries `in_force`; the post's own reason says once that the rule lapsed.
        for check in &mut post.checks {
            check.in_force = post.in_force;
        }
        post
    }

    fn validity_of(&self, id: &str, as_of: Date) -> Option<Validity> {
        let clause = self.corpus.clause(id)?;
        let doc = self.corpus.document(&clause.doc)?;
        Some(Validity::of(doc, as_of))
    }

    /// The verdict with `in_force` set and, under a rule not in force, its reason saying so.
    fn dated(&self, mut verdict: Verdict, as_of: Date) -> Verdict {
        if let Some(v) = self.validity_of(&verdict.id, as_of) {
            verdict.in_force = v.status == ValidityStatus::InForce;
            append_lapse(&mut verdict.reason, &v);
        }
        verdict
    }

    /// The last trial day of the documents whose verdicts lapsed.
    fn lapsed_trial_end(
        &self,
        criteria: &[Verdict],
        posts: &[PostVerdict],
        as_of: Date,
    ) -> Option<Date> {
        criteria
            .iter()
            .map(|v| v.id.as_str())
            .chain(posts.iter().map(|p| p.id.as_str()))
            .filter_map(|id| self.validity_of(id, as_of))
            .filter(|v| v.status == ValidityStatus::TrialEnded)
            .filter_map(|v| v.trial_end)
            .max()
    }
}

/// Say in the reason that the rule lapsed, and when (or that it is not yet in force).
fn append_lapse(reason: &mut Bilingual, v: &Validity) {
    let (zh, en) = match (v.status, v.trial_end) {
        (ValidityStatus::InForce, _) => return,
        (ValidityStatus::TrialEnded, Some(end)) => (
            format!("（该规定试行期已于{end}结束，此结论不计入摘要）"),
            format!(
                " (this rule's trial ended on {end}, so this verdict does not count in the summary)"
            ),
        ),
        (_, _) => (
            format!(
                "（该规定自{}起施行，此前尚未施行，此结论不计入摘要）",
                v.effective
            ),
            format!(
                " (this rule takes effect on {}, so this verdict does not count in the summary)",
                v.effective
            ),
        ),
    };
    reason.zh.push_str(&zh);
    reason.en.push_str(&en);
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
