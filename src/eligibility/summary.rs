//! Eligibility (model → eligibility → web/cli): what the verdicts mean, per article 一 of the
//! notice — Annex 1 and the national criteria lead to Category A (外国高端人才), Annex 2's posts to
//! Category B (外国专业人才). Only verdicts in force on `as_of` count; what held while Beijing's
//! trial ran is said apart; every summary says it is not an official determination.

use jiff::civil::Date;
use serde::Serialize;

use super::posts::PostVerdict;
use super::verdict::{Outcome, Verdict};
use crate::model::Bilingual;

/// How many open criteria the text names as the most worth answering.
pub const OPEN_NAMED: usize = 3;

/// Said in every answer, in both languages.
pub const NOT_OFFICIAL_ZH: &str =
    "本结果依据申请人自述事实自动生成，仅供参考，不是官方认定；能否获批以主管部门审批为准。";
pub const NOT_OFFICIAL_EN: &str = "This result is computed from the facts the applicant states; it is not an official determination, and only the authority decides an application.";

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Summary {
    pub category_a: CategoryA,
    pub category_b: CategoryB,
    pub text: Bilingual,
}

/// Category A (外国高端人才): `met` if one in-force criterion is met, `not_met` if every in-force
/// criterion is not met (and there is one), else `unknown`.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CategoryA {
    pub verdict: Outcome,
    /// The in-force criteria met.
    pub met_by: Vec<String>,
    /// The in-force criteria still open, the most worth answering first.
    pub open: Vec<String>,
}

/// Category B (外国专业人才), over Annex 2's posts, likewise.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CategoryB {
    pub verdict: Outcome,
    pub posts_met: Vec<String>,
    pub posts_open: Vec<String>,
}

/// Met if one is met; not met if there are some and all are not met; else unknown (also when
/// nothing is in force: an empty list decides nothing).
fn overall(verdicts: &[Outcome]) -> Outcome {
    if verdicts.is_empty() {
        Outcome::Unknown
    } else {
        Outcome::any(verdicts.iter().copied())
    }
}

/// The summary; `trial_end` is the last day of the lapsed documents' trial, if any lapsed.
pub fn summarize(criteria: &[Verdict], posts: &[PostVerdict], trial_end: Option<Date>) -> Summary {
    let live: Vec<&Verdict> = criteria.iter().filter(|v| v.in_force).collect();
    let met_by: Vec<String> = ids(live.iter().copied().filter(|v| v.verdict == Outcome::Met));
    let mut open: Vec<&Verdict> = live
        .iter()
        .copied()
        .filter(|v| v.verdict == Outcome::Unknown)
        .collect();
    // Most worth answering: fewest facts missing, then most conditions already met.
    open.sort_by_key(|v| (v.progress.missing, std::cmp::Reverse(v.progress.met)));
    let category_a = CategoryA {
        verdict: overall(&live.iter().map(|v| v.verdict).collect::<Vec<_>>()),
        met_by,
        open: ids(open.into_iter()),
    };
    let live_posts: Vec<&PostVerdict> = posts.iter().filter(|p| p.in_force).collect();
    let category_b = CategoryB {
        verdict: overall(&live_posts.iter().map(|p| p.verdict).collect::<Vec<_>>()),
        posts_met: live_posts
            .iter()
            .filter(|p| p.verdict == Outcome::Met)
            .map(|p| p.id.clone())
            .collect(),
        posts_open: live_posts
            .iter()
            .filter(|p| p.verdict == Outcome::Unknown)
            .map(|p| p.id.clone())
            .collect(),
    };
    let lapsed_met: Vec<String> = criteria
        .iter()
        .filter(|v| !v.in_force && v.verdict == Outcome::Met)
        .map(|v| v.id.clone())
        .chain(
            posts
                .iter()
                .filter(|p| !p.in_force && p.verdict == Outcome::Met)
                .map(|p| p.id.clone()),
        )
        .collect();
    let posts_lapsed = live_posts.is_empty() && !posts.is_empty();
    let text = text(
        &category_a,
        &category_b,
        posts_lapsed,
        &lapsed_met,
        trial_end,
    );
    Summary {
        category_a,
        category_b,
        text,
    }
}

fn ids<'a>(verdicts: impl Iterator<Item = &'a Verdict>) -> Vec<String> {
    verdicts.map(|v| v.id.clone()).collect()
}

fn text(
    a: &CategoryA,
    b: &CategoryB,
    posts_lapsed: bool,
    lapsed_met: &[String],
    trial_end: Option<Date>,
) -> Bilingual {
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    let named = |ids: &[String]| ids.iter().take(OPEN_NAMED).cloned().collect::<Vec<_>>();
    match a.verdict {
        Outcome::Met => {
            zh.push(format!(
                "外国高端人才（A类）：按现行有效的标准符合，依据{}。",
                a.met_by.join("、")
            ));
            en.push(format!(
                "Category A (foreign high-end talent): met under the rules in force, by {}.",
                a.met_by.join(", ")
            ));
        }
        Outcome::NotMet => {
            zh.push("外国高端人才（A类）：现行有效的标准均不符合。".to_string());
            en.push(
                "Category A (foreign high-end talent): no criterion in force is met.".to_string(),
            );
        }
        Outcome::Unknown => {
            let first = named(&a.open);
            zh.push(format!(
                "外国高端人才（A类）：尚待确定，有{}项标准待回答，最值得先回答：{}。",
                a.open.len(),
                first.join("、")
            ));
            en.push(format!(
                "Category A (foreign high-end talent): undecided; {} criteria are open, the most worth answering first: {}.",
                a.open.len(),
                first.join(", ")
            ));
        }
    }
    if posts_lapsed {
        zh.push("外国专业人才（B类）：附件2岗位目录在判断日期已不在试行期内，不能据此判断；全国B类标准不在本工具的资料中。".to_string());
        en.push("Category B (foreign professional talent): Annex 2's posts are outside their trial period on this date, so they decide nothing; the national Category B criteria are not in our sources.".to_string());
    } else {
        match b.verdict {
            Outcome::Met => {
                zh.push(format!(
                    "外国专业人才（B类）：符合岗位{}。",
                    b.posts_met.join("、")
                ));
                en.push(format!(
                    "Category B (foreign professional talent): met for {}.",
                    b.posts_met.join(", ")
                ));
            }
            Outcome::NotMet => {
                zh.push("外国专业人才（B类）：所有岗位均不符合。".to_string());
                en.push("Category B (foreign professional talent): no post is met.".to_string());
            }
            Outcome::Unknown => {
                zh.push(format!(
                    "外国专业人才（B类）：{}个岗位待定。",
                    b.posts_open.len()
                ));
                en.push(format!(
                    "Category B (foreign professional talent): {} posts are undecided.",
                    b.posts_open.len()
                ));
            }
        }
    }
    if let (false, Some(end)) = (lapsed_met.is_empty(), trial_end) {
        zh.push(format!(
            "北京试行期内（至{end}）曾符合：{}；试行期已结束，不计入以上结论。",
            lapsed_met.join("、")
        ));
        en.push(format!(
            "While Beijing's trial ran (to {end}) these were met: {}; the trial has ended, so they do not count above.",
            lapsed_met.join(", ")
        ));
    }
    zh.push(NOT_OFFICIAL_ZH.to_string());
    en.push(NOT_OFFICIAL_EN.to_string());
    Bilingual::new(zh.concat(), en.join(" "))
}
