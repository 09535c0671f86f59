//! Facts: bad values rejected naming their field, unknown names rejected rather than ignored, and
//! query parameters read into the same facts as a JSON body.

use serde_json::{Value, json};
use talentdex::eligibility::{EligibilityError, FACT_PARAMS, Facts, Founder, MAP_KEY};
use talentdex::model::Degree;

/// The dotted field a bad fact is reported under.
fn bad_field(value: Value) -> String {
    match Facts::from_value(value.clone()) {
        Err(EligibilityError::InvalidFact { field, problem }) => {
            assert!(!problem.is_empty(), "{value}");
            field
        }
        Err(EligibilityError::UnknownFact { name, .. }) => format!("unknown:{name}"),
        other => panic!("{value}: expected a field error, got {other:?}"),
    }
}

// Every kind of bad fact names its field (wrong types, negative or absurd numbers, rank 0, an
// unknown degree word, unknown names at either level, contradictions).
#[test]
fn bad_facts_name_their_field() {
    let rows: &[(Value, &str)] = &[
        (json!({"age": -1}), "age"),
        (json!({"age": 200}), "age"),
        (json!({"age": "thirty"}), "age"),
        (json!({"age": 35.5}), "age"),
        (json!({"degree": "phd"}), "degree"),
        (json!({"degree": 3}), "degree"),
        (json!({"major": "  "}), "major"),
        (json!({"years_experience": -2}), "years_experience"),
        (
            json!({"years_experience": 30, "age": 25}),
            "years_experience",
        ),
        (json!({"postdoc": "yes"}), "postdoc"),
        (json!({"phd_university_rank": 0}), "phd_university_rank"),
        (
            json!({"phd_graduation_year": 2030, "as_of": "2026-11-21"}),
            "phd_graduation_year",
        ),
        (
            json!({"degree": "master", "phd_university_rank": 10}),
            "phd_university_rank",
        ),
        (json!({"salary_multiple": -0.5}), "salary_multiple"),
        (json!({"points": "many"}), "points"),
        (json!({"awards": "Fields Medal"}), "awards"),
        (json!({"awards": ["Fields Medal", ""]}), "awards[1]"),
        // Longer than any real one (issue 12: a 1 MB major made a 50 MB answer).
        (json!({"major": "x".repeat(401)}), "major"),
        (
            json!({"experience_field": "场".repeat(401)}),
            "experience_field",
        ),
        (
            json!({"company": {"role": "x".repeat(401)}}),
            "company.role",
        ),
        (json!({"awards": ["y".repeat(401)]}), "awards[0]"),
        (json!({"awards": vec!["Fields Medal"; 41]}), "awards"),
        (
            json!({"meets": {"bj2022-a1/3.5": "yes"}}),
            "meets.bj2022-a1/3.5",
        ),
        (
            json!({"postdoc_institution": "castle"}),
            "postdoc_institution",
        ),
        (
            json!({"founder": {"investment_usd": -1}}),
            "founder.investment_usd",
        ),
        (
            json!({"founder": {"share_percent": 101}}),
            "founder.share_percent",
        ),
        (
            json!({"founder": {"years_stable": -3}}),
            "founder.years_stable",
        ),
        (json!({"founder": 5}), "founder"),
        (
            json!({"company": {"annual_sales_cny": -1}}),
            "company.annual_sales_cny",
        ),
        (
            json!({"company": {"annual_tax_cny": -1}}),
            "company.annual_tax_cny",
        ),
        (
            json!({"company": {"consecutive_years": "three"}}),
            "company.consecutive_years",
        ),
        (json!({"company": {"role": ""}}), "company.role"),
        (json!({"as_of": "2026-13-01"}), "as_of"),
        (json!({"post": -1}), "post"),
        (json!({"post": 0}), "post"),
        (json!({"colour": "red"}), "unknown:colour"),
        (json!({"founder": {"shares": 30}}), "unknown:founder.shares"),
        (
            json!({"company": {"revenue": 1}}),
            "unknown:company.revenue",
        ),
    ];
    for (value, field) in rows {
        assert_eq!(bad_field(value.clone()), *field, "{value}");
    }
    assert_eq!(
        Facts::from_value(json!([1])),
        Err(EligibilityError::NotAnObject { found: "an array" })
    );
    assert!(matches!(
        Facts::from_json("{"),
        Err(EligibilityError::NotJson { .. })
    ));
    assert_eq!(Facts::from_json(" \n"), Ok(Facts::default()));
}

// Degree words: the SPEC's four and the Chinese degree names, any case.
#[test]
fn degree_words_in_either_language() {
    for (word, degree) in [
        ("Doctorate", Degree::Doctorate),
        ("博士", Degree::Doctorate),
        ("master", Degree::Master),
        ("硕士", Degree::Master),
        ("bachelor", Degree::Bachelor),
        ("学士", Degree::Bachelor),
        ("none", Degree::None),
    ] {
        let f = Facts::from_value(json!({"degree": word})).unwrap();
        assert_eq!(f.degree, Some(degree), "{word}");
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

// Query parameters: the same names flattened with dots, awards repeated or comma-separated.
#[test]
fn query_pairs_read_into_the_same_facts() {
    let f = Facts::from_query_pairs(&pairs(&[
        ("age", "35"),
        ("degree", "master"),
        ("years_experience", "1.5"),
        ("postdoc", "true"),
        ("founder.investment_usd", "600000"),
        ("founder.ip_contribution", "false"),
        ("awards", "Fields Medal"),
        ("awards", "图灵奖, Crawford Award、菲尔兹奖"),
        ("post", "6"),
        ("postdoc_institution", "enterprise"),
        ("meets.bj2022-a1/3.5", "true"),
        ("meets.cn2017-a/2.3", "false"),
    ]))
    .unwrap();
    let expected = Facts::from_value(json!({
        "age": 35, "degree": "master", "years_experience": 1.5, "postdoc": true,
        "founder": {"investment_usd": 600000.0, "ip_contribution": false},
        "awards": ["Fields Medal", "图灵奖", "Crawford Award", "菲尔兹奖"], "post": 6,
        "postdoc_institution": "enterprise",
        "meets": {"bj2022-a1/3.5": true, "cn2017-a/2.3": false}
    }))
    .unwrap();
    assert_eq!(f, expected);
    assert_eq!(
        f.founder,
        Some(Founder {
            investment_usd: Some(600000.0),
            ip_contribution: Some(false),
            ..Founder::default()
        })
    );
}

#[test]
fn bad_query_pairs_name_their_parameter() {
    let rows: &[(&[(&str, &str)], &str)] = &[
        (&[("q", "芯片")], "unknown:q"),
        (&[("founder.colour", "red")], "unknown:founder.colour"),
        (&[("age", "abc")], "age"),
        (&[("age", "35"), ("age", "36")], "age"),
        (&[("postdoc", "yes")], "postdoc"),
        (&[("salary_multiple", "NaN")], "salary_multiple"),
        (&[("founder.share_percent", "130")], "founder.share_percent"),
        (&[("degree", "phd")], "degree"),
        (&[("meets.bj2022-a1/3.5", "yes")], "meets.bj2022-a1/3.5"),
        (&[("meets", "true")], "unknown:meets"),
        (&[("founder", "x")], "unknown:founder"),
    ];
    for (list, field) in rows {
        let got = match Facts::from_query_pairs(&pairs(list)) {
            Err(EligibilityError::InvalidFact { field, .. }) => field,
            Err(EligibilityError::UnknownFact { name, .. }) => format!("unknown:{name}"),
            other => panic!("{list:?}: {other:?}"),
        };
        assert_eq!(got, *field, "{list:?}");
    }
}

// Regression guard: FACT_PARAMS must be exactly the facts' flattened field names, so search can
// tell fact parameters from its own and no fact is unreachable from a query string.
#[test]
fn fact_params_are_exactly_the_flattened_fields() {
    let every = json!({
        "as_of": "2026-11-21", "age": 35, "degree": "doctorate", "major": "physics",
        "years_experience": 3, "experience_field": "x", "professional_qualification": true,
        "postdoc": true, "stem": true, "phd_university_rank": 1, "phd_graduation_year": 2022,
        "salary_multiple": 6, "points": 85, "awards": ["Fields Medal"],
        "founder": {"investment_usd": 1, "share_percent": 1, "years_stable": 1, "ip_contribution": true},
        "company": {"role": "chairman", "annual_sales_cny": 1, "annual_tax_cny": 1,
                    "consecutive_years": 1, "ip_contribution": true},
        "post": 6, "postdoc_institution": "enterprise", "meets": {"bj2022-a1/3.5": true}
    });
    let facts = Facts::from_value(every).unwrap();
    let Value::Object(map) = serde_json::to_value(&facts).unwrap() else {
        panic!()
    };
    let mut names = Vec::new();
    for (key, value) in map {
        match value {
            Value::Object(_) if key == "meets" => names.push(format!("meets.{MAP_KEY}")),
            Value::Object(inner) => names.extend(inner.keys().map(|k| format!("{key}.{k}"))),
            _ => names.push(key),
        }
    }
    let mut params: Vec<String> = FACT_PARAMS.iter().map(|s| s.to_string()).collect();
    names.sort();
    params.sort();
    assert_eq!(names, params);
    assert!(FACT_PARAMS.iter().all(|p| Facts::is_fact_param(p)));
    for own in ["q", "lang", "limit", "offset", "founder", "doc", "meets"] {
        assert!(!Facts::is_fact_param(own), "{own}");
    }
}
