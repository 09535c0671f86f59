//! Eligibility (model → eligibility → web/cli): building a rule's conditions — a threshold quoted
//! with whether its number counts, an optional number or yes/no fact judged against it. Shared by
//! every criterion module, which import this and never each other.

use super::facts::Facts;
use super::threshold::Threshold;
use super::verdict::{Condition, Outcome, number, yes_no};
use crate::model::{Bilingual, chinese_numeral};

/// A rule quoted with whether its number counts: `40岁以下（含40岁）`.
pub(crate) fn rule(t: Threshold, zh: &str, en: &str, qty_zh: &str, qty_en: &str) -> Bilingual {
    let (note_zh, note_en) = t.note(qty_zh, qty_en);
    Bilingual::new(format!("{zh}{note_zh}"), format!("{en}{note_en}"))
}

/// Judge an optional number against a threshold; `fact` writes the number in each language.
pub(crate) fn measured(
    rule: Bilingual,
    t: Threshold,
    value: Option<f64>,
    fact: impl Fn(&str) -> (String, String),
) -> Condition {
    match value {
        None => Condition::missing(rule),
        Some(x) => {
            let (zh, en) = fact(&number(x));
            Condition::judged(rule, Bilingual::new(zh, en), t.judge(x))
        }
    }
}

/// Judge an optional yes/no fact that must be yes.
pub(crate) fn required(rule: Bilingual, value: Option<bool>) -> Condition {
    match value {
        None => Condition::missing(rule),
        Some(b) => Condition::judged(
            rule,
            yes_no(b),
            if b { Outcome::Met } else { Outcome::NotMet },
        ),
    }
}

/// "三" for 3: how the clauses write small counts of years.
pub(crate) fn zh_count(n: f64) -> String {
    chinese_numeral(n as u32).unwrap_or_else(|| number(n))
}

/// `40岁以下`: how the clauses print an age bound.
pub(crate) fn age_quote(t: Threshold) -> String {
    format!("{}岁{}", number(t.value), t.word.zh())
}

/// The applicant's age against an age bound.
pub(crate) fn age_condition(t: Threshold, facts: &Facts) -> Condition {
    let n = number(t.value);
    let rule = rule(
        t,
        &format!("{n}岁{}", t.word.zh()),
        &format!("aged {n} or under"),
        &format!("{n}岁"),
        &n,
    );
    measured(rule, t, facts.age.map(|a| a as f64), |x| {
        (format!("年龄{x}"), format!("age {x}"))
    })
}
