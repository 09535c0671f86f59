//! Eligibility (model → eligibility → web/cli): the innovation and entrepreneurship criteria of
//! Annex 1 — 4.1 (founder) and 4.2 (head of an enterprise) — with their thresholds beside the
//! clause text they come from.

use jiff::civil::Date;

use super::conditions::{measured, required, rule, zh_count};
use super::facts::{Company, Facts, Founder};
use super::threshold::{Threshold, Word};
use super::verdict::{Condition, Outcome, grouped, number};
use crate::analysis::same_name;
use crate::model::Bilingual;

/// 以拥有的重大技术发明、专利等自主知识产权或专有技术出资 (4.1 and 4.2 alike).
pub const IP_QUOTE: &str = "自主知识产权或专有技术出资";
/// Money in the clauses is written in 万 (ten thousands).
const WAN: f64 = 10_000.0;

// bj2022-a1/4.1: ……连续三年投资情况稳定、企业实际投资累计不低于50万美元、个人股份不低于30%的企业创始人。
pub const FOUNDER_MIN_INVESTMENT_USD: Threshold = Threshold::new(500_000.0, Word::BuDiYu);
pub const FOUNDER_MIN_SHARE_PERCENT: Threshold = Threshold::new(30.0, Word::BuDiYu);
/// 连续三年: three full consecutive years or more.
pub const FOUNDER_MIN_YEARS: Threshold = Threshold::new(3.0, Word::YiShang);

pub fn founder_quotes() -> Vec<String> {
    vec![
        IP_QUOTE.to_string(),
        format!("连续{}年投资情况稳定", zh_count(FOUNDER_MIN_YEARS.value)),
        format!(
            "实际投资累计{}{}万美元",
            FOUNDER_MIN_INVESTMENT_USD.word.zh(),
            number(FOUNDER_MIN_INVESTMENT_USD.value / WAN)
        ),
        format!(
            "个人股份{}{}%",
            FOUNDER_MIN_SHARE_PERCENT.word.zh(),
            number(FOUNDER_MIN_SHARE_PERCENT.value)
        ),
    ]
}

pub fn founder(facts: &Facts, _: Date) -> Vec<Condition> {
    let f = facts.founder.clone().unwrap_or_default();
    let Founder {
        investment_usd,
        share_percent,
        years_stable,
        ip_contribution,
    } = f;
    let wan = number(FOUNDER_MIN_INVESTMENT_USD.value / WAN);
    let usd = grouped(FOUNDER_MIN_INVESTMENT_USD.value);
    let investment = measured(
        rule(
            FOUNDER_MIN_INVESTMENT_USD,
            &format!("企业实际投资累计不低于{wan}万美元"),
            &format!("the enterprise's actual cumulative investment not less than USD {usd}"),
            &format!("{wan}万美元"),
            &format!("USD {usd}"),
        ),
        FOUNDER_MIN_INVESTMENT_USD,
        investment_usd,
        |x| (format!("{x}美元"), format!("USD {}", grouped_str(x))),
    );
    let pct = number(FOUNDER_MIN_SHARE_PERCENT.value);
    let share = measured(
        rule(
            FOUNDER_MIN_SHARE_PERCENT,
            &format!("个人股份不低于{pct}%"),
            &format!("a personal shareholding of not less than {pct}%"),
            &format!("{pct}%"),
            &format!("{pct}%"),
        ),
        FOUNDER_MIN_SHARE_PERCENT,
        share_percent,
        |x| (format!("{x}%"), format!("{x}%")),
    );
    let years = measured(
        years_rule(FOUNDER_MIN_YEARS, "投资情况稳定", "investment stable for"),
        FOUNDER_MIN_YEARS,
        years_stable,
        |x| (format!("{x}年"), format!("{x} years")),
    );
    vec![ip_condition(ip_contribution), years, investment, share]
}

// bj2022-a1/4.2: ……连续三年年销售额1000万元人民币以上或年纳税额100万元人民币以上的企业董事长、
// 法定代表人、总经理或首席技术专家。
pub const COMPANY_MIN_SALES_CNY: Threshold = Threshold::new(10_000_000.0, Word::YiShang);
pub const COMPANY_MIN_TAX_CNY: Threshold = Threshold::new(1_000_000.0, Word::YiShang);
pub const COMPANY_MIN_YEARS: Threshold = Threshold::new(3.0, Word::YiShang);

/// The roles 4.2 names (a closed list): the Chinese title as printed, our English, other names.
pub const ROLES: [(&str, &str, &[&str]); 4] = [
    (
        "董事长",
        "chairman",
        &["chairman of the board", "chair", "chairperson"],
    ),
    ("法定代表人", "legal representative", &["legal rep"]),
    ("总经理", "general manager", &["gm"]),
    (
        "首席技术专家",
        "chief technical expert",
        &["chief technology expert"],
    ),
];

fn roles_zh() -> String {
    let zh: Vec<&str> = ROLES.iter().map(|r| r.0).collect();
    format!("{}或{}", zh[..zh.len() - 1].join("、"), zh[zh.len() - 1])
}

pub fn company_quotes() -> Vec<String> {
    vec![
        IP_QUOTE.to_string(),
        format!("连续{}年年销售额", zh_count(COMPANY_MIN_YEARS.value)),
        format!(
            "年销售额{}万元人民币{}",
            number(COMPANY_MIN_SALES_CNY.value / WAN),
            COMPANY_MIN_SALES_CNY.word.zh()
        ),
        format!(
            "年纳税额{}万元人民币{}",
            number(COMPANY_MIN_TAX_CNY.value / WAN),
            COMPANY_MIN_TAX_CNY.word.zh()
        ),
        format!("企业{}", roles_zh()),
    ]
}

pub fn company(facts: &Facts, _: Date) -> Vec<Condition> {
    let c = facts.company.clone().unwrap_or_default();
    let Company {
        role,
        annual_sales_cny,
        annual_tax_cny,
        consecutive_years,
        ip_contribution,
    } = c;
    let years = measured(
        years_rule(
            COMPANY_MIN_YEARS,
            "年销售额或年纳税额达标",
            "sales or tax at that level for",
        ),
        COMPANY_MIN_YEARS,
        consecutive_years,
        |x| (format!("{x}年"), format!("{x} years")),
    );
    vec![
        role_condition(role.as_deref()),
        ip_condition(ip_contribution),
        turnover(annual_sales_cny, annual_tax_cny),
        years,
    ]
}

fn role_condition(role: Option<&str>) -> Condition {
    let en: Vec<&str> = ROLES.iter().map(|r| r.1).collect();
    let rule = Bilingual::new(
        format!("企业{}", roles_zh()),
        format!(
            "the enterprise's {} or {}",
            en[..en.len() - 1].join(", "),
            en[en.len() - 1]
        ),
    );
    let Some(role) = role else {
        return Condition::missing(rule);
    };
    let known = ROLES.iter().find(|(zh, en, aliases)| {
        same_name(zh, role) || same_name(en, role) || aliases.iter().any(|a| same_name(a, role))
    });
    match known {
        Some((zh, en, _)) => Condition::judged(
            rule,
            Bilingual::new(
                format!("所述职务即{zh}"),
                format!("the stated role is the {en}"),
            ),
            Outcome::Met,
        ),
        None => Condition::judged(
            rule,
            Bilingual::new(
                "所述职务不在所列职务中",
                "the stated role is not a listed one",
            ),
            Outcome::NotMet,
        ),
    }
}

/// Sales or tax: either suffices.
fn turnover(sales: Option<f64>, tax: Option<f64>) -> Condition {
    let s = number(COMPANY_MIN_SALES_CNY.value / WAN);
    let t = number(COMPANY_MIN_TAX_CNY.value / WAN);
    let sales_rule = rule(
        COMPANY_MIN_SALES_CNY,
        &format!("年销售额{s}万元人民币以上"),
        &format!(
            "annual sales of RMB {} or more",
            grouped(COMPANY_MIN_SALES_CNY.value)
        ),
        &format!("{s}万元"),
        &format!("RMB {}", grouped(COMPANY_MIN_SALES_CNY.value)),
    );
    let tax_rule = rule(
        COMPANY_MIN_TAX_CNY,
        &format!("年纳税额{t}万元人民币以上"),
        &format!(
            "annual tax paid of RMB {} or more",
            grouped(COMPANY_MIN_TAX_CNY.value)
        ),
        &format!("{t}万元"),
        &format!("RMB {}", grouped(COMPANY_MIN_TAX_CNY.value)),
    );
    let rule = Bilingual::new(
        format!("{}或{}", sales_rule.zh, tax_rule.zh),
        format!("{} or {}", sales_rule.en, tax_rule.en),
    );
    if sales.is_none() && tax.is_none() {
        return Condition::missing(rule);
    }
    let part = |label_zh: &str, label_en: &str, value: Option<f64>| match value {
        Some(x) => (
            format!("{label_zh}{}元", number(x)),
            format!("{label_en} RMB {}", grouped(x)),
        ),
        None => (format!("{label_zh}未提供"), format!("{label_en} not given")),
    };
    let (sz, se) = part("年销售额", "annual sales", sales);
    let (tz, te) = part("年纳税额", "annual tax", tax);
    let judge = |t: Threshold, v: Option<f64>| v.map_or(Outcome::Unknown, |x| t.judge(x));
    let outcome = Outcome::any([
        judge(COMPANY_MIN_SALES_CNY, sales),
        judge(COMPANY_MIN_TAX_CNY, tax),
    ]);
    Condition::judged(
        rule,
        Bilingual::new(format!("{sz}，{tz}"), format!("{se}, {te}")),
        outcome,
    )
}

fn ip_condition(value: Option<bool>) -> Condition {
    required(
        Bilingual::new(
            format!("以拥有的重大技术发明、专利等{IP_QUOTE}"),
            "capital contributed as the applicant's own inventions, patents or proprietary technology",
        ),
        value,
    )
}

fn years_rule(t: Threshold, what_zh: &str, what_en: &str) -> Bilingual {
    let n = number(t.value);
    rule(
        t,
        &format!("连续{}年{what_zh}", zh_count(t.value)),
        &format!("{what_en} {n} consecutive years"),
        &format!("满{n}年"),
        &format!("{n} years"),
    )
}

/// `measured` hands facts over as printed numbers; group an English one.
fn grouped_str(x: &str) -> String {
    x.parse().map_or_else(|_| x.to_string(), grouped)
}
