//! Eligibility (model → eligibility → web/cli): verdicts and how they are reasoned. A verdict rests
//! on conditions, each quoting its rule and the fact it was judged on, in both languages.

use serde::Serialize;

pub use crate::model::Outcome;
use crate::model::{Bilingual, CheckKind, Degree};

/// `（符合）` / ` (met)`: the outcome marked after a condition's fact.
fn mark(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Met => ("（符合）", " (met)"),
        Outcome::NotMet => ("（不符合）", " (not met)"),
        Outcome::Unknown => ("（待定）", " (undecided)"),
    }
}

/// Which Category A criterion a verdict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    /// 2.1 and 2.2: awards.
    Award,
    /// 3.9: salary at least six times the average.
    Salary,
    /// 4.1: founder.
    Founder,
    /// 4.2: head of an enterprise.
    Enterprise,
    /// 5.1: postdoc.
    Postdoc,
    /// 5.2: young STEM doctorate.
    Doctorate,
    /// 6: points.
    Points,
    /// A criterion only the applicant can attest (a role, a membership, a position held),
    /// answered with `meets`.
    Attested,
}

/// A verdict's kind: a post check's kind or a criterion's. Serialised as the bare word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum VerdictKind {
    Check(CheckKind),
    Criterion(CriterionKind),
}

/// `{"id", "kind", "verdict", "in_force", "reason": {zh, en}}`.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Verdict {
    /// The clause the verdict rests on.
    pub id: String,
    pub kind: VerdictKind,
    pub verdict: Outcome,
    /// Whether the clause's document is in force on `as_of`. A verdict under a lapsed rule keeps
    /// its verdict, says so in its reason, and never counts toward the summary.
    pub in_force: bool,
    pub reason: Bilingual,
    /// How far the facts got: conditions met and conditions not given (to rank open criteria).
    #[serde(skip)]
    pub progress: Progress,
}

/// Conditions met and conditions whose fact was not given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub met: usize,
    pub missing: usize,
}

/// One condition of a rule: what the rule says, what the applicant said, and the outcome.
#[derive(Debug, Clone)]
pub struct Condition {
    pub rule: Bilingual,
    /// `None` when the fact was not given.
    pub fact: Option<Bilingual>,
    pub outcome: Outcome,
}

impl Condition {
    /// A condition whose fact was not given.
    pub fn missing(rule: Bilingual) -> Self {
        Self {
            rule,
            fact: None,
            outcome: Outcome::Unknown,
        }
    }

    pub fn judged(rule: Bilingual, fact: Bilingual, outcome: Outcome) -> Self {
        Self {
            rule,
            fact: Some(fact),
            outcome,
        }
    }

    /// `rule：fact（mark）` / `rule: fact (mark)`.
    pub fn reason(&self) -> Bilingual {
        let (mark_zh, mark_en) = mark(self.outcome);
        match &self.fact {
            Some(f) => Bilingual::new(
                format!("{}：{}{mark_zh}", self.rule.zh, f.zh),
                format!("{}: {}{mark_en}", self.rule.en, f.en),
            ),
            None => Bilingual::new(
                format!("{}：未提供", self.rule.zh),
                format!("{}: not given", self.rule.en),
            ),
        }
    }
}

/// The verdict of conditions that must all hold, its reason listing each in turn.
pub fn all_of(id: &str, kind: VerdictKind, conditions: &[Condition]) -> Verdict {
    let reasons: Vec<Bilingual> = conditions.iter().map(Condition::reason).collect();
    Verdict {
        id: id.to_string(),
        kind,
        verdict: Outcome::all(conditions.iter().map(|c| c.outcome)),
        in_force: true,
        reason: join(&reasons),
        progress: Progress {
            met: conditions
                .iter()
                .filter(|c| c.outcome == Outcome::Met)
                .count(),
            missing: conditions.iter().filter(|c| c.fact.is_none()).count(),
        },
    }
}

/// Join reasons: `；` in Chinese, `; ` in English.
pub fn join(reasons: &[Bilingual]) -> Bilingual {
    let zh: Vec<&str> = reasons.iter().map(|r| r.zh.as_str()).collect();
    let en: Vec<&str> = reasons.iter().map(|r| r.en.as_str()).collect();
    Bilingual::new(zh.join("；"), en.join("; "))
}

/// "是"/"yes" or "否"/"no".
pub fn yes_no(b: bool) -> Bilingual {
    if b {
        Bilingual::new("是", "yes")
    } else {
        Bilingual::new("否", "no")
    }
}

/// A number with its thousands grouped for English: 500000 → "500,000", 1234.5 → "1,234.5".
pub fn grouped(x: f64) -> String {
    let text = number(x);
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The applicant's degree as a fact: 博士 / "a doctoral degree".
pub fn degree_fact(d: Degree) -> Bilingual {
    let names = d.names();
    match d {
        Degree::None => names,
        _ => Bilingual::new(names.zh, format!("a {} degree", names.en)),
    }
}

/// A number as people write it: no trailing `.0`, thousands unseparated.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_people_write_them() {
        assert_eq!(number(6.0), "6");
        assert_eq!(number(5.99), "5.99");
        assert_eq!(grouped(500_000.0), "500,000");
        assert_eq!(grouped(999_999.0), "999,999");
        assert_eq!(grouped(10_000_000.0), "10,000,000");
        assert_eq!(grouped(1234.5), "1,234.5");
        assert_eq!(grouped(12.0), "12");
    }
}
