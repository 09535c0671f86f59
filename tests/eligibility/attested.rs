//! `meets`: the criteria only the applicant can attest, answered clause by clause — a Beijing-only
//! clause (4.4), an unchanged clause answering its national counterpart too (and back), a changed
//! one answering only itself — and answers that are not about an attested criterion refused.

use serde_json::json;
use talentdex::eligibility::{Decided, EligibilityError, Outcome, criterion_clauses};

use super::{answer, criterion, engine, facts, outcome};
use crate::common::corpus;

#[test]
fn meets_answers_attested_criteria_and_their_unchanged_counterparts() {
    // (meets, clause, expected verdict, the reason names this other clause)
    let rows: &[(serde_json::Value, &str, &str, Option<&str>)] = &[
        // Beijing added 4.4 (incubators): no national counterpart to answer.
        (json!({"bj2022-a1/4.4": true}), "bj2022-a1/4.4", "met", None),
        (
            json!({"bj2022-a1/4.4": false}),
            "bj2022-a1/4.4",
            "not_met",
            None,
        ),
        (
            json!({"bj2022-a1/4.4": true}),
            "cn2017-a/4.3",
            "unknown",
            None,
        ),
        // 2.3 (academicians) is unchanged: one answer decides both, either way round.
        (json!({"bj2022-a1/2.3": true}), "bj2022-a1/2.3", "met", None),
        (
            json!({"bj2022-a1/2.3": true}),
            "cn2017-a/2.3",
            "met",
            Some("bj2022-a1/2.3"),
        ),
        (
            json!({"cn2017-a/2.3": false}),
            "bj2022-a1/2.3",
            "not_met",
            Some("cn2017-a/2.3"),
        ),
        // 2.9 was changed by Beijing (it adds research institutions): each answers only itself.
        (
            json!({"bj2022-a1/2.9": true}),
            "cn2017-a/2.9",
            "unknown",
            None,
        ),
        (json!({"cn2017-a/2.9": true}), "cn2017-a/2.9", "met", None),
        // A clause's own answer wins over its counterpart's.
        (
            json!({"bj2022-a1/2.3": true, "cn2017-a/2.3": false}),
            "cn2017-a/2.3",
            "not_met",
            None,
        ),
        (json!({}), "bj2022-a1/7", "unknown", None),
        (json!({"bj2022-a1/7": true}), "bj2022-a1/7", "met", None),
    ];
    for (meets, id, expected, via) in rows {
        let a = answer(json!({"meets": meets, "as_of": "2024-06-01"}));
        let v = criterion(&a, id);
        assert_eq!(
            v.verdict,
            outcome(expected),
            "{id} with {meets}: {:?}",
            v.reason
        );
        assert_eq!(serde_json::to_value(v.kind).unwrap(), "attested", "{id}");
        if let Some(other) = via {
            assert!(
                v.reason.en.contains(other) && v.reason.zh.contains(other),
                "{:?}",
                v.reason
            );
        }
        // The reason quotes the clause itself.
        let text = &corpus().clause(id).unwrap().text.zh;
        assert!(
            v.reason.zh.contains(text.trim_end_matches('。')),
            "{id}: {}",
            v.reason.zh
        );
    }
}

// Every criterion can now be decided by facts or `meets`: answering every attested one and giving
// every numeric fact leaves none unknown (the two vague outcomes aside, nothing is left open).
#[test]
fn every_criterion_is_decidable() {
    let mut meets = serde_json::Map::new();
    for c in criterion_clauses(corpus()) {
        if matches!(engine().decided_by(&c.id), Decided::Attested) {
            meets.insert(c.id.clone(), json!(false));
        }
    }
    let a = answer(json!({
        "meets": meets, "awards": [], "age": 45, "degree": "master", "postdoc": false,
        "postdoc_institution": "enterprise", "stem": false, "salary_multiple": 1, "points": 60,
        "founder": {"investment_usd": 0, "share_percent": 0, "years_stable": 0, "ip_contribution": false},
        "company": {"role": "engineer", "annual_sales_cny": 0, "annual_tax_cny": 0,
                    "consecutive_years": 0, "ip_contribution": false}
    }));
    let open: Vec<&str> = a
        .criteria
        .iter()
        .filter(|v| v.verdict == Outcome::Unknown)
        .map(|v| v.id.as_str())
        .collect();
    assert!(open.is_empty(), "undecided: {open:?}");
    assert_eq!(a.criteria.len(), 69);
}

// An answer must be about an attested criterion: a clause that is not a criterion, or one that
// facts decide, is refused naming the answer and what to give instead.
#[test]
fn meets_refuses_what_it_cannot_answer() {
    let rows = [
        ("bj2022-a1/2", "not a Category A criterion"),
        ("bj2022-a2/6", "not a Category A criterion"),
        ("nonsense", "not a Category A criterion"),
        ("bj2022-a1/5.2", "degree"),
        ("cn2017-a/6", "points"),
        ("cn2017-a/2.1", "awards"),
    ];
    for (id, says) in rows {
        let f = facts(json!({"meets": {id: true}}));
        match engine().evaluate(&f) {
            Err(EligibilityError::InvalidFact { field, problem }) => {
                assert_eq!(field, format!("meets.{id}"));
                assert!(problem.contains(says), "{id}: {problem}");
            }
            other => panic!("{id}: {other:?}"),
        }
    }
}
