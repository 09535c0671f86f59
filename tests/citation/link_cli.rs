//! `talentdex link [FILE|-]`: a text with its citations linked, as JSON (the API's answer),
//! Markdown or HTML, for tools that post-process documents.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::common::corpus_dir;

fn link(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_talentdex"))
        .arg("--corpus")
        .arg(corpus_dir())
        .arg("link")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("talentdex runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("writes");
    child.wait_with_output().expect("talentdex ends")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

#[test]
fn markdown_links_found_clauses_and_ambiguous_citations_under_the_base() {
    let out = link(
        &["--base", "https://example.org/"],
        "参见第二条第8项及附件2第11、12项。",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout(&out),
        "参见[第二条第8项](https://example.org/cite/%E7%AC%AC%E4%BA%8C%E6%9D%A1%E7%AC%AC8%E9%A1%B9)及\
         [附件2第11](https://example.org/clause/bj2022-a2/11)、\
         [12项](https://example.org/clause/bj2022-a2/12)。"
    );
}

#[test]
fn html_escapes_the_text_and_skips_a_ranges_shared_span() {
    let out = link(
        &["-", "--format", "html"],
        "<b>附件1第三条第2至4项</b> & 附件2第26项",
    );
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "&lt;b&gt;<a href=\"/clause/bj2022-a1/3.2\">附件1第三条第2</a>\
         至<a href=\"/clause/bj2022-a1/3.4\">4项</a>&lt;/b&gt; &amp; 附件2第26项"
    );
}

#[test]
fn json_is_the_api_answer() {
    let out = link(&["--format", "json"], "Annex 2, Nos. 15 through 17");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = json["citations"]
        .as_array()
        .expect("citations")
        .iter()
        .map(|c| c["id"].as_str().expect("found"))
        .collect();
    assert_eq!(ids, ["bj2022-a2/15", "bj2022-a2/16", "bj2022-a2/17"]);
}

#[test]
fn a_missing_file_fails_with_one_line() {
    let out = link(&["/nonexistent/letter.txt"], "");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read /nonexistent/letter.txt"), "{err}");
}
