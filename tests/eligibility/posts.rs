//! Annex 2 posts: every post's structured requirements as checks, the degree/major/experience/
//! qualification verdicts, the post's own verdict, and `post` narrowing the answer.

use serde_json::json;
use talentdex::eligibility::{EligibilityError, Outcome};
use talentdex::model::{CheckKind, Degree};

use super::{answer, check, facts, post};
use crate::common::corpus;

/// The minimum degree of each post as the catalogue prints it: 3, 17 and 18 doctorate; 14 and 24
/// master; the rest bachelor.
fn required_degree(n: u32) -> Degree {
    match n {
        3 | 17 | 18 => Degree::Doctorate,
        14 | 24 => Degree::Master,
        _ => Degree::Bachelor,
    }
}

/// Posts 21-23 and 25 require 相关职业资格.
fn needs_qualification(n: u32) -> bool {
    matches!(n, 21..=23 | 25)
}

fn below(d: Degree) -> Degree {
    match d {
        Degree::Doctorate => Degree::Master,
        Degree::Master => Degree::Bachelor,
        _ => Degree::None,
    }
}

// Every post's structured requirements become checks: degree, major, experience, a qualification
// only where required, one ability check per item (always unknown), and post 25's other column.
#[test]
fn every_post_carries_its_checks() {
    let a = answer(json!({}));
    assert_eq!(a.posts.len(), 25);
    for clause in corpus().posts() {
        let p = clause.post.as_ref().unwrap();
        let n = p.number;
        assert_eq!(p.requirements.degree, required_degree(n), "post {n}");
        let verdict = post(&a, n);
        let count = |k: CheckKind| {
            verdict
                .checks
                .iter()
                .filter(|c| {
                    serde_json::to_value(c.kind).unwrap() == serde_json::to_value(k).unwrap()
                })
                .count()
        };
        assert_eq!(count(CheckKind::Degree), 1, "post {n}");
        assert_eq!(count(CheckKind::Major), 1, "post {n}");
        assert_eq!(count(CheckKind::Experience), 1, "post {n}");
        assert_eq!(
            count(CheckKind::Qualification),
            usize::from(needs_qualification(n)),
            "post {n}"
        );
        assert_eq!(
            count(CheckKind::Ability),
            p.requirements.abilities.len(),
            "post {n}"
        );
        assert_eq!(count(CheckKind::Other), usize::from(n == 25), "post {n}");
        assert!(
            verdict.checks.iter().all(|c| c.verdict == Outcome::Unknown),
            "post {n}"
        );
        assert_eq!(verdict.verdict, Outcome::Unknown, "post {n}");
    }
}

// The degree check per post, on both sides of its level.
#[test]
fn degree_per_post_on_both_sides() {
    for n in 1..=25 {
        let required = required_degree(n);
        for (degree, expected) in [(required, Outcome::Met), (below(required), Outcome::NotMet)] {
            let a = answer(json!({"degree": degree.as_str(), "post": n}));
            let v = check(post(&a, n), "degree");
            assert_eq!(
                v.verdict,
                expected,
                "post {n} with {}: {:?}",
                degree.as_str(),
                v.reason
            );
            assert_eq!(v.id, format!("bj2022-a2/{n}.2"));
        }
        let a = answer(json!({"degree": "doctorate", "post": n}));
        assert_eq!(
            check(post(&a, n), "degree").verdict,
            Outcome::Met,
            "a doctorate meets post {n}"
        );
    }
}

// Experience against "2年及以上": 2 years in the post's own field meets it, 1 does not whatever
// the field; 2 years with no field stated is undecided.
#[test]
fn experience_on_both_sides() {
    for n in [1, 6, 25] {
        let own = corpus()
            .post(n)
            .unwrap()
            .post
            .as_ref()
            .unwrap()
            .requirements
            .experience_field
            .en
            .clone();
        for (years, field, expected) in [
            (2.0, Some(own.as_str()), Outcome::Met),
            (2.0, None, Outcome::Unknown),
            (1.0, Some(own.as_str()), Outcome::NotMet),
            (1.5, None, Outcome::NotMet),
        ] {
            let a =
                answer(json!({"years_experience": years, "experience_field": field, "post": n}));
            let v = check(post(&a, n), "experience");
            assert_eq!(
                v.verdict, expected,
                "post {n}, {years} years, {field:?}: {:?}",
                v.reason
            );
            assert!(
                v.reason.zh.contains("2年及以上") && v.reason.zh.contains("（含2年）"),
                "{}",
                v.reason.zh
            );
        }
    }
}

// Majors match in either language whatever the case or spacing; an unlisted major is unknown,
// never not_met, because "等相关专业" admits related fields.
#[test]
fn majors_match_in_either_language_and_unlisted_is_unknown() {
    let rows = [
        (3, "physics"),
        (3, "物理学"),
        (3, "物理"),
        (3, " Physics "),
        (2, "计算机"),
        (2, "Computer Science"),
        (14, "计算机"),
        (14, "computer  science"),
        (14, "Cryptography"),
        (6, "electronic engineering"),
        (25, "clinical medicine"),
        (21, "Mechanical Engineering"),
    ];
    for (n, major) in rows {
        let a = answer(json!({"major": major, "post": n}));
        let v = check(post(&a, n), "major");
        assert_eq!(v.verdict, Outcome::Met, "post {n}, {major}: {:?}", v.reason);
    }
    let a = answer(json!({"major": "basket weaving"}));
    for p in &a.posts {
        let v = check(p, "major");
        assert_eq!(v.verdict, Outcome::Unknown, "{}", p.id);
        assert!(v.reason.en.contains("related"), "{}", v.reason.en);
    }
    let a = answer(json!({"major": "physics", "post": 2}));
    assert_eq!(check(post(&a, 2), "major").verdict, Outcome::Unknown);
}

// Qualification is checked only where the post requires it.
#[test]
fn qualification_on_posts_21_to_23_and_25() {
    for n in [21, 22, 23, 25] {
        for (held, expected) in [(true, Outcome::Met), (false, Outcome::NotMet)] {
            let a = answer(json!({"professional_qualification": held, "post": n}));
            assert_eq!(
                check(post(&a, n), "qualification").verdict,
                expected,
                "post {n}"
            );
        }
    }
}

// A post is met only when degree, major, experience (and qualification) are all met; not_met when
// any is; unknown otherwise. Ability items and 其他要求 do not decide it.
#[test]
fn the_post_verdict_combines_its_deciding_checks() {
    let met = json!({"degree": "bachelor", "major": "medicine", "years_experience": 2,
                     "experience_field": "临床诊疗", "professional_qualification": true,
                     "post": 25});
    let a = answer(met.clone());
    let p = post(&a, 25);
    assert_eq!(p.verdict, Outcome::Met, "{:?}", p.reason);
    assert_eq!(check(p, "ability").verdict, Outcome::Unknown);
    assert_eq!(check(p, "other").verdict, Outcome::Unknown);
    assert!(check(p, "other").reason.zh.contains("短期行医许可"));
    let rows = [
        (
            json!({"professional_qualification": false}),
            Outcome::NotMet,
        ),
        (
            json!({"professional_qualification": null}),
            Outcome::Unknown,
        ),
        (json!({"years_experience": 1}), Outcome::NotMet),
        (json!({"degree": "none"}), Outcome::NotMet),
        (json!({"major": "dentistry"}), Outcome::Unknown),
        (
            json!({"major": "dentistry", "years_experience": 1}),
            Outcome::NotMet,
        ),
    ];
    for (change, expected) in rows {
        let facts = super::with(&met, change.clone());
        assert_eq!(post(&answer(facts), 25).verdict, expected, "{change}");
    }
    let a = answer(
        json!({"degree": "bachelor", "major": "electronics", "years_experience": 3,
                          "experience_field": "chip design"}),
    );
    assert_eq!(
        post(&a, 6).verdict,
        Outcome::Met,
        "post 6 needs no qualification"
    );
    assert!(post(&a, 6).reason.en.contains("all met"));
}

// `post` narrows the answer to one post; a post the catalogue lacks is an error naming the field.
#[test]
fn post_narrows_the_answer() {
    let a = answer(json!({"post": 6}));
    let ids: Vec<&str> = a.posts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["bj2022-a2/6"]);
    assert_eq!(a.criteria.len(), 36 + 33, "criteria are always all listed");
    let err = super::engine()
        .evaluate(&facts(json!({"post": 26})))
        .unwrap_err();
    assert_eq!(
        err,
        EligibilityError::UnknownPost {
            number: 26,
            count: 25
        }
    );
    assert!(err.to_string().starts_with("post:"), "{err}");
}

// evaluate_post is what search hits call: the same verdict as the full answer's, and a clause
// that is not a post says so instead of panicking.
#[test]
fn evaluate_post_matches_the_answer_and_refuses_non_posts() {
    let f = facts(
        json!({"degree": "master", "major": "cryptography", "years_experience": 2,
                         "experience_field": "privacy computing"}),
    );
    let clause = corpus().post(14).unwrap();
    let alone = super::engine().evaluate_post(clause, &f);
    let full = super::engine().evaluate(&f).unwrap();
    assert_eq!(&alone, post(&full, 14));
    assert_eq!(alone.verdict, Outcome::Met);
    let not_a_post = super::engine().evaluate_post(corpus().clause("bj2022-a1/5.1").unwrap(), &f);
    assert_eq!(not_a_post.verdict, Outcome::Unknown);
    assert!(not_a_post.checks.is_empty());
}
