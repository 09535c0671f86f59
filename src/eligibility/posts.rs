//! Eligibility (model → eligibility → web/cli): the checks of one Annex 2 post against the facts.
//! Degree, major, experience (years *and* field) and qualification decide the post; the ability
//! items and the 其他要求 column are listed for the applicant and stay `unknown`. Reasons refer to
//! the applicant's own text as "the stated major/field": the answer quotes it once, in `facts`.

use serde::Serialize;

use super::facts::Facts;
use super::fields::{Concepts, FieldMatch};
use super::majors;
use super::threshold::{Threshold, Word};
use super::verdict::{Condition, Outcome, Verdict, VerdictKind, degree_fact, number, yes_no};
use crate::model::{Bilingual, Check, CheckKind, Clause, Corpus, Post};

/// A post's own verdict and its checks: `{"id", "title", "verdict", "reason", "checks"}`.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PostVerdict {
    pub id: String,
    pub title: Bilingual,
    pub verdict: Outcome,
    /// Whether Annex 2 is in force on `as_of` (see [`Verdict::in_force`]).
    pub in_force: bool,
    pub reason: Bilingual,
    pub checks: Vec<Verdict>,
}

/// What a post's checks read besides the facts: the corpus (to name another post) and the field
/// words of every post.
#[derive(Clone, Copy)]
pub struct PostContext<'a> {
    pub corpus: &'a Corpus,
    pub concepts: &'a Concepts,
}

/// Check one post (a clause of kind `post`) against the facts. The facts should have been
/// validated (`Facts::validate`); a clause that is not a post gets an `unknown` verdict saying so.
pub fn evaluate_post(cx: PostContext<'_>, post_clause: &Clause, facts: &Facts) -> PostVerdict {
    let Some(post) = &post_clause.post else {
        return PostVerdict {
            id: post_clause.id.clone(),
            title: post_clause.title.clone(),
            verdict: Outcome::Unknown,
            in_force: true,
            reason: Bilingual::new(
                format!("{}不是附件2中的岗位", post_clause.id),
                format!("{} is not a post of Annex 2", post_clause.id),
            ),
            checks: Vec::new(),
        };
    };
    let checks: Vec<Verdict> = post
        .checks
        .iter()
        .map(|check| evaluate_check(cx, post_clause, post, check, facts))
        .collect();
    let deciding = || checks.iter().filter(|v| is_deciding(v));
    let verdict = Outcome::all(deciding().map(|v| v.verdict));
    PostVerdict {
        id: post_clause.id.clone(),
        title: post_clause.title.clone(),
        verdict,
        in_force: true,
        reason: post_reason(verdict, deciding()),
        checks,
    }
}

fn is_deciding(v: &Verdict) -> bool {
    matches!(v.kind, VerdictKind::Check(k) if k.decides_post())
}

fn evaluate_check(
    cx: PostContext<'_>,
    clause: &Clause,
    post: &Post,
    check: &Check,
    facts: &Facts,
) -> Verdict {
    let reason = match check.kind {
        CheckKind::Degree => degree(post, check, facts),
        CheckKind::Major => major(post, check, facts),
        CheckKind::Experience => experience(cx, clause, post, check, facts),
        CheckKind::Qualification => qualification(check, facts),
        CheckKind::Ability => {
            return listed_only(
                check,
                Bilingual::new(
                    format!("职业能力要求，由申请人自行判断：{}", check.requirement.zh),
                    format!(
                        "ability requirement, left for the applicant to judge: {}",
                        check.requirement.en
                    ),
                ),
            );
        }
        CheckKind::Other => {
            return listed_only(
                check,
                Bilingual::new(
                    format!(
                        "其他要求，供申请人知悉，不影响岗位结论：{}",
                        check.requirement.zh
                    ),
                    format!(
                        "other requirement, for the applicant's information; it does not decide the post: {}",
                        check.requirement.en
                    ),
                ),
            );
        }
    };
    let mut verdict = super::verdict::all_of(&check.id, VerdictKind::Check(check.kind), &[reason]);
    verdict.kind = VerdictKind::Check(check.kind);
    verdict
}

fn listed_only(check: &Check, reason: Bilingual) -> Verdict {
    Verdict {
        id: check.id.clone(),
        kind: VerdictKind::Check(check.kind),
        verdict: Outcome::Unknown,
        in_force: true,
        reason,
        progress: Default::default(),
    }
}

fn degree(post: &Post, check: &Check, facts: &Facts) -> Condition {
    let rule = check.requirement.clone();
    let Some(held) = facts.degree else {
        return Condition::missing(rule);
    };
    let required = post.requirements.degree;
    let names = degree_fact(held);
    if held >= required {
        return Condition::judged(rule, names, Outcome::Met);
    }
    let hint = if post.requirements.equivalent_accepted {
        Bilingual::new(
            "；如有相当学历，请按其相当的学位层次填写",
            "; an equivalent qualification counts at the degree level you state for it",
        )
    } else {
        Bilingual::default()
    };
    let fact = Bilingual::new(
        format!("{}，低于{}{}", names.zh, required.names().zh, hint.zh),
        format!(
            "{}, below {}{}",
            names.en,
            degree_fact(required).en,
            hint.en
        ),
    );
    Condition::judged(rule, fact, Outcome::NotMet)
}

fn major(post: &Post, check: &Check, facts: &Facts) -> Condition {
    let rule = check.requirement.clone();
    let Some(major) = facts.major.as_deref() else {
        return Condition::missing(rule);
    };
    match majors::matching(major, &post.requirements.majors) {
        Some(listed) => Condition::judged(
            rule,
            Bilingual::new(
                format!("所述专业即所列的{}", listed.zh),
                format!("the stated major is the listed {}", listed.en),
            ),
            Outcome::Met,
        ),
        None => Condition::judged(
            rule,
            Bilingual::new(
                "所述专业未列出；“等相关专业”也接纳相关专业，是否相关由主管部门判断",
                "the stated major is not listed; \"or related fields\" admits related majors, which the authority judges",
            ),
            Outcome::Unknown,
        ),
    }
}

/// Years and field together: met only when the years suffice and the stated field is the post's
/// or a related one; too few years is not met whatever the field; a field that is another post's
/// is never met, but stays undecided, since the authority judges "等相关".
fn experience(
    cx: PostContext<'_>,
    clause: &Clause,
    post: &Post,
    check: &Check,
    facts: &Facts,
) -> Condition {
    let min = post.requirements.years_experience;
    let threshold = Threshold::new(f64::from(min), Word::YiShang);
    let (note_zh, note_en) = threshold.note(&format!("{min}年"), &format!("{min} years"));
    let rule = Bilingual::new(
        format!("{}{note_zh}", check.requirement.zh),
        format!("{}{note_en}", check.requirement.en),
    );
    let Some(years) = facts.years_experience else {
        return Condition::missing(rule);
    };
    let years_text = Bilingual::new(
        format!("{}年", number(years)),
        format!("{} years", number(years)),
    );
    if threshold.judge(years) == Outcome::NotMet {
        return Condition::judged(rule, years_text, Outcome::NotMet);
    }
    let field = &post.requirements.experience_field;
    let (fact_zh, fact_en, outcome) = match facts.experience_field.as_deref() {
        None => (
            format!(
                "未说明从业领域；请填写 experience_field（如“{}”）",
                field.zh
            ),
            format!(
                "no field stated; state experience_field (such as \"{}\")",
                field.en
            ),
            Outcome::Unknown,
        ),
        Some(stated) => match cx.concepts.judge(&clause.id, stated) {
            FieldMatch::Related => (
                format!("所述领域与{}相关", field.zh),
                format!("the stated field is {} or related to it", field.en),
                Outcome::Met,
            ),
            FieldMatch::OtherPost(other) => {
                let name = cx
                    .corpus
                    .clause(&other)
                    .map(|c| c.title.clone())
                    .unwrap_or_default();
                (
                    format!(
                        "所述领域属于{other}（{}）的领域，不是本岗位的{}；是否“相关”由主管部门判断",
                        name.zh, field.zh
                    ),
                    format!(
                        "the stated field is that of {other} ({}), not this post's {}; whether it is related the authority judges",
                        name.en, field.en
                    ),
                    Outcome::Unknown,
                )
            }
            FieldMatch::Unrecognised => (
                format!(
                    "所述领域未被识别为{}或相关领域；请用本岗位的用语说明（如“{}”）",
                    field.zh, field.zh
                ),
                format!(
                    "the stated field is not recognised as {} or a related one; state it in the post's words (such as \"{}\")",
                    field.en, field.en
                ),
                Outcome::Unknown,
            ),
        },
    };
    Condition::judged(
        rule,
        Bilingual::new(
            format!("{}，{fact_zh}", years_text.zh),
            format!("{}, {fact_en}", years_text.en),
        ),
        outcome,
    )
}

fn qualification(check: &Check, facts: &Facts) -> Condition {
    let rule = check.requirement.clone();
    match facts.professional_qualification {
        None => Condition::missing(rule),
        Some(held) => Condition::judged(
            rule,
            yes_no(held),
            if held { Outcome::Met } else { Outcome::NotMet },
        ),
    }
}

/// The post's reason: which deciding checks are met, not met, or undecided.
fn post_reason<'a>(verdict: Outcome, deciding: impl Iterator<Item = &'a Verdict>) -> Bilingual {
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for v in deciding.filter(|v| verdict == Outcome::Met || v.verdict == verdict) {
        if let VerdictKind::Check(kind) = v.kind {
            let (z, e) = kind_name(kind);
            zh.push(z);
            en.push(e);
        }
    }
    let (zh, en) = (zh.join("、"), en.join(", "));
    match verdict {
        Outcome::Met => Bilingual::new(
            format!("{zh}要求均符合；职业能力要求由申请人自行判断"),
            format!("{en}: all met; the ability requirements are left for the applicant to judge"),
        ),
        Outcome::NotMet => Bilingual::new(format!("不符合：{zh}"), format!("not met: {en}")),
        Outcome::Unknown => Bilingual::new(
            format!("待定（未提供或需主管部门判断）：{zh}"),
            format!("undecided (not given, or for the authority to judge): {en}"),
        ),
    }
}

fn kind_name(kind: CheckKind) -> (&'static str, &'static str) {
    match kind {
        CheckKind::Degree => ("学位", "degree"),
        CheckKind::Major => ("专业", "major"),
        CheckKind::Experience => ("从业经历", "experience"),
        CheckKind::Qualification => ("职业资格", "qualification"),
        CheckKind::Ability => ("职业能力", "ability"),
        CheckKind::Other => ("其他要求", "other"),
    }
}
