//! Eligibility (model → eligibility → web/cli): the award clauses 2.1 and 2.2 of Annex 1 and
//! their national counterparts, decided from the applicant's `awards` against the corpus's award
//! list (`awards.toml`, loaded with the corpus). An entry listed for a Beijing clause also counts
//! for the clause it adapts when that clause prints the award's name too. No award stated (`[]`)
//! is no award of any kind: not met. Reasons name the list's awards, never the applicant's text
//! (the answer quotes that once, in `facts`).

use std::collections::HashMap;

use super::verdict::{Condition, CriterionKind, Outcome, Verdict, VerdictKind, all_of, join};
use crate::analysis::name_key;
use crate::model::{Award, AwardList, Bilingual, Clause, Corpus, Open, Vague};

/// The corpus's award list with its name lookups, and which clauses each entry decides.
#[derive(Debug, Clone, Default)]
pub struct Awards {
    list: AwardList,
    award_keys: HashMap<String, usize>,
    vague_keys: HashMap<String, usize>,
    vague_contains: Vec<(String, usize)>,
    /// Clause ID → the awards, vague families and open categories that decide it.
    by_clause: HashMap<String, ClauseAwards>,
}

#[derive(Debug, Clone, Default)]
struct ClauseAwards {
    awards: Vec<usize>,
    vague: Vec<usize>,
    open: Vec<usize>,
}

/// How one award the applicant gave reads against the list.
#[derive(Debug, Clone, Copy)]
pub enum Match<'a> {
    Award(&'a Award),
    Vague(&'a Vague),
    Unrecognised,
}

impl Awards {
    /// Index the corpus's list (the first entry to claim a name keeps it; a test forbids clashes).
    pub fn new(corpus: &Corpus) -> Awards {
        let list = corpus.awards().clone();
        let mut awards = Awards::default();
        for (i, award) in list.awards.iter().enumerate() {
            for name in award.names() {
                awards.award_keys.entry(name_key(name)).or_insert(i);
            }
        }
        for (i, vague) in list.vague.iter().enumerate() {
            for name in &vague.names {
                awards.vague_keys.entry(name_key(name)).or_insert(i);
            }
            awards
                .vague_contains
                .extend(vague.contains.iter().map(|c| (name_key(c), i)));
        }
        let prints = |clause: &Clause, names: &[&str]| {
            let text = name_key(&clause.text.zh);
            names.iter().any(|n| text.contains(&name_key(n)))
        };
        let mut add = |id: &str, f: &dyn Fn(&mut ClauseAwards)| {
            f(awards.by_clause.entry(id.to_string()).or_default());
        };
        for clause in corpus.clauses() {
            let counterparts: Vec<&str> = clause.related.iter().map(|r| r.id.as_str()).collect();
            let applies = |listed: &str| listed == clause.id || counterparts.contains(&listed);
            for (i, a) in list.awards.iter().enumerate() {
                let printed = a.printed();
                let names: Vec<&str> = a.names().chain([printed.zh.as_str()]).collect();
                if a.clause == clause.id || (applies(&a.clause) && prints(clause, &names)) {
                    add(&clause.id, &|c| c.awards.push(i));
                }
            }
            for (i, v) in list.vague.iter().enumerate() {
                if applies(&v.clause) {
                    add(&clause.id, &|c| c.vague.push(i));
                }
            }
            for (i, o) in list.open.iter().enumerate() {
                if o.clause == clause.id || (applies(&o.clause) && prints(clause, &[o.zh.as_str()]))
                {
                    add(&clause.id, &|c| c.open.push(i));
                }
            }
        }
        awards.by_clause.retain(|_, c| !c.awards.is_empty());
        awards.list = list;
        awards
    }

    pub fn list(&self) -> &AwardList {
        &self.list
    }

    /// Whether the list decides this clause.
    pub fn decides(&self, id: &str) -> bool {
        self.by_clause.contains_key(id)
    }

    /// What one award the applicant gave is: a listed award, a vague family name, or neither.
    pub fn classify(&self, given: &str) -> Match<'_> {
        let key = name_key(given);
        if let Some(&i) = self.award_keys.get(&key) {
            return Match::Award(&self.list.awards[i]);
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
            .map_or(Match::Unrecognised, |i| Match::Vague(&self.list.vague[i]))
    }

    /// The verdict of one award clause on the awards given (`None`: not stated).
    pub fn verdict(&self, clause: &Clause, given: Option<&[String]>) -> Verdict {
        let entry = self.by_clause.get(&clause.id).cloned().unwrap_or_default();
        let open: Vec<&Open> = entry.open.iter().map(|&i| &self.list.open[i]).collect();
        let rule = rule(clause, &open);
        let kind = VerdictKind::Criterion(CriterionKind::Award);
        let Some(given) = given else {
            return all_of(&clause.id, kind, &[Condition::missing(rule)]);
        };
        if given.is_empty() {
            let none = Bilingual::new("未获任何奖项", "no award held");
            return all_of(
                &clause.id,
                kind,
                &[Condition::judged(rule, none, Outcome::NotMet)],
            );
        }
        let mut held = Vec::new();
        let mut undecided = Vec::new();
        let mut unrecognised = 0;
        for g in given {
            match self.classify(g) {
                Match::Award(a)
                    if entry
                        .awards
                        .iter()
                        .any(|&i| std::ptr::eq(a, &self.list.awards[i])) =>
                {
                    held.push(a.printed());
                }
                Match::Vague(v)
                    if entry
                        .vague
                        .iter()
                        .any(|&i| std::ptr::eq(v, &self.list.vague[i])) =>
                {
                    let family = v.names.first().map_or("", String::as_str);
                    undecided.push(Bilingual::new(
                        format!("{family}：{}", v.note.zh),
                        format!("{family}: {}", v.note.en),
                    ));
                }
                Match::Unrecognised => unrecognised += 1,
                _ => {}
            }
        }
        if unrecognised > 0 && !open.is_empty() {
            undecided.push(maybe_open(unrecognised, &open));
        }
        let (fact, outcome) = if !held.is_empty() {
            (join(&held), Outcome::Met)
        } else if !undecided.is_empty() {
            (join(&undecided), Outcome::Unknown)
        } else {
            let fact = Bilingual::new(
                format!("所述{}个奖项均不在所列奖项中", given.len()),
                format!("none of the {} stated awards is listed", given.len()),
            );
            (fact, Outcome::NotMet)
        };
        all_of(&clause.id, kind, &[Condition::judged(rule, fact, outcome)])
    }
}

/// The rule quoted in reasons: the clause itself, or for a clause with open categories, a summary
/// naming them.
fn rule(clause: &Clause, open: &[&Open]) -> Bilingual {
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

fn maybe_open(count: usize, open: &[&Open]) -> Bilingual {
    let zh: Vec<&str> = open.iter().map(|o| o.zh.as_str()).collect();
    let en: Vec<&str> = open.iter().map(|o| o.en.as_str()).collect();
    Bilingual::new(
        format!(
            "所述奖项中有{count}个不在所列奖项中，可能属于{}，由主管部门认定",
            zh.join("或")
        ),
        format!(
            "{count} of the stated awards are not on the list; they may be {}, which the authority decides",
            en.join(" or ")
        ),
    )
}
