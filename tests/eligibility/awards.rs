//! Award clauses 2.1 and 2.2: names and aliases in both languages, vague and unrecognised awards,
//! and `corpus/awards.toml` cross-checked against the clauses' own text.

use serde_json::json;
use talentdex::eligibility::{AWARD_SEPARATORS, Match, Outcome, award_list, same_name};

use super::{answer, criterion, outcome};
use crate::common::corpus;

const NOBEL: &str = "bj2022-a1/2.1";
const LISTED: &str = "bj2022-a1/2.2";

// Each award name, alias or misspelling in either language, and what 2.1 and 2.2 make of it.
#[test]
fn award_names_and_aliases_in_both_languages() {
    let rows = [
        ("Fields Medal", "not_met", "met"),
        ("菲尔兹奖", "not_met", "met"),
        ("Fields Award", "not_met", "met"),
        ("fields  MEDAL", "not_met", "met"),
        ("Crawford Award", "not_met", "met"),
        ("克劳福德奖", "not_met", "met"),
        ("Crafoord Prize", "not_met", "met"),
        ("图灵奖", "not_met", "met"),
        ("Turing Award", "not_met", "met"),
        ("A.M. Turing Award", "not_met", "met"),
        ("沃尔夫数学奖", "not_met", "met"),
        ("Wolff mathematics Award", "not_met", "met"),
        ("Lasker Prize", "not_met", "met"),
        ("邵逸夫奖", "not_met", "met"),
        ("Japan International Award", "not_met", "met"),
        ("Nobel Prize in Physics", "met", "not_met"),
        ("诺贝尔物理学奖", "met", "not_met"),
        ("诺贝尔经济学奖", "met", "not_met"),
        ("Nobel Prize in Physiology or Medicine", "met", "not_met"),
        // Only the Wolf Prize in Mathematics is listed, and only four Nobel fields.
        ("Wolff", "not_met", "unknown"),
        ("Wolf Prize", "not_met", "unknown"),
        ("Wolf Prize in Physics", "not_met", "unknown"),
        ("Nobel Prize", "unknown", "not_met"),
        ("诺贝尔奖", "unknown", "not_met"),
        ("Nobel Peace Prize", "unknown", "not_met"),
        // 2.2 names the "Royal Gold Medal (UK)" without saying whose: the name as printed is met,
        // a named body's medal is for the authority (issue 17).
        ("Royal Gold Medal", "not_met", "met"),
        ("英国皇家金质奖章", "not_met", "met"),
        ("Royal Medal", "not_met", "unknown"),
        ("Royal Society Royal Medal", "not_met", "unknown"),
        ("RIBA Royal Gold Medal", "not_met", "unknown"),
        // The CNRS research medal, in Beijing's wording or the national one, and its usual reading.
        ("CNRS Gold Medal", "not_met", "met"),
        ("法国全国科研中心科研奖章", "not_met", "met"),
        ("法国全国研究中心科研奖章", "not_met", "met"),
        // Not on any list: 2.2's prestigious architecture or design awards may include it.
        ("Pritzker Prize", "not_met", "unknown"),
        ("红点设计大奖", "not_met", "unknown"),
    ];
    for (name, nobel, listed) in rows {
        let a = answer(json!({"awards": [name]}));
        let (n, l) = (criterion(&a, NOBEL), criterion(&a, LISTED));
        assert_eq!(n.verdict, outcome(nobel), "2.1 for {name}: {:?}", n.reason);
        assert_eq!(l.verdict, outcome(listed), "2.2 for {name}: {:?}", l.reason);
    }
}

// No awards given leaves both clauses unknown; one recognised award among unknown ones is enough;
// the reason names the award in both languages.
#[test]
fn award_clauses_unknown_without_awards_and_met_by_any_one() {
    let a = answer(json!({}));
    assert_eq!(criterion(&a, NOBEL).verdict, Outcome::Unknown);
    assert_eq!(criterion(&a, LISTED).verdict, Outcome::Unknown);
    let a = answer(json!({"awards": ["Pritzker Prize", "Crawford Award"]}));
    let v = criterion(&a, LISTED);
    assert_eq!(v.verdict, Outcome::Met);
    assert!(
        v.reason.zh.contains("Crawford Award，即克拉福德奖"),
        "{}",
        v.reason.zh
    );
    assert!(
        v.reason
            .en
            .contains("Crawford Award, i.e. the Crafoord Prize"),
        "{}",
        v.reason.en
    );
    let a = answer(json!({"awards": ["Pritzker Prize"]}));
    let v = criterion(&a, LISTED);
    assert!(v.reason.zh.contains("著名建筑奖"), "{}", v.reason.zh);
}

// Regression guard for the data: every award's Chinese name is printed in its clause's Chinese
// text and its English name in the English text, and the list covers exactly what 2.2 prints.
#[test]
fn the_award_list_agrees_with_the_clauses() {
    let list = award_list().expect("awards.toml parses");
    assert_eq!(list.clauses(), [NOBEL, LISTED]);
    for award in &list.awards {
        let clause = corpus()
            .clause(&award.clause)
            .expect("the award's clause exists");
        let printed = award.printed();
        assert!(
            clause.text.zh.contains(&printed.zh),
            "{} not in {}",
            printed.zh,
            clause.id
        );
        assert!(
            clause.text.en.contains(&printed.en),
            "{} not in {}",
            printed.en,
            clause.id
        );
    }
    for open in &list.open {
        let clause = corpus().clause(&open.clause).unwrap();
        assert!(clause.text.zh.contains(&open.zh) && clause.text.en.contains(&open.en));
    }
    for vague in &list.vague {
        assert!(corpus().clause(&vague.clause).is_some(), "{}", vague.clause);
    }
    // 2.2 prints "以下奖项获得者：A、B；C；…。": every item is an award or an open category.
    let text = &corpus().clause(LISTED).unwrap().text.zh;
    let (_, items) = text.split_once('：').unwrap();
    let mut printed: Vec<&str> = items.trim_end_matches('。').split(['；', '、']).collect();
    let mut listed: Vec<&str> = list
        .awards
        .iter()
        .filter(|a| a.clause == LISTED)
        .map(|a| a.zh.as_str())
        .chain(list.open.iter().map(|o| o.zh.as_str()))
        .collect();
    printed.sort();
    listed.sort();
    assert_eq!(printed, listed);
    // 2.1 prints "诺贝尔奖获得者（物理、化学、生理或医学、经济学奖）": one award per field.
    let text = &corpus().clause(NOBEL).unwrap().text.zh;
    let inside = text.split_once('（').unwrap().1.split_once('）').unwrap().0;
    let fields: Vec<&str> = inside.trim_end_matches('奖').split('、').collect();
    let nobels: Vec<String> = list
        .awards
        .iter()
        .filter(|a| a.clause == NOBEL)
        .map(|a| a.printed().zh)
        .collect();
    assert_eq!(fields, nobels);
}

// Regression guard: no name may hold a query-parameter separator, and no two awards may share a
// name, or one name would mean two awards.
#[test]
fn award_names_are_unambiguous() {
    let list = award_list().unwrap();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for award in &list.awards {
        for name in award.names() {
            assert!(!name.contains(AWARD_SEPARATORS), "{name} holds a separator");
            if let Some((other, _)) = seen.iter().find(|(_, n)| same_name(n, name)) {
                assert_eq!(*other, award.en, "{name} names two awards");
            }
            seen.push((&award.en, name));
            assert!(
                matches!(list.classify(name), Match::Award(a) if a.en == award.en),
                "{name}"
            );
        }
    }
    for vague in &list.vague {
        for name in &vague.names {
            assert!(matches!(list.classify(name), Match::Vague(_)), "{name}");
        }
    }
}
