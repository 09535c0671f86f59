//! `talentdex check <facts.json>`: a readable report, `--json` for scripts, and a one-line error
//! with a non-zero exit for a missing or malformed file.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::corpus_dir;

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talentdex"))
        .arg("--corpus")
        .arg(corpus_dir())
        .arg("check")
        .args(args)
        .output()
        .expect("talentdex runs")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn check_prints_a_report_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "facts.json",
        r#"{"as_of": "2026-11-21", "age": 41, "postdoc": true, "points": 85, "post": 6}"#,
    );
    let out = check(&[&file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("Eligibility as of 2026-11-21"), "{report}");
    assert!(
        report.contains("✗ postdoc") && report.contains("年龄41"),
        "{report}"
    );
    assert!(report.contains("✓ points"), "{report}");
    assert!(
        report.contains("? degree") && report.contains("bj2022-a2/6"),
        "{report}"
    );
    assert!(
        report.contains("Posts (Annex 2): 0 met, 0 not met, 1 undecided"),
        "{report}"
    );

    let out = check(&[&file, "--json"]);
    assert!(out.status.success());
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["posts"].as_array().unwrap().len(), 1);
    let postdoc = answer["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "bj2022-a1/5.1")
        .expect("5.1 is judged");
    assert_eq!(postdoc["verdict"], "not_met");
    assert_eq!(postdoc["in_force"], false, "the trial ended on 2024-12-31");
    assert!(report_has_note(&answer), "{answer}");
}

fn report_has_note(answer: &serde_json::Value) -> bool {
    answer["summary"]["text"]["en"]
        .as_str()
        .is_some_and(|t| t.contains(talentdex::eligibility::NOT_OFFICIAL_EN))
}

// A missing file, malformed JSON or a bad fact is one line on stderr and a non-zero exit.
#[test]
fn check_refuses_bad_files_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.json").to_string_lossy().into_owned();
    let malformed = write(dir.path(), "bad.json", "{\"age\": ");
    let bad_fact = write(dir.path(), "rank.json", r#"{"phd_university_rank": 0}"#);
    for (file, says) in [
        (missing.as_str(), "cannot read facts file"),
        (malformed.as_str(), "not JSON"),
        (bad_fact.as_str(), "phd_university_rank"),
    ] {
        let out = check(&[file]);
        assert!(!out.status.success(), "{file}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(says), "{err}");
        assert!(out.stdout.is_empty());
    }
}
