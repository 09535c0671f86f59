//! What a result means, on the date asked: `in_force` on every verdict, lapsed rules keeping their
//! verdict but never counting, the summary per article 一 of the notice (Annex 1 and the national
//! criteria → Category A, Annex 2 → Category B), and the standing note that it is not official.

use serde_json::json;
use talentdex::eligibility::{
    Decided, NOT_OFFICIAL_EN, NOT_OFFICIAL_ZH, Outcome, criterion_clauses,
};

use super::{answer, criterion, engine, post};
use crate::common::corpus;

/// Facts meeting Beijing's 5.2 (young STEM doctorate, added by Beijing) and the national 3.9.
fn doctorate_and_salary() -> serde_json::Value {
    json!({"age": 35, "degree": "doctorate", "stem": true, "phd_university_rank": 150,
           "phd_graduation_year": 2022, "salary_multiple": 6.5})
}

// as_of on both sides of the end of Beijing's trial (2024-12-31, included) and before it began.
#[test]
fn in_force_on_both_sides_of_the_trial_end() {
    // (as_of, Beijing in force, national in force)
    let rows = [
        ("2022-06-01", false, true),
        ("2023-01-01", true, true),
        ("2024-12-31", true, true),
        ("2025-01-01", false, true),
        ("2026-11-21", false, true),
    ];
    for (as_of, beijing, national) in rows {
        let mut facts = doctorate_and_salary();
        facts["as_of"] = json!(as_of);
        let a = answer(facts);
        for v in &a.criteria {
            let expected = if v.id.starts_with("cn2017-a/") {
                national
            } else {
                beijing
            };
            assert_eq!(v.in_force, expected, "{as_of} {}", v.id);
        }
        for p in &a.posts {
            assert_eq!(p.in_force, beijing, "{as_of} {}", p.id);
        }
        // A lapsed verdict keeps its verdict, and says it lapsed and when.
        let v = criterion(&a, "bj2022-a1/5.2");
        assert_eq!(v.verdict, Outcome::Met, "{as_of}");
        let lapsed = as_of > "2024-12-31";
        assert_eq!(
            v.reason.en.contains("trial ended on 2024-12-31"),
            lapsed,
            "{as_of}: {}",
            v.reason.en
        );
        assert_eq!(
            v.reason.zh.contains("试行期已于2024-12-31结束"),
            lapsed,
            "{as_of}"
        );
        if as_of < "2023-01-01" {
            assert!(
                v.reason.en.contains("takes effect on 2023-01-01"),
                "{}",
                v.reason.en
            );
        }
        let s = &a.summary.category_a;
        assert_eq!(
            s.verdict,
            Outcome::Met,
            "{as_of}: national 3.9 holds throughout"
        );
        assert_eq!(
            s.met_by.contains(&"bj2022-a1/5.2".to_string()),
            beijing,
            "{as_of}: {:?}",
            s.met_by
        );
        assert!(s.met_by.contains(&"cn2017-a/3.9".to_string()), "{as_of}");
        assert_eq!(
            a.summary.text.en.contains("While Beijing's trial ran"),
            lapsed,
            "{}",
            a.summary.text.en
        );
    }
}

// After the trial, an applicant qualifies only under the national criteria: Beijing's own
// (5.2, added by Beijing) is met but lapsed and listed apart, never in `met_by`.
#[test]
fn an_applicant_qualifying_only_under_the_national_criteria() {
    let a = answer(doctorate_and_salary());
    assert_eq!(a.summary.category_a.verdict, Outcome::Met);
    assert_eq!(a.summary.category_a.met_by, ["cn2017-a/3.9"]);
    assert!(
        a.summary.text.en.contains("cn2017-a/3.9"),
        "{}",
        a.summary.text.en
    );
    assert!(
        a.summary.text.en.contains("bj2022-a1/5.2"),
        "named as met during the trial"
    );
    assert!(
        a.summary
            .text
            .zh
            .contains("北京试行期内（至2024-12-31）曾符合"),
        "{}",
        a.summary.text.zh
    );
}

// An applicant who qualifies only by a post: Category B met during the trial, Category A not.
#[test]
fn an_applicant_qualifying_only_by_a_post() {
    let a = answer(
        json!({"as_of": "2024-06-01", "degree": "doctorate", "major": "physics",
                          "years_experience": 3, "experience_field": "量子通信",
                          "professional_qualification": true, "salary_multiple": 2,
                          "awards": [], "post": 3}),
    );
    assert_eq!(
        post(&a, 3).verdict,
        Outcome::Met,
        "{:?}",
        post(&a, 3).reason
    );
    let b = &a.summary.category_b;
    assert_eq!(
        (b.verdict, b.posts_met.as_slice()),
        (Outcome::Met, &["bj2022-a2/3".to_string()][..])
    );
    assert_ne!(a.summary.category_a.verdict, Outcome::Met);
    assert!(a.summary.category_a.met_by.is_empty());
    assert!(
        a.summary
            .text
            .zh
            .contains("外国专业人才（B类）：符合岗位bj2022-a2/3"),
        "{}",
        a.summary.text.zh
    );
    // After the trial the same facts decide no category B: nothing of Annex 2 is in force.
    let mut later = serde_json::to_value(&a.facts).unwrap();
    later["as_of"] = json!("2025-01-01");
    let a = answer(later);
    assert_eq!(a.summary.category_b.verdict, Outcome::Unknown);
    assert!(a.summary.category_b.posts_met.is_empty());
    assert!(
        a.summary.text.en.contains("outside their trial period"),
        "{}",
        a.summary.text.en
    );
}

// Not met only when every in-force criterion is not met; open criteria ranked by how close they
// are (fewest facts missing first, then most conditions met).
#[test]
fn category_a_not_met_only_when_every_criterion_in_force_fails() {
    let mut meets = serde_json::Map::new();
    for c in criterion_clauses(corpus()) {
        if matches!(engine().decided_by(&c.id), Decided::Attested) {
            meets.insert(c.id.clone(), json!(false));
        }
    }
    let failing = json!({"meets": meets, "awards": [], "age": 45, "postdoc": false,
        "salary_multiple": 1, "points": 60,
        "founder": {"investment_usd": 0}, "company": {"role": "engineer"}});
    let a = answer(failing.clone());
    assert_eq!(
        a.summary.category_a.verdict,
        Outcome::NotMet,
        "{:?}",
        a.summary.category_a.open
    );
    let mut one_open = failing;
    // 2.9 was changed by Beijing, so Beijing's answer does not answer the national one.
    one_open["meets"]
        .as_object_mut()
        .unwrap()
        .remove("cn2017-a/2.9");
    let a = answer(one_open);
    assert_eq!(a.summary.category_a.verdict, Outcome::Unknown);
    assert_eq!(a.summary.category_a.open, ["cn2017-a/2.9"]);
    let a = answer(json!({"age": 35, "postdoc": true}));
    assert_eq!(
        a.summary.category_a.open.first().map(String::as_str),
        Some("cn2017-a/5"),
        "5 has two of three conditions met: the most worth answering"
    );
}

// Every answer says, in both languages, that it is not an official determination.
#[test]
fn every_summary_says_it_is_not_official() {
    for facts in [
        json!({}),
        doctorate_and_salary(),
        json!({"as_of": "2024-06-01", "post": 4}),
    ] {
        let a = answer(facts);
        assert!(
            a.summary.text.zh.ends_with(NOT_OFFICIAL_ZH),
            "{}",
            a.summary.text.zh
        );
        assert!(
            a.summary.text.en.ends_with(NOT_OFFICIAL_EN),
            "{}",
            a.summary.text.en
        );
    }
}
