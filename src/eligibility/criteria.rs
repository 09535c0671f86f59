//! Eligibility (model → eligibility → web/cli): every Category A criterion — each item of Annex 1
//! and of the national Category A criteria — and how it is decided: by number (`rules`), by the
//! award list (`awards`), or by the applicant's own answer in `meets` (a role, a membership, a
//! position held). An answer about a clause whose counterpart is `unchanged` answers both.

use jiff::civil::Date;

use super::EligibilityError;
use super::awards::Awards;
use super::facts::Facts;
use super::rules::{RULES, Rule};
use super::verdict::{Condition, CriterionKind, Outcome, Verdict, VerdictKind, all_of};
use crate::model::{Bilingual, Change, Clause, Corpus, Kind};

/// The documents whose items are Category A criteria (外国高端人才): Beijing's Annex 1, which
/// widens Category A by article 一 of the notice, and the national standard it adapts.
pub const CATEGORY_A_DOCS: [&str; 2] = ["bj2022-a1", "cn2017-a"];

/// How one criterion is decided.
#[derive(Clone, Copy)]
pub enum Decided<'a> {
    /// By number, against facts.
    Rule(&'a Rule),
    /// By the award list.
    Awards,
    /// By the applicant's answer in `meets`.
    Attested,
}

/// Every criterion clause, in corpus order: the items of the Category A documents (a category
/// with no items of its own, such as 6 or 7 of Annex 1, is an item itself).
pub fn criterion_clauses(corpus: &Corpus) -> impl Iterator<Item = &Clause> {
    corpus.clauses().iter().filter(|c| {
        CATEGORY_A_DOCS.contains(&c.doc.as_str())
            && c.kind != Kind::Document
            && c.children.is_empty()
    })
}

/// How the criterion `id` is decided.
pub fn decided_by<'a>(id: &str, awards: &Awards) -> Decided<'a> {
    if let Some(rule) = RULES.iter().find(|r| r.ids.contains(&id)) {
        Decided::Rule(rule)
    } else if awards.decides(id) {
        Decided::Awards
    } else {
        Decided::Attested
    }
}

/// Refuse `meets` answers about clauses that are not attested criteria, naming the answer.
pub fn check_meets(
    corpus: &Corpus,
    awards: &Awards,
    facts: &Facts,
) -> Result<(), EligibilityError> {
    for id in facts.meets.keys() {
        let field = format!("meets.{id}");
        let is_criterion = corpus
            .clause(id)
            .is_some_and(|c| criterion_clauses(corpus).any(|k| k.id == c.id));
        if !is_criterion {
            return Err(EligibilityError::invalid(
                field,
                "is not a Category A criterion (an item of bj2022-a1 or cn2017-a)",
            ));
        }
        match decided_by(id, awards) {
            Decided::Attested => {}
            Decided::Awards => {
                return Err(EligibilityError::invalid(
                    field,
                    "is decided by `awards`; list the awards held, or [] for none",
                ));
            }
            Decided::Rule(rule) => {
                return Err(EligibilityError::invalid(
                    field,
                    format!("is decided by its facts: {}", rule.facts.join(", ")),
                ));
            }
        }
    }
    Ok(())
}

/// The verdict of one criterion (before validity is applied).
pub fn judge(
    clause: &Clause,
    awards: &Awards,
    facts: &Facts,
    as_of: Date,
) -> Result<Verdict, EligibilityError> {
    match decided_by(&clause.id, awards) {
        Decided::Rule(rule) => {
            for quote in (rule.quotes)() {
                if !clause.text.zh.contains(&quote) && !clause.title.zh.contains(&quote) {
                    return Err(EligibilityError::RuleDrift {
                        id: clause.id.clone(),
                        expected: quote,
                    });
                }
            }
            let conditions = (rule.judge)(facts, as_of);
            Ok(all_of(
                &clause.id,
                VerdictKind::Criterion(rule.kind),
                &conditions,
            ))
        }
        Decided::Awards => Ok(awards.verdict(clause, facts.awards.as_deref())),
        Decided::Attested => Ok(attested(clause, facts)),
    }
}

/// A criterion only the applicant can attest, judged on their answer in `meets` — or on the
/// answer about its counterpart when the two are worded the same.
fn attested(clause: &Clause, facts: &Facts) -> Verdict {
    let rule = Bilingual::new(
        clause.text.zh.trim_end_matches('。'),
        clause.text.en.trim_end_matches('.'),
    );
    let own = facts.meets.get(&clause.id).map(|&b| (b, None));
    let answer = own.or_else(|| {
        clause
            .related
            .iter()
            .filter(|r| r.change == Change::Unchanged)
            .find_map(|r| facts.meets.get(&r.id).map(|&b| (b, Some(r.id.as_str()))))
    });
    let kind = VerdictKind::Criterion(CriterionKind::Attested);
    let condition = match answer {
        None => Condition::missing(rule),
        Some((yes, via)) => {
            let (zh, en) = if yes {
                ("申请人确认符合", "the applicant says this applies")
            } else {
                ("申请人确认不符合", "the applicant says this does not apply")
            };
            let (via_zh, via_en) = match via {
                Some(other) => (
                    format!("（据对{other}的回答，两条文字相同）"),
                    format!(" (from the answer about {other}, whose wording is the same)"),
                ),
                None => (String::new(), String::new()),
            };
            let outcome = if yes { Outcome::Met } else { Outcome::NotMet };
            Condition::judged(
                rule,
                Bilingual::new(format!("{zh}{via_zh}"), format!("{en}{via_en}")),
                outcome,
            )
        }
    };
    all_of(&clause.id, kind, &[condition])
}
