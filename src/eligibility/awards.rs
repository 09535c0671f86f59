//! Eligibility (model → eligibility → web/cli): the award clauses 2.1 and 2.2 of Annex 1, decided
//! from the applicant's `awards` against the list in `corpus/awards.toml` (compiled in).

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::EligibilityError;
use super::names::{name_key, same_name};
use super::verdict::{Condition, CriterionKind, Outcome, Verdict, VerdictKind, all_of};
use crate::model::{Bilingual, Clause};

const AWARDS_TOML: &str = include_str!("../../corpus/awards.toml");

/// The award list: awards the clauses name, vague family names, and open categories.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwardList {
    #[serde(rename = "award")]
    pub awards: Vec<Award>,
    pub vague: Vec<Vague>,
    pub open: Vec<Open>,
    /// Every award name's comparable key and the award it names, built on load.
    #[serde(skip)]
    award_keys: HashMap<String, usize>,
    #[serde(skip)]
    vague_keys: HashMap<String, usize>,
    #[serde(skip)]
    vague_contains: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub clause: String,
    pub zh: String,
    pub en: String,
    /// The words as the clause prints them, where it shortens the name.
    #[serde(default)]
    pub printed: Option<Pair>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Award {
    /// Every name the award is known by.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.zh.as_str(), self.en.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// The words the clause prints for it.
    pub fn printed(&self) -> Bilingual {
        self.printed
            .as_ref()
            .map_or_else(|| Bilingual::new(&self.zh, &self.en), Pair::bilingual)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vague {
    pub clause: String,
    pub names: Vec<String>,
    pub contains: Vec<String>,
    pub note: Pair,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Open {
    pub clause: String,
    pub zh: String,
    pub en: String,
}

/// A `{ zh, en }` pair as the TOML writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub zh: String,
    pub en: String,
}

impl Pair {
    pub fn bilingual(&self) -> Bilingual {
        Bilingual::new(&self.zh, &self.en)
    }
}

static LIST: LazyLock<Result<AwardList, String>> = LazyLock::new(|| {
    let mut list: AwardList = toml::from_str(AWARDS_TOML).map_err(|e| e.to_string())?;
    list.index();
    Ok(list)
});

/// The compiled-in award list.
pub fn award_list() -> Result<&'static AwardList, EligibilityError> {
    LIST.as_ref()
        .map_err(|problem| EligibilityError::AwardList {
            problem: problem.clone(),
        })
}

/// How one award the applicant gave reads against the list.
#[derive(Debug, Clone, Copy)]
pub enum Match<'a> {
    Award(&'a Award),
    Vague(&'a Vague),
    Unrecognised,
}

impl AwardList {
    /// The clauses the list decides, in order (bj2022-a1/2.1, bj2022-a1/2.2).
    pub fn clauses(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.awards.iter().map(|a| a.clause.as_str()).collect();
        ids.dedup();
        ids
    }

    /// Build the name lookups (the first entry to claim a name keeps it; a test forbids clashes).
    fn index(&mut self) {
        for (i, award) in self.awards.iter().enumerate() {
            for name in award.names() {
                self.award_keys.entry(name_key(name)).or_insert(i);
            }
        }
        for (i, vague) in self.vague.iter().enumerate() {
            for name in &vague.names {
                self.vague_keys.entry(name_key(name)).or_insert(i);
            }
            self.vague_contains
                .extend(vague.contains.iter().map(|c| (name_key(c), i)));
        }
    }

    /// What one award the applicant gave is: a listed award, a vague family name, or neither.
    pub fn classify(&self, given: &str) -> Match<'_> {
        let key = name_key(given);
        if let Some(&i) = self.award_keys.get(&key) {
            return Match::Award(&self.awards[i]);
        }
        self.vague_keys
            .get(&key)
            .copied()
            .or_else(|| {
                self.vague_contains
                    .iter()
                    .find(|(part, _)| key.contains(part.as_str()))
                    .map(|&(_, i)| i)
            })
            .map_or(Match::Unrecognised, |i| Match::Vague(&self.vague[i]))
    }

    /// The verdict of one award clause on the awards given.
    pub fn verdict(&self, clause: &Clause, given: &[String]) -> Verdict {
        let open: Vec<&Open> = self.open.iter().filter(|o| o.clause == clause.id).collect();
        let rule = self.rule(clause, &open);
        let kind = VerdictKind::Criterion(CriterionKind::Award);
        if given.is_empty() {
            return all_of(&clause.id, kind, &[Condition::missing(rule)]);
        }
        let matches: Vec<(&String, Match)> = given.iter().map(|g| (g, self.classify(g))).collect();
        let held: Vec<Bilingual> = matches
            .iter()
            .filter_map(|(g, m)| match m {
                Match::Award(a) if a.clause == clause.id => Some(recognised(g, a)),
                _ => None,
            })
            .collect();
        let undecided: Vec<Bilingual> = matches
            .iter()
            .filter_map(|(g, m)| match m {
                Match::Vague(v) if v.clause == clause.id => Some(Bilingual::new(
                    format!("{g}：{}", v.note.zh),
                    format!("{g}: {}", v.note.en),
                )),
                Match::Unrecognised if !open.is_empty() => Some(maybe_open(g, &open)),
                _ => None,
            })
            .collect();
        let (facts, outcome) = if !held.is_empty() {
            (held, Outcome::Met)
        } else if !undecided.is_empty() {
            (undecided, Outcome::Unknown)
        } else {
            let names: Vec<&str> = given.iter().map(String::as_str).collect();
            let fact = Bilingual::new(
                format!("{}，均不在所列奖项中", names.join("、")),
                format!("none of {} is listed", names.join(", ")),
            );
            (vec![fact], Outcome::NotMet)
        };
        let fact = super::verdict::join(&facts);
        all_of(&clause.id, kind, &[Condition::judged(rule, fact, outcome)])
    }

    /// The rule quoted in reasons: the clause itself, or for a clause with open categories, a
    /// summary naming them.
    fn rule(&self, clause: &Clause, open: &[&Open]) -> Bilingual {
        if open.is_empty() {
            return Bilingual::new(
                clause.text.zh.trim_end_matches('。'),
                clause.text.en.trim_end_matches('.'),
            );
        }
        let zh: Vec<&str> = open.iter().map(|o| o.zh.as_str()).collect();
        let en: Vec<&str> = open.iter().map(|o| o.en.as_str()).collect();
        let item = clause.path.iter().map(u32::to_string).collect::<Vec<_>>();
        Bilingual::new(
            format!(
                "获得第{}项所列奖项之一（含{}）",
                item.join("."),
                zh.join("、")
            ),
            format!(
                "winner of one of the awards listed in item {} (including {})",
                item.join("."),
                en.join(" or ")
            ),
        )
    }
}

fn recognised(given: &str, award: &Award) -> Bilingual {
    let zh = if same_name(given, &award.zh) {
        award.zh.clone()
    } else {
        format!("{given}，即{}", award.zh)
    };
    let en = if same_name(given, &award.en) {
        award.en.clone()
    } else {
        format!("{given}, i.e. the {}", award.en)
    };
    Bilingual::new(zh, en)
}

fn maybe_open(given: &str, open: &[&Open]) -> Bilingual {
    let zh: Vec<&str> = open.iter().map(|o| o.zh.as_str()).collect();
    let en: Vec<&str> = open.iter().map(|o| o.en.as_str()).collect();
    Bilingual::new(
        format!(
            "{given}：不在所列奖项中，可能属于{}，由主管部门认定",
            zh.join("或")
        ),
        format!(
            "{given}: not on the list; it may be {}, which the authority decides",
            en.join(" or ")
        ),
    )
}
