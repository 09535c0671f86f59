//! Eligibility (model → eligibility → web/cli): verdicts and how they are reasoned. A verdict rests
//! on conditions, each quoting its rule and the fact it was judged on, in both languages.

use serde::Serialize;

use crate::model::{Bilingual, CheckKind, Degree};

pub use crate::model::Outcome;

impl Outcome {
    fn mark(self) -> (&'static str, &'static str) {
        match self {
            Outcome::Met => ("（符合）", " (met)"),
            Outcome::NotMet => ("（不符合）", " (not met)"),
            Outcome::Unknown => ("（待定）", " (undecided)"),
        }
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
}

/// A verdict's kind: a post check's kind or a criterion's. Serialised as the bare word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum VerdictKind {
    Check(CheckKind),
    Criterion(CriterionKind),
}

/// `{"id", "kind", "verdict", "reason": {zh, en}}`.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Verdict {
    /// The clause the verdict rests on.
    pub id: String,
    pub kind: VerdictKind,
    pub verdict: Outcome,
    pub reason: Bilingual,
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
        let (mark_zh, mark_en) = self.outcome.mark();
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
        reason: join(&reasons),
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

    #[test]
    fn outcomes_combine_all_and_any() {
        use Outcome::*;
        assert_eq!(Outcome::all([Met, Met]), Met);
        assert_eq!(Outcome::all([Met, Unknown]), Unknown);
        assert_eq!(Outcome::all([Unknown, NotMet]), NotMet);
        assert_eq!(Outcome::any([NotMet, Met]), Met);
        assert_eq!(Outcome::any([NotMet, Unknown]), Unknown);
        assert_eq!(Outcome::any([NotMet, NotMet]), NotMet);
    }
}
