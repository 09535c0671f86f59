//! `talentdex cite`: the answer in a terminal and as JSON; `invalid` is an error with one line.

use std::process::{Command, Output};

use crate::common::corpus_dir;

fn cite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talentdex"))
        .arg("--corpus")
        .arg(corpus_dir())
        .arg("cite")
        .args(args)
        .output()
        .expect("talentdex runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

#[test]
fn cite_prints_status_id_and_both_citations() {
    let out = cite(&["附件1第二条第8项"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("found  bj2022-a1/2.8\n"), "{text}");
    assert!(
        text.contains("附件1 第二条第8项  |  Annex 1, II.8"),
        "{text}"
    );
}

#[test]
fn cite_joins_words_and_answers_json() {
    let out = cite(&["Annex", "2,", "No.", "6", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["input"], "Annex 2, No. 6");
    assert_eq!(json["status"], "found");
    assert_eq!(json["id"], "bj2022-a2/6");
}

#[test]
fn ambiguous_and_not_found_are_answers_not_errors() {
    let out = cite(&["第二条第8项"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("ambiguous  2 candidates"), "{text}");
    assert!(
        text.contains("bj2022-a1/2.8") && text.contains("cn2017-a/2.8"),
        "{text}"
    );
    let out = cite(&["附件2第26项"]);
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("not_found"));
}

#[test]
fn invalid_and_empty_input_fail_with_one_line() {
    for args in [&["hello"][..], &["   "], &["hello", "--json"]] {
        let out = cite(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).expect("UTF-8");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("talentdex: "), "{err}");
    }
}
