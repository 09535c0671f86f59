//! Eligibility (model → eligibility → web/cli): the Category A criteria that facts decide by
//! number — 3.9 (salary), 5.1 and national 5 (postdoc), 5.2 (young STEM doctorate), 6 (points)
//! here, 4.1 and 4.2 in `enterprise` — each threshold beside the clause it comes from, with the
//! words the clause prints it in, so `criteria` can refuse a corpus whose text no longer says them.

use jiff::civil::Date;

use super::conditions::{age_condition, age_quote, measured, required, rule, zh_count};
use super::enterprise;
use super::facts::{Facts, PostdocInstitution};
use super::threshold::{Threshold, Word};
use super::verdict::{Condition, CriterionKind, Outcome, degree_fact, number};
use crate::model::{Bilingual, Degree};

/// A criterion decided by facts: the clauses it applies to, its kind, the words its constants
/// assume the clause prints, and how facts are judged against it.
pub struct Rule {
    pub ids: &'static [&'static str],
    pub kind: CriterionKind,
    /// Fragments of the clause's Chinese text (or title) the rule rests on.
    pub quotes: fn() -> Vec<String>,
    pub judge: fn(&Facts, Date) -> Vec<Condition>,
    /// The facts that answer it, for the reason of a criterion nobody answered.
    pub facts: &'static [&'static str],
}

/// Every criterion facts decide by number, in document order (2.1 and 2.2 come from the award
/// list; the rest of Annex 1 and the national criteria are attested with `meets`).
pub const RULES: [Rule; 7] = [
    Rule {
        ids: &["bj2022-a1/3.9", "cn2017-a/3.9"],
        kind: CriterionKind::Salary,
        quotes: salary_quotes,
        judge: salary,
        facts: &["salary_multiple"],
    },
    Rule {
        ids: &["bj2022-a1/4.1", "cn2017-a/4.1"],
        kind: CriterionKind::Founder,
        quotes: enterprise::founder_quotes,
        judge: enterprise::founder,
        facts: &["founder"],
    },
    Rule {
        ids: &["bj2022-a1/4.2", "cn2017-a/4.2"],
        kind: CriterionKind::Enterprise,
        quotes: enterprise::company_quotes,
        judge: enterprise::company,
        facts: &["company"],
    },
    Rule {
        ids: &["bj2022-a1/5.1"],
        kind: CriterionKind::Postdoc,
        quotes: postdoc_quotes,
        judge: postdoc_beijing,
        facts: &["age", "postdoc", "postdoc_institution"],
    },
    Rule {
        ids: &["cn2017-a/5"],
        kind: CriterionKind::Postdoc,
        quotes: postdoc_quotes,
        judge: postdoc_national,
        facts: &["age", "postdoc", "postdoc_institution"],
    },
    Rule {
        ids: &["bj2022-a1/5.2"],
        kind: CriterionKind::Doctorate,
        quotes: doctorate_quotes,
        judge: doctorate,
        facts: &[
            "degree",
            "stem",
            "phd_university_rank",
            "phd_graduation_year",
            "age",
        ],
    },
    Rule {
        ids: &["bj2022-a1/6", "cn2017-a/6"],
        kind: CriterionKind::Points,
        quotes: points_quotes,
        judge: points,
        facts: &["points"],
    },
];

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

// bj2022-a1/5.1: 40岁以下在国内外高校、科研机构、企业、医疗卫生机构从事博士后研究的青年人才。
// cn2017-a/5: 40岁以下在国（境）外高水平大学或中国境内高校从事博士后研究的青年人才。
pub const POSTDOC_MAX_AGE: Threshold = Threshold::new(40.0, Word::YiXia);

fn postdoc_quotes() -> Vec<String> {
    vec![age_quote(POSTDOC_MAX_AGE), "从事博士后研究".to_string()]
}

/// Beijing admits universities at home and abroad, research institutions, enterprises and
/// medical institutions: every kind there is.
fn postdoc_beijing(facts: &Facts, _: Date) -> Vec<Condition> {
    let place = Bilingual::new(
        "在国内外高校、科研机构、企业、医疗卫生机构",
        "at a higher education institution, research institution, enterprise or medical and health institution in China or abroad",
    );
    postdoc(facts, place, |_| Outcome::Met)
}

/// The national item admits only high-level universities abroad and higher-education
/// institutions in China; whether a university abroad is high-level the authority judges.
fn postdoc_national(facts: &Facts, _: Date) -> Vec<Condition> {
    let place = Bilingual::new(
        "在国（境）外高水平大学或中国境内高校",
        "at a high-level university abroad or a higher-education institution in China",
    );
    postdoc(facts, place, |kind| match kind {
        PostdocInstitution::UniversityAbroadHighLevel | PostdocInstitution::UniversityChina => {
            Outcome::Met
        }
        PostdocInstitution::UniversityAbroad => Outcome::Unknown,
        _ => Outcome::NotMet,
    })
}

fn postdoc(
    facts: &Facts,
    place: Bilingual,
    admits: fn(PostdocInstitution) -> Outcome,
) -> Vec<Condition> {
    let institution = match facts.postdoc_institution {
        None => Condition::missing(place),
        Some(kind) => Condition::judged(place, kind.names(), admits(kind)),
    };
    vec![
        age_condition(POSTDOC_MAX_AGE, facts),
        required(
            Bilingual::new("从事博士后研究", "engaged in postdoctoral research"),
            facts.postdoc,
        ),
        institution,
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
