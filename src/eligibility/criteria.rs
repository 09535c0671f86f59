//! Eligibility (model → eligibility → web/cli): the Category A criteria of Annex 1 that facts can
//! decide — 3.9 (salary), 5.1 (postdoc), 5.2 (young STEM doctorate), 6 (points) here, 4.1 and 4.2
//! (founder, enterprise head) in `enterprise`. Each threshold sits beside the clause it comes
//! from, with the words the clause prints it in; `evaluate` refuses a corpus whose text no longer
//! says them, so the constants and the text cannot drift apart unnoticed.

use jiff::civil::Date;

use super::EligibilityError;
use super::enterprise;
use super::facts::Facts;
use super::threshold::{Threshold, Word};
use super::verdict::{Condition, CriterionKind, Outcome, yes_no};
use super::verdict::{Verdict, VerdictKind, all_of, degree_fact, number};
use crate::model::{Bilingual, Corpus, Degree, chinese_numeral};

/// One criterion: its clause, kind, the words its constants assume the clause prints, and how
/// facts are judged against it.
pub struct Criterion {
    pub id: &'static str,
    pub kind: CriterionKind,
    /// Fragments of the clause's Chinese text (title if it has no text) the rule rests on.
    pub quotes: fn() -> Vec<String>,
    pub judge: fn(&Facts, Date) -> Vec<Condition>,
}

/// Every non-award criterion, in document order (awards 2.1 and 2.2 come from the award list).
pub const CRITERIA: [Criterion; 6] = [
    Criterion {
        id: "bj2022-a1/3.9",
        kind: CriterionKind::Salary,
        quotes: salary_quotes,
        judge: salary,
    },
    Criterion {
        id: "bj2022-a1/4.1",
        kind: CriterionKind::Founder,
        quotes: enterprise::founder_quotes,
        judge: enterprise::founder,
    },
    Criterion {
        id: "bj2022-a1/4.2",
        kind: CriterionKind::Enterprise,
        quotes: enterprise::company_quotes,
        judge: enterprise::company,
    },
    Criterion {
        id: "bj2022-a1/5.1",
        kind: CriterionKind::Postdoc,
        quotes: postdoc_quotes,
        judge: postdoc,
    },
    Criterion {
        id: "bj2022-a1/5.2",
        kind: CriterionKind::Doctorate,
        quotes: doctorate_quotes,
        judge: doctorate,
    },
    Criterion {
        id: "bj2022-a1/6",
        kind: CriterionKind::Points,
        quotes: points_quotes,
        judge: points,
    },
];

impl Criterion {
    /// The verdict, after checking that the corpus still says what the rule assumes.
    pub fn evaluate(
        &self,
        corpus: &Corpus,
        facts: &Facts,
        as_of: Date,
    ) -> Result<Verdict, EligibilityError> {
        let clause = corpus
            .clause(self.id)
            .ok_or_else(|| EligibilityError::RuleDrift {
                id: self.id.to_string(),
                expected: "the clause itself".to_string(),
            })?;
        for quote in (self.quotes)() {
            if !clause.text.zh.contains(&quote) {
                return Err(EligibilityError::RuleDrift {
                    id: self.id.to_string(),
                    expected: quote,
                });
            }
        }
        let conditions = (self.judge)(facts, as_of);
        Ok(all_of(
            self.id,
            VerdictKind::Criterion(self.kind),
            &conditions,
        ))
    }
}

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

// bj2022-a1/3.9: 平均工资收入不低于本地区上年度……平均工资收入6倍。
pub const SALARY_MULTIPLE: Threshold = Threshold::new(6.0, Word::BuDiYu);

fn salary_quotes() -> Vec<String> {
    vec![
        format!("平均工资收入{}", SALARY_MULTIPLE.word.zh()),
        format!("{}倍", number(SALARY_MULTIPLE.value)),
    ]
}

fn salary(facts: &Facts, _: Date) -> Vec<Condition> {
    let n = number(SALARY_MULTIPLE.value);
    let rule = rule(
        SALARY_MULTIPLE,
        &format!("平均工资收入不低于本地区上年度平均工资的{n}倍"),
        &format!(
            "average salary not lower than {n} times the region's average wage of the previous year"
        ),
        &format!("{n}倍"),
        &format!("{n} times"),
    );
    vec![measured(
        rule,
        SALARY_MULTIPLE,
        facts.salary_multiple,
        |x| (format!("{x}倍"), format!("{x} times")),
    )]
}

// bj2022-a1/5.1: 40岁以下……从事博士后研究的青年人才。
pub const POSTDOC_MAX_AGE: Threshold = Threshold::new(40.0, Word::YiXia);

fn postdoc_quotes() -> Vec<String> {
    vec![age_quote(POSTDOC_MAX_AGE), "从事博士后研究".to_string()]
}

fn age_quote(t: Threshold) -> String {
    format!("{}岁{}", number(t.value), t.word.zh())
}

fn age_condition(t: Threshold, facts: &Facts) -> Condition {
    let n = number(t.value);
    let rule = rule(
        t,
        &format!("{n}岁{}", t.word.zh()),
        &format!("under {n}"),
        &format!("{n}岁"),
        &n,
    );
    measured(rule, t, facts.age.map(|a| a as f64), |x| {
        (format!("年龄{x}"), format!("age {x}"))
    })
}

fn postdoc(facts: &Facts, _: Date) -> Vec<Condition> {
    vec![
        age_condition(POSTDOC_MAX_AGE, facts),
        required(
            Bilingual::new("从事博士后研究", "engaged in postdoctoral research"),
            facts.postdoc,
        ),
    ]
}

// bj2022-a1/5.2: 近五年毕业于世界排名前200名大学且年龄在40岁以下的……（STEM）领域专业博士。
pub const DOCTORATE_MAX_AGE: Threshold = Threshold::new(40.0, Word::YiXia);
/// 前200名: the 200th is among the top 200.
pub const DOCTORATE_MAX_RANK: Threshold = Threshold::new(200.0, Word::YiNei);
/// 近五年, counted back from `as_of` in whole years: a doctorate of as_of's year minus five counts.
pub const DOCTORATE_RECENT_YEARS: Threshold = Threshold::new(5.0, Word::YiNei);

fn doctorate_quotes() -> Vec<String> {
    vec![
        format!("近{}年毕业", zh_count(DOCTORATE_RECENT_YEARS.value)),
        format!("世界排名前{}名大学", number(DOCTORATE_MAX_RANK.value)),
        age_quote(DOCTORATE_MAX_AGE),
        "（STEM）领域专业博士".to_string(),
    ]
}

fn doctorate(facts: &Facts, as_of: Date) -> Vec<Condition> {
    let degree = match facts.degree {
        None => Condition::missing(Bilingual::new("博士学位", "a doctorate")),
        Some(d) => Condition::judged(
            Bilingual::new("博士学位", "a doctorate"),
            degree_fact(d),
            if d == Degree::Doctorate {
                Outcome::Met
            } else {
                Outcome::NotMet
            },
        ),
    };
    let stem = required(
        Bilingual::new(
            "科学、技术、工程、数学（STEM）领域专业",
            "in a science, technology, engineering or mathematics (STEM) field",
        ),
        facts.stem,
    );
    let r = number(DOCTORATE_MAX_RANK.value);
    let rank = measured(
        rule(
            DOCTORATE_MAX_RANK,
            &format!("毕业于世界排名前{r}名大学"),
            &format!("from a university in the world's top {r}"),
            &format!("第{r}名"),
            &format!("rank {r}"),
        ),
        DOCTORATE_MAX_RANK,
        facts.phd_university_rank.map(|x| x as f64),
        |x| (format!("第{x}名"), format!("rank {x}")),
    );
    vec![
        degree,
        stem,
        rank,
        graduation(facts, as_of),
        age_condition(DOCTORATE_MAX_AGE, facts),
    ]
}

fn graduation(facts: &Facts, as_of: Date) -> Condition {
    let t = DOCTORATE_RECENT_YEARS;
    let n = number(t.value);
    let earliest = i64::from(as_of.year()) - t.value as i64;
    let rule = Bilingual::new(
        format!(
            "近{}年毕业（自{as_of}倒推，{earliest}年及以后毕业）",
            zh_count(t.value)
        ),
        format!(
            "graduated in the last {n} years (counted back from {as_of}: in {earliest} or later)"
        ),
    );
    match facts.phd_graduation_year {
        None => Condition::missing(rule),
        Some(year) => {
            let since = i64::from(as_of.year()) - year;
            Condition::judged(
                rule,
                Bilingual::new(
                    format!("{year}年毕业，距{}年{since}年", as_of.year()),
                    format!("graduated in {year}, {since} years before {}", as_of.year()),
                ),
                t.judge(since as f64),
            )
        }
    }
}

// bj2022-a1/6: 计点积分在85分以上的。
pub const MIN_POINTS: Threshold = Threshold::new(85.0, Word::YiShang);

fn points_quotes() -> Vec<String> {
    vec![format!(
        "{}分{}",
        number(MIN_POINTS.value),
        MIN_POINTS.word.zh()
    )]
}

fn points(facts: &Facts, _: Date) -> Vec<Condition> {
    let n = number(MIN_POINTS.value);
    let rule = rule(
        MIN_POINTS,
        &format!("计点积分在{n}分以上"),
        &format!("a points-based score of {n} or above"),
        &format!("{n}分"),
        &format!("{n} points"),
    );
    vec![measured(rule, MIN_POINTS, facts.points, |x| {
        (format!("{x}分"), format!("{x} points"))
    })]
}
