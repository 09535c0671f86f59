//! Category A criteria: every threshold on both sides of its boundary, the unknown cases, reasons
//! quoting rule and fact, and the constants cross-checked against the corpus text.

use std::sync::Arc;

use serde_json::{Value, json};
use talentdex::analysis::Synonyms;
use talentdex::eligibility::{Eligibility, EligibilityError, Outcome, RULES, criterion_clauses};
use talentdex::model::{Bilingual, Corpus};

use super::{answer, criterion, facts, outcome, with};
use crate::common::corpus;

/// Facts meeting each criterion, so a row can move one fact across its boundary.
fn base(id: &str) -> Value {
    match id {
        "bj2022-a1/3.9" | "cn2017-a/3.9" => json!({"salary_multiple": 6.2}),
        "bj2022-a1/4.1" | "cn2017-a/4.1" => {
            json!({"founder": {"investment_usd": 600000, "share_percent": 35,
                                               "years_stable": 3, "ip_contribution": true}})
        }
        "bj2022-a1/4.2" | "cn2017-a/4.2" => {
            json!({"company": {"role": "chairman", "annual_sales_cny": 12000000,
                                               "annual_tax_cny": 0, "consecutive_years": 3,
                                               "ip_contribution": true}})
        }
        "bj2022-a1/5.1" | "cn2017-a/5" => {
            json!({"age": 35, "postdoc": true, "postdoc_institution": "university_china"})
        }
        "bj2022-a1/5.2" => json!({"age": 35, "degree": "doctorate", "stem": true,
                                  "phd_university_rank": 150, "phd_graduation_year": 2022}),
        "bj2022-a1/6" | "cn2017-a/6" => json!({"points": 90}),
        _ => panic!("no base facts for {id}"),
    }
}

// Every threshold on both sides of its boundary (民法典 第一千二百五十九条: 以上, 以下, 以内 and
// 不低于 include the number). as_of is 2026-11-21, so 2021 is exactly five years back.
#[test]
fn every_threshold_on_both_sides_of_its_boundary() {
    let rows: &[(&str, Value, &str)] = &[
        ("bj2022-a1/3.9", json!({"salary_multiple": 6}), "met"),
        ("cn2017-a/3.9", json!({"salary_multiple": 6}), "met"),
        ("cn2017-a/3.9", json!({"salary_multiple": 5.99}), "not_met"),
        ("cn2017-a/6", json!({"points": 85}), "met"),
        ("cn2017-a/6", json!({"points": 84}), "not_met"),
        ("cn2017-a/5", json!({"age": 40}), "met"),
        ("cn2017-a/5", json!({"age": 41}), "not_met"),
        (
            "cn2017-a/4.1",
            json!({"founder": {"share_percent": 29.9}}),
            "not_met",
        ),
        (
            "cn2017-a/4.2",
            json!({"company": {"consecutive_years": 2}}),
            "not_met",
        ),
        ("bj2022-a1/3.9", json!({"salary_multiple": 5.99}), "not_met"),
        ("bj2022-a1/6", json!({"points": 85}), "met"),
        ("bj2022-a1/6", json!({"points": 84}), "not_met"),
        ("bj2022-a1/5.1", json!({"age": 40}), "met"),
        ("bj2022-a1/5.1", json!({"age": 41}), "not_met"),
        ("bj2022-a1/5.2", json!({"age": 40}), "met"),
        ("bj2022-a1/5.2", json!({"age": 41}), "not_met"),
        ("bj2022-a1/5.2", json!({"phd_university_rank": 200}), "met"),
        (
            "bj2022-a1/5.2",
            json!({"phd_university_rank": 201}),
            "not_met",
        ),
        ("bj2022-a1/5.2", json!({"phd_graduation_year": 2021}), "met"),
        (
            "bj2022-a1/5.2",
            json!({"phd_graduation_year": 2020}),
            "not_met",
        ),
        ("bj2022-a1/5.2", json!({"phd_graduation_year": 2026}), "met"),
        (
            "bj2022-a1/4.1",
            json!({"founder": {"investment_usd": 500000}}),
            "met",
        ),
        (
            "bj2022-a1/4.1",
            json!({"founder": {"investment_usd": 499999}}),
            "not_met",
        ),
        (
            "bj2022-a1/4.1",
            json!({"founder": {"share_percent": 30}}),
            "met",
        ),
        (
            "bj2022-a1/4.1",
            json!({"founder": {"share_percent": 29.9}}),
            "not_met",
        ),
        (
            "bj2022-a1/4.1",
            json!({"founder": {"years_stable": 3}}),
            "met",
        ),
        (
            "bj2022-a1/4.1",
            json!({"founder": {"years_stable": 2}}),
            "not_met",
        ),
        (
            "bj2022-a1/4.2",
            json!({"company": {"annual_sales_cny": 10000000}}),
            "met",
        ),
        (
            "bj2022-a1/4.2",
            json!({"company": {"annual_sales_cny": 9999999}}),
            "not_met",
        ),
        (
            "bj2022-a1/4.2",
            json!({"company": {"annual_sales_cny": 0, "annual_tax_cny": 1000000}}),
            "met",
        ),
        (
            "bj2022-a1/4.2",
            json!({"company": {"annual_sales_cny": 0, "annual_tax_cny": 999999}}),
            "not_met",
        ),
        (
            "bj2022-a1/4.2",
            json!({"company": {"consecutive_years": 3}}),
            "met",
        ),
        (
            "bj2022-a1/4.2",
            json!({"company": {"consecutive_years": 2}}),
            "not_met",
        ),
    ];
    for (id, change, expected) in rows {
        let facts = with(&base(id), change.clone());
        let a = answer(facts.clone());
        let v = criterion(&a, id);
        assert_eq!(
            v.verdict,
            outcome(expected),
            "{id} with {facts}: {:?}",
            v.reason
        );
    }
}

// The other yes/no and closed-list conditions flip their criterion to not_met.
#[test]
fn each_required_condition_can_fail_its_criterion() {
    let rows: &[(&str, Value)] = &[
        (
            "bj2022-a1/4.1",
            json!({"founder": {"ip_contribution": false}}),
        ),
        (
            "bj2022-a1/4.2",
            json!({"company": {"ip_contribution": false}}),
        ),
        ("bj2022-a1/4.2", json!({"company": {"role": "engineer"}})),
        ("bj2022-a1/5.1", json!({"postdoc": false})),
        ("bj2022-a1/5.2", json!({"stem": false})),
        (
            "bj2022-a1/5.2",
            json!({"degree": "master", "phd_university_rank": null,
                                 "phd_graduation_year": null}),
        ),
    ];
    for (id, change) in rows {
        let facts = with(&base(id), change.clone());
        assert_eq!(
            criterion(&answer(facts.clone()), id).verdict,
            Outcome::NotMet,
            "{facts}"
        );
    }
    for id in RULES.iter().flat_map(|r| r.ids.iter().copied()) {
        assert_eq!(
            criterion(&answer(base(id)), id).verdict,
            Outcome::Met,
            "{id}"
        );
    }
}

// Roles are read in either language and with the SPEC's snake_case spelling.
#[test]
fn enterprise_roles_in_either_language() {
    for role in [
        "chairman",
        "董事长",
        "legal_representative",
        "法定代表人",
        "General Manager",
        "总经理",
        "chief_technical_expert",
        "首席技术专家",
    ] {
        let facts = with(&base("bj2022-a1/4.2"), json!({"company": {"role": role}}));
        assert_eq!(
            criterion(&answer(facts), "bj2022-a1/4.2").verdict,
            Outcome::Met,
            "{role}"
        );
    }
}

// A criterion the facts do not touch is unknown, never absent; a partial set of facts is unknown
// unless a given fact already fails it.
#[test]
fn untouched_and_partial_criteria_are_unknown() {
    let empty = answer(json!({}));
    let ids: Vec<&str> = empty.criteria.iter().map(|v| v.id.as_str()).collect();
    // Every item of Annex 1 (36) and of the national Category A criteria (33), in corpus order.
    assert_eq!(ids.len(), 36 + 33, "{ids:?}");
    assert_eq!(
        ids.iter().filter(|i| i.starts_with("bj2022-a1/")).count(),
        36
    );
    assert_eq!(
        ids.iter().filter(|i| i.starts_with("cn2017-a/")).count(),
        33
    );
    for id in [
        "bj2022-a1/1",
        "bj2022-a1/2.18",
        "bj2022-a1/4.4",
        "bj2022-a1/7",
        "cn2017-a/5",
        "cn2017-a/6",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    assert!(
        !ids.contains(&"bj2022-a1/2"),
        "a category with items is a heading, not a criterion"
    );
    for v in &empty.criteria {
        assert_eq!(v.verdict, Outcome::Unknown, "{}", v.id);
        assert!(
            v.reason.zh.contains("未提供") && v.reason.en.contains("not given"),
            "{}",
            v.id
        );
    }
    let rows: &[(&str, Value, &str)] = &[
        (
            "bj2022-a1/4.1",
            json!({"founder": {"investment_usd": 600000}}),
            "unknown",
        ),
        (
            "bj2022-a1/4.1",
            json!({"founder": {"investment_usd": 499999}}),
            "not_met",
        ),
        (
            "bj2022-a1/4.2",
            json!({"company": {"annual_sales_cny": 9999999, "role": "chairman",
                                              "consecutive_years": 3, "ip_contribution": true}}),
            "unknown",
        ),
        ("bj2022-a1/5.1", json!({"age": 35}), "unknown"),
        ("bj2022-a1/5.1", json!({"age": 41}), "not_met"),
        (
            "bj2022-a1/5.2",
            json!({"degree": "doctorate", "stem": true, "age": 35}),
            "unknown",
        ),
    ];
    for (id, facts, expected) in rows {
        assert_eq!(
            criterion(&answer(facts.clone()), id).verdict,
            outcome(expected),
            "{facts}"
        );
    }
}

// The postdoc's host: Beijing's 5.1 admits universities at home and abroad, research
// institutions, enterprises and medical institutions; the national item 5 only high-level
// universities abroad and higher-education institutions in China (a university abroad not known
// to be high-level is for the authority to judge).
#[test]
fn postdoc_hosts_differ_between_beijing_and_the_national_item() {
    let rows: &[(&str, &str, &str)] = &[
        ("university_abroad_high_level", "met", "met"),
        ("university_china", "met", "met"),
        ("university_abroad", "met", "unknown"),
        ("research_institution", "met", "not_met"),
        ("enterprise", "met", "not_met"),
        ("medical_institution", "met", "not_met"),
    ];
    for (host, beijing, national) in rows {
        let a = answer(
            json!({"age": 35, "postdoc": true, "postdoc_institution": host, "as_of": "2024-06-01"}),
        );
        assert_eq!(
            criterion(&a, "bj2022-a1/5.1").verdict,
            outcome(beijing),
            "{host}"
        );
        assert_eq!(
            criterion(&a, "cn2017-a/5").verdict,
            outcome(national),
            "{host}"
        );
    }
    let a = answer(json!({"age": 35, "postdoc": true}));
    assert_eq!(
        criterion(&a, "cn2017-a/5").verdict,
        Outcome::Unknown,
        "host not stated"
    );
}

// Each reason quotes the rule with whether its number counts, and the fact, in both languages.
#[test]
fn reasons_quote_rule_and_fact_in_both_languages() {
    let a = answer(json!({"age": 40, "postdoc": true, "points": 85, "salary_multiple": 6}));
    let r = &criterion(&a, "bj2022-a1/5.1").reason;
    assert!(r.zh.contains("40岁以下（含40岁）：年龄40"), "{}", r.zh);
    assert!(
        r.en.contains("aged 40 or under (40 included): age 40"),
        "{}",
        r.en
    );
    let r = &criterion(&a, "bj2022-a1/6").reason;
    assert!(r.zh.contains("85分以上（含85分）：85分"), "{}", r.zh);
    assert!(
        r.en.contains("85 or above (85 points included): 85 points"),
        "{}",
        r.en
    );
    let r = &criterion(&a, "bj2022-a1/3.9").reason;
    assert!(
        r.zh.contains("不低于") && r.zh.contains("（含6倍）：6倍"),
        "{}",
        r.zh
    );
}

// The documents' validity rides with every answer: on 2026-11-21 the two-year trial has ended.
#[test]
fn the_answer_states_validity_on_as_of() {
    let lapsed = answer(json!({}));
    let docs: Vec<&str> = lapsed.validity.iter().map(|d| d.doc.as_str()).collect();
    assert_eq!(docs, ["bj2022", "bj2022-a1", "bj2022-a2", "cn2017-a"]);
    let json = serde_json::to_value(&lapsed.validity).unwrap();
    for d in json.as_array().unwrap() {
        let expected = if d["doc"] == "cn2017-a" {
            "in_force"
        } else {
            "trial_ended"
        };
        assert_eq!(d["status"], expected, "{d}");
    }
    let live = answer(json!({"as_of": "2024-06-01"}));
    assert!(
        serde_json::to_value(&live.validity)
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["status"] == "in_force")
    );
}

/// The corpus with one clause's Chinese text replaced.
fn corpus_with(id: &str, zh: &str) -> Corpus {
    let base = corpus();
    let clauses = base
        .clauses()
        .iter()
        .cloned()
        .map(|mut c| {
            if c.id == id {
                c.text = Bilingual::new(zh, c.text.en.clone());
            }
            c
        })
        .collect();
    Corpus::new(base.documents().to_vec(), clauses, base.hash().to_string())
}

// Regression guard: a threshold constant and the clause it comes from must agree. Every
// criterion's quoted words are in the real corpus, and a corpus that says otherwise is refused
// instead of answered with a stale number.
#[test]
fn constants_agree_with_the_corpus_text() {
    for rule in &RULES {
        for id in rule.ids {
            let clause = corpus().clause(id).unwrap();
            assert!(
                criterion_clauses(corpus()).any(|c| c.id == *id),
                "{id} is a criterion"
            );
            for quote in (rule.quotes)() {
                let says = clause.text.zh.contains(&quote) || clause.title.zh.contains(&quote);
                assert!(says, "{id}: \"{quote}\" not in {}", clause.text.zh);
            }
        }
    }
    let text = corpus()
        .clause("bj2022-a1/5.1")
        .unwrap()
        .text
        .zh
        .replace("40岁", "45岁");
    let drifted = corpus_with("bj2022-a1/5.1", &text);
    let engine = Eligibility::new(Arc::new(drifted), &Synonyms::default());
    let err = engine.evaluate(&facts(json!({}))).unwrap_err();
    assert_eq!(
        err,
        EligibilityError::RuleDrift {
            id: "bj2022-a1/5.1".into(),
            expected: "40岁以下".into()
        }
    );
    assert!(!err.is_bad_input());
}
